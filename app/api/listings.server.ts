// The JSON API of technology offers and demands (/api/v1/offers, /api/v1/demands). One
// implementation parameterised by kind keeps the two alike; the route modules only bind a kind.
// Rules (who sees and changes what, the lifecycle) stay in the models: this module translates
// between HTTP and them.
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import {
	createDemand,
	demandDraftValues,
	getDemand,
	updateDemand,
} from '~/models/demand.server'
import { COUNT_CAP, listCardSelect, publishedWhere, type ListingFilters } from '~/models/listing-query.server'
import {
	DemandDraftSchema,
	IP_STATUSES,
	LIMITS,
	OfferDraftSchema,
	ReturnReasonSchema,
	TRANSFER_MODES,
	type DemandDraft,
	type ListingKind,
	type OfferDraft,
} from '~/models/listing-schema'
import { isMemberOf, isOperator, ListingError, type Actor } from '~/models/listing.server'
import {
	createOffer,
	getOffer,
	offerDraftValues,
	updateOffer,
} from '~/models/offer.server'
import { prisma } from '~/utils/db.server'
import { clientIp } from '~/utils/http.server'
import { msg, OrganisationTypeSchema } from '~/utils/validation'
import { getApiPrincipal, requireApiPrincipal, requireApiUser, type ApiPrincipal } from './auth.server'
import { ApiError, forbidden, notFound, validationFailed, type FieldErrors } from './errors.server'
import { apiRoute } from './handler.server'
import {
	cursorPaged,
	keysetAfter,
	keysetOrderBy,
	paged,
	readListPaging,
	updatedSinceQuery,
	type KeysetOrder,
	type SortKey,
} from './pagination.server'
import { apiJson, digest, revalidatedJson, spendPublicRead } from './responses.server'
import { commonListQueryFields, parseQuery, readJsonObject, validate } from './validation.server'
import { runListingAction } from '~/models/listing-actions.server'
import { listEvidence, type EvidenceItem } from '~/models/offer-evidence.server'

export type { ListingKind }

// ---------------------------------------------------------------------------------------------
// Request schemas. The API takes typed JSON (numbers for money and TRL, arrays for lists, booleans
// for flags) where the forms take strings; these check the types and limits and are what the
// OpenAPI document shows. The draft schemas of the models then normalise and check the merged
// result, so the API and the forms cannot disagree about what a valid listing is.
// ---------------------------------------------------------------------------------------------

const apiText = (max: number) =>
	z
		.string({ error: msg('validation.invalid') })
		.max(max, msg('validation.tooLong', { max }))
		// PostgreSQL text cannot hold U+0000: refused here instead of failing in the database.
		.refine((v) => !v.includes('\u0000'), msg('validation.invalid'))

const apiTitle = z
	.string({ error: msg('validation.required') })
	.min(LIMITS.title.min, msg('validation.tooShort', { min: LIMITS.title.min }))
	.max(LIMITS.title.max, msg('validation.tooLong', { max: LIMITS.title.max }))
	.refine((v) => !v.includes('\u0000'), msg('validation.invalid'))

const apiMoney = z
	.number({ error: msg('listings.validation.money') })
	.int(msg('listings.validation.money'))
	.min(0, msg('listings.validation.money'))
	.max(LIMITS.money, msg('listings.validation.moneyTooLarge'))
	.describe('Whole đồng (VND), as a JSON integer.')

const apiTrl = z
	.number({ error: msg('listings.validation.trl') })
	.int(msg('listings.validation.trl'))
	.min(1, msg('listings.validation.trl'))
	.max(9, msg('listings.validation.trl'))
	.describe('Technology readiness level, 1 to 9.')

const apiFieldCodes = z
	.array(z.string({ error: msg('listings.validation.field') }).regex(/^\d{1,5}$/, msg('listings.validation.field')), { error: msg('validation.invalid') })
	.max(LIMITS.fields.max, msg('listings.validation.tooManyFields', { max: LIMITS.fields.max }))
	.describe('S&T field codes (see /reference/fields), at most 8.')

const apiKeywords = z
	.array(
		z
			.string({ error: msg('validation.invalid') })
			.max(LIMITS.keywords.each, msg('listings.validation.keywordTooLong', { max: LIMITS.keywords.each }))
			.refine((v) => !v.includes('\u0000'), msg('validation.invalid')),
		{ error: msg('validation.invalid') },
	)
	.max(LIMITS.keywords.max, msg('listings.validation.tooManyKeywords', { max: LIMITS.keywords.max }))
	.describe('Keywords; duplicates (ignoring case) and blanks are dropped.')

