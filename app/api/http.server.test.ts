// The API's HTTP plumbing without a database: language, bodies, the error shape, paging.
import { data } from 'react-router'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { resources } from '~/locales'
import { OrganisationError } from '~/models/organisation.server'
import { localeCookie } from '~/middleware/i18next.server'
import { msg } from '~/utils/validation'
import { ApiError, type ApiErrorBody, zodFieldErrors } from './errors.server'
import { apiRoute } from './handler.server'
import { fromAcceptLanguage, resolveApiLocale, translateMessage } from './locale.server'
import { paged, readPage } from './pagination.server'
import { ok } from './responses.server'
import { MAX_BODY_BYTES, parseJsonBody } from './validation.server'

const en = resources.en.translation

const Schema = z.strictObject({
	email: z.email({ error: msg('validation.email') }),
	name: z.string({ error: msg('validation.required') }).max(5, msg('validation.tooLong', { max: 5 })),
})

// A resource that echoes its validated body, to drive the parsing through the real wrapper.
const echo = apiRoute({
	GET: () => ok({ hello: 'world' }),
	POST: async ({ request }) => ok(await parseJsonBody(request, Schema)),
})

function post(body: BodyInit | null, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
	return echo.action({ request: new Request('http://localhost/api/v1/echo', { method: 'POST', headers, body }), params: {} })
}

async function errorOf(response: Response) {
	expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
	return ((await response.json()) as ApiErrorBody).error
}

describe('the language of answers', () => {
	test('Accept-Language picks vi or en by weight, ignoring regions and unsupported languages', () => {
		expect(fromAcceptLanguage('en-US,en;q=0.9')).toBe('en')
		expect(fromAcceptLanguage('fr-FR, vi;q=0.5, en;q=0.4')).toBe('vi')
		expect(fromAcceptLanguage('de, en;q=0')).toBeNull()
		expect(fromAcceptLanguage('')).toBeNull()
	})

	test('without a usable Accept-Language the lng cookie decides, else Vietnamese', async () => {
		const cookie = (await localeCookie.serialize('en')).split(';')[0]!
		expect(await resolveApiLocale(new Request('http://localhost/', { headers: { Cookie: cookie } }))).toBe('en')
		expect(await resolveApiLocale(new Request('http://localhost/', { headers: { Cookie: cookie, 'Accept-Language': 'vi' } }))).toBe('vi')
		expect(await resolveApiLocale(new Request('http://localhost/', { headers: { 'Accept-Language': 'ja' } }))).toBe('vi')
	})

	test('form messages with parameters are translated; sentences and unknown keys fall back', () => {
		expect(translateMessage('en', msg('validation.tooLong', { max: 7 }))).toBe('At most 7 characters')
		expect(translateMessage('vi', msg('validation.tooLong', { max: 7 }))).toBe('Tối đa 7 ký tự')
		expect(translateMessage('en', 'Invalid input: expected string')).toBe(en.validation.invalid)
		expect(translateMessage('en', 'validation.noSuchKey')).toBe(en.validation.invalid)
	})
})

describe('request bodies', () => {
	test('malformed JSON is a 400 JSON error, not a 500', async () => {
		const response = await post('{"email": "a@b.vn", ')
		expect(response.status).toBe(400)
		expect(await errorOf(response)).toMatchObject({ code: 'invalid_json', message: 'Nội dung yêu cầu không phải JSON hợp lệ.' })
	})

	test('bytes that are not UTF-8 are malformed JSON too', async () => {
		const response = await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))
		expect(response.status).toBe(400)
		expect((await errorOf(response)).code).toBe('invalid_json')
	})

	test('a body over the limit is refused with 413 without reading it all', async () => {
		const big = `{"name":"${'a'.repeat(MAX_BODY_BYTES)}"}`
		const response = await post(big)
		expect(response.status).toBe(413)
		expect(await errorOf(response)).toMatchObject({ code: 'payload_too_large' })
	})

	test('a body that is not declared as JSON gets 415', async () => {
		const response = await post('email=a%40b.vn', { 'Content-Type': 'application/x-www-form-urlencoded' })
		expect(response.status).toBe(415)
		expect((await errorOf(response)).code).toBe('unsupported_media_type')
	})

	test('an empty body and a JSON array are 400s that say so', async () => {
		const empty = await post(null)
		expect(empty.status).toBe(400)
		expect((await errorOf(empty)).message).toBe('Yêu cầu này cần nội dung JSON.')
		const array = await post('[1, 2]')
		expect(array.status).toBe(400)
		expect((await errorOf(array)).fields).toEqual({ $: ['Nội dung JSON phải là một đối tượng.'] })
	})

	test('validation errors list each field with translated messages, unknown fields included', async () => {
		const response = await echo.action({
			request: new Request('http://localhost/api/v1/echo', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json; charset=utf-8', 'Accept-Language': 'en' },
				body: JSON.stringify({ email: 'not-an-email', name: 'far too long', extra: 1 }),
			}),
			params: {},
		})
		expect(response.status).toBe(400)
		expect(response.headers.get('Content-Language')).toBe('en')
		expect(await errorOf(response)).toEqual({
			code: 'validation_failed',
			message: en.api.errors.validation,
			fields: {
				email: [en.validation.email],
				name: ['At most 5 characters'],
				extra: [en.api.errors.unknownField],
			},
		})
	})

	test('a valid body passes through', async () => {
		const response = await post(JSON.stringify({ email: 'an@vien.vn', name: 'An' }))
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ data: { email: 'an@vien.vn', name: 'An' } })
	})
})

