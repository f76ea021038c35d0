// The one shape every search engine speaks: what is indexed, what is asked and what comes back.
import { IP_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'

/** Searchable types as they appear in URLs and the API. */
export const SEARCH_TYPES = ['offer', 'demand', 'task-result', 'expert'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

/** Types whose new entries can alert a saved search: listings published on the exchange. */
export const ALERTING_TYPES: readonly SearchType[] = ['offer', 'demand']

export const SORTS = ['relevance', 'newest', 'price-asc', 'price-desc'] as const
export type SearchSort = (typeof SORTS)[number]

/** Price (an offer's lowest price, a demand's lowest budget) ranges in VND, as facet buckets. */
export const PRICE_BUCKETS = [
	{ key: 'lt100m', min: null, max: 100_000_000 },
	{ key: '100m-500m', min: 100_000_000, max: 500_000_000 },
	{ key: '500m-1b', min: 500_000_000, max: 1_000_000_000 },
	{ key: '1b-5b', min: 1_000_000_000, max: 5_000_000_000 },
	{ key: 'gte5b', min: 5_000_000_000, max: null },
] as const
export type PriceBucket = (typeof PRICE_BUCKETS)[number]['key']
export const PRICE_BUCKET_KEYS = PRICE_BUCKETS.map((b) => b.key) as [PriceBucket, ...PriceBucket[]]

export const TRL_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const

/** Bucket of a price, or null when there is none. Lower bound inclusive. */
export function priceBucketOf(price: bigint | number | null | undefined): PriceBucket | null {
	if (price === null || price === undefined) return null
	const p = Number(price)
	for (const b of PRICE_BUCKETS) if ((b.min === null || p >= b.min) && (b.max === null || p < b.max)) return b.key
	return null
}

/** A document as every engine stores it; `id` is "<type>:<entity id>". */
export type SearchDocument = {
	id: string
	type: SearchType
	entityId: string
	title: string
	/** Organisation, host or affiliation: shown under the title and searchable. */
	subtitle: string
	/** The text a result shows (a listing's summary, an abstract, a bio): searchable, weighted like a summary. */
	summary: string
	keywords: string[]
	/** Long text (description, problem, publications): searchable at the lowest weight. */
	body: string
	fieldPaths: string[]
	provinceCode: string | null
	trl: number | null
	transferModes: string[]
	ipStatus: string | null
	price: bigint | null
	year: number | null
	publishedAt: Date | null
	/** What the source rows looked like; reconcile compares it with the database. */
	version: string
}

export type SearchFilters = {
	/** S&T field codes at any level; a document matches when it is in any of them. */
	fields?: string[]
	provinces?: string[]
	trl?: number[]
	transferModes?: string[]
	ipStatuses?: string[]
	prices?: PriceBucket[]
	years?: number[]
}

export type SearchRequest = {
	text: string
	/** Types to list; empty or absent: all. Facet counts for types ignore it (they are the tabs). */
	types?: SearchType[]
	filters?: SearchFilters
	sort?: SearchSort
	page?: number
	perPage?: number
	/** Only these document ids (alerts ask whether given listings match). */
	ids?: string[]
	/** Only documents published at or after this instant. */
	publishedSince?: Date
	/** Skip facet counts (alerts, suggestions). */
	facets?: boolean
}

/** Text cut into runs, the matching ones marked: rendered as <mark>, never as HTML. */
export type Highlighted = Array<{ text: string; match: boolean }>

export type SearchHit = {
	id: string
	type: SearchType
	entityId: string
	title: Highlighted
	subtitle: string
	snippet: Highlighted
	keywords: string[]
	fieldPaths: string[]
	provinceCode: string | null
	trl: number | null
	transferModes: string[]
	ipStatus: string | null
	price: string | null
	year: number | null
	publishedAt: string | null
	score: number
}

export type FacetName = 'type' | 'field' | 'province' | 'trl' | 'transferMode' | 'ipStatus' | 'price' | 'year'
export type FacetCounts = Record<FacetName, Array<{ value: string; count: number }>>

export type SearchResponse = {
	total: number
	/** The total and the facet counts are estimates (a search that matches a large share of the index). */
	approximate: boolean
	page: number
	perPage: number
	hits: SearchHit[]
	facets: FacetCounts
	/** The query as corrected for spelling, when a word was replaced by a near one that exists. */
	correctedText: string | null
}

export type Suggestion =
	| { kind: 'document'; id: string; type: SearchType; entityId: string; title: Highlighted; subtitle: string }
	| { kind: 'field'; code: string; name: string }

export interface SearchEngine {
	readonly name: 'postgres' | 'meilisearch'
	/** Creates or updates the index and its settings; safe to call at every start. */
	setup(): Promise<void>
	/** Upserts; indexing the same document twice leaves one copy. */
	index(docs: SearchDocument[]): Promise<void>
	/** Removes by document id; unknown ids are ignored. */
	remove(ids: string[]): Promise<void>
	search(request: SearchRequest): Promise<SearchResponse>
	/** As-you-type: documents whose title starts matching; fields are added by the caller. */
	suggest(text: string, limit: number): Promise<Suggestion[]>
	/** Every indexed id with its version, for reconcile. */
	versions(): Promise<Map<string, string>>
	/** Drops every document (a rebuild starts here). */
	clear(): Promise<void>
}

export const FACET_VALUES = { transferMode: TRANSFER_MODES, ipStatus: IP_STATUSES } as const

export function documentId(type: SearchType, entityId: string) {
	return `${type}:${entityId}`
}

export function parseDocumentId(id: string): { type: SearchType; entityId: string } | null {
	const at = id.indexOf(':')
	const type = id.slice(0, at) as SearchType
	if (at < 1 || !SEARCH_TYPES.includes(type)) return null
	return { type, entityId: id.slice(at + 1) }
}

export const KIND_OF_TYPE = { offer: 'OFFER', demand: 'DEMAND', 'task-result': 'TASK_RESULT', expert: 'EXPERT' } as const
export const TYPE_OF_KIND = { OFFER: 'offer', DEMAND: 'demand', TASK_RESULT: 'task-result', EXPERT: 'expert' } as const
