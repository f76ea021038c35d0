// The same relevance cases against a real Meilisearch, when MEILI_URL is set (no server can be
// installed on the CI machine, so there it is skipped, and says so).
import { describe, test } from 'vitest'
import { createMeilisearchEngine } from '~/search/engines/meilisearch.server'
import { synonymGroups } from '~/search/synonyms.server'
import { useTestDatabase } from '../db'
import { engineContract } from './engine-contract'

const url = process.env.MEILI_URL

if (url) {
	engineContract('Meilisearch', async () => {
		// The synonyms come from the migrated database, as in the app.
		await useTestDatabase()
		const engine = createMeilisearchEngine({ url, apiKey: process.env.MEILI_KEY, indexName: `caunoi_test_${process.pid}_${Date.now()}`, synonyms: synonymGroups })
		await engine.setup()
		return engine
	})
} else {
	describe('Meilisearch engine', () => {
		test.skip('skipped: MEILI_URL is not set (set MEILI_URL, and MEILI_KEY if the server needs one, to run the contract against Meilisearch)', () => {})
	})
	console.info('[search] Meilisearch contract tests skipped: MEILI_URL is not set.')
}
