import { useTestDatabase } from '../db'
import { createPostgresEngine } from '~/search/engines/postgres.server'
import { synonymIndex } from '~/search/synonyms.server'
import { engineContract } from './engine-contract'

engineContract('PostgreSQL', async () => {
	await useTestDatabase()
	return createPostgresEngine({ synonyms: synonymIndex })
})
