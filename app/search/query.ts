// A person's query cut into what engines match: clauses that must all match, each a choice of
// phrases (the words as typed, a synonym, a spelling correction). Pure; shared by every engine.
import { foldDiacritics, hasDiacritics, normalizeText, words } from '../../matching'

/** Longer input is cut here: nobody types more, and it keeps the index query small. */
export const MAX_QUERY_CHARS = 300
export const MAX_CLAUSES = 12

export type Term = {
	/** As typed (NFC, lower case). */
	exact: string
	folded: string
	/** Matches any word starting with it (the word being typed). */
	prefix: boolean
}

/** Words in order: one word, or a phrase. */
export type Alternative = { terms: Term[]; origin: 'typed' | 'synonym' | 'correction' }

export type Clause = {
	/** Quoted by the user: its words must appear together, in order. */
	quoted: boolean
	alternatives: Alternative[]
}

export type ParsedQuery = { clauses: Clause[]; text: string }

function term(word: string, prefix = false): Term {
	return { exact: word, folded: foldDiacritics(word), prefix }
}

/**
 * Cuts a query: "quoted phrases" stay together, other words are separate clauses, and the last
 * word is a prefix unless the query ends with a space (`prefixLast`). Anything that is neither a
 * letter nor a digit only separates words, so operators of any query language mean nothing here.
 */
export function parseQuery(input: string, { prefixLast = true } = {}): ParsedQuery {
	const text = input.slice(0, MAX_QUERY_CHARS).normalize('NFC').replace(/[“”„«»]/g, '"')
	const clauses: Clause[] = []
	const parts = text.split('"')
	parts.forEach((part, i) => {
		const quoted = i % 2 === 1 && i < parts.length - 1
		const ws = words(part)
		if (ws.length === 0) return
		if (quoted && ws.length > 1) {
			clauses.push({ quoted: true, alternatives: [{ terms: ws.map((w) => term(w)), origin: 'typed' }] })
		} else {
			for (const w of ws) clauses.push({ quoted: false, alternatives: [{ terms: [term(w)], origin: 'typed' }] })
		}
	})
	const kept = clauses.slice(0, MAX_CLAUSES)
	const last = kept.at(-1)
	const endsOpen = /[\p{L}\p{N}]$/u.test(text)
	if (prefixLast && last && !last.quoted && endsOpen && kept.length === clauses.length) {
		const t = last.alternatives[0]!.terms[0]!
		if (t.folded.length >= 2) t.prefix = true
	}
	return { clauses: kept, text: normalizeText(text) }
}

/** Synonym groups with each term cut into folded words, longest terms first (the longest match wins). */
export type SynonymIndex = Array<{ words: string[]; group: string[][] }>

export function buildSynonymIndex(groups: readonly (readonly string[])[]): SynonymIndex {
	const index: SynonymIndex = []
	for (const group of groups) {
		const cut = group.map((t) => words(t).map(foldDiacritics)).filter((ws) => ws.length > 0)
		for (const ws of cut) index.push({ words: ws, group: cut })
	}
	return index.sort((a, b) => b.words.length - a.words.length)
}

/**
 * Where a run of typed words is a synonym term ("nuoi trong thuy san"), the run becomes one clause:
 * the words as typed, or any other term of the group as a phrase.
 */
export function expandSynonyms(query: ParsedQuery, index: SynonymIndex): ParsedQuery {
	if (index.length === 0) return query
	const out: Clause[] = []
	const { clauses } = query
	for (let i = 0; i < clauses.length; ) {
		const match = clauses[i]!.quoted ? undefined : index.find((s) => runMatches(clauses, i, s.words))
		if (!match) {
			out.push(clauses[i]!)
			i++
			continue
		}
		const run = clauses.slice(i, i + match.words.length)
		const typed: Alternative = { terms: run.map((c) => c.alternatives[0]!.terms[0]!), origin: 'typed' }
		const others = match.group
			.filter((ws) => ws.join(' ') !== match.words.join(' '))
			.map((ws): Alternative => ({ terms: ws.map((w) => ({ exact: w, folded: w, prefix: false })), origin: 'synonym' }))
		out.push({ quoted: run.length > 1, alternatives: [typed, ...others] })
		i += match.words.length
	}
	return { ...query, clauses: out }
}

