import type { z } from 'zod'
import type { AppLocale } from '~/locales'
import { OrganisationError } from '~/models/organisation.server'
import { msg } from '~/utils/validation'
import { apiTranslator, isMessageKey, translateMessage } from './locale.server'
import { apiJson } from './responses.server'

/** Field name -> untranslated messages (i18n keys, optionally "key|{json params}"). */
export type FieldErrors = Record<string, string[]>

export type ApiErrorBody = {
	error: { code: string; message: string; fields?: Record<string, string[]>; requestId?: string }
}

/** Where issues about the body as a whole (not one field) are listed in `error.fields`. */
export const ROOT_FIELD = '$'

/** zod issues as field path ("members.0.email") -> untranslated messages. */
export function zodFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
	// No prototype: a body key such as "__proto__" or "toString" must be reported, not crash the lookup.
	const fields: FieldErrors = Object.create(null)
	const add = (path: string, message: string) => {
		const list = (fields[path] ??= [])
		if (!list.includes(message)) list.push(message)
	}
	for (const issue of issues) {
		const base = issue.path.map(String).join('.')
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) add(base ? `${base}.${key}` : key, msg('api.errors.unknownField'))
		} else {
			add(base || ROOT_FIELD, issue.message)
		}
	}
	return fields
}

type ApiErrorOptions = {
	params?: Record<string, string | number>
	fields?: FieldErrors
	headers?: HeadersInit
}

/**
 * An expected API failure: an HTTP status, a stable machine code and an i18n key. Thrown by
 * handlers and helpers; `apiRoute` renders it in the request's language.
 */
export class ApiError extends Error {
	readonly params: Record<string, string | number>
	readonly fields?: FieldErrors
	readonly headers: Headers

	constructor(
		readonly status: number,
		readonly code: string,
		readonly messageKey: string,
		options: ApiErrorOptions = {},
	) {
		super(`${status} ${code}`)
		this.name = 'ApiError'
		this.params = options.params ?? {}
		this.fields = options.fields
		this.headers = new Headers(options.headers)
	}
}

// The default machine code and message of each status we answer with.
const STATUS_DEFAULTS: Record<number, { code: string; key: string }> = {
	400: { code: 'bad_request', key: 'api.errors.badRequest' },
	401: { code: 'unauthenticated', key: 'api.errors.unauthenticated' },
	403: { code: 'forbidden', key: 'api.errors.forbidden' },
	404: { code: 'not_found', key: 'api.errors.notFound' },
	405: { code: 'method_not_allowed', key: 'api.errors.badRequest' },
	409: { code: 'conflict', key: 'api.errors.conflict' },
	413: { code: 'payload_too_large', key: 'api.errors.badRequest' },
	415: { code: 'unsupported_media_type', key: 'api.errors.unsupportedMediaType' },
	429: { code: 'too_many_requests', key: 'api.errors.tooManyRequests' },
}

function defaultsFor(status: number) {
	return STATUS_DEFAULTS[status] ?? (status >= 400 && status < 500 ? STATUS_DEFAULTS[400]! : { code: 'internal_error', key: 'api.errors.server' })
}

// Models and shared helpers speak the web pages' words ("page not found"); the API says it its way.
const PAGE_KEYS: Record<string, string> = {
	'errors.notFound': 'api.errors.notFound',
	'errors.forbidden': 'api.errors.forbidden',
	'errors.unauthorized': 'api.errors.unauthenticated',
	'errors.badRequest': 'api.errors.badRequest',
	'errors.tooManyRequests': 'api.errors.tooManyRequests',
}

const REALM = 'Bearer realm="cau-noi-api"'

export const badRequest = (key = 'api.errors.badRequest', params?: Record<string, string | number>) => new ApiError(400, 'bad_request', key, { params })

export const validationFailed = (fields: FieldErrors, key = 'api.errors.validation') => new ApiError(400, 'validation_failed', key, { fields })

