// One interface for every way a milestone can be paid. A provider starts a payment (a QR code to
// scan, a page to go to); what happened arrives later as provider events, which
// app/models/payment.server.ts records once each and applies moving forward only.

export type ProviderName = 'BANK_TRANSFER' | 'STRIPE'

/** What the provider needs to start paying one milestone; the amount is computed on the server. */
export type PaymentStart = {
	paymentId: string
	dealId: string
	dealCode: string
	milestoneId: string
	milestoneTitle: string
	/** VND, whole đồng (zero-decimal in Stripe: 65,000 ₫ is 65000). */
	amount: bigint
	/** The transfer reference written in a bank transfer, "CN" + 8 characters. */
	reference: string
	/** Absolute URLs the payer returns to; the success page never fulfils anything. */
	successUrl: string
	cancelUrl: string
	locale: 'vi' | 'en'
	payerEmail?: string | null
}

/** How the payer pays: scan a QR code / transfer by hand, or go to the provider's page. */
export type PaymentInstructions =
	| { kind: 'bank-transfer'; payload: string; bankBin: string; accountNumber: string; accountName: string; demo: boolean }
	| { kind: 'redirect'; url: string; providerRef: string }

/** A fact reported by a provider, normalised. `eventId` is unique per provider: replays are ignored. */
export type ProviderEvent = {
	provider: ProviderName
	eventId: string
	type: 'paid' | 'failed' | 'expired' | 'refunded'
	/** Our payment's id when the provider carries it (Stripe metadata), else found by providerRef. */
	paymentId: string | null
	providerRef: string | null
	/** For 'paid': what was received; for 'refunded': the total refunded so far. VND. */
	amount: bigint | null
	/** The event's time at the provider; applying never depends on arrival order. */
	occurredAt: Date
	raw?: unknown
}

export interface PaymentProvider {
	readonly name: ProviderName
	/** Whether it can be used here (Stripe needs its key; bank transfer needs an account, or demo mode). */
	available(): boolean
	start(payment: PaymentStart): Promise<PaymentInstructions>
}

/**
 * Ordering of payment states: an event may only move a payment to a higher rank, so retries and
 * events out of order end in the same state. FAILED and EXPIRED rank below PAID (a later success
 * of an asynchronous method still counts); REFUNDED is last.
 */
export const STATUS_RANK = { PENDING: 0, CANCELLED: 1, FAILED: 1, EXPIRED: 1, PAID: 2, REFUNDED: 3 } as const
export type PaymentStatusName = keyof typeof STATUS_RANK
