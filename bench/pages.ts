/**
 * Page benchmark: the public offer pages under concurrent load on a floor of 20,000 offers and
 * 20,000 demands, against a trivial route (/healthz) of the same server in the same run.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/pages.ts [--explain] [--split] [--build] [--keep]
 *
 * DATABASE_URL names a PostgreSQL server: the benchmark creates the database `caunoi_bench` on it
 * (dropping an older one), migrates and seeds it, starts the production server against it on a
 * free loopback port, measures, then stops the server and drops the database. Without
 * DATABASE_URL it runs on embedded PGlite, whose figures say little about production.
 *
 * Only ratios against the baseline measured in the same run mean anything; absolute figures
 * depend on the machine. See bench/README.md. Tunables (environment): BENCH_OFFERS, BENCH_DEMANDS,
 * BENCH_DURATION (s), BENCH_WARMUP (s), BENCH_CONNECTIONS.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import autocannon, { type Result } from 'autocannon'
import pg from 'pg'
import { PrismaClient, type Prisma } from '../app/generated/prisma/client.ts'
import { listCardSelect, orderBy, PAGE_SIZE, parseListingFilters, publishedWhere } from '../app/models/listing-query.server.ts'
import { startEmbeddedPostgres } from '../app/utils/embedded-postgres.server.ts'
import { migrate } from '../app/utils/migrate.server.ts'
import { generateListings, syntheticOrganisations } from '../prisma/seed/demo-listings.ts'
import { insertListings, newId } from '../prisma/seed/seed.ts'

const BENCH_DATABASE = 'caunoi_bench'
const OFFERS = Number(process.env.BENCH_OFFERS ?? 20_000)
const DEMANDS = Number(process.env.BENCH_DEMANDS ?? 20_000)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const ORGANISATIONS = Math.max(20, Math.round((OFFERS + DEMANDS) / 100))
const SLOW_P95_MS = 200
const args = new Set(process.argv.slice(2))

const log = (message: string) => console.log(`[bench] ${message}`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

type Target = { label: string; path: string; baseline?: boolean }
type Measured = Target & { rps: number; p50: number; p95: number; requests: number; bad: number }

// ─── Database ────────────────────────────────────────────────────────────────

function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

async function admin(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

type Database = { url: string; embedded: boolean; poolMax: number; drop(): Promise<void> }

async function createDatabase(): Promise<Database> {
	const serverUrl = process.env.DATABASE_URL
	if (serverUrl) {
		await admin(serverUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`)
		await admin(serverUrl, `CREATE DATABASE "${BENCH_DATABASE}"`)
		const url = withDatabase(serverUrl, BENCH_DATABASE)
		log(`database ${BENCH_DATABASE} created on ${new URL(serverUrl).host}`)
		return { url, embedded: false, poolMax: 10, drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`) }
	}
	console.warn(
		'[bench] DATABASE_URL is not set: using embedded PGlite (one session, one connection, in this process).\n' +
			'[bench] PGlite figures are NOT representative of production; set DATABASE_URL to a PostgreSQL server.',
	)
	const embedded = await startEmbeddedPostgres()
	return { url: embedded.url, embedded: true, poolMax: 1, drop: embedded.stop }
}

/** Synthetic organisations and members, then the listings, with createMany in chunks. */
async function seed(url: string, poolMax: number) {
	const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) })
	try {
		const started = performance.now()
		const orgs = syntheticOrganisations({ count: ORGANISATIONS, seed: 'bench' })
		const organisationIds = new Map(orgs.map((o) => [o.key, newId()]))
		const userIds = new Map(orgs.flatMap((o) => o.users.map((u) => [u.email, newId()] as const)))
		await prisma.organisation.createMany({
			data: orgs.map((o) => ({
				id: organisationIds.get(o.key) as string,
				slug: o.key,
				name: o.name,
				type: o.type,
				provinceCode: o.provinceCode,
				verifiedAt: o.verified ? new Date() : null,
			})),
		})
		// Not an argon2 hash: nobody can sign in as these users.
		await prisma.user.createMany({ data: orgs.flatMap((o) => o.users.map((u) => ({ id: userIds.get(u.email) as string, email: u.email, name: u.name, passwordHash: '!bench' }))) })
		await prisma.membership.createMany({
			data: orgs.flatMap((o) =>
				o.users.map((u, i) => ({ userId: userIds.get(u.email) as string, organisationId: organisationIds.get(o.key) as string, role: i === 0 ? ('OWNER' as const) : ('MEMBER' as const) })),
			),
		})
		const generatedAt = performance.now()
		const listings = generateListings({ count: { offers: OFFERS, demands: DEMANDS }, seed: 'bench', organisations: orgs, now: new Date() })
		const generated = performance.now()
		const counts = await insertListings(prisma, listings, { organisations: organisationIds, users: userIds }, { chunkSize: 500, concurrency: poolMax > 1 ? 3 : 1 })
		const inserted = performance.now()
		// What autovacuum does soon after a bulk load: planner statistics and the visibility map.
		await prisma.$executeRawUnsafe('VACUUM ANALYZE')
		const rows = counts.offers + counts.demands
		log(
			`seeded ${orgs.length} organisations, ${userIds.size} users, ${counts.offers} offers, ${counts.demands} demands, ${counts.events} events in ${seconds(performance.now() - started)}: ` +
				`generating ${seconds(generated - generatedAt)}, inserting ${seconds(inserted - generated)} (${Math.round(rows / ((inserted - generated) / 1000))} listings/s)`,
		)
		const detail = await prisma.offer.findFirst({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' }, skip: 100, select: { id: true } })
		if (!detail) throw new Error('no published offer to open')
		return { detailId: detail.id }
	} finally {
		await prisma.$disconnect()
	}
}

/** The list loader's two queries (count and page) as Prisma sends them, each with EXPLAIN ANALYZE. */
async function explainListQueries(url: string, paths: string[]) {
	const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }), log: [{ emit: 'event', level: 'query' }] })
	const captured: Array<{ query: string; params: unknown[] }> = []
	prisma.$on('query', (e: Prisma.QueryEvent) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }))
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		for (const target of paths) {
			const filters = parseListingFilters(new URL(target, 'http://bench').searchParams)
			const where = publishedWhere('offer', filters) as Prisma.OfferWhereInput
			captured.length = 0
			await prisma.offer.count({ where })
			await prisma.offer.findMany({
				where,
				select: listCardSelect.offer,
				orderBy: orderBy('offer', filters.sort) as Prisma.OfferOrderByWithRelationInput[],
				skip: (filters.page - 1) * PAGE_SIZE,
				take: PAGE_SIZE,
			})
			console.log(`\n── ${target}: ${captured.length} queries ──`)
			for (const { query, params } of captured) {
				const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params)
				console.log(`\n${query}\n  params: ${JSON.stringify(params)}`)
				for (const row of rows) console.log(`  ${row['QUERY PLAN']}`)
			}
		}
	} finally {
		await client.end()
		await prisma.$disconnect()
	}
}

