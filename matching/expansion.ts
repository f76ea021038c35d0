// Bridging the vocabulary gap between how an enterprise describes a problem and how an institute
// describes a solution: bilingual term groups (a query naming one term also asks for the others)
// and pseudo-relevance feedback (words the best first-pass matches share, learned from the corpus
// itself, in the manner of RM3).
import { analyze, foldWord, termKind } from './analyze'
import type { TermGroup } from './terms'
import { words } from './text'

export type CompiledGroups = Array<{ members: string[][]; terms: string[][] }>

/** Term groups prepared for matching: each member as folded words and as index terms. */
export function compileGroups(groups: readonly TermGroup[]): CompiledGroups {
	return groups.map((group) => ({
		members: group.map((m) => words(m).map(foldWord)),
		terms: group.map((m) => analyze(m, { exact: false }).terms),
	}))
}

/** The terms of the other members of every group a member of which the text contains, folded. */
export function groupExpansions(text: string, groups: CompiledGroups): string[][] {
	const folded = words(text).map(foldWord)
	const out: string[][] = []
	for (const g of groups) {
		const hit = g.members.findIndex((m) => m.length > 0 && containsRun(folded, m))
		if (hit < 0) continue
		g.terms.forEach((terms, i) => {
			if (i !== hit && !containsRun(folded, g.members[i]!)) out.push(terms)
		})
	}
	return out
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
		return true
	}
	return false
}

export type FeedbackOptions = {
	/** First-pass matches read. */
	docs: number
	/** Expansion words kept. */
	terms: number
	/** Weight of the expansion against the query (the query keeps 1). */
	weight: number
}

/**
 * Expansion words from the best first-pass matches: each document's word distribution weighted by
 * its share of the first-pass score, summed; the words not already asked for with the most of that
 * mass times idf, each weighted by its mass, the largest at `weight` (a query word has 1).
 */
export function feedbackTerms(
	matches: ReadonlyArray<{ score: number; words: ReadonlyArray<readonly [string, number]> }>,
	query: ReadonlyMap<string, number>,
	idf: (term: string) => number,
	options: FeedbackOptions,
): Map<string, number> {
	const out = new Map<string, number>()
	const total = matches.reduce((s, m) => s + m.score, 0)
	if (total === 0) return out
	const mass = new Map<string, number>()
	for (const m of matches) for (const [term, p] of m.words) mass.set(term, (mass.get(term) ?? 0) + (p * m.score) / total)
	// Words every document has say nothing; rarer ones are what a topic is made of.
	const ranked = [...mass]
		.filter(([t]) => !query.has(t) && termKind(t) === 'word' && t.length > 1 && !/^\d+$/.test(t))
		.map(([t, p]) => [t, p, p * idf(t)] as const)
		.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
		.slice(0, options.terms)
	// Scoring multiplies by idf again: the weight here is the feedback probability alone.
	const best = Math.max(0, ...ranked.map((r) => r[1]))
	if (!best) return out
	for (const [t, p] of ranked) out.set(t, (options.weight * p) / best)
	return out
}
