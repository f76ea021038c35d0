// The default engine: the index is the SearchDocument table in our own database, matched through
// GIN indexes on tsvectors (exact and folded words, weighted by field) and ranked on the small
// `head` vector (title and keywords) only. A search's work is bounded whatever it matches: a
// window of ranking candidates, and counts estimated from a sample above about 2,000 matches.
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { editDistance } from '~/utils/text'
import { words } from '../../../matching'
import { highlight, snippet } from '../highlight'
import {
	applyCorrections,
	correctableWords,
	expandSynonyms,
	highlightTerms,
	parseQuery,
	toAnyTsquery,
	toTsquery,
	type ParsedQuery,
	type SynonymIndex,
} from '../query'
import {
	KIND_OF_TYPE,
	PRICE_BUCKETS,
	TYPE_OF_KIND,
	type FacetCounts,
	type FacetName,
	type SearchDocument,
	type SearchEngine,
	type SearchRequest,
	type SearchResponse,
	type Suggestion,
} from '../types'

const sql = Prisma.sql
const empty = Prisma.empty

/** Long text is indexed whole but kept only this long for snippets. */
const STORED_TEXT = 1200
const INDEX_BATCH = 250
const EXACT_COUNT_LIMIT = 2_000
const SAMPLE_TARGET = 1_500
const RANK_WINDOW = 1_000
/** Words of a document's long text indexed at most: a tsvector holds 1 MB (exact and folded forms). */
const MAX_BODY_WORDS = 20_000

/** What a hits statement returns, in this order (HitRow). */
const HIT_COLUMNS = ['id', 'kind', 'entityId', 'title', 'subtitle', 'summary', 'keywords', 'fieldPaths', 'provinceCode', 'trl', 'transferModes', 'ipStatus', 'price', 'year', 'publishedAt', 'score'] as const

type HitRow = {
	id: string
	kind: keyof typeof TYPE_OF_KIND
	entityId: string
	title: string
	subtitle: string
	summary: string
	keywords: string[]
	fieldPaths: string[]
	provinceCode: string | null
	trl: number | null
	transferModes: string[]
	ipStatus: string | null
	price: bigint | null
	year: number | null
	publishedAt: Date | null
	score: number
}

export type PostgresEngineOptions = {
	synonyms: () => Promise<SynonymIndex>
	/** Counts are exact up to about this many matches; above it they are estimated from a sample. */
	exactCountLimit?: number
	/** About this many matches are read to estimate the counts of a larger set. */
	sampleTarget?: number
	/** Relevance ranks at most this many of the newest matches with a query word in their title or keywords. */
	rankWindow?: number
	/** The window is used from this many matches (estimated); below it every match is ranked. */
	windowFrom?: number
	/**
	 * The window's title and keyword candidates are found by walking the newest-first index from
	 * this many of them (estimated), and through their GIN index, in a statement of their own,
	 * below it. By default the walk is taken when it would read fewer rows than the GIN index
	 * finds: candidates² ≥ window × documents.
	 */
	walkTitledFrom?: number
}

/** `sample` holds 0-99: one slice is 1% of the index, chosen by a hash of the id (the migration's). */
const SLICES = 100
/** Relevance ranks every match below this many (estimated); above it, the window of candidates. */
const WINDOW_FROM = 2_000

/** The facet statements of one search: the counts over all matches or over some slices. */
export type FacetStatements = {
	/** The counts statement over every match (`slices` null) or over the first `slices` slices. */
	counts: (slices: number | null) => Prisma.Sql
	exactCountLimit: number
	sampleTarget: number
}

export type FacetRow = { facet: FacetName | 'scalar'; kind: string | null; value: string | null; trl: number | null; year: number | null; province: string | null; ip: string | null; bucket: string | null; grp: number; count: bigint }

/**
 * What the probe estimates from one slice (exact enough to pick plans: 0 means under about 100):
 * the matches (without the type filter: the facets count every tab), and, for a search ranked
 * by relevance, the documents with a query word in their title or keywords (the ranking
 * window's candidates, within every filter) and the documents in the index.
 */
