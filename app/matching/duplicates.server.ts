// Near-duplicates: what already exists on the platform that reads almost like a text being
// written (a draft demand, a listing in review, a task result being imported). The agency does not
// want to fund the same research twice, and an exchange should not list one technology twice.
// Similarity is the matcher's text component alone: how much of the text's weight the other holds.
import { DEFAULT_WEIGHTS, type MatchQuery } from '../../matching'
import { COLLECTIONS, corpusIfReady } from './corpus.server'

export type DuplicateType = 'offer' | 'demand' | 'task-result'
export type Duplicate = { type: DuplicateType; id: string; title: string; organisation: string; similarity: number }

/** Text similarity from which two records are shown as possible duplicates. */
export const DUPLICATE_AT = 0.7
const TEXT_ONLY = { ...Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])), text: 1 } as typeof DEFAULT_WEIGHTS

const COLLECTION: Record<DuplicateType, string> = { offer: COLLECTIONS.offer, demand: COLLECTIONS.demand, 'task-result': COLLECTIONS.taskResult }

/**
 * The records of the given types most like the text, most similar first; `self` ("offer:<id>")
 * is never its own duplicate. A text of a few words is too thin to call anything a duplicate.
 * Empty while the matcher is still being built after a start.
 */
export async function nearDuplicates(doc: { title: string; keywords?: readonly string[]; text: string }, options: { types: DuplicateType[]; self?: string; limit?: number }): Promise<Duplicate[]> {
	const words = `${doc.title} ${doc.text}`.trim().split(/\s+/).length
	if (words < 4) return []
	const s = await corpusIfReady(5_000)
	if (!s) return []
	const query: MatchQuery = { title: doc.title, keywords: doc.keywords, text: doc.text }
	const limit = options.limit ?? 5
	const out: Duplicate[] = []
	for (const type of options.types) {
		for (const r of s.matcher.rank(COLLECTION[type], query, { top: limit + 1, minScore: DUPLICATE_AT, weights: TEXT_ONLY })) {
			const key = `${type}:${r.id}`
			if (key === options.self) continue
			const info = s.info.get(key)
			if (!info) continue
			out.push({ type, id: r.id, title: info.title, organisation: info.organisationName, similarity: r.score })
		}
	}
	return out.sort((a, b) => b.similarity - a.similarity).slice(0, limit)
}
