/**
 * Node entry: one HTTP server for the React Router app, socket.io and the job worker.
 * With no DATABASE_URL it starts an embedded Postgres (PGlite) in DATA_DIR, migrates and seeds it.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import type { RouterContextProvider, ServerBuild } from 'react-router'
import { startEmbeddedPostgres } from './app/utils/embedded-postgres.server.ts'
import { EnvError, parseEnv } from './app/utils/env.server.ts'
import { logger } from './app/utils/logger.server.ts'
import { migrate } from './app/utils/migrate.server.ts'
import { crossOriginGuard } from './app/utils/origin.server.ts'

if (fs.existsSync('.env')) process.loadEnvFile('.env')

async function main() {
	let env
	try {
		env = parseEnv(process.env)
	} catch (error) {
		if (error instanceof EnvError) {
			console.error(error.message)
			process.exit(1)
		}
		throw error
	}
	const dev = env.NODE_ENV === 'development'
	fs.mkdirSync(env.DATA_DIR, { recursive: true })

	// Sessions are random ids, signed as a second line of defence; keep one secret per data dir when none is given.
	if (!env.SESSION_SECRET) {
		const file = path.join(env.DATA_DIR, 'session-secret')
		if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
		process.env.SESSION_SECRET = fs.readFileSync(file, 'utf8').trim()
		logger.warn('SESSION_SECRET is not set: using a generated one stored in %s (set it when running several nodes)', file)
	}

	let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined
	let seedNow = env.SEED_ON_START ?? false
	if (!env.DATABASE_URL) {
		const dataDir = path.join(env.DATA_DIR, 'pglite')
		const firstStart = !fs.existsSync(dataDir)
		embedded = await startEmbeddedPostgres({ dataDir })
		process.env.DATABASE_URL = embedded.url
		// Read by the socket server: one embedded node needs no cross-node fan-out.
		process.env.EMBEDDED_DATABASE = 'true'
		// PGlite mixes up queries interleaved from several connections (electric-sql/pglite#1046).
		process.env.DATABASE_POOL_MAX ??= '1'
		seedNow = env.SEED_ON_START ?? firstStart
		logger.info({ dataDir }, 'embedded Postgres (PGlite) started: set DATABASE_URL to use a real PostgreSQL server')
	}
	const databaseUrl = process.env.DATABASE_URL as string
	if (env.MIGRATE_ON_START || embedded) {
		await migrate(databaseUrl, { log: (line: string) => logger.info(line) })
	}
	if (seedNow) {
		const { seedDemo } = await import('./prisma/seed/seed.ts')
		const { logins, password } = await seedDemo(databaseUrl)
		printDemoLogins(logins, password)
	}

	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', env.TRUST_PROXY)
	const httpServer = createServer(app)

	app.use((req, res, next) => {
		res.locals.cspNonce = randomBytes(16).toString('base64')
		// Downstream code trusts this header for rate limits and audit; never take it from the client.
		req.headers['x-client-ip'] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
		next()
	})
	app.use(
		helmet({
			contentSecurityPolicy: {
				directives: {
					defaultSrc: ["'self'"],
					scriptSrc: [
						"'self'",
						(_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
						...(dev ? ["'unsafe-inline'"] : []),
					],
					styleSrc: ["'self'", "'unsafe-inline'"],
					imgSrc: ["'self'", 'data:', 'blob:'],
					connectSrc: ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
					frameSrc: ["'self'"],
					frameAncestors: ["'none'"],
					formAction: ["'self'"],
					objectSrc: ["'none'"],
					baseUri: ["'self'"],
					upgradeInsecureRequests: null,
				},
			},
			crossOriginEmbedderPolicy: false,
			// With no-referrer, Chromium sends `Origin: null` on same-site form posts, which the CSRF guard must refuse.
			referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
			strictTransportSecurity: env.APP_URL?.startsWith('https://') ? undefined : false,
		}),
	)
	// File downloads set their own, stricter headers; helmet's would be appended to them, not replaced.
	app.use('/attachments', (_req, res, next) => {
		for (const name of ['Content-Security-Policy', 'Cross-Origin-Resource-Policy', 'X-Content-Type-Options']) res.removeHeader(name)
		next()
	})
	app.use(compression())
	app.use(crossOriginGuard({ appUrl: env.APP_URL }))

	if (!dev) {
		app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
		app.use(express.static('build/client', { maxAge: '1h' }))
	} else {
		app.use(express.static('public', { maxAge: '1h' }))
	}

	type Entry = {
		startBackground: (o: { httpServer: typeof httpServer }) => Promise<{ stop: () => Promise<void> }>
		createLoadContext: (values: { cspNonce: string }) => RouterContextProvider
	}
	const entryOf = (b: ServerBuild) => b.entry.module as unknown as Entry
	const loadContextFor = (b: ServerBuild) => (_req: express.Request, res: express.Response) =>
		entryOf(b).createLoadContext({ cspNonce: res.locals.cspNonce as string })

	let build: ServerBuild
	if (dev) {
		const vite = await import('vite')
		const viteServer = await vite.createServer({ server: { middlewareMode: true, hmr: { server: httpServer } } })
		app.use(viteServer.middlewares)
		const load = () => viteServer.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>
		build = await load()
		app.all(/.*/, async (req, res, next) => {
			try {
				const fresh = await load()
				return createRequestHandler({ build: fresh, getLoadContext: loadContextFor(fresh), mode: 'development' })(req, res, next)
			} catch (error) {
				next(error)
			}
		})
	} else {
		const buildPath = path.resolve('build/server/index.js')
		if (!fs.existsSync(buildPath)) {
			console.error('Chưa có bản build: hãy chạy `npm run build` trước (npm start tự làm việc này).\nNo production build found: run `npm run build` first (npm start does it for you).')
			process.exit(1)
		}
		build = (await import(buildPath)) as ServerBuild
		app.all(/.*/, createRequestHandler({ build, getLoadContext: loadContextFor(build), mode: 'production' }))
	}

	const background = await entryOf(build).startBackground({ httpServer })

	await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve))
	const address = httpServer.address()
	const port = typeof address === 'object' && address ? address.port : env.PORT
	logger.info({ port, mode: env.NODE_ENV }, `Cầu Nối is listening on http://localhost:${port}`)

	let stopping = false
	const shutdown = async (signal: string) => {
		if (stopping) return
		stopping = true
		logger.info({ signal }, 'shutting down')
		const force = setTimeout(() => process.exit(1), 10_000)
		force.unref()
		await background.stop().catch((error) => logger.error({ err: error }, 'background stop failed'))
		await new Promise<void>((resolve) => httpServer.close(() => resolve()))
		await embedded?.stop()
		process.exit(0)
	}
	process.on('SIGINT', () => void shutdown('SIGINT'))
	process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

function printDemoLogins(logins: Array<{ role: string; roleVi: string; email: string }>, password: string) {
	if (logins.length === 0) return
	const lines = logins.map((l) => `  ${l.roleVi} / ${l.role}: ${l.email}`)
	console.log(`\nTài khoản demo / Demo logins (mật khẩu / password: ${password}):\n${lines.join('\n')}\n`)
}

main().catch((error) => {
	logger.fatal({ err: error }, 'server failed to start')
	console.error(error)
	process.exit(1)
})
