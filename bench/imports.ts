/**
 * Import benchmark: a generated file of task results (50,000 rows by default, ~1 kB each) through
 * the dry run, the apply run and a re-import, against reading and checking the same file without a
 * database (the baseline) in the same run. Prints rows per second, ratios to the baseline and the
 * peak memory of each phase.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:imports
 *   (node --expose-gc --import tsx bench/imports.ts: the heap figures are then live memory after collection)
 *
 * It creates the database `caunoi_bench_imports` on that server (dropping an older one), migrates
 * it, runs, then drops it. BENCH_ROWS sets the number of rows.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import pg from 'pg'

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000)
const DATABASE = 'caunoi_bench_imports'
const admin = process.env.DATABASE_URL
if (!admin) {
	console.error('Set DATABASE_URL to a PostgreSQL server (the benchmark makes its own database there).')
	process.exit(1)
}

function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

async function recreate(drop = false) {
	const client = new pg.Client({ connectionString: admin })
	await client.connect()
	await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
	if (!drop) await client.query(`CREATE DATABASE "${DATABASE}"`)
	await client.end()
}

// With --expose-gc the samples collect garbage first, so they show the live heap (what the code
// holds on to) rather than how lazily V8 happened to collect.
const gc = (globalThis as { gc?: () => void }).gc

/** Runs `fn` while sampling memory; returns its duration and the peaks above the start. */
async function measure<T>(fn: () => Promise<T>) {
	gc?.()
	const start = process.memoryUsage()
	let rss = start.rss
	let heap = start.heapUsed
	const timer = setInterval(() => {
		gc?.()
		const m = process.memoryUsage()
		rss = Math.max(rss, m.rss)
		heap = Math.max(heap, m.heapUsed)
	}, gc ? 500 : 20)
	const began = performance.now()
	const result = await fn()
	const ms = performance.now() - began
	clearInterval(timer)
	return { result, ms, rssPeakMb: rss / 2 ** 20, heapPeakMb: heap / 2 ** 20, heapGrowthMb: (heap - start.heapUsed) / 2 ** 20 }
}

await recreate()
const url = withDatabase(admin, DATABASE)
process.env.DATABASE_URL = url
process.env.LOG_LEVEL = 'warn'
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-bench-imports-'))
process.env.DATA_DIR = dataDir

const { migrate } = await import('../app/utils/migrate.server.ts')
await migrate(url, { log: () => {} })
const { prisma, disconnectPrisma } = await import('../app/utils/db.server.ts')
const { getFileStore, newStorageKey } = await import('../app/uploads/storage.server.ts')
const { sampleTaskResultCsv } = await import('../app/imports/sample-files.server.ts')
const { readImportRows } = await import('../app/imports/read.server.ts')
const { readTaskResultRow } = await import('../app/imports/task-result-row.ts')
const { loadOrganisationIndex, validateImport, applyImport } = await import('../app/imports/run.server.ts')
const { createImport, requestApply } = await import('../app/models/import.server.ts')

try {
	const operator = await prisma.user.create({ data: { email: 'bench@caunoi.example', name: 'Bench', passwordHash: 'x', roles: ['OPERATOR'] } })
	const actor = { id: operator.id, roles: operator.roles }
	const storageKey = newStorageKey()
	const stored = await getFileStore().put(storageKey, sampleTaskResultCsv(ROWS))
	console.log(`file: ${ROWS.toLocaleString('en')} rows, ${(stored.size / 2 ** 20).toFixed(1)} MiB CSV`)

	const baseline = await measure(async () => {
		const organisations = await loadOrganisationIndex()
		const file = await getFileStore().get(storageKey)
		let ok = 0
		for await (const row of readImportRows(Readable.fromWeb(file!.stream as never), { kind: 'TASK_RESULTS', format: 'csv' })) {
			if ('raw' in row && readTaskResultRow(row.raw, organisations).ok) ok++
		}
		return ok
	})
	if (baseline.result !== ROWS) throw new Error(`baseline read ${baseline.result} valid rows of ${ROWS}`)

	const imports = async (key: string) => {
		const { id } = await createImport(actor, { kind: 'TASK_RESULTS', fileName: 'bench.csv', format: 'csv', storageKey: key, size: stored.size, sha256: stored.sha256 })
		return id
	}
	const first = await imports(storageKey)
	const dry = await measure(() => validateImport(first))
	await requestApply(actor, first)
	const applied = await measure(() => applyImport(first))
	// The same bytes again, as an operator uploading the same file twice.
	const secondKey = newStorageKey()
	await getFileStore().put(secondKey, sampleTaskResultCsv(ROWS))
	const second = await imports(secondKey)
	const again = await measure(() => validateImport(second))
	const record = await prisma.import.findUniqueOrThrow({ where: { id: second }, select: { summary: true } })
	const count = await prisma.taskResult.count()
	if (count !== ROWS) throw new Error(`expected ${ROWS} task results, found ${count}`)

	const rate = (ms: number) => Math.round(ROWS / (ms / 1000))
	const line = (name: string, m: { ms: number; rssPeakMb: number; heapPeakMb: number; heapGrowthMb: number }) =>
		`${name.padEnd(34)} ${String(rate(m.ms)).padStart(8)} rows/s   ${(rate(m.ms) / rate(baseline.ms)).toFixed(2).padStart(5)}× baseline   peak RSS ${m.rssPeakMb.toFixed(0)} MiB, heap ${m.heapPeakMb.toFixed(0)} MiB (+${m.heapGrowthMb.toFixed(0)})`
	console.log(gc ? 'heap: live memory, sampled after a collection every 500 ms' : 'heap: as sampled (run with --expose-gc for live memory)')
	console.log(line('baseline: read + check, no database', baseline))
	console.log(line('dry run (all new)', dry))
	console.log(line('apply (one transaction per 500)', applied))
	console.log(line('re-import dry run (all unchanged)', again))
	console.log('re-import summary:', JSON.stringify(record.summary))
} finally {
	await disconnectPrisma()
	await recreate(true)
	await fs.rm(dataDir, { recursive: true, force: true })
}
