import path from 'node:path'
import { defineConfig } from 'prisma/config'

// Prisma's CLI wants a schema-engine binary that it cannot download here. `generate`,
// `validate` and `format` never run it, so point it at a stub that explains itself;
// migrations are applied by scripts/db-migrate.ts instead (docs/decisions/002-migrations-offline.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/schema-engine-stub.sh')

export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: {
		path: 'prisma/migrations',
		seed: 'tsx scripts/db-seed.ts',
	},
	datasource: {
		url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/caunoi',
	},
})
