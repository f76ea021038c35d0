import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { RouterContextProvider, ServerRouter, type EntryContext } from 'react-router'
import { serverContext, type ServerContext } from '~/context'
import { getInstance } from '~/middleware/i18next.server'
import { NonceProvider } from '~/utils/nonce'

export { startBackground } from '~/background.server'

/**
 * Builds the per-request context. server.ts calls it through the server build, because a context
 * key created by a second copy of ~/context (the one tsx would load) would not match this one.
 */
export function createLoadContext(values: ServerContext) {
	const context = new RouterContextProvider()
	context.set(serverContext, values)
	return context
}

export const streamTimeout = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	entryContext: EntryContext,
	routerContext: RouterContextProvider,
) {
	const nonce = routerContext.get(serverContext).cspNonce
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const userAgent = request.headers.get('user-agent')
		// Crawlers and no-JS clients get the whole document at once.
		const readyOption = (userAgent && isbot(userAgent)) || entryContext.isSpaMode ? 'onAllReady' : 'onShellReady'
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<I18nextProvider i18n={getInstance(routerContext)}>
					<ServerRouter context={entryContext} url={request.url} nonce={nonce} />
				</I18nextProvider>
			</NonceProvider>,
			{
				nonce,
				[readyOption]() {
					shellRendered = true
					const body = new PassThrough()
					const stream = createReadableStreamFromReadable(body)
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, streamTimeout + 1000)
	})
}
