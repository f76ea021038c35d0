import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { OutcomeSchema, TermsSchema } from '~/deals/terms-schema'
import { acceptNda, assignBroker, cancelDeal, claimDeal, closeDeal, confirmTransfer, DealError, openNda, proposeTerms, recordOutcome, signTerms } from '~/models/deal.server'
import { confirmBankTransfer, startPayment } from '~/models/payment.server'
import { requireUser } from '~/utils/auth.server'
import { consume } from '~/utils/rate-limit.server'

// The deal page's form actions: one intent per button. Validation errors come back with what was
// typed, so nothing is lost; refusals come back as a translated message with a 4xx.

const INTENTS = ['openNda', 'acceptNda', 'proposeTerms', 'signTerms', 'pay', 'confirmTransfer', 'close', 'cancel', 'recordOutcome', 'assignBroker', 'claimBroker', 'confirmBankTransfer'] as const
export type DealIntent = (typeof INTENTS)[number]

export type DealActionData = { intent: DealIntent | null; error: string | null; fieldErrors: Record<string, string[]>; values: Record<string, string> }

/** Milestone rows arrive as milestones[0].title, …; blank rows (the form shows a few spare) are dropped. */
function termsInput(formData: FormData) {
	const rows: Array<Record<string, string>> = []
	for (let i = 0; i < 12; i++) {
		const row = Object.fromEntries(['title', 'amount', 'dueDate', 'deliverable'].map((k) => [k, String(formData.get(`milestones[${i}].${k}`) ?? '').trim()]))
		if (Object.values(row).some(Boolean)) rows.push(row)
	}
	return {
		transferMode: String(formData.get('transferMode') ?? ''),
		price: String(formData.get('price') ?? ''),
		commissionKind: String(formData.get('commissionKind') ?? 'NONE') || 'NONE',
		commissionPercent: String(formData.get('commissionPercent') ?? ''),
		commissionFixed: String(formData.get('commissionFixed') ?? ''),
		terms: String(formData.get('terms') ?? ''),
		milestones: rows,
	}
}

function typed(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {}
	for (const [k, v] of formData) if (typeof v === 'string' && k !== 'intent') values[k] = v
	return values
}

function issuesToFields(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
	const out: Record<string, string[]> = {}
	for (const issue of issues) {
		const key = issue.path.map(String).join('.') || 'form'
		;(out[key] ??= []).push(issue.message)
	}
	return out
}

export async function dealDetailAction(request: Request, dealId: string, locale: 'vi' | 'en') {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const intentRaw = String(formData.get('intent') ?? '')
	const intent = (INTENTS as readonly string[]).includes(intentRaw) ? (intentRaw as DealIntent) : null
	const reply = (status: number, error: string | null, fieldErrors: Record<string, string[]> = {}) =>
		data<DealActionData>({ intent, error, fieldErrors, values: typed(formData) }, { status })
	if (!intent) return reply(400, 'errors.badRequest')
	const done = (what: string) => redirect(`/deals/${dealId}?done=${what}`)
	try {
		switch (intent) {
			case 'openNda':
				await openNda(user, dealId)
				return done('ndaOpened')
			case 'acceptNda': {
				if (formData.get('agree') !== 'on') return reply(400, null, { agree: ['deals.errors.mustAgree'] })
				await acceptNda(user, dealId, Number(formData.get('ndaVersion')))
				return done('ndaAccepted')
			}
			case 'proposeTerms': {
				const parsed = TermsSchema.safeParse(termsInput(formData))
				if (!parsed.success) return reply(400, 'deals.errors.checkTerms', issuesToFields(parsed.error.issues))
				await proposeTerms(user, dealId, parsed.data)
				return done('termsProposed')
			}
			case 'signTerms':
				await signTerms(user, dealId, Number(formData.get('version')))
				return done('termsSigned')
			case 'pay': {
				const provider = formData.get('provider') === 'STRIPE' ? 'STRIPE' : 'BANK_TRANSFER'
				const origin = process.env.APP_URL ?? new URL(request.url).origin
				const started = await startPayment(user, {
					dealId,
					milestoneId: String(formData.get('milestoneId') ?? ''),
					provider,
					successUrl: `${origin}/deals/${dealId}?done=stripeReturned`,
					cancelUrl: `${origin}/deals/${dealId}?done=stripeCancelled`,
					locale,
					payerEmail: user.email,
				})
				if (started.error || !started.instructions) return reply(502, started.error ?? 'deals.payments.errors.providerFailed')
				if (started.instructions.kind === 'redirect') return redirect(started.instructions.url)
				return redirect(`/deals/${dealId}/payments/${started.paymentId}`)
			}
			case 'confirmTransfer':
				await confirmTransfer(user, dealId)
				return done('transferred')
			case 'close':
				await closeDeal(user, dealId)
				return done('closed')
			case 'cancel':
				await cancelDeal(user, dealId, String(formData.get('reason') ?? ''))
				return done('cancelled')
			case 'recordOutcome': {
				const parsed = parseWithZod(formData, { schema: OutcomeSchema })
				if (parsed.status !== 'success') return reply(400, 'deals.errors.checkOutcome', (parsed.reply().error ?? {}) as Record<string, string[]>)
				await recordOutcome(user, dealId, parsed.value)
				return done('outcomeRecorded')
			}
			case 'assignBroker':
				await assignBroker(user, dealId, String(formData.get('brokerId') ?? '') || null)
				return done('brokerAssigned')
			case 'claimBroker':
				await claimDeal(user, dealId)
				return done('claimed')
			case 'confirmBankTransfer':
				await confirmBankTransfer(user, String(formData.get('paymentId') ?? ''), String(formData.get('bankRef') ?? '') || null)
				return done('paymentConfirmed')
		}
	} catch (error) {
		if (error instanceof DealError) {
			if (error.key === 'deals.errors.notFound') throw data({ message: 'deals.errors.notFound' }, { status: 404 })
			return reply(error.status, error.key)
		}
		throw error
	}
}
