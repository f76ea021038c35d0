// Quality gate: on every development set the matcher must rank at least as well as plain BM25
// over the same index (nDCG@10), and keep its recall. The sets live outside the repository
// (../shared/datasets, or MATCH_DATASETS); where there are none the test says it was skipped.
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { datasetFolders, evaluateDataset } from './match-eval'

const root = process.env.MATCH_DATASETS ?? path.resolve(import.meta.dirname, '../../shared/datasets')
const folders = datasetFolders(root)

describe('matcher quality on the development sets', () => {
	if (folders.length === 0) {
		test.skip(`skipped: no BEIR datasets under ${root} (set MATCH_DATASETS to a folder of them)`, () => {})
		console.info(`[matching] quality tests skipped: no datasets under ${root}.`)
		return
	}
	for (const folder of folders) {
		test(`${path.basename(folder)}: nDCG@10 is not below plain BM25, recall@100 no more than 0.01 below`, { timeout: 120_000 }, async () => {
			const r = await evaluateDataset(folder)
			expect(r.queries).toBeGreaterThan(0)
			expect(r.matcher.ndcg10).toBeGreaterThanOrEqual(r.bm25.ndcg10)
			expect(r.matcher.recall100).toBeGreaterThanOrEqual(r.bm25.recall100 - 0.01)
		})
	}
})
