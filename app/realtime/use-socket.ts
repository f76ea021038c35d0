import { useEffect, useRef, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from './events'

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>

// One connection per page however many components listen; counted so the last one closes it.
let shared: { socket: AppSocket; users: number; closing?: ReturnType<typeof setTimeout>; onOnline: () => void } | null = null

function acquire(): AppSocket {
	if (shared) {
		clearTimeout(shared.closing)
		shared.closing = undefined
		shared.users++
		return shared.socket
	}
	// Same origin, so the session cookie goes along; socket.io reconnects with backoff after network
	// failures, but not after the server refused or ended the session (nothing to retry until sign-in).
	const socket: AppSocket = io({
		path: '/socket.io',
		withCredentials: true,
		reconnectionDelay: 1_000,
		reconnectionDelayMax: 30_000,
	})
	// Back online: try at once instead of waiting out socket.io's backoff (up to 30 s after a long
	// outage), so a chat shows what it missed as soon as the network returns. (Going offline already
	// closes the connection: engine.io listens for the browser's "offline" event.)
	const onOnline = () => {
		if (socket.connected) return
		socket.disconnect()
		socket.connect()
	}
	if (typeof window !== 'undefined') window.addEventListener('online', onOnline)
	shared = { socket, users: 1, onOnline }
	return socket
}

function release(socket: AppSocket) {
	if (!shared || shared.socket !== socket) return
	shared.users--
	if (shared.users > 0) return
	// Deferred: StrictMode and quick remounts release and re-acquire within the same tick.
	const current = shared
	current.closing = setTimeout(() => {
		if (shared !== current || current.users > 0) return
		window.removeEventListener('online', current.onOnline)
		current.socket.disconnect()
		shared = null
	}, 100)
}

/** The page's socket while `enabled` (a user is signed in); null on the server, before hydration and when disabled. */
export function useSocket(enabled = true): AppSocket | null {
	const [socket, setSocket] = useState<AppSocket | null>(null)
	useEffect(() => {
		if (!enabled) return
		const acquired = acquire()
		setSocket(acquired)
		return () => {
			release(acquired)
			setSocket(null)
		}
	}, [enabled])
	return socket
}

/** Listens to one server event on `socket` while mounted; the latest handler is always called. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(
	socket: AppSocket | null,
	event: E,
	handler: ServerToClientEvents[E],
) {
	const latest = useRef(handler)
	useEffect(() => {
		latest.current = handler
	})
	useEffect(() => {
		if (!socket) return
		const listener = (...args: Parameters<ServerToClientEvents[E]>) => (latest.current as (...a: typeof args) => void)(...args)
		// socket.io's typed `on` cannot relate a generic event name to its listener; the signature above does.
		const untyped = socket as unknown as { on: (e: string, l: typeof listener) => void; off: (e: string, l: typeof listener) => void }
		untyped.on(event, listener)
		return () => untyped.off(event, listener)
	}, [socket, event])
}

/** Runs `onConnect` on every (re)connect, e.g. to fetch what changed while offline. */
export function useSocketConnect(socket: AppSocket | null, onConnect: (socket: AppSocket) => void) {
	const latest = useRef(onConnect)
	useEffect(() => {
		latest.current = onConnect
	})
	useEffect(() => {
		if (!socket) return
		const listener = () => latest.current(socket)
		socket.on('connect', listener)
		if (socket.connected) listener()
		return () => {
			socket.off('connect', listener)
		}
	}, [socket])
}
