import { z } from 'zod'
import { TRANSFER_MODES } from '~/models/listing-schema'

// The terms of a deal as the form and the API send them. Money arrives as text of digits (VND has no
// minor unit; JSON numbers lose whole đồng above 2^53), dots and spaces as thousands separators allowed.

export const MAX_MILESTONES = 12
export const MAX_PRICE = 10n ** 15n // a quadrillion đồng: well above any transfer, below Postgres' bigint

const vnd = z
	.union([z.string(), z.number().int()])
	.transform((v, ctx) => {
		const text = String(v).replace(/[.\s,_]/g, '').replace(/(₫|vnd|đ)$/i, '')
		if (!/^\d{1,16}$/.test(text)) {
			ctx.addIssue({ code: 'custom', message: 'deals.errors.amount' })
			return z.NEVER
		}
		const amount = BigInt(text)
		if (amount > MAX_PRICE) {
			ctx.addIssue({ code: 'custom', message: 'deals.errors.amountTooLarge' })
			return z.NEVER
		}
		return amount
	})

const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'deals.errors.date')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'deals.errors.date')

export const MilestoneSchema = z.object({
	title: z.string().trim().min(1, 'deals.errors.milestoneTitle').max(200, 'deals.errors.tooLong'),
	amount: vnd,
	dueDate: isoDate.optional().or(z.literal('').transform(() => undefined)),
	deliverable: z.string().trim().max(2000, 'deals.errors.tooLong').default(''),
})

export const TermsSchema = z
	.object({
		transferMode: z.enum(TRANSFER_MODES, { message: 'deals.errors.transferMode' }),
		price: vnd,
		commissionKind: z.enum(['NONE', 'PERCENT', 'FIXED']).default('NONE'),
		// "2.5" per cent, kept as 250 hundredths so arithmetic stays in integers.
		commissionPercent: z
			.string()
			.trim()
			.optional()
			.transform((v, ctx) => {
				if (!v) return undefined
				const m = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(v)
				if (!m || Number(m[1]) > 50) {
					ctx.addIssue({ code: 'custom', message: 'deals.errors.commissionPercent' })
					return z.NEVER
				}
				return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
			}),
		commissionFixed: vnd.optional().or(z.literal('').transform(() => undefined)),
		terms: z.string().trim().max(20_000, 'deals.errors.tooLong').default(''),
		milestones: z.array(MilestoneSchema).max(MAX_MILESTONES, 'deals.errors.tooManyMilestones').default([]),
	})
	.superRefine((t, ctx) => {
		const sum = t.milestones.reduce((s, m) => s + m.amount, 0n)
		if (t.price > 0n && t.milestones.length === 0) ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'deals.errors.milestonesNeeded' })
		if (t.milestones.length > 0 && sum !== t.price) ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'deals.errors.milestonesSum' })
		if (t.milestones.some((m) => m.amount <= 0n)) ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'deals.errors.milestoneAmount' })
		if (t.commissionKind === 'PERCENT' && t.commissionPercent === undefined) ctx.addIssue({ code: 'custom', path: ['commissionPercent'], message: 'deals.errors.commissionPercent' })
		if (t.commissionKind === 'FIXED' && (t.commissionFixed === undefined || t.commissionFixed > t.price))
			ctx.addIssue({ code: 'custom', path: ['commissionFixed'], message: 'deals.errors.commissionFixed' })
	})

export type Terms = z.output<typeof TermsSchema>

/** A transfer closed off the platform, as the deal page's form and the API record it. */
export const OutcomeSchema = z.object({
	value: vnd,
	mode: z.enum(TRANSFER_MODES, { message: 'deals.errors.transferMode' }),
	date: isoDate.transform((s) => new Date(`${s}T12:00:00+07:00`)),
})

/** The stored shape of proposed milestones (JSON: amounts as strings). */
export type StoredMilestone = { title: string; amount: string; dueDate: string | null; deliverable: string }

export function storeMilestones(terms: Terms): StoredMilestone[] {
	return terms.milestones.map((m) => ({ title: m.title, amount: m.amount.toString(), dueDate: m.dueDate ?? null, deliverable: m.deliverable }))
}

/** Reads stored milestones back, dropping anything malformed rather than failing a page. */
export function readMilestones(json: unknown): StoredMilestone[] {
	if (!Array.isArray(json)) return []
	return json.flatMap((m) =>
		m && typeof m === 'object' && typeof m.title === 'string' && typeof m.amount === 'string' && /^\d+$/.test(m.amount)
			? [{ title: m.title, amount: m.amount, dueDate: typeof m.dueDate === 'string' ? m.dueDate : null, deliverable: typeof m.deliverable === 'string' ? m.deliverable : '' }]
			: [],
	)
}
