import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { allocateFixed, CommissionError, type CommissionErrorCode, splitPayment } from './commission'

function expectCode(run: () => unknown, code: CommissionErrorCode) {
	try {
		run()
	} catch (error) {
		expect(error).toBeInstanceOf(CommissionError)
		expect((error as CommissionError).code).toBe(code)
		return
	}
	throw new Error(`expected CommissionError ${code}`)
}

describe('splitPayment', () => {
	test('a percentage broker and the platform fee, each rounded half up', () => {
		expect(splitPayment({ amount: 100_000_000n, platformFeeBps: 200, broker: { kind: 'PERCENT', bps: 500 } })).toEqual({
			amount: 100_000_000n,
			platformFee: 2_000_000n,
			brokerShare: 5_000_000n,
			sellerNet: 93_000_000n,
		})
		// 2% of 25 = 0.5 rounds up; 2% of 24 = 0.48 rounds down; 1.5% of 1,000,001 = 15,000.015.
		expect(splitPayment({ amount: 25n, platformFeeBps: 200, broker: null }).platformFee).toBe(1n)
		expect(splitPayment({ amount: 24n, platformFeeBps: 200, broker: null }).platformFee).toBe(0n)
		expect(splitPayment({ amount: 1_000_001n, platformFeeBps: 150, broker: null })).toEqual({ amount: 1_000_001n, platformFee: 15_000n, brokerShare: 0n, sellerNet: 985_001n })
	})

	test('a fixed commission is earned in proportion to the agreement paid so far', () => {
		const broker = { kind: 'FIXED' as const, total: 10_000_000n, agreementTotal: 300_000_000n }
		expect(splitPayment({ amount: 100_000_000n, platformFeeBps: 0, broker }).brokerShare).toBe(3_333_333n)
		expect(splitPayment({ amount: 100_000_000n, platformFeeBps: 0, broker: { ...broker, paidSoFar: 100_000_000n } }).brokerShare).toBe(3_333_334n)
		expect(splitPayment({ amount: 100_000_000n, platformFeeBps: 0, broker: { ...broker, paidSoFar: 200_000_000n } }).brokerShare).toBe(3_333_333n)
		// Paying beyond the agreement earns the broker nothing more.
		expect(splitPayment({ amount: 50_000_000n, platformFeeBps: 0, broker: { ...broker, paidSoFar: 300_000_000n } }).brokerShare).toBe(0n)
		expect(splitPayment({ amount: 50_000_000n, platformFeeBps: 0, broker: { ...broker, paidSoFar: 280_000_000n } }).brokerShare).toBe(666_667n)
	})

	test('rejects fees above the amount, bad rates and negative amounts', () => {
		expectCode(() => splitPayment({ amount: 1_000n, platformFeeBps: 6_000, broker: { kind: 'PERCENT', bps: 5_000 } }), 'feesExceedAmount')
		expectCode(() => splitPayment({ amount: 1_000n, platformFeeBps: 200, broker: { kind: 'FIXED', total: 2_000n, agreementTotal: 1_000n } }), 'feesExceedAmount')
		for (const bps of [-1, 10_001, 2.5, Number.NaN]) {
			expectCode(() => splitPayment({ amount: 1_000n, platformFeeBps: bps, broker: null }), 'invalidRate')
			expectCode(() => splitPayment({ amount: 1_000n, platformFeeBps: 0, broker: { kind: 'PERCENT', bps } }), 'invalidRate')
		}
		expectCode(() => splitPayment({ amount: -1n, platformFeeBps: 200, broker: null }), 'invalidAmount')
		expectCode(() => splitPayment({ amount: 1n, platformFeeBps: 0, broker: { kind: 'FIXED', total: 1n, agreementTotal: 0n } }), 'invalidAmount')
		expectCode(() => splitPayment({ amount: 1n, platformFeeBps: 0, broker: { kind: 'FIXED', total: 1n, agreementTotal: 5n, paidSoFar: -1n } }), 'invalidAmount')
	})
})

describe('allocateFixed', () => {
	test('largest remainder, ties to the earlier part', () => {
		expect(allocateFixed(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n])
		expect(allocateFixed(10_000_000n, [50_000_000n, 30_000_000n, 20_000_000n])).toEqual([5_000_000n, 3_000_000n, 2_000_000n])
		// Exact quotas 1.4, 2.8, 5.8: floors 1+2+5 = 8, the two largest remainders (.8, .8) get one each.
		expect(allocateFixed(10n, [7n, 14n, 29n])).toEqual([1n, 3n, 6n])
		expect(allocateFixed(5n, [0n, 3n, 0n])).toEqual([0n, 5n, 0n])
		expect(allocateFixed(0n, [0n, 0n])).toEqual([0n, 0n])
		expect(allocateFixed(0n, [])).toEqual([])
	})

	test('rejects negative input and a total with nothing to split it across', () => {
		expectCode(() => allocateFixed(-1n, [1n]), 'invalidAmount')
		expectCode(() => allocateFixed(1n, [1n, -1n]), 'invalidParts')
		expectCode(() => allocateFixed(1n, [0n, 0n]), 'invalidParts')
		expectCode(() => allocateFixed(1n, []), 'invalidParts')
	})
})

describe('properties', () => {
	const money = fc.bigInt({ min: 0n, max: 10n ** 13n })

	test('allocated parts add up to the total, are non-negative and each within one đồng of its exact quota', () => {
		fc.assert(
			fc.property(money, fc.array(money, { minLength: 1, maxLength: 12 }), (total, parts) => {
				const whole = parts.reduce((a, b) => a + b, 0n)
				fc.pre(whole > 0n)
				const shares = allocateFixed(total, parts)
				expect(shares.reduce((a, b) => a + b, 0n)).toBe(total)
				shares.forEach((share, i) => {
					const floor = (total * parts[i]!) / whole
					expect(share === floor || share === floor + 1n).toBe(true)
				})
			}),
		)
	})

	test("each payment's shares add up to its amount and none is negative", () => {
		const rates = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })).filter(([a, b]) => a + b <= 9_000)
		fc.assert(
			fc.property(fc.bigInt({ min: 10n, max: 10n ** 13n }), rates, (amount, [platformFeeBps, bps]) => {
				const split = splitPayment({ amount, platformFeeBps, broker: { kind: 'PERCENT', bps } })
				expect(split.platformFee + split.brokerShare + split.sellerNet).toBe(amount)
				for (const part of [split.platformFee, split.brokerShare, split.sellerNet]) expect(part >= 0n).toBe(true)
			}),
		)
	})

	test('a fixed commission paid in any instalments adds up to its total exactly', () => {
		fc.assert(
			fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 11n }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 5_000 }), (instalments, platformFeeBps, commissionBps) => {
				const agreementTotal = instalments.reduce((a, b) => a + b, 0n)
				const total = (agreementTotal * BigInt(commissionBps)) / 10_000n
				let paidSoFar = 0n
				let earned = 0n
				for (const amount of instalments) {
					const split = splitPayment({ amount, platformFeeBps, broker: { kind: 'FIXED', total, agreementTotal, paidSoFar } })
					expect(split.platformFee + split.brokerShare + split.sellerNet).toBe(amount)
					expect(split.brokerShare >= 0n && split.sellerNet >= 0n).toBe(true)
					earned += split.brokerShare
					paidSoFar += amount
				}
				expect(earned).toBe(total)
			}),
		)
	})
})