export type Estimate = { matches: number; titled: number | null; documents: number | null }

export async function estimateMatches(probe: Prisma.Sql, indexed: boolean): Promise<Estimate> {
	const [row] = await runStatement<Array<{ n: number; titled: number | null; documents: number | null }>>(probe, indexed)
	const scaled = (n: number | null | undefined) => (n === null || n === undefined ? null : n * SLICES)
	return { matches: (row?.n ?? 0) * SLICES, titled: scaled(row?.titled), documents: scaled(row?.documents) }
}

/**
 * The hits of one search. `titled`, when set, is run first (GIN bitmaps allowed) and the ids it
 * returns are the ranking window's title and keyword candidates the statement ranks.
 */
export type HitsPlan = { titled: Prisma.Sql | null; statement: (titledIds?: string[]) => Prisma.Sql; scan: Scan }

/** Runs a hits plan as a search does. */
export async function runHits<T>(plan: HitsPlan, indexed: boolean): Promise<T> {
	const ids = plan.titled ? (await runStatement<Array<{ id: string }>>(plan.titled, indexed, 'bitmap')).map((r) => r.id) : undefined
	return runStatement<T>(plan.statement(ids), indexed, plan.scan)
}

/**
 * Picks the counts statement: over every match, or, when the matches are estimated above
 * `exactCountLimit`, over enough slices for about `sampleTarget` of them, with the factor that
 * scales those counts up (`scale` > 1 marks them as estimates).
 */
export function chooseFacetCounts(f: FacetStatements, estimate: number): { statement: Prisma.Sql; scale: number } {
	const slices = estimate <= f.exactCountLimit ? SLICES : Math.min(SLICES, Math.max(1, Math.ceil((f.sampleTarget * SLICES) / estimate)))
	return slices === SLICES ? { statement: f.counts(null), scale: 1 } : { statement: f.counts(slices), scale: SLICES / slices }
}

/** Runs the chosen facet counts statement as a search does. */
export async function runFacetStatements(f: FacetStatements, estimate: number, indexed: boolean): Promise<{ rows: FacetRow[]; scale: number }> {
	const { statement, scale } = chooseFacetCounts(f, estimate)
	return { rows: await runStatement<FacetRow[]>(statement, indexed), scale }
}

/** An estimate shown as such: two significant figures, never below what the sample saw. */
function estimated(count: number, scale: number) {
	if (scale === 1) return count
	const raw = count * scale
	if (raw < 100) return Math.max(count, Math.round(raw))
	const unit = 10 ** (Math.floor(Math.log10(raw)) - 1)
	return Math.round(raw / unit) * unit
}

/**
 * How a statement may read the table: `any` plan but a sequential scan; `walk` an index in order
 * (no bitmaps); `bitmap` through GIN and bitmaps only (no ordered index scan).
 */
export type Scan = 'any' | 'walk' | 'bitmap'

/**
 * Runs one search statement. With text to match (`indexed`), the planner is told not to scan the
 * table: its estimate for a common word makes a sequential scan look cheaper, and that scan
 * unpacks every row's long vector (the benchmark measured 690 ms against 110 ms through GIN).
 * Browsing without text keeps the plain plan, where the scan is the right one. `walk` also rules
 * out bitmap scans, for the ranking window: with many matches, walking the newest-first index
 * finds a page of them after a few hundred rows, where a bitmap reads every match. `bitmap` rules
 * out the walk, for a set the probe found small (the window's few title matches): the planner's
 * estimates for a tsquery are too rough to choose between the two.
 */
export async function runStatement<T>(statement: Prisma.Sql, indexed: boolean, scan: Scan = 'any'): Promise<T> {
	if (!indexed) return prisma.$queryRaw<T>(statement)
	const settings =
		scan === 'walk'
			? prisma.$executeRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`
			: scan === 'bitmap'
				? prisma.$executeRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`
				: prisma.$executeRaw`SET LOCAL enable_seqscan = off`
	const [, rows] = await prisma.$transaction([settings, prisma.$queryRaw<T>(statement)])
	return rows
}

