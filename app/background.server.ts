import type { Server as HttpServer } from 'node:http'
import { startWorker, type Worker } from '~/jobs/worker.server'
import { attachSocketServer, closeSocketServer, type AppServer } from '~/realtime/socket.server'
import { logger } from '~/utils/logger.server'

export type Background = {
	io: AppServer
	worker: Worker
	/** Closes every socket and waits for running jobs; the HTTP server is left for its owner to close. */
	stop: () => Promise<void>
}

/**
 * Starts what runs beside the request handler: socket.io on the same HTTP server and the job worker.
 * Called once at boot from the server build's entry, so it shares modules (and the socket registry)
 * with loaders and actions.
 */
export async function startBackground(options: { httpServer: HttpServer; workerConcurrency?: number }): Promise<Background> {
	const io = attachSocketServer(options.httpServer)
	const worker = startWorker({ concurrency: options.workerConcurrency ?? 2 })
	let stopping: Promise<void> | undefined
	return {
		io,
		worker,
		stop() {
			stopping ??= (async () => {
				closeSocketServer(io)
				await worker.stop()
				logger.info('background stopped')
			})()
			return stopping
		},
	}
}