function runMatches(clauses: Clause[], start: number, ws: string[]) {
	if (start + ws.length > clauses.length) return false
	return ws.every((w, k) => {
		const c = clauses[start + k]!
		const t = c.alternatives[0]!.terms[0]!
		// The last word counts once it is whole ("aquaculture" searched alone); its typed form keeps
		// matching as a prefix beside the synonyms.
		return !c.quoted && t.folded === w
	})
}

/**
 * The form a term is matched in: a word typed with diacritics matches only that word ("tiến" is
 * not "tiền"); one typed without matches every spelling that folds to it. Phrases match folded,
 * because the folded words of a document are the only ones whose positions line up across forms.
 */
export function matchForm(t: Term, inPhrase: boolean) {
	return !inPhrase && hasDiacritics(t.exact) ? t.exact : t.folded
}

/**
 * Single typed words that a spelling correction may replace: long enough to hold a typo. The word
 * being typed counts too (as a prefix, from 5 letters), so "nanocelulose" alone is corrected.
 */
export function correctableWords(query: ParsedQuery): Array<{ word: string; prefix: boolean }> {
	const out = new Map<string, boolean>()
	for (const c of query.clauses) {
		if (c.quoted || c.alternatives.length > 1) continue
		const t = c.alternatives[0]!.terms[0]!
		if (t.folded.length >= (t.prefix ? 5 : 4) && !/^\d+$/.test(t.folded)) out.set(matchForm(t, false), t.prefix)
	}
	return [...out].map(([word, prefix]) => ({ word, prefix }))
}

/** Adds spelling corrections as alternatives; returns the corrected text, or null when nothing changed. */
export function applyCorrections(query: ParsedQuery, corrections: ReadonlyMap<string, string[]>): { query: ParsedQuery; correctedText: string | null } {
	let changed = false
	const shown: string[] = []
	const clauses = query.clauses.map((c): Clause => {
		const first = c.alternatives[0]!
		const word = c.quoted || c.alternatives.length > 1 ? undefined : matchForm(first.terms[0]!, false)
		const found = word ? corrections.get(word) : undefined
		if (!found || found.length === 0) {
			shown.push(first.terms.map((t) => t.exact).join(' '))
			return c
		}
		changed = true
		shown.push(found[0]!)
		return {
			quoted: false,
			alternatives: [first, ...found.map((w): Alternative => ({ terms: [{ exact: w, folded: foldDiacritics(w), prefix: false }], origin: 'correction' }))],
		}
	})
	return { query: { ...query, clauses }, correctedText: changed ? shown.join(' ') : null }
}

/** Every folded word a document may match on, for highlighting. */
export function highlightTerms(query: ParsedQuery): Array<{ folded: string; prefix: boolean }> {
	const out: Array<{ folded: string; prefix: boolean }> = []
	for (const c of query.clauses) for (const a of c.alternatives) for (const t of a.terms) out.push({ folded: t.folded, prefix: t.prefix })
	return out
}

function lexeme(t: Term, inPhrase: boolean, weights: string) {
	const flags = `${t.prefix ? '*' : ''}${weights}`
	return `'${matchForm(t, inPhrase)}'${flags ? `:${flags}` : ''}`
}

/**
 * The query in PostgreSQL tsquery syntax; words are letters and digits only, quoted anyway.
 * `weights` ("AB") restricts every word to those weights (title and keywords).
 */
export function toTsquery(query: ParsedQuery, { weights = '' } = {}): string {
	return query.clauses
		.map((c) => {
			const alts = c.alternatives.map((a) => {
				const lexemes = a.terms.map((t) => lexeme(t, a.terms.length > 1, weights))
				return lexemes.length > 1 ? `(${lexemes.join(' <-> ')})` : lexemes[0]!
			})
			return alts.length > 1 ? `(${alts.join(' | ')})` : alts[0]!
		})
		.join(' & ')
}

/**
 * Any one word of the query (phrases broken into their words), in tsquery syntax: the documents
 * that get a rank above zero from a vector holding some of the query's words.
 */
export function toAnyTsquery(query: ParsedQuery, { weights = '' } = {}): string {
	const lexemes = new Set<string>()
	for (const c of query.clauses) {
		for (const a of c.alternatives) {
			for (const t of a.terms) lexemes.add(lexeme(t, a.terms.length > 1, weights))
		}
	}
	return [...lexemes].join(' | ')
}
