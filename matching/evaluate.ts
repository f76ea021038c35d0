// Retrieval measures over a run and judgements, as trec_eval computes them.

/** query id -> document id -> graded relevance (0 is not relevant). */
export type Qrels = Map<string, Map<string, number>>
/** query id -> document ids, best first. */
export type Run = Map<string, readonly string[]>

/** Mean nDCG at depth k over the judged queries (a judged query with no results scores 0). */
export function ndcg(run: Run, qrels: Qrels, k = 10): number {
	let sum = 0
	let n = 0
	for (const [q, judged] of qrels) {
		const gains = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a)
		if (gains.length === 0) continue
		n++
		const ranked = run.get(q) ?? []
		let dcg = 0
		for (let i = 0; i < Math.min(k, ranked.length); i++) dcg += (2 ** (judged.get(ranked[i]!) ?? 0) - 1) / Math.log2(i + 2)
		let ideal = 0
		for (let i = 0; i < Math.min(k, gains.length); i++) ideal += (2 ** gains[i]! - 1) / Math.log2(i + 2)
		sum += dcg / ideal
	}
	return n ? sum / n : 0
}

/** Mean recall at depth k over the judged queries. */
export function recall(run: Run, qrels: Qrels, k = 100): number {
	let sum = 0
	let n = 0
	for (const [q, judged] of qrels) {
		const relevant = [...judged].filter(([, g]) => g > 0).map(([d]) => d)
		if (relevant.length === 0) continue
		n++
		const top = new Set((run.get(q) ?? []).slice(0, k))
		sum += relevant.filter((d) => top.has(d)).length / relevant.length
	}
	return n ? sum / n : 0
}
