/**
 * End-to-end tests: Debian's Chromium against the BUILT server (`npm run build` first; `npm run
 * test:e2e` does both). See docs/decisions/005-e2e-and-ci.md.
 *
 * Two webServers, started in order and stopped in reverse:
 * 1. e2e/database.ts: a fresh database for this run. With DATABASE_URL set (CI), that URL is only
 *    the admin connection: the run gets its own database `caunoi_e2e` on the same server, dropped
 *    and recreated. Without it, an in-memory embedded PGlite on 127.0.0.1:E2E_DB_PORT.
 * 2. server.ts in production mode against that database, which migrates it and seeds the demo data.
 *
 * The tests' fixtures (e2e/fixtures.ts) write users and sessions into the same database, through
 * E2E_DATABASE_URL, and sign cookies with the same SESSION_SECRET as the server.
 *
 * This file is evaluated by the runner and again by every worker: keep it free of side effects
 * other than the process.env values the workers need.
 */
import path from 'node:path'
import { defineConfig } from '@playwright/test'

const CI = Boolean(process.env.CI)
const port = Number(process.env.E2E_PORT ?? 3901)
const dbPort = Number(process.env.E2E_DB_PORT ?? port + 1)
const baseURL = `http://127.0.0.1:${port}`
const dataDir = path.resolve('.data', `e2e-${port}`)
const adminUrl = process.env.DATABASE_URL || undefined
const databaseName = process.env.E2E_DATABASE_NAME ?? 'caunoi_e2e'

function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

const databaseUrl = adminUrl ? withDatabase(adminUrl, databaseName) : `postgresql://postgres@127.0.0.1:${dbPort}/postgres`

// Read by e2e/fixtures.ts in the workers, which inherit the runner's environment.
process.env.E2E_DATABASE_URL = databaseUrl
process.env.E2E_BASE_URL = baseURL
process.env.SESSION_SECRET ||= 'e2e-only-session-secret-0123456789abcdef'
const sessionSecret = process.env.SESSION_SECRET

export default defineConfig({
	testDir: 'e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	forbidOnly: CI,
	retries: CI ? 1 : 0,
	// Two cores here. On embedded PGlite one worker: it serialises every query anyway (as fast), and
	// pglite-socket 0.2.17 interleaves concurrent connections' extended-protocol messages (unnamed
	// statements clobbered, "unnamed prepared statement does not exist", wrong rows: upstream
	// electric-sql/pglite#1046), which two workers' concurrent requests turn into random 500s.
	workers: Number(process.env.E2E_WORKERS ?? (adminUrl ? 2 : 1)),
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL,
		trace: 'on-first-retry',
		screenshot: 'only-on-failure',
		video: 'off',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				browserName: 'chromium',
				launchOptions: {
					// `npx playwright install` cannot download here: Debian's package (`apt-get install chromium`).
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--headless',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
					],
				},
			},
		},
	],
	webServer: [
		{
			name: 'database',
			command: 'npx tsx e2e/database.ts',
			env: {
				E2E_DATA_DIR: dataDir,
				E2E_DB_PORT: String(dbPort),
				E2E_ADMIN_DATABASE_URL: adminUrl ?? '',
				E2E_DATABASE_NAME: databaseName,
			},
			wait: { stdout: /e2e database ready/ },
			stdout: 'pipe',
			timeout: 60_000,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		},
		{
			name: 'app',
			command: 'node --import tsx server.ts',
			url: `${baseURL}/healthz`,
			// Never another server: the fixtures write to the database this config gives the server it starts.
			reuseExistingServer: false,
			timeout: 120_000,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			env: {
				NODE_ENV: 'production',
				HOST: '127.0.0.1',
				PORT: String(port),
				APP_URL: baseURL,
				DATABASE_URL: databaseUrl,
				// The run's own PGlite (no DATABASE_URL given) serves one connection safely, not several.
				DATABASE_POOL_MAX: adminUrl ? '' : '1',
				DATA_DIR: path.join(dataDir, 'server'),
				SESSION_SECRET: sessionSecret,
				MIGRATE_ON_START: 'true',
				SEED_ON_START: 'true',
				COOKIE_SECURE: 'false',
				TRUST_PROXY: 'false',
				LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
				// Empty means unset (env.server.ts): the real limits apply, and mail goes to files.
				RATE_LIMIT_DISABLED: '',
				SMTP_URL: '',
				// A receiving account, so bank transfer with VietQR is offered (e2e/deals.spec.ts pays with it).
				BANK_BIN: '970436',
				BANK_ACCOUNT: '0011000000000',
				BANK_ACCOUNT_NAME: 'CAU NOI E2E',
			},
		},
	],
})
