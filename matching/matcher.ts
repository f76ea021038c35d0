// The matcher: collections of candidates (offers, demands, task results, experts, or anything a
// caller names) in inverted indexes, ranked for a query by text relevance and structured signals,
// each result with its explanation.
import { accentedPairs, analyze, displayTerm, foldWord, surfaceForms, termKind, type TermKind } from './analyze'
import { compileGroups, feedbackTerms, groupExpansions, type FeedbackOptions } from './expansion'
import { combine, DEFAULT_WEIGHTS, type Contribution, type Weights } from './model'
import { meetsHardRequirements, scoreSignals, type Attributes, type Requirements } from './signals'
import { DEFAULT_TERM_PAIRS, type TermGroup } from './terms'
import { TextIndex, type Bm25Params } from './text-index'

export type MatchItem = { id?: string; title: string; text: string }

/** A candidate, or the document a query is made from. */
export type MatchDocument = {
	id: string
	title: string
	keywords?: readonly string[]
	text: string
	/** Parts scored one by one and aggregated: an expert's publications, an offer's task results. */
	items?: readonly MatchItem[]
	attributes?: Attributes
}

export type MatchQuery = {
	title?: string
	keywords?: readonly string[]
	text: string
	requirements?: Requirements
}

export type RankOptions = {
	top?: number
	/** Rank only these candidates (a pool). */
	only?: Iterable<string>
	/** Never return these (the query's own listing, dismissed pairs). */
	exclude?: Iterable<string>
	/** Drop results scoring below this. */
	minScore?: number
	weights?: Weights
}

export type MatchedTerm = {
	/** The term as people read it: a word, an accented word or a pair of words. */
	term: string
	kind: TermKind
	/** Where it came from: the query, a term group (synonym) or feedback expansion. */
	source: 'query' | 'synonym' | 'feedback'
	/** The candidate's fields it was found in. */
	fields: FieldName[]
	/** Its share of the text component, 0 to 1. */
	share: number
}

export type Evidence = { id: string; title: string; score: number }

export type MatchExplanation = {
	/** Components with their values and contributions; contributions add up to the score. */
	components: Contribution[]
	terms: MatchedTerm[]
	/** The candidate's items that matched best, best first. */
	evidence: Evidence[]
}

export type MatchResult = { id: string; score: number; explanation: MatchExplanation }

export type FieldName = 'title' | 'keywords' | 'body'
const FIELDS: readonly FieldName[] = ['title', 'keywords', 'body']

export type MatcherOptions = {
	/** BM25 saturation and length normalisation. */
	k1: number
	b: number
	/** Candidate field weights. */
	fieldWeights: Record<FieldName, number>
	/** Query field weights, when the query is a document. */
	queryFieldWeights: Record<FieldName, number>
	/** Weight of each term kind: folded words, exact accented words, adjacent pairs. */
	termWeights: Record<TermKind, number>
	/** Weight of a pair with an accented word (Vietnamese syllables: most often one word), instead of `termWeights.pair`. */
	syllablePairWeight: number
	/** Bilingual term groups; a matched group member adds the others at `groupWeight`. */
	termGroups: readonly TermGroup[]
	groupWeight: number
	/** Pseudo-relevance feedback, or false. */
	feedback: FeedbackOptions | false
	/** Items: how many of a candidate's best count, and the weight of each next one. */
	itemsTop: number
	itemsDecay: number
	/** How fast coverage (matched share of the query's weight) saturates into the text component. */
	coverageScale: number
	/** Candidates re-scored with signals per result asked for (at least 100). */
	depth: number
	weights: Weights
}

