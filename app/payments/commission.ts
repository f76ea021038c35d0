// Who gets what of a payment: the platform's fee, the broker's commission and the seller's net,
// in whole đồng. Pure, so the deal pages, the receipt and the payout use the same figures.

export const BPS_PER_WHOLE = 10_000
const WHOLE = BigInt(BPS_PER_WHOLE)

export type BrokerTerms =
	| null
	/** A share of every payment, in basis points (200 = 2%), 0 to 10,000. */
	| { kind: 'PERCENT'; bps: number }
	/**
	 * A fixed commission for the whole agreement, earned as the agreement is paid: `paidSoFar` is
	 * what earlier payments of the agreement brought in (default 0).
	 */
	| { kind: 'FIXED'; total: bigint; agreementTotal: bigint; paidSoFar?: bigint }

export type PaymentSplit = { amount: bigint; platformFee: bigint; brokerShare: bigint; sellerNet: bigint }

export type CommissionErrorCode = 'invalidAmount' | 'invalidRate' | 'feesExceedAmount' | 'invalidParts'

export class CommissionError extends Error {
	readonly code: CommissionErrorCode

	constructor(code: CommissionErrorCode, message: string) {
		super(message)
		this.name = 'CommissionError'
		this.code = code
	}
}

// value × numerator / denominator rounded half up, for non-negative values and a positive denominator.
function mulDivHalfUp(value: bigint, numerator: bigint, denominator: bigint): bigint {
	return (2n * value * numerator + denominator) / (2n * denominator)
}

function checkBps(bps: number, what: string): bigint {
	if (!Number.isInteger(bps) || bps < 0 || bps > BPS_PER_WHOLE) throw new CommissionError('invalidRate', `${what} must be a whole number of basis points from 0 to ${BPS_PER_WHOLE}`)
	return BigInt(bps)
}

function fixedShare(amount: bigint, terms: { total: bigint; agreementTotal: bigint; paidSoFar?: bigint }): bigint {
	const { total, agreementTotal, paidSoFar = 0n } = terms
	if (total < 0n || agreementTotal <= 0n || paidSoFar < 0n) throw new CommissionError('invalidAmount', 'A fixed commission needs a total ≥ 0, an agreement total > 0 and paidSoFar ≥ 0')
	// Each payment gets the commission earned up to its end minus what was earned before it, so
	// however the agreement is paid in instalments the shares add up to the total exactly; money
	// beyond the agreement total earns nothing more.
	const earned = (paid: bigint) => mulDivHalfUp(total, paid < agreementTotal ? paid : agreementTotal, agreementTotal)
	return earned(paidSoFar + amount) - earned(paidSoFar)
}

/** Splits one payment into platform fee, broker share and seller net (each rounded half up); throws CommissionError when the fees exceed the amount. */
export function splitPayment({ amount, platformFeeBps, broker }: { amount: bigint; platformFeeBps: number; broker: BrokerTerms }): PaymentSplit {
	if (amount < 0n) throw new CommissionError('invalidAmount', 'The amount must not be negative')
	const platformFee = mulDivHalfUp(amount, checkBps(platformFeeBps, 'The platform fee'), WHOLE)
	let brokerShare = 0n
	if (broker?.kind === 'PERCENT') brokerShare = mulDivHalfUp(amount, checkBps(broker.bps, "The broker's rate"), WHOLE)
	else if (broker?.kind === 'FIXED') brokerShare = fixedShare(amount, broker)
	const sellerNet = amount - platformFee - brokerShare
	if (sellerNet < 0n) throw new CommissionError('feesExceedAmount', `Fees of ${platformFee + brokerShare} đồng exceed the payment of ${amount} đồng`)
	return { amount, platformFee, brokerShare, sellerNet }
}

/** Splits a total across parts in proportion to their sizes (largest remainder, ties to the earlier part), so the results add up to the total exactly. */
export function allocateFixed(total: bigint, parts: bigint[]): bigint[] {
	if (total < 0n) throw new CommissionError('invalidAmount', 'The total must not be negative')
	if (parts.some((p) => p < 0n)) throw new CommissionError('invalidParts', 'Parts must not be negative')
	const whole = parts.reduce((sum, p) => sum + p, 0n)
	if (whole === 0n) {
		if (total === 0n) return parts.map(() => 0n)
		throw new CommissionError('invalidParts', 'A total cannot be split across parts that are all zero (or none)')
	}
	const shares = parts.map((p) => (total * p) / whole)
	let left = total - shares.reduce((sum, s) => sum + s, 0n)
	const byRemainder = parts
		.map((p, i) => ({ i, remainder: (total * p) % whole }))
		.sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1))
	// left < parts.length, since each floor loses less than one đồng.
	for (const { i } of byRemainder) {
		if (left === 0n) break
		shares[i]! += 1n
		left -= 1n
	}
	return shares
}
