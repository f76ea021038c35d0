import { z } from 'zod'
import { msg } from '~/utils/validation'

// Isomorphic: the forms, the actions and the API validate listings with these schemas.

export const TRANSFER_MODES = [
	'ASSIGNMENT',
	'LICENSING',
	'CAPITAL_CONTRIBUTION',
	'INVESTMENT_PROJECT',
	'CONSULTING',
	'TRAINING',
	'RD_CONTRACT',
	'EQUIPMENT_SALE',
] as const
export type TransferModeValue = (typeof TRANSFER_MODES)[number]

export const IP_STATUSES = ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'PLANT_VARIETY', 'KNOW_HOW', 'NONE'] as const
export type IpStatusValue = (typeof IP_STATUSES)[number]

export const LISTING_STATUSES = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'ARCHIVED', 'EXPIRED'] as const
export type ListingStatusValue = (typeof LISTING_STATUSES)[number]
export type ListingKind = 'offer' | 'demand'

export const LIMITS = {
	title: { min: 5, max: 200 },
	summary: { min: 30, max: 600 },
	body: { min: 80, max: 20_000 },
	keywords: { max: 20, each: 60 },
	fields: { max: 8 },
	ipNumbers: 300,
	// 10^15 đồng is far beyond any transfer; it keeps sums inside JavaScript's safe integers.
	money: 1_000_000_000_000_000,
	returnReason: { min: 10, max: 2000 },
} as const

const text = (max: number) =>
	z
		.string()
		.max(max, msg('validation.tooLong', { max }))
		.transform((v) => v.normalize('NFC').replace(/\r\n/g, '\n').trim())

const line = (max: number) =>
	z
		.string()
		.max(max, msg('validation.tooLong', { max }))
		.transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())

/** "1.500.000.000", "1,5e9"-free digits only: users type VND with dots, commas or spaces between groups. */
export const MoneySchema = z
	.union([z.string(), z.number()])
	.transform((v, ctx) => {
		const digits = String(v).replace(/[\s.,_₫đ]|VND|vnd/g, '')
		if (digits === '') return undefined
		if (!/^\d+$/.test(digits)) {
			ctx.addIssue({ code: 'custom', message: msg('listings.validation.money') })
			return z.NEVER
		}
		const n = Number(digits)
		if (n > LIMITS.money) {
			ctx.addIssue({ code: 'custom', message: msg('listings.validation.moneyTooLarge') })
			return z.NEVER
		}
		return n
	})
	.optional()

/** Keywords typed as one line separated by commas or semicolons, or sent as an array by the API. */
export const keywordsSchema = (limits: { max: number; each: number }, maxChars = 2000) =>
	z
		.union([z.string().max(maxChars, msg('validation.tooLong', { max: maxChars })), z.array(z.string()).max(50)])
		.optional()
		.transform((v, ctx) => {
			const raw = Array.isArray(v) ? v : (v ?? '').split(/[,;\n]/)
			const seen = new Set<string>()
			const out: string[] = []
			for (const item of raw) {
				const k = item.normalize('NFC').replace(/\s+/g, ' ').trim()
				if (!k) continue
				if (k.length > limits.each) {
					ctx.addIssue({ code: 'custom', message: msg('listings.validation.keywordTooLong', { max: limits.each }) })
					return z.NEVER
				}
				const key = k.toLocaleLowerCase('vi')
				if (!seen.has(key)) {
					seen.add(key)
					out.push(k)
				}
			}
			if (out.length > limits.max) {
				ctx.addIssue({ code: 'custom', message: msg('listings.validation.tooManyKeywords', { max: limits.max }) })
				return z.NEVER
			}
			return out
		})

export const KeywordsSchema = keywordsSchema(LIMITS.keywords)

const codeList = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))

export const FieldCodesSchema = codeList.pipe(
	z
		.array(z.string().regex(/^\d{1,5}$/, msg('listings.validation.field')))
		.max(LIMITS.fields.max, msg('listings.validation.tooManyFields', { max: LIMITS.fields.max })),
)