export const DEFAULT_OPTIONS: MatcherOptions = {
	k1: 1.2,
	b: 0.75,
	fieldWeights: { title: 2, keywords: 1.5, body: 1 },
	queryFieldWeights: { title: 2, keywords: 1.5, body: 1 },
	termWeights: { word: 1, exact: 0.3, pair: 0.25 },
	syllablePairWeight: 0.5,
	termGroups: DEFAULT_TERM_PAIRS,
	groupWeight: 0.5,
	feedback: false,
	itemsTop: 3,
	itemsDecay: 0.5,
	coverageScale: 3,
	depth: 3,
	weights: DEFAULT_WEIGHTS,
}

type Collection = {
	main: TextIndex
	items: TextIndex
	/** Item number -> its candidate's id, and the item's own id and title. */
	itemOwner: Map<number, { owner: string; id: string; title: string }>
	itemIds: Map<string, string[]>
	attributes: Map<string, Attributes>
}

export type Matcher = {
	/** Adds or replaces a candidate in a collection ("offer", "demand", "expert", …). */
	add(collection: string, doc: MatchDocument): void
	remove(collection: string, id: string): boolean
	size(collection: string): number
	has(collection: string, id: string): boolean
	/** The best candidates of a collection for the query, best first, explained. */
	rank(collection: string, query: MatchQuery, options?: RankOptions): MatchResult[]
	/** Plain BM25 over the same index: folded words only, one field, no expansion or signals (the baseline). */
	rankBm25(collection: string, text: string, options?: Pick<RankOptions, 'top' | 'only'>): Array<{ id: string; score: number }>
}

const isWord = (t: string) => termKind(t) === 'word'

