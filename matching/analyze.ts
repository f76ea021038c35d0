// Text to index terms. One analyser for documents and queries, so both sides are cut the same way:
// - a folded word ("nuôi" and "nuoi" both give `nuoi`; English lightly stemmed): the main signal;
// - the exact accented form (`=nuôi`): a stronger signal when both sides wrote the diacritics,
//   since folded Vietnamese is ambiguous ("tôm" shrimp, "tom" not a word; "cá" fish, "ca" shift);
// - adjacent folded words (`nuoi tom`): Vietnamese words are one to four syllables, so a pair
//   matching is most often a whole word matching, and in English a phrase.
import { lightStem } from './stem'
import { isStopword } from './stopwords'
import { foldDiacritics, words } from './text'

export type TermKind = 'word' | 'exact' | 'pair'

export type AnalyzedText = {
	/** Every term occurrence, in order of kind: words, then exact forms, then pairs. */
	terms: string[]
	/** Terms counted by kind (the index keeps one length per field over all kinds). */
	length: number
}

/** The kind of an index term, read off its shape. */
export function termKind(term: string): TermKind {
	if (term.startsWith('=')) return 'exact'
	return term.includes(' ') ? 'pair' : 'word'
}

/** The word a term shows to people: the exact form without its mark, a pair as it is. */
export function displayTerm(term: string): string {
	return term.startsWith('=') ? term.slice(1) : term
}

// Folding is most of the cost of indexing (Unicode normalisation twice per word), and a corpus
// says the same few thousand words over and over: each word is folded once. Bounded, so a stream
// of unique tokens (codes, numbers) cannot grow it without limit.
const WORD_CACHE = new Map<string, { folded: string; accented: boolean }>()
const WORD_CACHE_MAX = 200_000

function wordInfo(word: string) {
	let info = WORD_CACHE.get(word)
	if (!info) {
		const folded = foldDiacritics(word)
		info = { folded: folded === word ? lightStem(word) : folded, accented: folded !== word }
		if (WORD_CACHE.size >= WORD_CACHE_MAX) WORD_CACHE.clear()
		WORD_CACHE.set(word, info)
	}
	return info
}

/** The folded, stemmed form of one exact word. */
export function foldWord(word: string): string {
	return wordInfo(word).folded
}

/** Whether a word (as `words` gives it) carries diacritics. */
function accented(word: string): boolean {
	return wordInfo(word).accented
}

/** The index terms of a text (see the head of this file). */
export function analyze(text: string, { pairs = true, exact = true } = {}): AnalyzedText {
	const tokens = words(text)
	const out: string[] = []
	const folded: string[] = new Array(tokens.length)
	const stop: boolean[] = new Array(tokens.length)
	for (let i = 0; i < tokens.length; i++) {
		const w = tokens[i]!
		stop[i] = isStopword(w)
		folded[i] = foldWord(w)
		if (!stop[i]) out.push(folded[i]!)
	}
	if (exact) for (let i = 0; i < tokens.length; i++) if (!stop[i] && accented(tokens[i]!)) out.push(`=${tokens[i]}`)
	if (pairs) for (let i = 0; i + 1 < tokens.length; i++) if (!(stop[i] && stop[i + 1])) out.push(`${folded[i]} ${folded[i + 1]}`)
	return { terms: out, length: out.length }
}

/** The pairs of a text with an accented word in them: Vietnamese syllables, where a pair is most often one word. */
export function accentedPairs(text: string): Set<string> {
	const tokens = words(text)
	const out = new Set<string>()
	for (let i = 0; i + 1 < tokens.length; i++)
		if (accented(tokens[i]!) || accented(tokens[i + 1]!)) out.add(`${foldWord(tokens[i]!)} ${foldWord(tokens[i + 1]!)}`)
	return out
}

/**
 * How the text wrote each of its terms: a folded word or pair mapped to its first occurrence as
 * typed (lower-cased, with its diacritics), so an explanation reads "nuôi tôm", not `nuoi tom`.
 */
export function surfaceForms(text: string, into: Map<string, string> = new Map()): Map<string, string> {
	const tokens = words(text)
	const folded = tokens.map(foldWord)
	for (let i = 0; i < tokens.length; i++) {
		if (!into.has(folded[i]!)) into.set(folded[i]!, tokens[i]!)
		if (i + 1 < tokens.length) {
			const pair = `${folded[i]} ${folded[i + 1]}`
			if (!into.has(pair)) into.set(pair, `${tokens[i]} ${tokens[i + 1]}`)
		}
	}
	return into
}