describe('the wrapper', () => {
	test('an unsupported method gets 405 with Allow; OPTIONS lists the methods', async () => {
		const response = await echo.action({ request: new Request('http://localhost/api/v1/echo', { method: 'DELETE' }), params: {} })
		expect(response.status).toBe(405)
		expect(response.headers.get('Allow')).toBe('GET, HEAD, POST, OPTIONS')
		expect((await errorOf(response)).code).toBe('method_not_allowed')
		const options = await echo.loader({ request: new Request('http://localhost/api/v1/echo', { method: 'OPTIONS' }), params: {} })
		expect(options.status).toBe(204)
		expect(options.headers.get('Allow')).toBe('GET, HEAD, POST, OPTIONS')
	})

	test('a bug becomes a 500 with a request id and no internals', async () => {
		const broken = apiRoute({
			GET: () => {
				throw new Error('connection string postgres://secret@db')
			},
		})
		const response = await broken.loader({
			request: new Request('http://localhost/api/v1/x', { headers: { 'X-Request-Id': 'req-123', 'Accept-Language': 'en' } }),
			params: {},
		})
		expect(response.status).toBe(500)
		const text = await response.text()
		expect(text).not.toContain('secret')
		expect(JSON.parse(text)).toEqual({
			error: { code: 'internal_error', message: 'Server error. We have logged it under the id req-123.', requestId: 'req-123' },
		})
		expect(response.headers.get('X-Request-Id')).toBe('req-123')
	})

	test("thrown data() of shared helpers, model errors and zod errors keep their status in the API's shape", async () => {
		const cases: Array<[unknown, number, string]> = [
			[data({ message: 'errors.tooManyRequests' }, { status: 429, headers: { 'Retry-After': '42' } }), 429, 'too_many_requests'],
			[new OrganisationError('organisations.errors.lastOwner', 409), 409, 'conflict'],
			[new OrganisationError('errors.forbidden', 403), 403, 'forbidden'],
			[z.object({ a: z.string() }).safeParse({}).error, 400, 'validation_failed'],
			[new Response(null, { status: 302, headers: { Location: '/login' } }), 401, 'unauthenticated'],
			[new ApiError(409, 'conflict', 'api.errors.conflict'), 409, 'conflict'],
		]
		for (const [thrown, status, code] of cases) {
			const route = apiRoute({
				GET: () => {
					throw thrown
				},
			})
			const response = await route.loader({ request: new Request('http://localhost/api/v1/x', { headers: { 'Accept-Language': 'en' } }), params: {} })
			expect(response.status).toBe(status)
			const error = await errorOf(response)
			expect(error.code).toBe(code)
			expect(error.message).not.toMatch(/^(api|errors|organisations)\./)
		}
		const limited = apiRoute({
			GET: () => {
				throw data({ message: 'errors.tooManyRequests' }, { status: 429, headers: { 'Retry-After': '42' } })
			},
		})
		const response = await limited.loader({ request: new Request('http://localhost/api/v1/x', { headers: { 'Accept-Language': 'en' } }), params: {} })
		expect(response.headers.get('Retry-After')).toBe('42')
		expect((await errorOf(response)).message).toBe('Too many requests. Please try again in 42 seconds.')
	})
})

describe('pages', () => {
	test('page sizes above the cap are lowered; garbage is a 400 naming the parameter', async () => {
		expect(readPage(new URL('http://localhost/x?page=3&pageSize=1000'))).toEqual({ page: 3, pageSize: 100, skip: 200, take: 100 })
		expect(readPage(new URL('http://localhost/x'))).toEqual({ page: 1, pageSize: 20, skip: 0, take: 20 })
		let thrown: unknown
		try {
			readPage(new URL('http://localhost/x?page=0&pageSize=abc'))
		} catch (error) {
			thrown = error
		}
		expect(thrown).toBeInstanceOf(ApiError)
		expect((thrown as ApiError).fields).toEqual({ page: ['api.errors.notPositiveInteger'], pageSize: ['api.errors.notPositiveInteger'] })
	})

	test('links keep the filters and stop at the ends', () => {
		const url = new URL('http://localhost/api/v1/organisations?type=UNIVERSITY&page=2&pageSize=10')
		const page = paged(url, ['x'], 25, readPage(url))
		expect(page.meta).toEqual({ page: 2, pageSize: 10, total: 25, pageCount: 3 })
		expect(page.links.next).toBe('/api/v1/organisations?type=UNIVERSITY&page=3&pageSize=10')
		expect(page.links.prev).toBe('/api/v1/organisations?type=UNIVERSITY&page=1&pageSize=10')
		expect(paged(url, [], 0, { page: 1, pageSize: 10, skip: 0, take: 10 }).links).toMatchObject({ prev: null, next: null })
	})
})

test('field errors keyed "__proto__", "constructor" or "toString" are reported, not a crash', () => {
	const issues = z.strictObject({ name: z.string() }).safeParse(JSON.parse('{"name":"a","__proto__":1,"constructor":2,"toString":3}')).error!.issues
	const fields = zodFieldErrors(issues)
	expect(Object.keys(fields).sort()).toEqual(['__proto__', 'constructor', 'toString'])
})