/** A matcher with the given options over the defaults. */
export function createMatcher(overrides: Partial<MatcherOptions> = {}): Matcher {
	const o: MatcherOptions = { ...DEFAULT_OPTIONS, ...overrides }
	const groups = compileGroups(o.termGroups)
	const params: Bm25Params = { k1: o.k1, b: o.b, fieldWeights: FIELDS.map((f) => o.fieldWeights[f]) }
	const collections = new Map<string, Collection>()

	function collection(name: string): Collection {
		let c = collections.get(name)
		if (!c) {
			c = { main: new TextIndex(FIELDS.length), items: new TextIndex(FIELDS.length), itemOwner: new Map(), itemIds: new Map(), attributes: new Map() }
			collections.set(name, c)
		}
		return c
	}

	function fieldTerms(doc: { title: string; keywords?: readonly string[]; text: string }): string[][] {
		return [analyze(doc.title).terms, analyze((doc.keywords ?? []).join(' . ')).terms, analyze(doc.text).terms]
	}

	function removeFrom(c: Collection, id: string): boolean {
		for (const itemId of c.itemIds.get(id) ?? []) {
			const n = c.items.numberOf(itemId)
			if (n !== undefined) c.itemOwner.delete(n)
			c.items.remove(itemId)
		}
		c.itemIds.delete(id)
		c.attributes.delete(id)
		return c.main.remove(id)
	}

	/** The query's weighted terms and where each came from. */
	function queryTerms(q: MatchQuery): { terms: Map<string, number>; source: Map<string, MatchedTerm['source']>; surface: Map<string, string> } {
		const terms = new Map<string, number>()
		const source = new Map<string, MatchedTerm['source']>()
		const surface = new Map<string, string>()
		const counts = new Map<string, number>()
		const parts: Array<[string, number]> = [
			[q.title ?? '', o.queryFieldWeights.title],
			[(q.keywords ?? []).join(' . '), o.queryFieldWeights.keywords],
			[q.text, o.queryFieldWeights.body],
		]
		const syllablePairs = new Set<string>()
		for (const [text, weight] of parts) {
			for (const t of analyze(text).terms) counts.set(t, (counts.get(t) ?? 0) + weight)
			for (const p of accentedPairs(text)) syllablePairs.add(p)
			surfaceForms(text, surface)
		}
		// A word said often in a long query matters more, but not in proportion.
		for (const [t, n] of counts) {
			const kindWeight = syllablePairs.has(t) ? o.syllablePairWeight : o.termWeights[termKind(t)]
			terms.set(t, kindWeight * (n >= 1 ? 1 + Math.log(n) : n))
			source.set(t, 'query')
		}
		for (const expansion of groupExpansions(parts.map((p) => p[0]).join(' . '), groups))
			for (const t of expansion) {
				if (terms.has(t)) continue
				terms.set(t, o.termWeights[termKind(t)] * o.groupWeight)
				source.set(t, 'synonym')
			}
		return { terms, source, surface }
	}

	return {
		add(name, doc) {
			const c = collection(name)
			removeFrom(c, doc.id)
			c.main.add(doc.id, fieldTerms(doc), o.feedback ? isWord : undefined)
			if (doc.attributes) c.attributes.set(doc.id, doc.attributes)
			if (doc.items?.length) {
				const ids: string[] = []
				doc.items.forEach((item, i) => {
					const itemId = `${doc.id}\u0000${i}`
					const n = c.items.add(itemId, [analyze(item.title).terms, [], analyze(item.text).terms])
					c.itemOwner.set(n, { owner: doc.id, id: item.id ?? String(i), title: item.title })
					ids.push(itemId)
				})
				c.itemIds.set(doc.id, ids)
			}
		},

		remove(name, id) {
			const c = collections.get(name)
			return c ? removeFrom(c, id) : false
		},

		size(name) {
			return collections.get(name)?.main.size ?? 0
		},

		has(name, id) {
			return collections.get(name)?.main.numberOf(id) !== undefined
		},

		rankBm25(name, text, options = {}) {
			const c = collections.get(name)
			if (!c) return []
			const terms = new Map<string, number>()
			for (const t of analyze(text, { pairs: false, exact: false }).terms) terms.set(t, (terms.get(t) ?? 0) + 1)
			const only = options.only ? numbers(c.main, options.only) : undefined
			return c.main
				.search(terms, { k1: o.k1, b: o.b, fieldWeights: [1, 1, 1] }, options.top ?? 100, only)
				.map((s) => ({ id: c.main.idOf(s.doc), score: s.score }))
		},

		rank(name, query, options = {}) {
			const c = collections.get(name)
			if (!c) return []
			const top = options.top ?? 100
			const weights = options.weights ?? o.weights
			const exclude = new Set(options.exclude ?? [])
			const only = options.only ? numbers(c.main, options.only) : undefined
			const req = query.requirements ?? {}
			const { terms, source, surface } = queryTerms(query)
			const depth = Math.max(100, top * o.depth)

			if (o.feedback) {
				const first = c.main.search(terms, params, o.feedback.docs, only)
				const expansion = feedbackTerms(
					first.map((s) => ({ score: s.score, words: c.main.wordDistribution(s.doc) })),
					terms,
					(t) => c.main.idf(t),
					o.feedback,
				)
				for (const [t, w] of expansion) {
					terms.set(t, w)
					source.set(t, 'feedback')
				}
			}

			// The most a document could score: every term, saturated. A query word no candidate holds
			// still counts, as the rarest word would: not matching it is a miss, or a query about
			// something the collection lacks would score its few common words as a full match.
			const mass = (index: TextIndex) => [...terms].reduce((s, [t, w]) => s + w * (index.idf(t) || (source.get(t) === 'query' ? index.idfAt(1) : 0)), 0)
			const mainMass = mass(c.main)
			const raw = new Map<string, number>()
			for (const s of c.main.search(terms, params, depth, only)) raw.set(c.main.idOf(s.doc), s.score)

			// Items are scored one by one, then a candidate's best few are summed with decaying weights.
			const itemScores = new Map<string, Array<{ n: number; score: number }>>()
			if (c.items.size > 0) {
				// A pool restricts the item search itself, so a pooled candidate's items are never crowded out by others'.
				const onlyItems = options.only ? numbers(c.items, [...options.only].flatMap((owner) => c.itemIds.get(owner) ?? [])) : undefined
				for (const s of c.items.search(terms, params, depth * 4, onlyItems)) {
					const owner = c.itemOwner.get(s.doc)!.owner
					let list = itemScores.get(owner)
					if (!list) itemScores.set(owner, (list = []))
					list.push({ n: s.doc, score: s.score })
				}
			}
			const itemMass = c.items.size > 0 ? mass(c.items) : 0
			const decayTotal = Array.from({ length: o.itemsTop }, (_, i) => o.itemsDecay ** i).reduce((s, x) => s + x, 0)
			const saturate = (coverage: number) => 1 - Math.exp(-o.coverageScale * coverage)

			const results: Array<{ id: string; score: number; contributions: Contribution[]; text: number; items: Array<{ n: number; score: number }> }> = []
			for (const id of new Set([...raw.keys(), ...itemScores.keys()])) {
				if (exclude.has(id)) continue
				const attributes = c.attributes.get(id) ?? {}
				if (!meetsHardRequirements(req, attributes)) continue
				const own = mainMass > 0 ? saturate((raw.get(id) ?? 0) / mainMass) : 0
				const items = (itemScores.get(id) ?? []).slice(0, o.itemsTop)
				const aggregate = items.reduce((s, it, i) => s + it.score * o.itemsDecay ** i, 0) / decayTotal
				const fromItems = itemMass > 0 ? saturate(aggregate / itemMass) : 0
				// Either the candidate's own text or its items can carry the match; both together more.
				const text = 1 - (1 - own) * (1 - fromItems)
				const { score, contributions } = combine({ text, ...scoreSignals(req, attributes) }, weights)
				if (score < (options.minScore ?? 0)) continue
				results.push({ id, score, contributions, text, items })
			}
			results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			return results.slice(0, top).map((r) => ({
				id: r.id,
				score: r.score,
				explanation: {
					components: r.contributions,
					terms: explainTerms(c, r.id, terms, source, surface, params),
					evidence: r.items.map((it) => {
						const owner = c.itemOwner.get(it.n)!
						return { id: owner.id, title: owner.title, score: itemMass > 0 ? saturate(it.score / itemMass) : 0 }
					}),
				},
			}))
		},
	}
}

