// The chat benchmark's baseline (bench/chat.ts): a bare socket.io server that answers `chat:send`
// the way a chat node does (an ack carrying the message with the room's next sequence number,
// then the message to the room's other member), with no session, database, rate limit or adapter.
// Whatever the chat node costs beyond this is what the product adds.
//
//   PORT=0 node --expose-gc --import tsx bench/chat-echo-server.ts
//
// Prints `{"ready":true,"port":…,"pid":…}` once it listens and answers `{ type: 'stats' }` over IPC
// with its memory after a garbage collection, as tests/chat/node.ts does.
import { createServer } from 'node:http'
import { Server } from 'socket.io'

const port = Number(process.env.PORT ?? 0)
const server = createServer()
// The same transport and buffer settings as app/realtime/socket.server.ts, so the two differ only
// in what happens per event.
const io = new Server(server, { path: '/socket.io', maxHttpBufferSize: 64 * 1024, serveClient: false })
const sequences = new Map<string, number>()

type Send = { roomId: string; clientMsgId: string; body: string }

io.on('connection', (socket) => {
	const room = String(socket.handshake.query.room ?? '')
	if (room) void socket.join(room)
	socket.on('chat:send', (payload: Send, ack: (response: unknown) => void) => {
		if (typeof ack !== 'function' || !payload || typeof payload.roomId !== 'string') return
		const seq = (sequences.get(payload.roomId) ?? 0) + 1
		sequences.set(payload.roomId, seq)
		const message = { id: payload.clientMsgId, roomId: payload.roomId, seq, clientMsgId: payload.clientMsgId, body: payload.body, kind: 'TEXT', createdAt: new Date().toISOString() }
		ack({ data: { message, duplicate: false } })
		socket.to(payload.roomId).emit('chat:message', message)
	})
})

server.listen(port, '127.0.0.1', () => {
	const address = server.address()
	process.stdout.write(`${JSON.stringify({ ready: true, port: typeof address === 'object' && address ? address.port : port, pid: process.pid })}\n`)
})

const stop = () => {
	io.close()
	server.close(() => process.exit(0))
	setTimeout(() => process.exit(0), 2_000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
if (process.send) {
	process.on('disconnect', stop)
	process.on('message', (message: unknown) => {
		if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== 'stats') return
		;(globalThis as { gc?: () => void }).gc?.()
		const { rss, heapUsed } = process.memoryUsage()
		process.send?.({ type: 'stats', rss, heapUsed, sockets: io.engine.clientsCount })
	})
}