const apiTransferModes = z
	.array(z.enum(TRANSFER_MODES, { error: msg('validation.choose') }), { error: msg('validation.invalid') })
	.max(TRANSFER_MODES.length, msg('validation.invalid'))

const apiProvince = z
	.string({ error: msg('validation.province') })
	.regex(/^\d{2}$/, msg('validation.province'))
	.describe('Province code (see /reference/provinces).')

const apiFlag = z.boolean({ error: msg('api.errors.booleanExpected') })

// null clears an optional field; leaving a field out keeps what is stored.
const clearable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

const offerFields = {
	title: apiTitle,
	summary: clearable(apiText(LIMITS.summary.max)),
	description: clearable(apiText(LIMITS.body.max).describe('Markdown.')),
	confidential: clearable(
		apiText(LIMITS.body.max).describe('Markdown. Shown only to the owning organisation (its members and API keys) and the operators.'),
	),
	fieldCodes: clearable(apiFieldCodes),
	keywords: clearable(apiKeywords),
	trl: clearable(apiTrl),
	ipStatus: clearable(z.enum(IP_STATUSES, { error: msg('validation.choose') })),
	ipNumbers: clearable(apiText(LIMITS.ipNumbers).describe('Patent or application numbers.')),
	transferModes: clearable(apiTransferModes),
	priceMin: clearable(apiMoney),
	priceMax: clearable(apiMoney),
	priceNegotiable: clearable(apiFlag),
	provinceCode: clearable(apiProvince),
}

const demandFields = {
	title: apiTitle,
	problem: clearable(apiText(LIMITS.body.max).describe('Markdown.')),
	desiredOutcome: clearable(apiText(LIMITS.body.max).describe('Markdown.')),
	fieldCodes: clearable(apiFieldCodes),
	keywords: clearable(apiKeywords),
	minTrl: clearable(apiTrl),
	budgetMin: clearable(apiMoney),
	budgetMax: clearable(apiMoney),
	budgetUndisclosed: clearable(apiFlag),
	deadline: clearable(z.iso.date({ error: msg('listings.validation.date') }).describe('A date (YYYY-MM-DD), Vietnam time.')),
	transferModes: clearable(apiTransferModes),
	provinceCode: clearable(apiProvince),
}

const organisationIdField = z
	.string({ error: msg('validation.organisation') })
	.min(1, msg('validation.organisation'))
	.max(64, msg('validation.organisation'))
	.optional()
	.describe('The organisation listing it; the caller must be an active member. An API key may leave it out (its own organisation) and may name no other.')

export const OfferCreateSchema = z.strictObject({ organisationId: organisationIdField, ...offerFields })
export const OfferPatchSchema = z.strictObject({ ...offerFields, title: apiTitle.optional() })
export const DemandCreateSchema = z.strictObject({ organisationId: organisationIdField, ...demandFields })
export const DemandPatchSchema = z.strictObject({ ...demandFields, title: apiTitle.optional() })

export const ListingReturnSchema = z.strictObject({
	// The bounds before the pipe are for the OpenAPI document; ReturnReasonSchema checks the trimmed text.
	reason: z
		.string({ error: msg('validation.required') })
		.min(LIMITS.returnReason.min, msg('validation.tooShort', { min: LIMITS.returnReason.min }))
		.max(LIMITS.returnReason.max, msg('validation.tooLong', { max: LIMITS.returnReason.max }))
		.describe('Why it goes back; the owners see it.')
		.pipe(ReturnReasonSchema),
})
const NoBody = z.strictObject({})

export const LISTING_SORTS = ['newest', 'price-asc', 'price-desc', 'trl-desc', 'views'] as const satisfies ReadonlyArray<ListingFilters['sort']>

const moneyQuery = z.coerce
	.number({ error: msg('listings.validation.money') })
	.int(msg('listings.validation.money'))
	.min(0, msg('listings.validation.money'))
	.max(LIMITS.money, msg('listings.validation.moneyTooLarge'))

// The filters of the public list pages; unlike the pages (which drop what does not parse), the API
// answers a bad filter with 400, so an integration's typo does not silently widen its results.
const listQueryFields = {
	...commonListQueryFields,
	trl: z.coerce
		.number({ error: msg('listings.validation.trl') })
		.int(msg('listings.validation.trl'))
		.min(1, msg('listings.validation.trl'))
		.max(9, msg('listings.validation.trl'))
		.optional(),
	mode: z.enum(TRANSFER_MODES, { error: msg('validation.choose') }).optional(),
	orgType: OrganisationTypeSchema.optional(),
	min: moneyQuery.optional(),
	max: moneyQuery.optional(),
	updatedSince: updatedSinceQuery.optional(),
	sort: z.enum(LISTING_SORTS, { error: msg('validation.choose') }).default('newest'),
}

