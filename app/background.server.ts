import type { Server as HttpServer } from 'node:http'
import { startWorker, type Worker } from '~/jobs/worker.server'
import { startSearchRelay, type Relay } from '~/search/relay.server'
import { searchEngine } from '~/search/engine.server'
import { corpusIfReady } from '~/matching/corpus.server'
import { postgresAdapter } from '~/chat/adapter.server'
import { attachSocketServer, closeSocketServer, type AppServer } from '~/realtime/socket.server'
import { logger } from '~/utils/logger.server'
import { startWebhookRelay, type WebhookRelay } from '~/webhooks/relay.server'

export type Background = {
	io: AppServer
	worker: Worker
	relay: Relay
	/** Sends webhook deliveries on its own slots, so a slow receiver holds up neither jobs nor requests. */
	webhooks: WebhookRelay
	/** Closes every socket and waits for running jobs; the HTTP server is left for its owner to close. */
	stop: () => Promise<void>
}

/**
 * Starts what runs beside the request handler: socket.io on the same HTTP server, the job worker, the search relay and the webhook relay.
 * Called once at boot from the server build's entry, so it shares modules (and the socket registry)
 * with loaders and actions.
 */
export async function startBackground(options: { httpServer: HttpServer; workerConcurrency?: number }): Promise<Background> {
	// A real PostgreSQL server may have other nodes on it: fan socket events out through it.
	const fanOut = process.env.DATABASE_URL && process.env.EMBEDDED_DATABASE !== 'true' ? postgresAdapter(process.env.DATABASE_URL) : null
	const io = attachSocketServer(options.httpServer, { adapter: fanOut?.adapter })
	const worker = startWorker({ concurrency: options.workerConcurrency ?? 2 })
	// Meilisearch's settings (synonyms, filterable attributes) are applied at every start.
	await searchEngine()
		.setup()
		.catch((error) => logger.error({ err: error }, 'search engine setup failed; the relay retries its writes'))
	const relay = startSearchRelay()
	const webhooks = startWebhookRelay()
	// The matcher is built from the database in the background, so the first match job and the
	// first duplicate check find it ready.
	void corpusIfReady(0)
	let stopping: Promise<void> | undefined
	return {
		io,
		worker,
		relay,
		webhooks,
		stop() {
			stopping ??= (async () => {
				closeSocketServer(io)
				await fanOut?.close()
				await relay.stop()
				await webhooks.stop()
				await worker.stop()
				logger.info('background stopped')
			})()
			return stopping
		},
	}
}
