import { randomUUID } from 'node:crypto'
import { defaultLocale, type AppLocale } from '~/locales'
import { logger } from '~/utils/logger.server'
import { errorResponse, internalErrorResponse, methodNotAllowed, toApiError } from './errors.server'
import { resolveApiLocale } from './locale.server'

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

type Params = Record<string, string | undefined>

/** What React Router hands a loader or action; the context is only passed through. */
export type ApiArgs<P extends Params = Params> = { request: Request; params: P; context?: unknown }

export type ApiHandlerArgs<P extends Params = Params> = ApiArgs<P> & {
	url: URL
	/** The language of messages in this answer (see resolveApiLocale). */
	locale: AppLocale
	/** Echoed in X-Request-Id and in the log line of a failure. */
	requestId: string
}

export type ApiHandler<P extends Params = Params> = (args: ApiHandlerArgs<P>) => Response | Promise<Response>

const ORDER: ApiMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

// A client's own id is kept when it is harmless to log and echo.
const REQUEST_ID = /^[\w.:-]{1,64}$/

function requestIdOf(request: Request) {
	const given = request.headers.get('X-Request-Id')
	return given && REQUEST_ID.test(given) ? given : randomUUID()
}

/**
 * One API resource: handlers by method, exported by the route module as both `loader` and
 * `action` (so every method reaches it). Answers OPTIONS and HEAD, refuses other methods with
 * 405 + Allow, and turns every thrown value into the one JSON error shape: expected failures
 * (ApiError, OrganisationError, ZodError, thrown Responses and `data()`) with their status and a
 * translated message, anything else into a 500 whose request id is logged with the error.
 */
export function apiRoute<P extends Params = Params>(
	handlers: Partial<Record<ApiMethod, ApiHandler<P>>>,
	{ answerOptions = true }: { answerOptions?: boolean } = {},
) {
	const methods = ORDER.filter((m) => handlers[m])
	const allow = methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).concat('OPTIONS')

	async function handle(args: ApiArgs<P>): Promise<Response> {
		const { request } = args
		const requestId = requestIdOf(request)
		const method = request.method.toUpperCase()
		const url = new URL(request.url)
		let locale: AppLocale = defaultLocale
		try {
			locale = await resolveApiLocale(request)
			let response: Response
			if (method === 'OPTIONS' && answerOptions) {
				response = new Response(null, { status: 204, headers: { Allow: allow.join(', ') } })
			} else {
				const handler = handlers[(method === 'HEAD' || method === 'OPTIONS' ? 'GET' : method) as ApiMethod]
				if (!handler) throw methodNotAllowed(method, allow)
				response = await handler({ ...args, url, locale, requestId })
			}
			try {
				response.headers.set('X-Request-Id', requestId)
			} catch {
				// Response.redirect() and fetched responses have immutable headers; the id is optional.
			}
			return response
		} catch (error) {
			// A success thrown to short-circuit is still a success.
			if (error instanceof Response && error.status < 300) return error
			const expected = await toApiError(error)
			if (expected) return errorResponse(expected, locale, requestId)
			logger.error({ err: error, requestId, method, path: url.pathname }, 'api request failed')
			return internalErrorResponse(locale, requestId)
		}
	}

	return { loader: handle, action: handle, allow }
}