function numbers(index: TextIndex, ids: Iterable<string>): Set<number> {
	const out = new Set<number>()
	for (const id of ids) {
		const n = index.numberOf(id)
		if (n !== undefined) out.add(n)
	}
	return out
}

/** The query terms a candidate holds, with their fields and shares of its own text score, largest first. */
function explainTerms(
	c: Collection,
	id: string,
	terms: ReadonlyMap<string, number>,
	source: ReadonlyMap<string, MatchedTerm['source']>,
	surface: ReadonlyMap<string, string>,
	params: Bm25Params,
): MatchedTerm[] {
	const doc = c.main.numberOf(id)
	if (doc === undefined) return []
	const details = c.main.termDetails(doc, terms.keys(), params)
	const parts = [...details].map(([t, d]) => ({ t, d, value: (terms.get(t) ?? 0) * c.main.idf(t) * d.score }))
	const total = parts.reduce((s, p) => s + p.value, 0) || 1
	// The folded and the exact form of a word read the same to people: one entry, shares summed.
	const merged = new Map<string, MatchedTerm>()
	for (const { t, d, value } of parts.sort((a, b) => b.value - a.value || (a.t < b.t ? -1 : 1))) {
		const term = surface.get(t.startsWith('=') ? foldWord(t.slice(1)) : t) ?? displayTerm(t)
		const fields = d.fields.map((f) => FIELDS[f]!)
		const seen = merged.get(term)
		if (seen) {
			seen.share += value / total
			for (const f of fields) if (!seen.fields.includes(f)) seen.fields.push(f)
		} else merged.set(term, { term, kind: termKind(t), source: source.get(t) ?? 'query', fields, share: value / total })
	}
	return [...merged.values()].sort((a, b) => b.share - a.share || (a.term < b.term ? -1 : 1))
}
