// Which engine serves search: Meilisearch when MEILI_URL is set, else PostgreSQL (no configuration).
import { createMeilisearchEngine } from './engines/meilisearch.server'
import { createPostgresEngine } from './engines/postgres.server'
import { synonymGroups, synonymIndex } from './synonyms.server'
import type { SearchEngine } from './types'

let engine: SearchEngine | undefined

export function searchEngine(): SearchEngine {
	engine ??= process.env.MEILI_URL
		? createMeilisearchEngine({
				url: process.env.MEILI_URL,
				apiKey: process.env.MEILI_KEY,
				indexName: process.env.MEILI_INDEX ?? 'caunoi',
				synonyms: synonymGroups,
			})
		: createPostgresEngine({ synonyms: synonymIndex })
	return engine
}
