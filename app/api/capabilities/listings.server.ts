import { IP_STATUSES, LIMITS, LISTING_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'
import {
	DemandCreateSchema,
	DemandListQuery,
	DemandPatchSchema,
	LISTING_ACTIONS,
	ListingReturnSchema,
	OfferCreateSchema,
	OfferListQuery,
	OfferPatchSchema,
	type ListingKind,
} from '../listings.server'
import {
	dataOf,
	defineCapability,
	errors,
	fromZod,
	jsonBody,
	jsonResponse,
	pathParameter,
	queryFromZod,
	ref,
	security,
	type JsonSchema,
	type Parameter,
	type PathItem,
	type ResponseObject,
} from '../openapi-kit.server'
import { publicListNotes, publicListParameters, publicPageOf, publicReadResponses, publicRecordNotes, publicRecordParameters } from './meta.server'

const string = { type: 'string' }
const nullableString = { type: ['string', 'null'] }
const dateTime = { type: 'string', format: 'date-time' }
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' }
const money = { type: ['integer', 'null'], minimum: 0, maximum: LIMITS.money, description: 'Whole đồng (VND).' }
const stringList = { type: 'array', items: string }

const ETAG = 'The version of the listing, then a digest of this answer: `"7.AbC…"`. Send it back in If-Match to change the listing safely (only the version is compared), or in If-None-Match to revalidate a copy.'

const etagHeader: ResponseObject['headers'] = { ETag: { description: ETAG, schema: string } }

const ifMatch: Parameter = {
	name: 'If-Match',
	in: 'header',
	required: false,
	description: 'The version the change is based on: the ETag of an earlier answer (`"7.AbC…"`), or its version number (`"7"`, `7`). A newer stored version gets 409 version_conflict (with the current ETag) instead of being overwritten.',
	schema: string,
}

const actionParameter: Parameter = {
	name: 'action',
	in: 'path',
	required: true,
	description: [
		'submit: send a complete draft (or a returned listing, or the pending edits of a published one) to the operators.',
		'publish: an operator approves (publishes a submitted listing or applies pending edits).',
		'return: an operator sends it, or its pending edits, back with a reason (body {"reason"}).',
		'archive: take it off the exchange (its organisation or an operator).',
		'restore: bring an archived listing back as a draft.',
		'renew: keep a published listing (or bring back an expired one) for another 12 months.',
	].join(' '),
	schema: { type: 'string', enum: [...LISTING_ACTIONS] },
}

// What a listing shows only to its own organisation (members signed in, its API keys) and to operators.
const insiderProperties: Record<string, JsonSchema> = {
	contact: {
		description: 'Insiders only. The person to contact about it.',
		oneOf: [ref('ListingContact'), { type: 'null' }],
	},
	pendingChanges: {
		type: ['object', 'null'],
		description: 'Insiders only. Edits of a published listing waiting for review, by field; the public sees the approved values meanwhile.',
		additionalProperties: true,
	},
	pendingSince: { ...nullableDateTime, description: 'Insiders only. When the pending edits were sent for review.' },
	returnReason: { ...nullableString, description: 'Insiders only. Why an operator sent it back.' },
}

const commonProperties: Record<string, JsonSchema> = {
	id: string,
	status: ref('ListingStatus'),
	title: string,
	fieldCodes: stringList,
	keywords: stringList,
	transferModes: { type: 'array', items: ref('TransferMode') },
	province: { oneOf: [ref('ProvinceSummary'), { type: 'null' }] },
	organisation: ref('ListingOrganisation'),
	submittedAt: nullableDateTime,
	publishedAt: nullableDateTime,
	expiresAt: { ...nullableDateTime, description: '12 months after publication unless renewed.' },
	archivedAt: nullableDateTime,
	viewCount: { type: 'integer', minimum: 0 },
	version: { type: 'integer', minimum: 1, description: 'Grows with every change; also sent as the ETag.' },
	createdAt: dateTime,
	updatedAt: dateTime,
}

const offerOwn: Record<string, JsonSchema> = {
	summary: string,
	description: { ...string, description: 'Markdown.' },
	trl: { type: ['integer', 'null'], minimum: 1, maximum: 9 },
	ipStatus: ref('IpStatus'),
	ipNumbers: string,
	priceMin: money,
	priceMax: money,
	priceNegotiable: { type: 'boolean' },
	evidence: {
		type: 'array',
		maxItems: 20,
		description: 'Backed by registered R&D: the registered S&T task results the offer builds on (see /task-results/{id}).',
		items: { type: 'object', required: ['id', 'taskCode', 'title'], properties: { id: string, taskCode: string, title: string } },
	},
}

const demandOwn: Record<string, JsonSchema> = {
	problem: { ...string, description: 'Markdown.' },
	desiredOutcome: { ...string, description: 'Markdown.' },
	minTrl: { type: ['integer', 'null'], minimum: 1, maximum: 9 },
	budgetMin: money,
	budgetMax: money,
	budgetUndisclosed: { type: 'boolean' },
	deadline: { type: ['string', 'null'], format: 'date', description: 'YYYY-MM-DD, Vietnam time.' },
}

const required = (properties: Record<string, JsonSchema>, except: string[] = []) => Object.keys(properties).filter((p) => !except.includes(p))

function listingSchema(own: Record<string, JsonSchema>, extra: Record<string, JsonSchema> = {}): JsonSchema {
	const shown = { ...commonProperties, ...own }
	return {
		type: 'object',
		required: required(shown),
		properties: { ...shown, ...extra, ...insiderProperties },
	}
}

const summaryProperties = (own: Record<string, JsonSchema>, keep: string[]): Record<string, JsonSchema> => ({
	id: string,
	title: string,
	fieldCodes: stringList,
	keywords: stringList,
	transferModes: { type: 'array', items: ref('TransferMode') },
	...Object.fromEntries(keep.map((name) => [name, own[name]!])),
	publishedAt: dateTime,
	viewCount: { type: 'integer', minimum: 0 },
	province: { oneOf: [ref('ProvinceSummary'), { type: 'null' }] },
	organisation: ref('ListingOrganisation'),
})

const offerSummary = summaryProperties(offerOwn, ['summary', 'trl', 'ipStatus', 'priceMin', 'priceMax', 'priceNegotiable'])
const demandSummary = summaryProperties(demandOwn, ['problem', 'minTrl', 'budgetMin', 'budgetMax', 'budgetUndisclosed', 'deadline'])

const WORDS = {
	offer: { Kind: 'Offer', kinds: 'offers', noun: 'technology offer', Tag: 'Offers' },
	demand: { Kind: 'Demand', kinds: 'demands', noun: 'technology demand', Tag: 'Demands' },
} as const

const LIST_FILTERS: Record<string, string> = {
	q: 'Text in the title, or a keyword (exact).',
	field: 'S&T field code at any level: 4 also finds listings in 405 and 40501.',
	province: 'Province code (see /reference/provinces).',
	trl: 'Offers: at least this TRL. Demands: asking for at most this TRL (or not saying).',
	mode: 'A transfer mode the listing accepts.',
	ip: 'Offers only: this IP status.',
	orgType: 'Type of the listing organisation.',
	min: 'VND: the price or budget range overlaps [min, max]; an open end counts as unbounded.',
	max: 'VND: see min.',
	updatedSince: 'Only listings changed at or after this instant (ISO 8601 with a zone). View counts count as changes.',
	sort: 'newest (by publication), price-asc, price-desc (listings without a price or budget last), trl-desc or views (numbered pages only).',
}

function paths(kind: ListingKind): Record<string, PathItem> {
	const { Kind, kinds, noun, Tag } = WORDS[kind]
	const id = pathParameter('id', `The ${noun} id.`)
	const answer = (description: string, status: '200' | '201' = '200') => ({
		[status]: jsonResponse(description, dataOf(ref(Kind)), {
			...etagHeader,
			...(status === '201' ? { Location: { description: 'Its address in the API.', schema: string } } : {}),
		}),
	})
	return {
		[`/${kinds}`]: {
			get: {
				operationId: `list${Kind}s`,
				summary: `List published ${noun}s`,
				description: [
					'The same filters as the public list pages; unlike the pages, a filter that does not parse is a 400 naming it. Only published listings, for every caller.',
					publicListNotes(['views']),
				].join('\n\n'),
				tags: [Tag],
				security: security.public,
				parameters: [...queryFromZod(kind === 'offer' ? OfferListQuery : DemandListQuery, LIST_FILTERS), ...publicListParameters()],
				responses: publicReadResponses(`A page of published ${noun}s.`, publicPageOf(ref(`${Kind}Summary`))),
			},
			post: {
				operationId: `create${Kind}`,
				summary: `Create a ${noun} draft`,
				description:
					'Only the title is needed for a draft; the rest is checked when given and required on submit. A signed-in person must be an active member of `organisationId`. An API key creates for its own organisation, acting for the person who created the key (who must still be an active member).',
				tags: [Tag],
				security: security.any,
				requestBody: jsonBody(ref(`${Kind}Create`)),
				responses: { ...answer(`The new draft.`, '201'), ...errors(400, 401, 403, 413, 415, 429) },
			},
		},
		[`/${kinds}/{id}`]: {
			parameters: [id],
			get: {
				operationId: `get${Kind}`,
				summary: `One ${noun}`,
				description:
					'Published ones for anyone; others for their organisation (members, its API keys) and operators, else 404. Insider fields (contact, pending changes, return reason' +
					(kind === 'offer' ? ', the confidential section' : '') +
					') are present only for the organisation and operators.\n\n' +
					publicRecordNotes(),
				tags: [Tag],
				security: security.public,
				parameters: publicRecordParameters(),
				responses: publicReadResponses(`The ${noun}.`, dataOf(ref(Kind)), { etag: ETAG, statuses: [401, 404] }),
			},
			patch: {
				operationId: `update${Kind}`,
				summary: `Change a ${noun}`,
				description:
					'By its organisation. Fields left out keep their value; null clears an optional one. On a published listing, material changes (title, texts, IP, price or budget) wait for an operator in `pendingChanges` while the public keeps seeing the approved version.',
				tags: [Tag],
				security: security.any,
				parameters: [ifMatch],
				requestBody: jsonBody(ref(`${Kind}Patch`)),
				responses: { ...answer(`The ${noun} as changed.`), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
			},
		},
		[`/${kinds}/{id}/{action}`]: {
			parameters: [id, actionParameter],
			post: {
				operationId: `${kind}Action`,
				summary: `A lifecycle step of a ${noun}`,
				description:
					'Draft → submitted → published (or returned) → archived; published listings expire after 12 months. publish and return are for operators signed in (API keys get 403); the others for the organisation. A step that does not apply to the current status is 409 invalid_transition; submitting an incomplete draft is 400 listing_incomplete naming the missing fields.',
				tags: [Tag],
				security: security.any,
				requestBody: { ...jsonBody(ref('ListingReturn'), 'Only for return; the other actions take no body.'), required: false },
				responses: { ...answer(`The ${noun} after the step.`), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
			},
		},
	}
}

export const listingsCapability = defineCapability({
	name: 'listings',
	tags: [
		{ name: 'Offers', description: 'Technologies organisations offer for transfer. Drafts are private to their organisation until an operator publishes them.' },
		{ name: 'Demands', description: 'Technologies organisations are looking for. Same lifecycle as offers.' },
	],
	schemas: {
		ListingStatus: { type: 'string', enum: [...LISTING_STATUSES] },
		TransferMode: { type: 'string', enum: [...TRANSFER_MODES] },
		IpStatus: { type: 'string', enum: [...IP_STATUSES] },
		ListingOrganisation: {
			type: 'object',
			required: ['id', 'slug', 'name', 'type', 'verified'],
			properties: { id: string, slug: string, name: string, type: ref('OrganisationType'), verified: { type: 'boolean' } },
		},
		ListingContact: {
			type: 'object',
			required: ['id', 'name', 'email', 'phone'],
			properties: { id: string, name: string, email: { type: 'string', format: 'email' }, phone: nullableString },
		},
		Offer: listingSchema(offerOwn, {
			confidential: { ...string, description: 'Insiders only. Markdown; absent for everyone else.' },
		}),
		OfferSummary: { type: 'object', required: Object.keys(offerSummary), properties: offerSummary },
		OfferCreate: fromZod(OfferCreateSchema),
		OfferPatch: fromZod(OfferPatchSchema),
		Demand: listingSchema(demandOwn),
		DemandSummary: { type: 'object', required: Object.keys(demandSummary), properties: demandSummary },
		DemandCreate: fromZod(DemandCreateSchema),
		DemandPatch: fromZod(DemandPatchSchema),
		ListingReturn: fromZod(ListingReturnSchema),
	},
	paths: { ...paths('offer'), ...paths('demand') },
})
