import { createHash } from 'node:crypto'
import { clientIp } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'
import type { ApiPrincipal } from './auth.server'

/**
 * A JSON response. API answers are private and fresh unless the caller says otherwise
 * (reference data, the OpenAPI document).
 */
export function apiJson(body: unknown, init: ResponseInit = {}): Response {
	const headers = new Headers(init.headers)
	headers.set('Content-Type', 'application/json; charset=utf-8')
	if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store')
	return new Response(JSON.stringify(body), { ...init, headers })
}

/** 200 with `{ data }`. */
export function ok(data: unknown, init: ResponseInit = {}) {
	return apiJson({ data }, init)
}

/** 201 with `{ data }` and the new resource's address. */
export function created(data: unknown, location?: string) {
	return apiJson({ data }, { status: 201, headers: location ? { Location: location } : {} })
}

export function noContent(headers?: HeadersInit) {
	return new Response(null, { status: 204, headers })
}

/**
 * Public data that changes only with a deploy or a migration: cacheable by anyone for `maxAge`
 * seconds, and revalidated by ETag afterwards, so a client with a fresh copy gets a bodiless 304.
 */
export function cacheableJson(request: Request, body: unknown, maxAge: number): Response {
	const text = JSON.stringify(body)
	return conditional(request, text, `"${digest(text)}"`, {
		'Cache-Control': `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}`,
		Vary: 'Accept-Encoding',
	})
}

/** A short digest of an answer's text: ETags over content. */
export function digest(text: string) {
	return createHash('sha256').update(text).digest('base64url').slice(0, 27)
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET), or is `*`. */
export function ifNoneMatches(request: Request, etag: string) {
	const header = request.headers.get('If-None-Match')
	if (!header) return false
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
	return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

function conditional(request: Request, text: string, etag: string, headers: Record<string, string>, init: ResponseInit = {}) {
	const all = new Headers(init.headers)
	for (const [name, value] of Object.entries(headers)) all.set(name, value)
	all.set('ETag', etag)
	if (ifNoneMatches(request, etag)) return new Response(null, { status: 304, headers: all })
	all.set('Content-Type', 'application/json; charset=utf-8')
	return new Response(text, { ...init, status: init.status ?? 200, headers: all })
}

/**
 * A public read (the lists and records of offers, demands, task results and experts) that clients
 * revalidate instead of downloading again: an ETag over the answer's content (weak unless `etag`
 * builds a strong one from the digest), 304 without a body when If-None-Match names it, and
 * `Cache-Control: public, max-age=0, must-revalidate` for callers without credentials, `private`
 * for the others (their answer may hold what only they see). Vary keeps shared caches from
 * serving an anonymous copy to a signed-in caller or the other way round.
 */
export function revalidatedJson(
	request: Request,
	body: unknown,
	{ shared, etag = (hash) => `W/"${hash}"`, init }: { shared: boolean; etag?: (hash: string) => string; init?: ResponseInit },
): Response {
	const text = JSON.stringify(body)
	return conditional(request, text, etag(digest(text)), {
		'Cache-Control': `${shared ? 'public' : 'private'}, max-age=0, must-revalidate`,
		Vary: 'Accept-Encoding, Authorization, Cookie',
	}, init)
}

/**
 * Spends the budget of a public read: callers without credentials share one per address
 * (publicReadIp), an API key has its own, much larger one (publicReadKey), and people signed in
 * are not counted (they read through the site's pages anyway). Throws the translated 429 with
 * Retry-After when it is spent.
 */
export async function spendPublicRead(request: Request, principal: ApiPrincipal | null) {
	if (!principal) await consume('publicReadIp', clientIp(request))
	else if (principal.kind === 'apiKey') await consume('publicReadKey', principal.apiKey.id)
}
