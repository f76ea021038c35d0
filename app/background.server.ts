import type { Server as HttpServer } from 'node:http'

/** Starts what runs beside the request handler: socket.io on the same HTTP server and the job worker. */
export async function startBackground(_options: { httpServer: HttpServer }) {
	return { stop: async () => {} }
}
