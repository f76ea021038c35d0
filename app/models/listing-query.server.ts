import type { ListingKind } from '~/models/listing-schema'
import { z } from 'zod'
import { IP_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'
import { OrganisationTypeSchema } from '~/utils/validation'

export const PAGE_SIZE = 20
/** Lists count at most this many matches ("1.000+"); counting every match of a broad filter costs more than it tells. */
export const COUNT_CAP = 1000

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined)
const money = z.coerce.number().int().min(0).max(1e15)

// A URL anyone can edit: values that do not parse are dropped, never answered with an error page.
export const ListingFiltersSchema = z.object({
	q: optional(z.string().trim().max(200)),
	field: optional(z.string().regex(/^\d{1,5}$/)),
	province: optional(z.string().regex(/^\d{2}$/)),
	trl: optional(z.coerce.number().int().min(1).max(9)),
	mode: optional(z.enum(TRANSFER_MODES)),
	ip: optional(z.enum(IP_STATUSES)),
	orgType: optional(OrganisationTypeSchema),
	min: optional(money),
	max: optional(money),
	sort: z.enum(['newest', 'price-asc', 'price-desc', 'trl-desc', 'views']).default('newest').catch('newest'),
	page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})

export type ListingFilters = z.infer<typeof ListingFiltersSchema>

/** The filters in a URL. Blank inputs (the form sends `min=&max=`) mean "any", never 0. */
export function parseListingFilters(search: URLSearchParams) {
	return ListingFiltersSchema.parse(Object.fromEntries([...search].filter(([, value]) => value.trim() !== '')))
}

/** The Prisma where-clause for published listings under these filters (shared by pages and the API). */
export function publishedWhere(kind: ListingKind, f: ListingFilters) {
	const and: Array<Record<string, unknown>> = [{ status: 'PUBLISHED' }]
	if (f.field) and.push({ fieldPaths: { has: f.field } })
	if (f.province) and.push({ provinceCode: f.province })
	if (f.mode) and.push({ transferModes: { has: f.mode } })
	if (f.orgType) and.push({ organisation: { type: f.orgType } })
	if (f.q) {
		const q = f.q.normalize('NFC')
		and.push({ OR: [{ title: { contains: q, mode: 'insensitive' } }, { keywords: { has: q } }] })
	}
	const [lo, hi] = kind === 'offer' ? ['priceMin', 'priceMax'] : ['budgetMin', 'budgetMax']
	// A range filter keeps listings whose own range overlaps it; open ends count as unbounded.
	if (f.min !== undefined) and.push({ OR: [{ [hi]: { gte: BigInt(f.min) } }, { [hi]: null, [lo]: { gte: BigInt(f.min) } }] })
	if (f.max !== undefined) and.push({ [lo]: { lte: BigInt(f.max) } })
	if (kind === 'offer') {
		if (f.trl) and.push({ trl: { gte: f.trl } })
		if (f.ip) and.push({ ipStatus: f.ip })
	} else if (f.trl) {
		and.push({ OR: [{ minTrl: { lte: f.trl } }, { minTrl: null }] })
	}
	return { AND: and }
}

export function orderBy(kind: ListingKind, sort: ListingFilters['sort']) {
	const price = kind === 'offer' ? 'priceMin' : 'budgetMin'
	switch (sort) {
		case 'price-asc':
			return [{ [price]: { sort: 'asc', nulls: 'last' } }, { publishedAt: 'desc' }]
		case 'price-desc':
			return [{ [price]: { sort: 'desc', nulls: 'last' } }, { publishedAt: 'desc' }]
		case 'trl-desc':
			// Published offers always have a TRL, so plain DESC (which the index serves) loses nothing.
			return kind === 'offer' ? [{ trl: 'desc' }, { publishedAt: 'desc' }] : [{ minTrl: { sort: 'desc', nulls: 'last' } }, { publishedAt: 'desc' }]
		case 'views':
			return [{ viewCount: 'desc' }, { publishedAt: 'desc' }]
		default:
			return [{ publishedAt: 'desc' }, { id: 'desc' }]
	}
}

export const listCardSelect = {
	offer: {
		id: true,
		title: true,
		summary: true,
		fieldCodes: true,
		keywords: true,
		trl: true,
		ipStatus: true,
		transferModes: true,
		priceMin: true,
		priceMax: true,
		priceNegotiable: true,
		publishedAt: true,
		viewCount: true,
		province: { select: { code: true, nameVi: true, nameEn: true } },
		organisation: { select: { id: true, slug: true, name: true, type: true, verifiedAt: true } },
	},
	demand: {
		id: true,
		title: true,
		problem: true,
		fieldCodes: true,
		keywords: true,
		minTrl: true,
		transferModes: true,
		budgetMin: true,
		budgetMax: true,
		budgetUndisclosed: true,
		deadline: true,
		publishedAt: true,
		viewCount: true,
		province: { select: { code: true, nameVi: true, nameEn: true } },
		organisation: { select: { id: true, slug: true, name: true, type: true, verifiedAt: true } },
	},
} as const
