// Meilisearch, when MEILI_URL is set: the same documents and the same response shape as the
// PostgreSQL engine. Meilisearch does its own typo tolerance, prefix search and ranking; the
// query is rebuilt from our parse (words and quoted phrases only), so no operator or filter
// syntax a user types ever reaches it, and every filter value is quoted.
import { Meilisearch, type Index, type Task } from 'meilisearch'
import { highlight, snippet } from '../highlight'
import { highlightTerms, parseQuery, type ParsedQuery } from '../query'
import {
	KIND_OF_TYPE,
	priceBucketOf,
	TYPE_OF_KIND,
	type FacetCounts,
	type SearchDocument,
	type SearchEngine,
	type SearchRequest,
	type SearchResponse,
	type Suggestion,
} from '../types'

export type MeilisearchEngineOptions = {
	url: string
	apiKey?: string
	indexName: string
	synonyms: () => Promise<string[][]>
}

type MeiliDoc = {
	pk: string
	docId: string
	kind: string
	entityId: string
	title: string
	subtitle: string
	summary: string
	keywords: string[]
	body: string
	fieldPaths: string[]
	provinceCode?: string
	trl?: number
	transferModes: string[]
	ipStatus?: string
	price?: number
	priceBucket?: string
	year?: number
	publishedAtTs?: number
	version: string
}

const FACETS = {
	kind: 'type',
	fieldPaths: 'field',
	provinceCode: 'province',
	trl: 'trl',
	transferModes: 'transferMode',
	ipStatus: 'ipStatus',
	priceBucket: 'price',
	year: 'year',
} as const

/** Meilisearch ids allow letters, digits, - and _ only. */
const pkOf = (id: string) => id.replace(':', '__')