const rangeOrder = (v: { min?: number; max?: number }, ctx: z.RefinementCtx) => {
	if (v.min !== undefined && v.max !== undefined && v.min > v.max) ctx.addIssue({ code: 'custom', path: ['max'], message: msg('listings.validation.range') })
}

export const OfferListQuery = z
	.object({ ...listQueryFields, ip: z.enum(IP_STATUSES, { error: msg('validation.choose') }).optional() })
	.superRefine(rangeOrder)
export const DemandListQuery = z.object(listQueryFields).superRefine(rangeOrder)

type ListingSort = (typeof LISTING_SORTS)[number]
type ListQuery = Omit<ListingFilters, 'page'> & { updatedSince?: Date }

const byId = (dir: 'asc' | 'desc'): SortKey => ({ field: 'id', dir, type: 'string' })
// Published listings always have a publication time; NULLS FIRST is what DESC means in PostgreSQL
// anyway, so the (status, publishedAt DESC) index still serves the order.
const newestFirst: SortKey[] = [{ field: 'publishedAt', dir: 'desc', type: 'date', nulls: 'first' }, byId('desc')]

/**
 * The order of each sort of the public lists, ending in the id so that every position is unique,
 * and whether a cursor can page it. `views` cannot: view counts grow while a client walks the
 * list, so an item would move across the cursor and be skipped or repeated; it pages by number.
 */
export const LISTING_ORDERS: Record<ListingKind, Record<ListingSort, { keys: KeysetOrder; cursor: boolean }>> = {
	offer: {
		newest: { keys: newestFirst, cursor: true },
		'price-asc': { keys: [{ field: 'priceMin', dir: 'asc', type: 'bigint', nulls: 'last' }, ...newestFirst], cursor: true },
		'price-desc': { keys: [{ field: 'priceMin', dir: 'desc', type: 'bigint', nulls: 'last' }, ...newestFirst], cursor: true },
		// Published offers always have a TRL; NULLS FIRST is plain DESC, which the (status, trl DESC, publishedAt DESC) index serves.
		'trl-desc': { keys: [{ field: 'trl', dir: 'desc', type: 'int', nulls: 'first' }, ...newestFirst], cursor: true },
		views: { keys: [{ field: 'viewCount', dir: 'desc', type: 'int' }, ...newestFirst], cursor: false },
	},
	demand: {
		newest: { keys: newestFirst, cursor: true },
		'price-asc': { keys: [{ field: 'budgetMin', dir: 'asc', type: 'bigint', nulls: 'last' }, ...newestFirst], cursor: true },
		'price-desc': { keys: [{ field: 'budgetMin', dir: 'desc', type: 'bigint', nulls: 'last' }, ...newestFirst], cursor: true },
		'trl-desc': { keys: [{ field: 'minTrl', dir: 'desc', type: 'int', nulls: 'last' }, ...newestFirst], cursor: true },
		views: { keys: [{ field: 'viewCount', dir: 'desc', type: 'int' }, ...newestFirst], cursor: false },
	},
}

export const LISTING_ACTIONS = ['submit', 'publish', 'return', 'archive', 'restore', 'renew'] as const
export type ListingAction = (typeof LISTING_ACTIONS)[number]
const MODERATION: ReadonlySet<ListingAction> = new Set(['publish', 'return'])

const isAction = (value: string | undefined): value is ListingAction => (LISTING_ACTIONS as readonly string[]).includes(value ?? '')

// ---------------------------------------------------------------------------------------------
// Answers: typed JSON. Money leaves as numbers (BigInt cannot be serialised; amounts are capped at
// 10^15, within JavaScript's safe integers), timestamps as ISO 8601, demand deadlines as dates.
// ---------------------------------------------------------------------------------------------

/** A value JSON.stringify can always write: BigInt as a number (a string beyond 2^53), Date as ISO 8601. */
export function jsonSafe(value: unknown): unknown {
	if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
	if (Array.isArray(value)) return value.map(jsonSafe)
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]))
	return value
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