export const TransferModesSchema = codeList.pipe(z.array(z.enum(TRANSFER_MODES, { error: msg('validation.choose') })))

const Trl = z.coerce
	.number({ error: msg('listings.validation.trl') })
	.int(msg('listings.validation.trl'))
	.min(1, msg('listings.validation.trl'))
	.max(9, msg('listings.validation.trl'))
	.optional()

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.boolean()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true')

const Province = z
	.string()
	.regex(/^\d{2}$/, msg('validation.province'))
	.optional()

function rangeCheck(min: number | undefined, max: number | undefined, path: string, ctx: z.RefinementCtx) {
	if (min !== undefined && max !== undefined && min > max) ctx.addIssue({ code: 'custom', path: [path], message: msg('listings.validation.range') })
}

/** Everything a draft may hold: only the title is required, every value is checked when given. */
export const OfferDraftObject = z.object({
		title: line(LIMITS.title.max).pipe(z.string().min(LIMITS.title.min, msg('validation.tooShort', { min: LIMITS.title.min }))),
		summary: line(LIMITS.summary.max).optional(),
		description: text(LIMITS.body.max).optional(),
		confidential: text(LIMITS.body.max).optional(),
		fieldCodes: FieldCodesSchema,
		keywords: KeywordsSchema,
		trl: Trl,
		ipStatus: z.enum(IP_STATUSES, { error: msg('validation.choose') }).optional(),
		ipNumbers: line(LIMITS.ipNumbers).optional(),
		transferModes: TransferModesSchema,
		priceMin: MoneySchema,
		priceMax: MoneySchema,
		priceNegotiable: checkbox,
		provinceCode: Province,
	})

export const OfferDraftSchema = OfferDraftObject.superRefine((v, ctx) => rangeCheck(v.priceMin, v.priceMax, 'priceMax', ctx))

export type OfferDraft = z.infer<typeof OfferDraftSchema>

/** What an offer must have before an operator sees it. */
export function offerSubmitIssues(v: OfferDraft) {
	const issues: Array<{ path: string; message: string }> = []
	if (!v.summary || v.summary.length < LIMITS.summary.min) issues.push({ path: 'summary', message: msg('validation.tooShort', { min: LIMITS.summary.min }) })
	if (!v.description || v.description.length < LIMITS.body.min) issues.push({ path: 'description', message: msg('validation.tooShort', { min: LIMITS.body.min }) })
	if (v.fieldCodes.length === 0) issues.push({ path: 'fieldCodes', message: msg('listings.validation.fieldRequired') })
	if (v.trl === undefined) issues.push({ path: 'trl', message: msg('listings.validation.trl') })
	if (v.transferModes.length === 0) issues.push({ path: 'transferModes', message: msg('listings.validation.modeRequired') })
	if (!v.priceNegotiable && v.priceMin === undefined && v.priceMax === undefined) issues.push({ path: 'priceMin', message: msg('listings.validation.priceRequired') })
	if (!v.provinceCode) issues.push({ path: 'provinceCode', message: msg('validation.province') })
	return issues
}

export const DemandDraftObject = z.object({
		title: line(LIMITS.title.max).pipe(z.string().min(LIMITS.title.min, msg('validation.tooShort', { min: LIMITS.title.min }))),
		problem: text(LIMITS.body.max).optional(),
		desiredOutcome: text(LIMITS.body.max).optional(),
		fieldCodes: FieldCodesSchema,
		keywords: KeywordsSchema,
		minTrl: Trl,
		budgetMin: MoneySchema,
		budgetMax: MoneySchema,
		budgetUndisclosed: checkbox,
		deadline: z
			.string()
			.optional()
			.transform((v, ctx) => {
				if (!v) return undefined
				const d = new Date(`${v.slice(0, 10)}T00:00:00+07:00`)
				if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime())) {
					ctx.addIssue({ code: 'custom', message: msg('listings.validation.date') })
					return z.NEVER
				}
				return d
			}),
		transferModes: TransferModesSchema,
		provinceCode: Province,
	})

