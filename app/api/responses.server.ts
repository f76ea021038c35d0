import { createHash } from 'node:crypto'

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
	const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`
	const headers = new Headers({
		'Cache-Control': `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}`,
		ETag: etag,
		Vary: 'Accept-Encoding',
	})
	const ifNoneMatch = request.headers.get('If-None-Match')
	if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
		return new Response(null, { status: 304, headers })
	}
	headers.set('Content-Type', 'application/json; charset=utf-8')
	return new Response(text, { status: 200, headers })
}