/** The calendar day in Vietnam (UTC+7, no daylight saving): deadlines are stored as its midnight. */
export function vietnamDate(value: Date | null | undefined) {
	if (!value || Number.isNaN(value.getTime())) return null
	return new Date(value.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}

type OrganisationRef = { id: string; slug: string; name: string; type: string; verifiedAt: Date | null }

const organisationRef = (o: OrganisationRef) => ({ id: o.id, slug: o.slug, name: o.name, type: o.type, verified: o.verifiedAt !== null })

type OfferView = NonNullable<Awaited<ReturnType<typeof getOffer>>>
type DemandView = NonNullable<Awaited<ReturnType<typeof getDemand>>>
type OfferCard = Prisma.OfferGetPayload<{ select: typeof listCardSelect.offer }>
type DemandCard = Prisma.DemandGetPayload<{ select: typeof listCardSelect.demand }>

/** What only the organisation and the operators see. */
function insiderPart(row: { contactUser: unknown; pendingSince: Date | null; returnReason: string | null }, pending: Record<string, unknown>, kind: ListingKind) {
	const changes = Object.fromEntries(
		Object.entries(pending).map(([field, value]) => [field, kind === 'demand' && field === 'deadline' && value instanceof Date ? vietnamDate(value) : value]),
	)
	return {
		contact: row.contactUser,
		pendingChanges: Object.keys(changes).length > 0 ? changes : null,
		pendingSince: row.pendingSince,
		returnReason: row.returnReason,
	}
}

function offerResource({ offer: row, access, admitted, pending }: OfferView, evidence: readonly EvidenceItem[]) {
	const insider = access.isMember || access.canModerate
	return jsonSafe({
		id: row.id,
		status: row.status,
		title: row.title,
		summary: row.summary,
		description: row.description,
		// Absent, not empty, for everyone else: a client cannot mistake it for "no confidential part".
		...(insider || admitted ? { confidential: row.confidential } : {}),
		fieldCodes: row.fieldCodes,
		keywords: row.keywords,
		trl: row.trl,
		ipStatus: row.ipStatus,
		ipNumbers: row.ipNumbers,
		transferModes: row.transferModes,
		priceMin: row.priceMin,
		priceMax: row.priceMax,
		priceNegotiable: row.priceNegotiable,
		evidence: evidence.map((e) => ({ id: e.id, taskCode: e.taskCode, title: e.title })),
		province: row.province,
		organisation: organisationRef(row.organisation),
		submittedAt: row.submittedAt,
		publishedAt: row.publishedAt,
		expiresAt: row.expiresAt,
		archivedAt: row.archivedAt,
		viewCount: row.viewCount,
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		...(insider ? insiderPart(row, pending, 'offer') : {}),
	})
}

function demandResource({ demand: row, access, pending }: DemandView) {
	const insider = access.isMember || access.canModerate
	return jsonSafe({
		id: row.id,
		status: row.status,
		title: row.title,
		problem: row.problem,
		desiredOutcome: row.desiredOutcome,
		fieldCodes: row.fieldCodes,
		keywords: row.keywords,
		minTrl: row.minTrl,
		budgetMin: row.budgetMin,
		budgetMax: row.budgetMax,
		budgetUndisclosed: row.budgetUndisclosed,
		deadline: vietnamDate(row.deadline),
		transferModes: row.transferModes,
		province: row.province,
		organisation: organisationRef(row.organisation),
		submittedAt: row.submittedAt,
		publishedAt: row.publishedAt,
		expiresAt: row.expiresAt,
		archivedAt: row.archivedAt,
		viewCount: row.viewCount,
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		...(insider ? insiderPart(row, pending, 'demand') : {}),
	})
}

const offerSummary = (card: OfferCard) => jsonSafe({ ...card, organisation: organisationRef(card.organisation) })

const demandSummary = (card: DemandCard) => jsonSafe({ ...card, deadline: vietnamDate(card.deadline), organisation: organisationRef(card.organisation) })

// ---------------------------------------------------------------------------------------------
// The two kinds, bound to their models.
// ---------------------------------------------------------------------------------------------

type Found = {
	resource: unknown
	version: number
	access: { canView: boolean; canEdit: boolean; canModerate: boolean; isMember: boolean }
	/** The stored values as the draft schema takes them (pending edits merged, as its editors see them). */
	input: Record<string, unknown>
}

type Spec = {
	/** The money range of the kind: [min, max]. */
	range: [string, string]
	createSchema: z.ZodObject
	patchSchema: z.ZodObject
	draftSchema: z.ZodType
	listQuery: z.ZodType<ListQuery, unknown>
	find(id: string, viewer: Actor | null): Promise<Found | null>
	/** Published list cards (which carry every sort key), as the where-clause and order say. */
	rows(args: { where: Record<string, unknown>; orderBy: Record<string, unknown>[]; skip?: number; take: number }): Promise<Record<string, unknown>[]>
	count(where: Record<string, unknown>): Promise<number>
	summary(card: Record<string, unknown>): unknown
	create(actor: Actor, organisationId: string, draft: unknown, ip: string): Promise<{ id: string }>
	update(actor: Actor, id: string, draft: unknown, options: { expectedVersion?: number; ip: string }): Promise<unknown>
	act(action: ListingAction, actor: Actor, id: string, reason: string): Promise<unknown>
}

const SPECS: Record<ListingKind, Spec> = {
	offer: {
		range: ['priceMin', 'priceMax'],
		createSchema: OfferCreateSchema,
		patchSchema: OfferPatchSchema,
		draftSchema: OfferDraftSchema,
		listQuery: OfferListQuery,
		async find(id, viewer) {
			const found = await getOffer(id, viewer)
			if (!found) return null
			return { resource: offerResource(found, await listEvidence(found.offer.id)), version: found.offer.version, access: found.access, input: offerDraftValues(found.offer) }
		},
		rows: (args) =>
			prisma.offer.findMany({
				where: args.where as Prisma.OfferWhereInput,
				select: listCardSelect.offer,
				orderBy: args.orderBy as Prisma.OfferOrderByWithRelationInput[],
				skip: args.skip,
				take: args.take,
			}),
		count: (where) => prisma.offer.count({ where: where as Prisma.OfferWhereInput, take: COUNT_CAP + 1 }),
		summary: (card) => offerSummary(card as OfferCard),
		create: (actor, organisationId, draft, ip) => createOffer(actor, organisationId, draft as OfferDraft, { ip }),
		update: (actor, id, draft, options) => updateOffer(actor, id, draft as OfferDraft, options),
		act: (action, actor, id, reason) => runListingAction('offer', action, actor, id, reason),
	},
	demand: {
		range: ['budgetMin', 'budgetMax'],
		createSchema: DemandCreateSchema,
		patchSchema: DemandPatchSchema,
		draftSchema: DemandDraftSchema,
		listQuery: DemandListQuery,
		async find(id, viewer) {
			const found = await getDemand(id, viewer)
			if (!found) return null
			const values = demandDraftValues(found.demand)
			// The draft schema reads the deadline as the form sends it: a date string.
			const input = { ...values, deadline: vietnamDate(values.deadline) ?? undefined }
			return { resource: demandResource(found), version: found.demand.version, access: found.access, input }
		},
		rows: (args) =>
			prisma.demand.findMany({
				where: args.where as Prisma.DemandWhereInput,
				select: listCardSelect.demand,
				orderBy: args.orderBy as Prisma.DemandOrderByWithRelationInput[],
				skip: args.skip,
				take: args.take,
			}),
		count: (where) => prisma.demand.count({ where: where as Prisma.DemandWhereInput, take: COUNT_CAP + 1 }),
		summary: (card) => demandSummary(card as DemandCard),
		create: (actor, organisationId, draft, ip) => createDemand(actor, organisationId, draft as DemandDraft, { ip }),
		update: (actor, id, draft, options) => updateDemand(actor, id, draft as DemandDraft, options),
		act: (action, actor, id, reason) => runListingAction('demand', action, actor, id, reason),
	},
}

// ---------------------------------------------------------------------------------------------
// Who acts.
// ---------------------------------------------------------------------------------------------

const actorOrganisationSelect = { id: true, slug: true, name: true, type: true, verifiedAt: true } satisfies Prisma.OrganisationSelect

/**
 * The actor a write runs as. A person acts as themselves. An API key acts as the person who
 * created it, so audit logs and notifications name someone, but only inside the key's organisation
 * and without that person's platform roles: a key never moderates, and stops writing once its
 * creator is no longer an active member.
 */
export async function writer(principal: ApiPrincipal): Promise<Actor> {
	if (principal.kind === 'user') return principal.user
	const creator = principal.apiKey.createdById
	const membership = creator
		? await prisma.membership.findFirst({
				where: { userId: creator, organisationId: principal.organisation.id, status: 'ACTIVE', user: { disabledAt: null } },
				select: { role: true, organisation: { select: actorOrganisationSelect } },
			})
		: null
	if (!creator || !membership) throw forbidden('api.errors.keyActorGone')
	return { id: creator, roles: [], memberships: [membership] }
}

/** Who reads: a person, an API key (its organisation's listings, whoever created it), or nobody. */
async function reader(principal: ApiPrincipal | null): Promise<Actor | null> {
	if (!principal) return null
	if (principal.kind === 'user') return principal.user
	const organisation = await prisma.organisation.findUnique({ where: { id: principal.organisation.id }, select: actorOrganisationSelect })
	if (!organisation) return null
	return { id: `apiKey:${principal.apiKey.id}`, roles: [], memberships: [{ role: 'MEMBER', organisation }] }
}

// ---------------------------------------------------------------------------------------------
// Errors and helpers.
// ---------------------------------------------------------------------------------------------

// Stable machine codes for the model's refusals that a client may want to tell apart.
const LISTING_CODES: Record<string, string> = {
	'listings.errors.stale': 'version_conflict',
	'listings.errors.transition': 'invalid_transition',
	'listings.errors.incomplete': 'listing_incomplete',
	'listings.errors.archived': 'listing_archived',
	'listings.errors.nothingToReview': 'nothing_to_review',
	'listings.errors.agency': 'agency_cannot_list',
	'validation.fixBelow': 'validation_failed',
}

const STATUS_CODES: Record<number, string> = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict' }

// The models speak the web pages' words; the API has its own for these.
const MESSAGE_KEYS: Record<string, string> = {
	'errors.notFound': 'api.errors.notFound',
	'errors.forbidden': 'api.errors.forbidden',
	'validation.fixBelow': 'api.errors.validation',
}

/** A model refusal as an API error: its status, a stable code, its message and field errors (still i18n keys). */
export function fromListingError(error: ListingError): ApiError {
	const fields = Object.keys(error.fields).length > 0 ? error.fields : undefined
	const code = LISTING_CODES[error.code] ?? (fields ? 'validation_failed' : (STATUS_CODES[error.status] ?? 'bad_request'))
	return new ApiError(error.status, code, MESSAGE_KEYS[error.code] ?? error.code, { fields })
}

async function run<T>(work: Promise<T>): Promise<T> {
	try {
		return await work
	} catch (error) {
		if (error instanceof ListingError) throw fromListingError(error)
		throw error
	}
}

// With the ETag a GET gives now, so the client can read again or retry against it.
const versionConflict = (current: Found) =>
	new ApiError(409, 'version_conflict', 'listings.errors.stale', { headers: { ETag: etagOf(current) } })

/**
 * A listing's ETag: its version, then a digest of the answer, `"7.AbC…"`. The digest makes it a
 * true validator for If-None-Match (the answer also changes without a new version: view counts,
 * the organisation's name, linked task results); the version is what If-Match checks.
 */
const listingEtag = (version: number) => (hash: string) => `"${version}.${hash}"`

const etagOf = (found: Found) => listingEtag(found.version)(digest(JSON.stringify({ data: found.resource })))

/**
 * `If-Match: "7.AbC…"` (the ETag of an earlier answer), `"7"` or `7`: the version the change was made
 * against; the digest part is not compared (it moves with view counts). `*` or none: any.
 */
function expectedVersion(request: Request): number | undefined {
	const header = request.headers.get('If-Match')
	if (header === null || header.trim() === '*') return undefined
	const match = /^\s*(?:W\/)?"?(\d{1,9})(?:\.[\w-]{1,64})?"?\s*$/.exec(header)
	if (!match) throw validationFailed({ 'If-Match': [msg('api.errors.notPositiveInteger')] })
	return Number(match[1])
}

type Checked<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors }

