// A real HTTP endpoint for the webhook tests: node:http on 127.0.0.1, a random port, recording
// every request (raw body included) and answering as the test says, or never.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string }
export type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hang'

export type Receiver = {
	url: (path?: string) => string
	requests: Received[]
	/** Requests whose answer has not been sent (hanging ones) and whose connection is still open. */
	open: () => number
	answer: (fn: (request: Received) => Answer) => void
	/** Resolves once `count` requests have arrived. */
	waitFor: (count: number, timeoutMs?: number) => Promise<void>
	close: () => Promise<void>
}

export async function startReceiver(initial: (request: Received) => Answer = () => ({ status: 200, body: 'ok' })): Promise<Receiver> {
	let respond = initial
	const requests: Received[] = []
	let openCount = 0
	let waiters: Array<() => void> = []
	const sockets = new Set<import('node:net').Socket>()
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (c: Buffer) => chunks.push(c))
		req.on('end', () => {
			const received: Received = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
			requests.push(received)
			for (const w of waiters) w()
			const answer = respond(received)
			if (answer === 'hang') {
				openCount++
				res.on('close', () => openCount--)
				return
			}
			res.writeHead(answer.status, { 'Content-Type': 'text/plain', ...answer.headers })
			res.end(answer.body ?? '')
		})
	})
	server.on('connection', (socket) => {
		sockets.add(socket)
		socket.on('close', () => sockets.delete(socket))
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	return {
		url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
		requests,
		open: () => openCount,
		answer: (fn) => {
			respond = fn
		},
		waitFor(count, timeoutMs = 10_000) {
			return new Promise<void>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`receiver got ${requests.length} of ${count} requests`)), timeoutMs)
				const check = () => {
					if (requests.length >= count) {
						clearTimeout(timer)
						waiters = waiters.filter((w) => w !== check)
						resolve()
					}
				}
				waiters.push(check)
				check()
			})
		},
		close() {
			for (const socket of sockets) socket.destroy()
			return new Promise<void>((resolve) => server.close(() => resolve()))
		},
	}
}
