import { data } from 'react-router'

/** Throws a Response with the status when the condition is falsy; for expected failures (404, 403). */
export function invariantResponse(condition: unknown, message: string, init: { status: number } = { status: 400 }): asserts condition {
	if (!condition) {
		throw data({ message }, init)
	}
}

/** Only same-site relative paths are accepted as redirect targets, so a link cannot send users elsewhere. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	return to
}

export function clientIp(request: Request) {
	return request.headers.get('X-Client-IP') ?? 'unknown'
}