async function check<S extends z.ZodType>(schema: S, input: unknown): Promise<Checked<z.output<S>>> {
	try {
		return { ok: true, data: await validate(schema, input) }
	} catch (error) {
		if (error instanceof ApiError && error.fields) return { ok: false, fields: error.fields }
		throw error
	}
}

const topField = (path: string) => path.split('.')[0]!

/**
 * Splits a body into the keys the schema knows and field errors for the rest. Unknown keys are
 * reported here rather than by zod: zodFieldErrors collects into a plain object, where a key such
 * as "__proto__" or "constructor" reaches Object.prototype and turns a 400 into a 500.
 */
function splitUnknown(shape: object, body: Record<string, unknown>) {
	const fields: FieldErrors = {}
	const known: Record<string, unknown> = {}
	for (const [key, value] of Object.entries(body)) {
		if (Object.hasOwn(shape, key)) known[key] = value
		else Object.defineProperty(fields, key, { value: [msg('api.errors.unknownField')], enumerable: true, writable: true, configurable: true })
	}
	return { fields, known }
}

/** The body checked against a strict schema, every field error reported at once. */
async function checkBody<S extends z.ZodObject>(schema: S, body: Record<string, unknown>): Promise<z.output<S>> {
	const { fields, known } = splitUnknown(schema.shape, body)
	const typed = await check(schema, known)
	if (typed.ok && Object.keys(fields).length === 0) return typed.data
	throw validationFailed({ ...fields, ...(typed.ok ? {} : typed.fields) })
}