// ─── Server ──────────────────────────────────────────────────────────────────

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			const port = typeof address === 'object' && address ? address.port : 0
			server.close(() => resolve(port))
		})
	})
}

function ensureBuild() {
	if (!args.has('--build') && fs.existsSync('build/server/index.js')) {
		log(`using the existing production build (built ${fs.statSync('build/server/index.js').mtime.toISOString()}; --build rebuilds it)`)
		return
	}
	log('building (npx react-router build)…')
	const result = spawnSync('npx', ['react-router', 'build'], { stdio: 'inherit' })
	if (result.status !== 0) throw new Error('the build failed')
}

type Server = { origin: string; stop(): Promise<void> }

async function startServer(databaseUrl: string, poolMax: number, dataDir: string): Promise<Server> {
	const port = await freePort()
	const tsx = createRequire(import.meta.url).resolve('tsx/cli')
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		DATABASE_URL: databaseUrl,
		DATABASE_POOL_MAX: String(poolMax),
		HOST: '127.0.0.1',
		PORT: String(port),
		LOG_LEVEL: 'warn',
		RATE_LIMIT_DISABLED: 'true',
		DATA_DIR: dataDir,
		MIGRATE_ON_START: 'false',
		SEED_ON_START: 'false',
		SESSION_SECRET: randomBytes(24).toString('hex'),
	}
	delete env.APP_URL
	// Its own process group, so stopping it also stops the node process tsx starts.
	const child: ChildProcess = spawn(process.execPath, [tsx, 'server.ts'], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] })
	let stderr = ''
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4000)
	})
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
	const stop = async () => {
		if (child.exitCode !== null || child.pid === undefined) return
		process.kill(-child.pid, 'SIGTERM')
		const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000)
		await exited
		clearTimeout(timer)
	}
	const origin = `http://127.0.0.1:${port}`
	const deadline = Date.now() + 90_000
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${stderr}`)
		try {
			const response = await fetch(`${origin}/healthz`)
			if (response.ok) break
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop()
			throw new Error(`the server did not answer /healthz within 90 s:\n${stderr}`)
		}
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	return { origin, stop }
}

// ─── Load ────────────────────────────────────────────────────────────────────

// What a browser sends: compression and the page language are part of a page's cost.
const HEADERS = { 'accept-encoding': 'gzip', 'accept-language': 'vi', accept: 'text/html,application/xhtml+xml' }

function load(url: string, duration: number, latencies?: number[]) {
	return new Promise<Result>((resolve, reject) => {
		const instance = autocannon({ url, connections: CONNECTIONS, duration, timeout: 30, headers: HEADERS }, (error, result) => (error ? reject(error) : resolve(result)))
		if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
	})
}

function percentile(sorted: number[], p: number) {
	if (sorted.length === 0) return Number.NaN
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

async function measure(origin: string, target: Target): Promise<Measured> {
	const url = `${origin}${target.path}`
	const check = await fetch(url, { headers: HEADERS })
	const body = await check.text()
	if (!check.ok) throw new Error(`${target.path} answered ${check.status}`)
	if (WARMUP > 0) await load(url, WARMUP)
	const latencies: number[] = []
	const result = await load(url, DURATION, latencies)
	latencies.sort((a, b) => a - b)
	const measured = {
		...target,
		rps: result.requests.total / result.duration,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		requests: result.requests.total,
		bad: result.non2xx + result.errors + result.timeouts,
	}
	log(`${target.path}: ${measured.requests} requests, ${Math.round(body.length / 1024)} KiB page, ${measured.rps.toFixed(1)} req/s, p95 ${measured.p95.toFixed(1)} ms`)
	return measured
}

function printTable(rows: Measured[]) {
	const base = rows.find((r) => r.baseline) as Measured
	const header = ['route', 'req/s', 'p50 ms', 'p95 ms', 'req/s ÷ base', 'p95 × base']
	const lines = rows.map((r) => [
		r.baseline ? `${r.label} (baseline)` : r.label,
		r.rps.toFixed(1),
		r.p50.toFixed(1),
		r.p95.toFixed(1),
		(r.rps / base.rps).toFixed(3),
		(r.p95 / base.p95).toFixed(1),
	])
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)))
	const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')
	console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
	for (const line of lines) console.log(format(line))
	console.log('\nreq/s ÷ base: share of the baseline throughput (1 = as fast as /healthz); p95 × base: how many times the baseline p95.')
	for (const r of rows) if (r.bad > 0) console.warn(`[bench] ${r.path}: ${r.bad} non-2xx responses, errors or timeouts`)
}

// ─── Main ────────────────────────────────────────────────────────────────────

async function main() {
	const started = performance.now()
	log(`${OFFERS} offers + ${DEMANDS} demands; ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per route; ${os.cpus().length} CPUs, Node ${process.version}`)
	ensureBuild()
	const database = await createDatabase()
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-'))
	let server: Server | undefined
	const cleanup = async () => {
		await server?.stop().catch(() => {})
		server = undefined
		if (args.has('--keep') && !database.embedded) log(`--keep: the database stays at ${database.url}; drop it with DROP DATABASE "${BENCH_DATABASE}"`)
		else await database.drop().catch((error: unknown) => console.error('[bench] dropping the database failed', error))
		fs.rmSync(dataDir, { recursive: true, force: true })
	}
	process.once('SIGINT', () => void cleanup().then(() => process.exit(130)))
	try {
		await migrate(database.url)
		const { detailId } = await seed(database.url, database.poolMax)
		server = await startServer(database.url, database.poolMax, dataDir)
		const targets: Target[] = [
			{ label: '/healthz', path: '/healthz', baseline: true },
			{ label: '/offers', path: '/offers' },
			{ label: '/offers (filtered, page 3)', path: '/offers?field=4&sort=price-asc&page=3' },
			{ label: '/offers/:id', path: `/offers/${detailId}` },
		]
		// --split: the same pages' loaders alone (React Router's .data requests), to tell data from rendering.
		if (args.has('--split')) {
			targets.push(
				{ label: '/offers.data', path: '/offers.data' },
				{ label: '/offers.data (filtered, page 3)', path: '/offers.data?field=4&sort=price-asc&page=3' },
				{ label: '/offers/:id.data', path: `/offers/${detailId}.data` },
			)
		}
		const results: Measured[] = []
		for (const target of targets) results.push(await measure(server.origin, target))
		printTable(results)
		const listPaths = results.filter((r) => r.path.startsWith('/offers') && !r.path.startsWith('/offers/') && !r.path.startsWith('/offers.data'))
		const slow = listPaths.some((r) => r.p95 > SLOW_P95_MS)
		if (slow || args.has('--explain')) {
			if (slow) console.log(`\n[bench] a list page has p95 > ${SLOW_P95_MS} ms: plans of the loader's queries follow`)
			await explainListQueries(
				database.url,
				listPaths.map((r) => r.path),
			)
		}
	} finally {
		await cleanup()
		log(`done in ${seconds(performance.now() - started)}`)
	}
}

main().catch((error: unknown) => {
	console.error(error)
	process.exit(1)
})