export const DemandDraftSchema = DemandDraftObject.superRefine((v, ctx) => rangeCheck(v.budgetMin, v.budgetMax, 'budgetMax', ctx))

export type DemandDraft = z.infer<typeof DemandDraftSchema>

export function demandSubmitIssues(v: DemandDraft, now = new Date()) {
	const issues: Array<{ path: string; message: string }> = []
	if (!v.problem || v.problem.length < LIMITS.body.min) issues.push({ path: 'problem', message: msg('validation.tooShort', { min: LIMITS.body.min }) })
	if (!v.desiredOutcome || v.desiredOutcome.length < LIMITS.summary.min) issues.push({ path: 'desiredOutcome', message: msg('validation.tooShort', { min: LIMITS.summary.min }) })
	if (v.fieldCodes.length === 0) issues.push({ path: 'fieldCodes', message: msg('listings.validation.fieldRequired') })
	if (v.transferModes.length === 0) issues.push({ path: 'transferModes', message: msg('listings.validation.modeRequired') })
	if (!v.budgetUndisclosed && v.budgetMin === undefined && v.budgetMax === undefined) issues.push({ path: 'budgetMin', message: msg('listings.validation.budgetRequired') })
	if (!v.provinceCode) issues.push({ path: 'provinceCode', message: msg('validation.province') })
	if (v.deadline && v.deadline < now) issues.push({ path: 'deadline', message: msg('listings.validation.deadlinePast') })
	return issues
}

export const ReturnReasonSchema = z
	.string({ error: msg('validation.required') })
	.transform((v) => v.normalize('NFC').trim())
	.pipe(
		z
			.string()
			.min(LIMITS.returnReason.min, msg('validation.tooShort', { min: LIMITS.returnReason.min }))
			.max(LIMITS.returnReason.max, msg('validation.tooLong', { max: LIMITS.returnReason.max })),
	)

/** Fields whose change on a published listing needs an operator's review again. */
export const MATERIAL_FIELDS = {
	offer: ['title', 'summary', 'description', 'confidential', 'ipStatus', 'ipNumbers', 'priceMin', 'priceMax', 'priceNegotiable'],
	demand: ['title', 'problem', 'desiredOutcome', 'budgetMin', 'budgetMax', 'budgetUndisclosed'],
} as const satisfies Record<ListingKind, readonly string[]>

/** The guided form's steps and the fields each one edits. */
export const STEPS = {
	offer: {
		basics: ['title', 'summary', 'description', 'fieldCodes', 'keywords', 'provinceCode'],
		technical: ['trl', 'ipStatus', 'ipNumbers', 'confidential'],
		commercial: ['transferModes', 'priceMin', 'priceMax', 'priceNegotiable'],
		attachments: [],
		review: [],
	},
	demand: {
		basics: ['title', 'problem', 'desiredOutcome', 'fieldCodes', 'keywords', 'provinceCode'],
		technical: ['minTrl', 'deadline'],
		commercial: ['transferModes', 'budgetMin', 'budgetMax', 'budgetUndisclosed'],
		attachments: [],
		review: [],
	},
} as const satisfies Record<ListingKind, Record<string, readonly string[]>>

export type StepName = keyof (typeof STEPS)['offer']
export const STEP_ORDER: StepName[] = ['basics', 'technical', 'commercial', 'attachments', 'review']

/** The schema of one step's fields (for the browser's validation of that step's form). */
export function stepSchema(kind: ListingKind, step: StepName) {
	const fields = STEPS[kind][step] as readonly string[]
	const object = kind === 'offer' ? OfferDraftObject : DemandDraftObject
	const shape = Object.fromEntries(Object.entries(object.shape).filter(([k]) => fields.includes(k)))
	return z.object(shape)
}