/**
 * The draft a request asks for: the body's fields over `current` (null clears a field), checked
 * first for JSON types and limits, then by the kind's draft schema. Every field error of both
 * passes is reported at once; a field refused by the first is not reported again by the second.
 */
async function draftFrom(spec: Spec, typeSchema: z.ZodObject, body: Record<string, unknown>, current: Record<string, unknown>, extra: FieldErrors = {}) {
	const { fields: unknown, known } = splitUnknown(typeSchema.shape, body)
	const typed = await check(typeSchema, known)
	const fields: FieldErrors = { ...extra, ...unknown, ...(typed.ok ? {} : typed.fields) }
	const refused = new Set(Object.keys(fields).map(topField))
	const merged: Record<string, unknown> = { ...current }
	// Only the schema's own keys, so "__proto__" or "status" in a body can never reach the draft.
	for (const key of Object.keys(typeSchema.shape)) {
		if (key === 'organisationId' || !Object.hasOwn(body, key) || refused.has(key)) continue
		merged[key] = body[key] === null ? undefined : body[key]
	}
	const draft = await check(spec.draftSchema, merged)
	if (!draft.ok) {
		for (const [path, messages] of Object.entries(draft.fields)) if (!refused.has(topField(path))) fields[path] = messages
		// zod skips the draft schema's range check while any field has an issue; it is repeated here
		// so an inverted range is reported with the other errors rather than after they are fixed.
		const [low, high] = spec.range
		const min = merged[low]
		const max = merged[high]
		if (typeof min === 'number' && typeof max === 'number' && min > max && !fields[high]) fields[high] = [msg('listings.validation.range')]
	}
	if (Object.keys(fields).length > 0 || !draft.ok) throw validationFailed(fields)
	return draft.data
}