/** 401 with the challenge RFC 6750 asks for; `invalid_token` tells clients to stop retrying the same key. */
export function unauthenticated(reason: 'missing' | 'invalid' | 'malformed' = 'missing') {
	if (reason === 'missing') return new ApiError(401, 'unauthenticated', 'api.errors.unauthenticated', { headers: { 'WWW-Authenticate': REALM } })
	if (reason === 'malformed') {
		return new ApiError(401, 'invalid_request', 'api.errors.malformedAuthorization', { headers: { 'WWW-Authenticate': `${REALM}, error="invalid_request"` } })
	}
	return new ApiError(401, 'invalid_api_key', 'api.errors.invalidApiKey', { headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` } })
}

export const forbidden = (key = 'api.errors.forbidden') => new ApiError(403, 'forbidden', key)

export const notFound = (key = 'api.errors.notFound', params?: Record<string, string | number>) => new ApiError(404, 'not_found', key, { params })

export const conflict = (key = 'api.errors.conflict', fields?: FieldErrors) => new ApiError(409, 'conflict', key, { fields })

export function methodNotAllowed(method: string, allow: readonly string[]) {
	return new ApiError(405, 'method_not_allowed', 'api.errors.methodNotAllowed', {
		params: { method, allow: allow.join(', ') },
		headers: { Allow: allow.join(', ') },
	})
}

export const payloadTooLarge = (maxBytes: number) => new ApiError(413, 'payload_too_large', 'api.errors.payloadTooLarge', { params: { max: maxBytes } })

export const unsupportedMediaType = () =>
	new ApiError(415, 'unsupported_media_type', 'api.errors.unsupportedMediaType', { headers: { Accept: 'application/json' } })

export function tooManyRequests(retryAfterSeconds: number) {
	return new ApiError(429, 'too_many_requests', 'api.errors.tooManyRequests', {
		params: { seconds: retryAfterSeconds },
		headers: { 'Retry-After': String(retryAfterSeconds) },
	})
}

function fromStatus(status: number, message: unknown, headers: Headers) {
	// A redirect thrown by a page helper (requireUser) means "sign in" to an API client.
	if (status >= 300 && status < 400) return unauthenticated()
	const defaults = defaultsFor(status)
	const raw = typeof message === 'string' && isMessageKey(message) ? message : defaults.key
	const key = PAGE_KEYS[raw] ?? raw
	const kept: Record<string, string> = {}
	for (const name of ['Retry-After', 'Allow', 'WWW-Authenticate']) {
		const value = headers.get(name)
		if (value) kept[name] = value
	}
	if (status === 401 && !kept['WWW-Authenticate']) kept['WWW-Authenticate'] = REALM
	const retryAfter = Number(kept['Retry-After'] ?? 60)
	return new ApiError(status, defaults.code, key, { headers: kept, params: { seconds: Number.isFinite(retryAfter) ? retryAfter : 60 } })
}

type ThrownData = { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null }

function isThrownData(error: unknown): error is ThrownData {
	return Boolean(error && typeof error === 'object' && (error as { type?: unknown }).type === 'DataWithResponseInit' && 'init' in error)
}

function messageOf(body: unknown) {
	return body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined
}

function isZodError(error: unknown): error is { issues: unknown[] } {
	return Boolean(error && typeof error === 'object' && (error as { name?: unknown }).name === 'ZodError' && Array.isArray((error as { issues?: unknown }).issues))
}

function prismaCode(error: unknown) {
	const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined
	return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : null
}

/**
 * The expected failure a thrown value stands for, or null for a bug. Knows our ApiError, the
 * models' OrganisationError, zod errors, Responses and `data()` thrown by shared helpers
 * (invariantResponse, the rate limiter), and the Prisma codes a race can produce.
 */
export async function toApiError(error: unknown): Promise<ApiError | null> {
	if (error instanceof ApiError) return error
	if (error instanceof OrganisationError) {
		const defaults = defaultsFor(error.status)
		return new ApiError(error.status, defaults.code, PAGE_KEYS[error.code] ?? error.code)
	}
	if (isZodError(error)) return validationFailed(zodFieldErrors(error.issues as never))
	if (error instanceof Response) {
		if (error.status >= 500) return null
		let body: unknown = null
		try {
			body = await error.clone().json()
		} catch {
			body = null
		}
		return fromStatus(error.status, messageOf(body), error.headers)
	}
	if (isThrownData(error)) {
		const status = error.init?.status ?? 200
		if (status >= 500 || status < 300) return null
		return fromStatus(status, messageOf(error.data), new Headers(error.init?.headers))
	}
	// A unique index lost a race with another request; a row vanished between read and write.
	const code = prismaCode(error)
	if (code === 'P2002') return conflict()
	if (code === 'P2025') return notFound()
	return null
}

/** Renders an expected failure in the one error shape, translated. */
export function errorResponse(error: ApiError, locale: AppLocale, requestId: string): Response {
	const t = apiTranslator(locale)
	const fallback = defaultsFor(error.status).key
	const body: ApiErrorBody = { error: { code: error.code, message: t(error.messageKey, { ...error.params, defaultValue: t(fallback, error.params) }) } }
	if (error.fields && Object.keys(error.fields).length > 0) {
		body.error.fields = Object.fromEntries(
			Object.entries(error.fields).map(([field, messages]) => [field, messages.map((m) => translateMessage(locale, m))]),
		)
	}
	const headers = new Headers(error.headers)
	headers.set('Content-Language', locale)
	headers.set('X-Request-Id', requestId)
	return apiJson(body, { status: error.status, headers })
}

/** The answer to a bug: a 500 naming the request id the log line carries, and nothing else. */
export function internalErrorResponse(locale: AppLocale, requestId: string): Response {
	const t = apiTranslator(locale)
	const body: ApiErrorBody = { error: { code: 'internal_error', message: t('api.errors.server', { requestId }), requestId } }
	return apiJson(body, { status: 500, headers: { 'Content-Language': locale, 'X-Request-Id': requestId } })
}