/**
 * A phrase (`<->`) is matched in two steps: its words through the GIN index, which answers
 * them exactly, then the phrase itself. GIN cannot check word positions, so with the phrase as
 * the index condition every row the index returns has its long vector read from TOAST and
 * rechecked, before the other filters (the sample slice, a field) had a chance to drop it. As a
 * function call, `ts_match_vq` is not an index condition: it is a filter, evaluated last.
 */
function looseTsquery(tsq: string) {
	return tsq.replaceAll(' <-> ', ' & ')
}

const priceBucketSql = sql`CASE ${Prisma.join(
	PRICE_BUCKETS.map(
		(b) =>
			sql`WHEN ${b.min === null ? sql`true` : sql`price >= ${b.min}`} AND ${b.max === null ? sql`true` : sql`price < ${b.max}`} THEN ${b.key}`,
	),
	' ',
)} END`

export function createPostgresEngine(options: PostgresEngineOptions) {
	async function prepare(request: SearchRequest) {
		let query = parseQuery(request.text)
		query = expandSynonyms(query, await options.synonyms())
		const corrected = await correct(query)
		return corrected
	}

	async function correct(query: ParsedQuery) {
		const candidates = correctableWords(query)
		if (candidates.length === 0) return { query, correctedText: null }
		// A word is misspelt when no indexed word is it (or, for the word being typed, starts with
		// it: a range on the primary key).
		const exact = candidates.filter((c) => !c.prefix).map((c) => c.word)
		const missing = exact.length
			? await prisma.$queryRaw<Array<{ w: string }>>`
				SELECT w FROM unnest(${exact}::text[]) w WHERE NOT EXISTS (SELECT 1 FROM "SearchTerm" t WHERE t.term = w)`
			: []
		for (const { word } of candidates.filter((c) => c.prefix)) {
			const [found] = await prisma.$queryRaw<Array<{ term: string }>>`
				SELECT term FROM "SearchTerm" WHERE term >= ${word} AND term < ${`${word}\u{10FFFF}`} LIMIT 1`
			if (!found) missing.push({ w: word })
		}
		if (missing.length === 0) return { query, correctedText: null }
		const corrections = new Map<string, string[]>()
		for (const { w } of missing) {
			// `%` uses the trigram index at its default threshold (0.3); the edit distance keeps
			// only real typos: one edit in a word of 4-7 letters, two in longer ones.
			const near = await prisma.$queryRaw<Array<{ term: string }>>`
				SELECT term FROM "SearchTerm" WHERE term % ${w}
				ORDER BY similarity(term, ${w}) DESC, term LIMIT 8`
			const allowed = w.length >= 8 ? 2 : 1
			const ok = near.map((n) => n.term).filter((t) => editDistance(t, w) <= allowed)
			if (ok.length > 0) corrections.set(w, ok.slice(0, 3))
		}
		return applyCorrections(query, corrections)
	}

	/**
	 * The filters, then `extra`, then the text condition `text`: the planner keeps that order
	 * among conditions of equal cost, so a row's long vector is read only once the cheap columns
	 * have let it through.
	 */
	function conditionParts(request: SearchRequest, { withTypes }: { withTypes: boolean }) {
		const f = request.filters ?? {}
		const parts: Prisma.Sql[] = []
		if (withTypes && request.types && request.types.length > 0) {
			parts.push(sql`d.kind = ANY(${request.types.map((t) => KIND_OF_TYPE[t])}::"SearchKind"[])`)
		}
		if (f.fields?.length) parts.push(sql`d."fieldPaths" && ${f.fields}::text[]`)
		if (f.provinces?.length) parts.push(sql`d."provinceCode" = ANY(${f.provinces}::text[])`)
		if (f.trl?.length) parts.push(sql`d.trl = ANY(${f.trl}::int[])`)
		if (f.transferModes?.length) parts.push(sql`d."transferModes" && ${f.transferModes}::text[]`)
		if (f.ipStatuses?.length) parts.push(sql`d."ipStatus" = ANY(${f.ipStatuses}::text[])`)
		if (f.years?.length) parts.push(sql`d.year = ANY(${f.years}::int[])`)
		if (f.prices?.length) parts.push(sql`(${priceBucketSql}) = ANY(${f.prices}::text[])`)
		if (request.ids) parts.push(sql`d.id = ANY(${request.ids}::text[])`)
		if (request.publishedSince) parts.push(sql`d."publishedAt" >= ${request.publishedSince}`)
		return parts
	}

	function conditions(request: SearchRequest, text: Prisma.Sql | null, options: { withTypes: boolean }, ...extra: Prisma.Sql[]) {
		const parts = [...conditionParts(request, options), ...extra, ...(text ? [text] : [])]
		return parts.length ? sql`WHERE ${Prisma.join(parts, ' AND ')}` : empty
	}

	/**
	 * `FROM` the matching documents (as `d`), for a statement that finds them through the GIN
	 * index. A phrase is matched in two steps (see looseTsquery): its words and every other
	 * condition in a subquery the planner cannot push conditions into, then the phrase on what is
	 * left, so no filter (a price bucket's CASE costs more than a match) runs after it.
	 */
	function fromMatches(request: SearchRequest, tsq: string | null, options: { withTypes: boolean }, ...extra: Prisma.Sql[]) {
		if (!tsq || !tsq.includes('<->')) {
			return sql`FROM "SearchDocument" d ${conditions(request, tsq ? sql`d.body @@ to_tsquery('simple', ${tsq})` : null, options, ...extra)}`
		}
		const words = sql`d.body @@ to_tsquery('simple', ${looseTsquery(tsq)})`
		return sql`FROM (SELECT d.* FROM "SearchDocument" d ${conditions(request, words, options, ...extra)} OFFSET 0) d
			WHERE ts_match_vq(d.body, to_tsquery('simple', ${tsq}))`
	}

	function orderBy(request: SearchRequest, tsq: string | null) {
		const relevance = tsq ? sql`score DESC, ` : empty
		switch (request.sort ?? 'relevance') {
			case 'newest':
				return sql`ORDER BY d."publishedAt" DESC NULLS LAST, d.id`
			case 'price-asc':
				return sql`ORDER BY d.price ASC NULLS LAST, ${relevance} d."publishedAt" DESC NULLS LAST, d.id`
			case 'price-desc':
				return sql`ORDER BY d.price DESC NULLS LAST, ${relevance} d."publishedAt" DESC NULLS LAST, d.id`
			default:
				return sql`ORDER BY ${relevance} d."publishedAt" DESC NULLS LAST, d.id`
		}
	}

	function facetStatements(request: SearchRequest, tsq: string | null): FacetStatements {
		const types = request.types?.length ? request.types.map((t) => KIND_OF_TYPE[t]) : null
		const inTypes = types ? sql`kind = ANY(${types}::"SearchKind"[])` : sql`true`
		const fields = request.filters?.fields ?? []
		// One chosen field opens its children; otherwise the top of the tree.
		const parent = fields.length === 1 ? fields[0]! : ''
		const childLength = parent ? parent.length + 2 : 1
		const counts = (slices: number | null) => sql`
			WITH m AS MATERIALIZED (
				SELECT d.kind, d."fieldPaths", d."provinceCode", d.trl, d."transferModes", d."ipStatus", d.year, ${priceBucketSql} AS bucket
				${fromMatches(request, tsq, { withTypes: false }, ...(slices === null ? [] : [sql`d.sample < ${slices}`]))}
			)
			SELECT 'scalar' AS facet, kind::text AS kind, NULL AS value, trl, year, "provinceCode" AS province, "ipStatus" AS ip, bucket,
				GROUPING(trl, year, "provinceCode", "ipStatus", bucket)::int AS grp, count(*) AS count
			FROM m GROUP BY GROUPING SETS ((kind), (kind, trl), (kind, year), (kind, "provinceCode"), (kind, "ipStatus"), (kind, bucket))
			UNION ALL SELECT 'field', NULL, f, NULL, NULL, NULL, NULL, NULL, 0, count(*) FROM m, unnest(m."fieldPaths") f
				WHERE ${inTypes} AND length(f) = ${childLength} AND f LIKE ${`${parent}%`} GROUP BY f
			UNION ALL SELECT 'transferMode', NULL, t, NULL, NULL, NULL, NULL, NULL, 0, count(*) FROM m, unnest(m."transferModes") t WHERE ${inTypes} GROUP BY t`
		return {
			counts,
			exactCountLimit: options.exactCountLimit ?? EXACT_COUNT_LIMIT,
			sampleTarget: options.sampleTarget ?? SAMPLE_TARGET,
		}
	}

	async function facetCounts(statements: FacetStatements, estimate: number, request: SearchRequest, indexed: boolean): Promise<{ facets: FacetCounts; approximate: boolean }> {
		const { rows, scale } = await runFacetStatements(statements, estimate, indexed)
		const types = request.types?.length ? new Set(request.types.map((t) => KIND_OF_TYPE[t])) : null
		const sums: Record<FacetName, Map<string, number>> = {
			type: new Map(), field: new Map(), province: new Map(), trl: new Map(), transferMode: new Map(), ipStatus: new Map(), price: new Map(), year: new Map(),
		}
		const add = (facet: FacetName, value: string | null, count: number) => {
			if (value !== null) sums[facet].set(value, (sums[facet].get(value) ?? 0) + count)
		}
		for (const r of rows) {
			const count = Number(r.count)
			if (r.facet !== 'scalar') {
				add(r.facet, r.value, count)
				continue
			}
			// GROUPING bits, first argument highest: trl 16, year 8, province 4, ip 2, bucket 1; a
			// set's own column is the one bit that is 0. (kind) alone has all five bits set.
			if (r.grp === 31) {
				add('type', TYPE_OF_KIND[r.kind as keyof typeof TYPE_OF_KIND], count)
				continue
			}
			// The other facets count within the chosen tabs; the type facet counts the tabs themselves.
			if (types && !types.has(r.kind as never)) continue
			if (r.grp === 15) add('trl', r.trl === null ? null : String(r.trl), count)
			else if (r.grp === 23) add('year', r.year === null ? null : String(r.year), count)
			else if (r.grp === 27) add('province', r.province, count)
			else if (r.grp === 29) add('ipStatus', r.ip, count)
			else if (r.grp === 30) add('price', r.bucket, count)
		}
		const facets = Object.fromEntries(
			Object.entries(sums).map(([facet, values]) => [
				facet,
				[...values].map(([value, count]) => ({ value, count: estimated(count, scale) })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
			]),
		) as FacetCounts
		return { facets, approximate: scale > 1 }
	}

	/** The statements a search runs once its text is parsed, expanded and corrected (the benchmark's "bare" queries). */
	async function statements(request: SearchRequest) {
		const page = Math.max(1, request.page ?? 1)
		const perPage = Math.min(100, Math.max(1, request.perPage ?? 20))
		const offset = (page - 1) * perPage
		const { query, correctedText } = await prepare(request)
		const tsq = query.clauses.length > 0 ? toTsquery(query) : null
		const score = tsq ? sql`ts_rank(d.head, to_tsquery('simple', ${tsq}))` : sql`0::real`
		const columns = sql`d.id, d.kind::text AS kind, d."entityId", d.title, d.subtitle, d.summary, d.keywords, d."fieldPaths", d."provinceCode",
				d.trl, d."transferModes", d."ipStatus", d.price, d.year, d."publishedAt", ${score} AS score`
		const newest = sql`ORDER BY d."publishedAt" DESC NULLS LAST, d.id`
		const relevance = tsq !== null && (request.sort ?? 'relevance') === 'relevance'
		const windowFrom = options.windowFrom ?? WINDOW_FROM
		const window = Math.max(options.rankWindow ?? RANK_WINDOW, offset + perPage)
		const headAny = tsq ? sql`d.head @@ to_tsquery('simple', ${toAnyTsquery(query)})` : null
		/** The window's title and keyword candidates: the newest `window` documents with a query word in their title or keywords. */
		const titledCandidates = sql`SELECT d.id FROM "SearchDocument" d ${conditions(request, headAny, { withTypes: true })} ${newest} LIMIT ${window}`
		const plain = sql`
			SELECT ${columns} ${fromMatches(request, tsq, { withTypes: true })}
			${orderBy(request, tsq)}
			LIMIT ${perPage} OFFSET ${offset}`
		/** The hits plan for this estimate (docs/decisions/009-search.md, "Bounded work"). */
		const hits = (estimate: Estimate): HitsPlan => {
			if (!tsq || !relevance || estimate.matches < windowFrom) return { titled: null, statement: () => plain, scan: 'any' }
			// Bounded ranking: only a document with a query word in its title or keywords ranks above
			// zero, so the candidates are the newest `window` of those plus the newest matches a page
			// needs; everything else ties at zero and goes newest first. Candidates are picked on the
			// small vector alone and checked against the long one after, so at most window + page long
			// vectors are read. Only for many matches: for few, walking the newest-first index in
			// search of them costs more than ranking them all.
			//
			// The title candidates are found by walking the newest-first index when they are common
			// (it reads about window × documents ÷ candidates rows), and through the GIN index on
			// `head` when they are few (it reads every candidate): a common word with a selective
			// filter (`technology` in one field) had the walk read most of the index for them.
			const titled = estimate.titled ?? Number.POSITIVE_INFINITY
			const walkFrom = options.walkTitledFrom ?? Math.sqrt(window * (estimate.documents ?? 0))
			const viaGin = titled < walkFrom
			// The newest page of any match: cheap filters first, the long vector read last. The
			// subquery is a fence (no condition is pushed into it) that walks in order; with no ORDER
			// BY of its own the outer level keeps that order and lets the subquery plan for the first
			// rows only (with one, the subquery would be planned to read and sort every row).
			const page = sql`SELECT w.id FROM (
					SELECT d.id, d.body FROM "SearchDocument" d ${conditions(request, null, { withTypes: true })} ${newest} OFFSET 0
				) w WHERE w.body @@ to_tsquery('simple', ${tsq}) LIMIT ${offset + perPage}`
			// The candidates are ranked on `head` first and checked against the whole query in that
			// order, only until the page is full (the subquery keeps its order: the outer level has
			// no ORDER BY). Without a phrase, a document whose own title and keywords hold every query
			// word matches (`head` is part of `body`) without its long vector being read.
			const matches = tsq.includes('<->')
				? sql`r.body @@ to_tsquery('simple', ${tsq})`
				: sql`(r.head @@ to_tsquery('simple', ${tsq}) OR r.body @@ to_tsquery('simple', ${tsq}))`
			const statement = (titledIds?: string[]) => sql`
				WITH c AS MATERIALIZED (
					(${viaGin ? sql`SELECT unnest(${titledIds ?? []}::text[]) AS id` : titledCandidates})
					UNION
					(${page})
				)
				SELECT ${Prisma.raw(HIT_COLUMNS.map((c) => `r."${c}"`).join(', '))} FROM (
					SELECT ${columns}, d.head, d.body FROM c JOIN "SearchDocument" d ON d.id = c.id
					${orderBy(request, tsq)}
					OFFSET 0
				) r
				WHERE ${matches}
				LIMIT ${perPage} OFFSET ${offset}`
			return { titled: viaGin ? titledCandidates : null, statement, scan: 'walk' }
		}
		// Browsing without text probes too: its counts are sampled above the limit like any others.
		// With many matches ranked by relevance it also counts the window's title candidates and
		// the slice (the CASE runs those only then), to choose how to find them.
		// Checked row by row on the slice's thousand-odd rows (`head` is in the row): through its GIN
		// index, a common word's (or a prefix's) posting lists cost more than the slice itself.
		const titledInSlice = tsq ? sql`ts_match_vq(d.head, to_tsquery('simple', ${toAnyTsquery(query)}))` : null
		const matched = sql`SELECT count(*)::int AS n ${fromMatches(request, tsq, { withTypes: false }, sql`d.sample < 1`)}`
		const probe = relevance
			? sql`
				SELECT p.n,
					CASE WHEN p.n * ${SLICES} >= ${windowFrom} THEN (SELECT count(*)::int FROM "SearchDocument" d ${conditions(request, titledInSlice, { withTypes: true }, sql`d.sample < 1`)}) END AS titled,
					CASE WHEN p.n * ${SLICES} >= ${windowFrom} THEN (SELECT count(*)::int FROM "SearchDocument" d WHERE d.sample < 1) END AS documents
				FROM (${matched}) p`
			: matched
		const facets = request.facets === false ? null : facetStatements(request, tsq)
		const count = request.facets === false ? sql`SELECT count(*) AS n ${fromMatches(request, tsq, { withTypes: true })}` : null
		return { page, perPage, query, correctedText, probe, hits, facets, count, indexed: tsq !== null }
	}

	return {
		name: 'postgres' as const,
		statements,

		async setup(): Promise<void> {
			// The schema is the migration's; nothing to configure.
		},

		async index(docs: SearchDocument[]): Promise<void> {
			for (let i = 0; i < docs.length; i += INDEX_BATCH) {
				const batch = docs.slice(i, i + INDEX_BATCH)
				const rows = batch.map((d) => ({
					id: d.id,
					kind: KIND_OF_TYPE[d.type],
					entityId: d.entityId,
					title: d.title,
					subtitle: d.subtitle,
					summary: (d.summary || d.body).slice(0, STORED_TEXT),
					keywords: d.keywords,
					fieldPaths: d.fieldPaths,
					provinceCode: d.provinceCode,
					trl: d.trl,
					transferModes: d.transferModes,
					ipStatus: d.ipStatus,
					price: d.price === null ? null : d.price.toString(),
					year: d.year,
					publishedAt: d.publishedAt?.toISOString() ?? null,
					version: d.version,
					a: words(d.title).join(' '),
					b: words(d.keywords.join(' ')).join(' '),
					c: words(d.summary).slice(0, MAX_BODY_WORDS).join(' '),
					dd: words(`${d.subtitle} ${d.body}`).slice(0, MAX_BODY_WORDS).join(' '),
				}))
				await prisma.$executeRaw`
					INSERT INTO "SearchDocument" (id, kind, "entityId", title, subtitle, summary, keywords, "fieldPaths", "provinceCode",
						trl, "transferModes", "ipStatus", price, year, "publishedAt", version, head, body, sample, "indexedAt")
					SELECT r.id, r.kind::"SearchKind", r."entityId", r.title, r.subtitle, r.summary, r.keywords, r."fieldPaths", r."provinceCode",
						r.trl, r."transferModes", r."ipStatus", r.price::bigint, r.year, r."publishedAt"::timestamptz, r.version,
						caunoi_search_vector(r.a, r.b, '', ''), caunoi_search_vector(r.a, r.b, r.c, r.dd),
						(abs(hashtext(r.id)) % ${SLICES})::smallint, now()
					FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, kind text, "entityId" text, title text, subtitle text,
						summary text, keywords text[], "fieldPaths" text[], "provinceCode" text, trl int, "transferModes" text[], "ipStatus" text,
						price text, year int, "publishedAt" text, version text, a text, b text, c text, dd text)
					ON CONFLICT (id) DO UPDATE SET
						title = EXCLUDED.title, subtitle = EXCLUDED.subtitle, summary = EXCLUDED.summary, keywords = EXCLUDED.keywords,
						"fieldPaths" = EXCLUDED."fieldPaths", "provinceCode" = EXCLUDED."provinceCode", trl = EXCLUDED.trl,
						"transferModes" = EXCLUDED."transferModes", "ipStatus" = EXCLUDED."ipStatus", price = EXCLUDED.price,
						year = EXCLUDED.year, "publishedAt" = EXCLUDED."publishedAt", version = EXCLUDED.version,
						head = EXCLUDED.head, body = EXCLUDED.body, "indexedAt" = EXCLUDED."indexedAt"`
				// The spelling fallback's vocabulary. Words of removed documents stay: a correction
				// to one finds nothing, and the next rebuild drops it.
				await prisma.$executeRaw`
					INSERT INTO "SearchTerm" (term)
					SELECT DISTINCT w FROM "SearchDocument" d, unnest(tsvector_to_array(d.body)) w
					WHERE d.id = ANY(${batch.map((d) => d.id)}::text[]) AND length(w) >= 4 AND w !~ '^[0-9]+$'
					ON CONFLICT DO NOTHING`
			}
		},

		async remove(ids: string[]): Promise<void> {
			if (ids.length === 0) return
			await prisma.$executeRaw`DELETE FROM "SearchDocument" WHERE id = ANY(${ids}::text[])`
		},

		async search(request: SearchRequest): Promise<SearchResponse> {
			const { page, perPage, query, correctedText, probe, hits, facets: facetStatement, count: countStatement, indexed } = await statements(request)
			// One probe picks both plans: how to rank, and whether to count exactly.
			const estimate = await estimateMatches(probe, indexed)
			const [rows, facets, count] = await Promise.all([
				runHits<HitRow[]>(hits(estimate), indexed),
				facetStatement ? facetCounts(facetStatement, estimate.matches, request, indexed) : null,
				countStatement ? runStatement<Array<{ n: bigint }>>(countStatement, indexed) : null,
			])
			const types = request.types?.length ? new Set(request.types) : null
			const total = facets
				? facets.facets.type.filter((f) => !types || types.has(f.value as never)).reduce((s, f) => s + f.count, 0)
				: Number(count?.[0]?.n ?? 0)
			const needles = highlightTerms(query)
			return {
				total,
				page,
				perPage,
				correctedText,
				approximate: facets?.approximate ?? false,
				facets: facets?.facets ?? { type: [], field: [], province: [], trl: [], transferMode: [], ipStatus: [], price: [], year: [] },
				hits: rows.map((r) => ({
					id: r.id,
					type: TYPE_OF_KIND[r.kind],
					entityId: r.entityId,
					title: highlight(r.title, needles),
					subtitle: r.subtitle,
					snippet: snippet(r.summary, needles),
					keywords: r.keywords,
					fieldPaths: r.fieldPaths,
					provinceCode: r.provinceCode,
					trl: r.trl,
					transferModes: r.transferModes,
					ipStatus: r.ipStatus,
					price: r.price === null ? null : r.price.toString(),
					year: r.year,
					publishedAt: r.publishedAt?.toISOString() ?? null,
					score: Number(r.score),
				})),
			}
		},

		async suggest(text: string, limit: number): Promise<Suggestion[]> {
			const query = parseQuery(text)
			if (query.clauses.length === 0) return []
			// Titles and keywords only (weights A and B): what a suggestion list shows.
			const weighted = toTsquery(query, { weights: 'AB' })
			const rows = await prisma.$queryRaw<Array<{ id: string; kind: keyof typeof TYPE_OF_KIND; entityId: string; title: string; subtitle: string }>>`
				SELECT d.id, d.kind::text AS kind, d."entityId", d.title, d.subtitle
				FROM "SearchDocument" d
				WHERE d.head @@ to_tsquery('simple', ${weighted})
				ORDER BY ts_rank(d.head, to_tsquery('simple', ${weighted})) DESC, d."publishedAt" DESC NULLS LAST, d.id
				LIMIT ${limit}`
			const needles = highlightTerms(query)
			return rows.map((r) => ({ kind: 'document', id: r.id, type: TYPE_OF_KIND[r.kind], entityId: r.entityId, title: highlight(r.title, needles), subtitle: r.subtitle }))
		},

		async versions(): Promise<Map<string, string>> {
			const rows = await prisma.$queryRaw<Array<{ id: string; version: string }>>`SELECT id, version FROM "SearchDocument"`
			return new Map(rows.map((r) => [r.id, r.version]))
		},

		async clear(): Promise<void> {
			await prisma.$executeRaw`DELETE FROM "SearchDocument"`
			await prisma.$executeRaw`DELETE FROM "SearchTerm"`
		},
	}
}

export type PostgresEngine = ReturnType<typeof createPostgresEngine>
// The engine is a SearchEngine (plus `statements` for the benchmark).
createPostgresEngine satisfies (options: PostgresEngineOptions) => SearchEngine