const MAX_ID = 64

function listingId(params: { id?: string }) {
	const id = params.id
	if (!id || id.length > MAX_ID) throw notFound()
	return id
}

async function findOrThrow(spec: Spec, id: string, viewer: Actor | null) {
	const found = await spec.find(id, viewer)
	if (!found) throw notFound()
	return found
}

/** The answer to a write: the listing as it is now, with its ETag; not to be cached. */
function answer(found: Found, init: { status?: number; headers?: Record<string, string> } = {}) {
	return apiJson({ data: found.resource }, { status: init.status ?? 200, headers: { ...init.headers, ETag: etagOf(found) } })
}

/** What a caller without an account gets for an offer or demand: its resource while it is published, else null. */
export async function publicListingResource(kind: ListingKind, id: string) {
	if (id.length > MAX_ID) return null
	const found = await SPECS[kind].find(id, null)
	return found && (found.resource as { status?: unknown }).status === 'PUBLISHED' ? found.resource : null
}

// ---------------------------------------------------------------------------------------------
// The three resources of each kind.
// ---------------------------------------------------------------------------------------------

/** /offers, /demands: the published list (GET) and new drafts (POST). */
export function listingCollectionApi(kind: ListingKind) {
	const spec = SPECS[kind]
	return apiRoute({
		GET: async ({ request, url }) => {
			// Public, but a key that is sent must be valid: a typo should not pass unnoticed.
			await spendPublicRead(request, await getApiPrincipal(request))
			const { updatedSince, ...query } = await parseQuery(url, spec.listQuery)
			const order = LISTING_ORDERS[kind][query.sort]
			const scope = `${kind}s:${query.sort}`
			const paging = readListPaging(url, scope, order.cursor ? order.keys : null)
			const filters = [publishedWhere(kind, { ...query, page: 1 }), ...(updatedSince ? [{ updatedAt: { gte: updatedSince } }] : [])]
			const orderBy = keysetOrderBy(order.keys)
			let body: unknown
			if (paging.mode === 'cursor') {
				const after = paging.after ? [keysetAfter(order.keys, paging.after)] : []
				const rows = await spec.rows({ where: { AND: [...filters, ...after] }, orderBy, take: paging.limit + 1 })
				body = cursorPaged(url, rows, { limit: paging.limit, scope, order: order.keys, shape: spec.summary })
			} else {
				const where = { AND: filters }
				const [count, rows] = await Promise.all([spec.count(where), spec.rows({ where, orderBy, skip: paging.skip, take: paging.take })])
				// Counting stops at COUNT_CAP, as on the pages: past it, numbered pages are the wrong tool anyway.
				body = paged(url, rows.map(spec.summary), Math.min(count, COUNT_CAP), paging)
			}
			// The same published cards for every caller: shareable.
			return revalidatedJson(request, body, { shared: true })
		},

		POST: async ({ request, url }) => {
			const principal = await requireApiPrincipal(request)
			const body = (await readJsonObject(request))!
			const given = body.organisationId
			const extra: FieldErrors = {}
			let organisationId: string | undefined
			if (given === undefined || given === null || given === '') {
				if (principal.kind === 'apiKey') organisationId = principal.organisation.id
				else extra.organisationId = [msg('validation.organisation')]
			} else if (typeof given === 'string') {
				// Checked before the fields, so outsiders learn nothing from validation messages.
				if (principal.kind === 'apiKey' && given !== principal.organisation.id) throw forbidden('api.errors.otherOrganisation')
				if (principal.kind === 'user' && !isMemberOf(principal.user, given)) throw forbidden()
				organisationId = given
			}
			const actor = await writer(principal)
			const draft = await draftFrom(spec, spec.createSchema, body, {}, extra)
			const { id } = await run(spec.create(actor, organisationId!, draft, clientIp(request)))
			const found = await findOrThrow(spec, id, actor)
			return answer(found, { status: 201, headers: { Location: `${url.pathname.replace(/\/+$/, '')}/${id}` } })
		},
	})
}

