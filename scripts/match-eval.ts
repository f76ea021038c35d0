// The matcher against plain BM25 on the development sets: nDCG@10 and recall@100 for each.
//   npm run match:eval [-- --datasets ../shared/datasets] [--options '{"k1":1.2}'] [--only vi-alqac]
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createMatcher, ndcg, recall, type MatcherOptions, type Qrels, type Run } from '../matching'
import { readCorpus, readQrels, readQueries } from './beir'

export type DatasetFigures = { dataset: string; queries: number; documents: number; matcher: { ndcg10: number; recall100: number }; bm25: { ndcg10: number; recall100: number } }

/** Runs the matcher and plain BM25 over one BEIR folder. */
export async function evaluateDataset(folder: string, options?: Partial<MatcherOptions>): Promise<DatasetFigures> {
	const matcher = createMatcher(options)
	for await (const doc of readCorpus(path.join(folder, 'corpus.jsonl'))) matcher.add('corpus', doc)
	const qrels: Qrels = await readQrels(path.join(folder, 'qrels.tsv'))
	const queries = (await readQueries(path.join(folder, 'queries.jsonl'))).filter((q) => qrels.has(q.id))
	const ours: Run = new Map()
	const base: Run = new Map()
	for (const q of queries) {
		ours.set(q.id, matcher.rank('corpus', { title: q.title, text: q.text }, { top: 100 }).map((r) => r.id))
		base.set(q.id, matcher.rankBm25('corpus', `${q.title ?? ''} ${q.text}`, { top: 100 }).map((r) => r.id))
	}
	return {
		dataset: path.basename(folder),
		queries: queries.length,
		documents: matcher.size('corpus'),
		matcher: { ndcg10: ndcg(ours, qrels, 10), recall100: recall(ours, qrels, 100) },
		bm25: { ndcg10: ndcg(base, qrels, 10), recall100: recall(base, qrels, 100) },
	}
}

/** The development sets under a folder (each a folder with corpus.jsonl). */
export function datasetFolders(root: string): string[] {
	if (!fs.existsSync(root)) return []
	return fs
		.readdirSync(root)
		.map((d) => path.join(root, d))
		.filter((d) => fs.existsSync(path.join(d, 'corpus.jsonl')))
		.sort()
}

async function main() {
	const { values } = parseArgs({ options: { datasets: { type: 'string' }, options: { type: 'string' }, only: { type: 'string' } } })
	const root = values.datasets ?? path.resolve(import.meta.dirname, '../../shared/datasets')
	const options = values.options ? (JSON.parse(values.options) as Partial<MatcherOptions>) : undefined
	const folders = datasetFolders(root).filter((f) => !values.only || path.basename(f) === values.only)
	if (folders.length === 0) {
		console.error(`no datasets under ${root}`)
		process.exit(2)
	}
	const f3 = (x: number) => x.toFixed(3)
	console.log('| dataset | queries | docs | BM25 nDCG@10 | matcher nDCG@10 | BM25 R@100 | matcher R@100 |')
	console.log('|---|---|---|---|---|---|---|')
	for (const folder of folders) {
		const r = await evaluateDataset(folder, options)
		console.log(`| ${r.dataset} | ${r.queries} | ${r.documents} | ${f3(r.bm25.ndcg10)} | ${f3(r.matcher.ndcg10)} | ${f3(r.bm25.recall100)} | ${f3(r.matcher.recall100)} |`)
	}
}

if (import.meta.url === `file://${process.argv[1]}`) void main()
