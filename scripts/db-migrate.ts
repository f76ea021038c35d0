// npm run db:migrate: applies pending prisma/migrations to DATABASE_URL and says what it did.
import { migrate } from '../app/utils/migrate.server'

const url = process.env.DATABASE_URL
if (!url) {
	console.error('DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/caunoi)')
	process.exit(1)
}

try {
	const applied = await migrate(url, { log: (message) => console.log(message) })
	console.log(applied.length === 0 ? 'database is up to date' : `applied ${applied.length} migration(s)`)
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
}