/** /offers/:id, /demands/:id: read one (GET) and change its fields (PATCH). */
export function listingItemApi(kind: ListingKind) {
	const spec = SPECS[kind]
	return apiRoute<{ id: string }>({
		GET: async ({ request, params }) => {
			const principal = await getApiPrincipal(request)
			await spendPublicRead(request, principal)
			const found = await findOrThrow(spec, listingId(params), await reader(principal))
			// A caller with credentials may see insider fields or an unpublished listing: private to them.
			return revalidatedJson(request, { data: found.resource }, { shared: !principal, etag: listingEtag(found.version) })
		},

		PATCH: async ({ request, params }) => {
			const id = listingId(params)
			const principal = await requireApiPrincipal(request)
			const actor = await writer(principal)
			const found = await findOrThrow(spec, id, actor)
			// Refused before the body is read: outsiders learn nothing from validation messages.
			if (!found.access.isMember) throw forbidden()
			if (!found.access.canEdit) throw fromListingError(new ListingError('listings.errors.archived', 409))
			const expected = expectedVersion(request)
			if (expected !== undefined && expected !== found.version) throw versionConflict(found)
			const body = (await readJsonObject(request))!
			const draft = await draftFrom(spec, spec.patchSchema, body, found.input)
			// The model checks the version again inside its transaction.
			await run(spec.update(actor, id, draft, { expectedVersion: expected, ip: clientIp(request) }))
			return answer(await findOrThrow(spec, id, actor))
		},
	})
}

/** /offers/:id/:action, /demands/:id/:action: the lifecycle steps (POST). */
export function listingActionApi(kind: ListingKind) {
	const spec = SPECS[kind]
	return apiRoute<{ id: string; action: string }>({
		POST: async ({ request, params, url }) => {
			const action = params.action
			if (!isAction(action)) throw notFound('api.errors.routeNotFound', { path: url.pathname })
			const id = listingId(params)
			// Moderation is for operators signed in as themselves: requireApiUser answers keys with 403.
			const principal = MODERATION.has(action) ? await requireApiUser(request) : await requireApiPrincipal(request)
			const actor = await writer(principal)
			if (MODERATION.has(action) && !isOperator(actor)) throw forbidden()
			let reason = ''
			if (action === 'return') reason = (await checkBody(ListingReturnSchema, (await readJsonObject(request))!)).reason
			else await checkBody(NoBody, (await readJsonObject(request, { optional: true })) ?? {})
			await run(spec.act(action, actor, id, reason))
			return answer(await findOrThrow(spec, id, actor))
		},
	})
}
