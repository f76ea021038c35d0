import { useTestDatabase } from '../db'
import { createPostgresEngine } from '~/search/engines/postgres.server'
import { synonymIndex } from '~/search/synonyms.server'
import { expect, test } from 'vitest'
import { doc, engineContract } from './engine-contract'

engineContract('PostgreSQL', async () => {
	await useTestDatabase()
	return createPostgresEngine({ synonyms: synonymIndex })
})

test('a document longer than a tsvector can hold is indexed on its first 20,000 words', async () => {
	const engine = createPostgresEngine({ synonyms: synonymIndex })
	const body = Array.from({ length: 130_000 }, (_, i) => `tu${i.toString(36)}vung`).join(' ')
	await engine.index([doc('expert', { entityId: 'long-bio', title: 'Hồ sơ rất dài', body })])
	expect((await engine.search({ text: 'tu0vung ' })).hits.map((h) => h.entityId)).toContain('long-bio')
	await engine.remove(['expert:long-bio'])
})