/** A filter value quoted the way Meilisearch's filter grammar reads strings. */
export function quoteFilterValue(value: string | number) {
	return typeof value === 'number' ? String(value) : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`
}

const inList = (attribute: string, values: ReadonlyArray<string | number>) => `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`

/** Our parse back to a query Meilisearch reads: words, and phrases in quotes. */
export function meiliQueryText(query: ParsedQuery) {
	return query.clauses
		.map((c) => {
			const typed = c.alternatives.find((a) => a.origin === 'typed') ?? c.alternatives[0]!
			const text = typed.terms.map((t) => t.exact).join(' ')
			return c.quoted ? `"${text}"` : text
		})
		.join(' ')
}

function toMeili(d: SearchDocument): MeiliDoc {
	const doc: MeiliDoc = {
		pk: pkOf(d.id),
		docId: d.id,
		kind: KIND_OF_TYPE[d.type],
		entityId: d.entityId,
		title: d.title,
		subtitle: d.subtitle,
		summary: d.summary || d.body.slice(0, 1200),
		keywords: d.keywords,
		body: d.body,
		fieldPaths: d.fieldPaths,
		transferModes: d.transferModes,
		version: d.version,
	}
	if (d.provinceCode) doc.provinceCode = d.provinceCode
	if (d.trl !== null) doc.trl = d.trl
	if (d.ipStatus) doc.ipStatus = d.ipStatus
	if (d.price !== null) {
		doc.price = Number(d.price)
		doc.priceBucket = priceBucketOf(d.price) ?? undefined
	}
	if (d.year !== null) doc.year = d.year
	if (d.publishedAt) doc.publishedAtTs = Math.floor(d.publishedAt.getTime() / 1000)
	return doc
}

async function settled(promise: { waitTask: (o?: { timeout?: number }) => Promise<Task> }) {
	const task = await promise.waitTask({ timeout: 60_000 })
	if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
	return task
}

export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
	const client = new Meilisearch({ host: options.url, apiKey: options.apiKey })
	const index: Index<MeiliDoc> = client.index<MeiliDoc>(options.indexName)

	function filters(request: SearchRequest, withTypes: boolean): string[] {
		const f = request.filters ?? {}
		const out: string[] = []
		if (withTypes && request.types?.length) out.push(inList('kind', request.types.map((t) => KIND_OF_TYPE[t])))
		if (f.fields?.length) out.push(inList('fieldPaths', f.fields))
		if (f.provinces?.length) out.push(inList('provinceCode', f.provinces))
		if (f.trl?.length) out.push(inList('trl', f.trl))
		if (f.transferModes?.length) out.push(inList('transferModes', f.transferModes))
		if (f.ipStatuses?.length) out.push(inList('ipStatus', f.ipStatuses))
		if (f.prices?.length) out.push(inList('priceBucket', f.prices))
		if (f.years?.length) out.push(inList('year', f.years))
		if (request.ids) out.push(request.ids.length ? inList('pk', request.ids.map(pkOf)) : 'pk IN ["-"]')
		if (request.publishedSince) out.push(`publishedAtTs >= ${Math.floor(request.publishedSince.getTime() / 1000)}`)
		return out
	}

	function sortOf(request: SearchRequest): string[] | undefined {
		switch (request.sort) {
			case 'newest':
				return ['publishedAtTs:desc']
			case 'price-asc':
				return ['price:asc']
			case 'price-desc':
				return ['price:desc']
			default:
				return undefined
		}
	}

	return {
		name: 'meilisearch',

		async setup() {
			const groups = await options.synonyms()
			const synonyms: Record<string, string[]> = {}
			for (const group of groups) {
				for (const term of group) {
					const key = term.normalize('NFC').toLocaleLowerCase('vi')
					synonyms[key] = group.filter((t) => t !== term).map((t) => t.normalize('NFC').toLocaleLowerCase('vi'))
				}
			}
			try {
				await index.getRawInfo()
			} catch {
				await settled(client.createIndex(options.indexName, { primaryKey: 'pk' }))
			}
			await settled(
				index.updateSettings({
					searchableAttributes: ['title', 'keywords', 'summary', 'subtitle', 'body'],
					filterableAttributes: ['pk', ...Object.keys(FACETS), 'publishedAtTs'],
					sortableAttributes: ['publishedAtTs', 'price'],
					displayedAttributes: ['*'],
					synonyms,
					typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
					faceting: { maxValuesPerFacet: 500 },
					pagination: { maxTotalHits: 10_000 },
				}),
			)
		},

		async index(docs) {
			if (docs.length === 0) return
			await settled(index.addDocuments(docs.map(toMeili), { primaryKey: 'pk' }))
		},

		async remove(ids) {
			if (ids.length === 0) return
			await settled(index.deleteDocuments(ids.map(pkOf)))
		},

		async search(request): Promise<SearchResponse> {
			const page = Math.max(1, request.page ?? 1)
			const perPage = Math.min(100, Math.max(1, request.perPage ?? 20))
			const query = parseQuery(request.text)
			const q = meiliQueryText(query)
			const wantFacets = request.facets !== false
			const main = {
				indexUid: options.indexName,
				q,
				filter: filters(request, true),
				sort: sortOf(request),
				hitsPerPage: perPage,
				page,
				facets: wantFacets ? Object.keys(FACETS).filter((k) => k !== 'kind') : undefined,
				showRankingScore: true,
			}
			const tabs = { indexUid: options.indexName, q, filter: filters(request, false), limit: 0, facets: ['kind'] }
			const { results } = await client.multiSearch<{ queries: Array<typeof main | typeof tabs> }, MeiliDoc>({
				queries: wantFacets ? [main, tabs] : [main],
			})
			const [mainResult, tabResult] = results
			const facets: FacetCounts = { type: [], field: [], province: [], trl: [], transferMode: [], ipStatus: [], price: [], year: [] }
			const fields = request.filters?.fields ?? []
			const parent = fields.length === 1 ? fields[0]! : ''
			const childLength = parent ? parent.length + 2 : 1
			for (const [attribute, counts] of Object.entries({ ...mainResult?.facetDistribution, ...tabResult?.facetDistribution })) {
				const name = FACETS[attribute as keyof typeof FACETS]
				if (!name) continue
				for (const [value, count] of Object.entries(counts)) {
					if (name === 'field' && (value.length !== childLength || !value.startsWith(parent))) continue
					facets[name].push({ value: name === 'type' ? TYPE_OF_KIND[value as keyof typeof TYPE_OF_KIND] : value, count })
				}
			}
			for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
			const needles = highlightTerms(query)
			const hits = (mainResult?.hits ?? []) as Array<MeiliDoc & { _rankingScore?: number }>
			return {
				total: (mainResult as { totalHits?: number } | undefined)?.totalHits ?? hits.length,
				// Asked by page, Meilisearch counts exhaustively.
				approximate: false,
				page,
				perPage,
				correctedText: null,
				facets,
				hits: hits.map((h) => ({
					id: h.docId,
					type: TYPE_OF_KIND[h.kind as keyof typeof TYPE_OF_KIND],
					entityId: h.entityId,
					title: highlight(h.title, needles),
					subtitle: h.subtitle,
					snippet: snippet(h.summary, needles),
					keywords: h.keywords,
					fieldPaths: h.fieldPaths,
					provinceCode: h.provinceCode ?? null,
					trl: h.trl ?? null,
					transferModes: h.transferModes,
					ipStatus: h.ipStatus ?? null,
					price: h.price === undefined ? null : String(h.price),
					year: h.year ?? null,
					publishedAt: h.publishedAtTs === undefined ? null : new Date(h.publishedAtTs * 1000).toISOString(),
					score: h._rankingScore ?? 0,
				})),
			}
		},

		async suggest(text, limit): Promise<Suggestion[]> {
			const query = parseQuery(text)
			if (query.clauses.length === 0) return []
			const result = await index.search(meiliQueryText(query), { limit, attributesToSearchOn: ['title', 'keywords'] })
			const needles = highlightTerms(query)
			return result.hits.map((h) => ({
				kind: 'document',
				id: h.docId,
				type: TYPE_OF_KIND[h.kind as keyof typeof TYPE_OF_KIND],
				entityId: h.entityId,
				title: highlight(h.title, needles),
				subtitle: h.subtitle,
			}))
		},

		async versions() {
			const out = new Map<string, string>()
			for (let offset = 0; ; offset += 1000) {
				const page = await index.getDocuments({ fields: ['docId', 'version'], limit: 1000, offset })
				for (const d of page.results) out.set(d.docId, d.version)
				if (page.results.length < 1000) return out
			}
		},

		async clear() {
			await settled(index.deleteAllDocuments())
		},
	}
}
