// /api/v1/me, /api/v1/notifications and the reference data, against a real database.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { createApiKey, revokeApiKey } from '~/models/api-key.server'
import { createOwner, createUser, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import * as me from './me'
import * as notifications from './notifications'
import * as fields from './reference-fields'
import * as provinces from './reference-provinces'

process.env.SESSION_SECRET ??= 'api-me-test-session-secret-0123456789'

const { prisma } = await useTestDatabase()

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }

async function call(
	route: Route,
	path: string,
	options: { method?: string; cookie?: string; key?: string; body?: unknown; language?: string; headers?: Record<string, string> } = {},
) {
	const method = options.method ?? 'GET'
	const headers = new Headers(options.headers)
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (options.key) headers.set('Authorization', `Bearer ${options.key}`)
	if (options.language) headers.set('Accept-Language', options.language)
	const body = options.body === undefined ? undefined : JSON.stringify(options.body)
	if (body !== undefined) headers.set('Content-Type', 'application/json')
	const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body })
	const args = { request, params: {}, context: new RouterContextProvider() } as never
	const response = method === 'GET' ? await route.loader(args) : await route.action(args)
	const text = await response.text()
	return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : null }
}

const errorOf = (json: Record<string, unknown> | null) => (json as ApiErrorBody).error

describe('/me', () => {
	test('a session user sees themselves with their organisations; a key sees its organisation', async () => {
		const { user, organisation } = await createOwner()
		const session = await call(me, '/me', { cookie: (await signIn(user.id)).cookie })
		expect(session.status).toBe(200)
		expect(session.json!.data).toEqual({
			type: 'user',
			id: user.id,
			email: user.email,
			name: user.name,
			locale: 'vi',
			roles: ['MEMBER'],
			organisations: [{ id: organisation.id, slug: organisation.slug, name: organisation.name, role: 'OWNER' }],
		})
		const key = await createApiKey(user.id, organisation.id, 'ERP')
		const byKey = await call(me, '/me', { key: key.plainKey })
		expect(byKey.status).toBe(200)
		expect(byKey.json!.data).toMatchObject({ type: 'apiKey', apiKey: { id: key.id, prefix: key.prefix }, organisation: { id: organisation.id } })
		expect(JSON.stringify(byKey.json)).not.toContain(key.plainKey)
	})

	test('a revoked or unknown key gets a 401 JSON error in the language asked for', async () => {
		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, 'ERP')
		await revokeApiKey(user.id, organisation.id, key.id)
		for (const [plain, language] of [
			[key.plainKey, 'en'],
			[`ck_${'x'.repeat(43)}`, 'vi'],
		] as const) {
			const response = await call(me, '/me', { key: plain, language })
			expect(response.status).toBe(401)
			expect(response.headers.get('WWW-Authenticate')).toContain('error="invalid_token"')
			expect(errorOf(response.json)).toEqual({ code: 'invalid_api_key', message: resources[language].translation.api.errors.invalidApiKey })
		}
		const anonymous = await call(me, '/me')
		expect(anonymous.status).toBe(401)
		expect(errorOf(anonymous.json).code).toBe('unauthenticated')
	})

	test('PATCH changes name and language for people only, keeping what is not sent', async () => {
		const { user, organisation } = await createOwner()
		await prisma.user.update({ where: { id: user.id }, data: { phone: '0901234567' } })
		const cookie = (await signIn(user.id)).cookie
		const response = await call(me, '/me', { method: 'PATCH', cookie, body: { locale: 'en' } })
		expect(response.status).toBe(200)
		expect(response.json!.data).toMatchObject({ name: user.name, locale: 'en' })
		expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ locale: 'en', phone: '0901234567', name: user.name })

		const invalid = await call(me, '/me', { method: 'PATCH', cookie, body: { name: 'A', locale: 'fr', email: 'x@y.vn' }, language: 'en' })
		expect(invalid.status).toBe(400)
		expect(errorOf(invalid.json).fields).toEqual({
			name: ['At least 2 characters'],
			locale: [resources.en.translation.validation.invalid],
			email: [resources.en.translation.api.errors.unknownField],
		})

		const key = await createApiKey(user.id, organisation.id, 'ERP')
		const byKey = await call(me, '/me', { method: 'PATCH', key: key.plainKey, body: { name: 'Khóa' } })
		expect(byKey.status).toBe(403)
		expect(errorOf(byKey.json).message).toBe(resources.vi.translation.api.errors.userOnly)
	})
})

describe('/notifications', () => {
	test('lists the session user’s notifications, translated, and marks them read', async () => {
		const user = await createUser()
		const other = await createUser()
		const mine = await prisma.notification.create({ data: { userId: user.id, kind: 'membership.added', params: { organisationName: 'Viện Thử' }, link: '/organisations/vien-thu' } })
		await prisma.notification.create({ data: { userId: user.id, kind: 'account.welcome', params: { name: 'An' } } })
		const theirs = await prisma.notification.create({ data: { userId: other.id, kind: 'account.welcome', params: { name: 'Bình' } } })
		const cookie = (await signIn(user.id)).cookie

		const listed = await call(notifications, '/notifications?pageSize=1', { cookie, language: 'en' })
		expect(listed.status).toBe(200)
		expect(listed.json!.meta).toEqual({ page: 1, pageSize: 1, total: 2, pageCount: 2, unread: 2 })
		expect((listed.json!.data as unknown[]).length).toBe(1)
		const all = await call(notifications, '/notifications', { cookie, language: 'en' })
		const item = (all.json!.data as Array<{ id: string; title: string; body: string }>).find((n) => n.id === mine.id)!
		expect(item.title).toBe(resources.en.translation.notifications.kinds.membership.added.title.replace('{{organisationName}}', 'Viện Thử'))
		expect(item).toMatchObject({ kind: 'membership.added', link: '/organisations/vien-thu', readAt: null })

		const marked = await call(notifications, '/notifications', { method: 'POST', cookie, body: { ids: [mine.id, theirs.id] } })
		expect(marked.status).toBe(200)
		expect(marked.json!.data).toEqual({ marked: 1, unread: 1 })
		expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull()
		expect((await call(notifications, '/notifications', { method: 'POST', cookie, body: { all: true } })).json!.data).toEqual({ marked: 1, unread: 0 })

		const bad = await call(notifications, '/notifications', { method: 'POST', cookie, body: { ids: [] } })
		expect(bad.status).toBe(400)
		expect(errorOf(bad.json).code).toBe('validation_failed')
	})

	test('API keys get 403: notifications belong to people', async () => {
		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, 'ERP')
		expect((await call(notifications, '/notifications', { key: key.plainKey })).status).toBe(403)
		expect((await call(notifications, '/notifications', { method: 'POST', key: key.plainKey, body: { all: true } })).status).toBe(403)
		expect((await call(notifications, '/notifications')).status).toBe(401)
	})
})

describe('reference data', () => {
	test('the 34 provinces with the former provinces merged into them, cacheable', async () => {
		const response = await call(provinces, '/reference/provinces')
		expect(response.status).toBe(200)
		expect(response.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/)
		const list = response.json!.data as Array<{ code: string; formerProvinces: Array<{ code: string }> }>
		expect(list).toHaveLength(34)
		expect(list.reduce((sum, p) => sum + p.formerProvinces.length, 0)).toBe(63)
		const etag = response.headers.get('ETag')!
		expect((await call(provinces, '/reference/provinces', { headers: { 'If-None-Match': etag } })).status).toBe(304)
	})

	test('S&T fields as a flat list filtered by level or parent, or as a tree', async () => {
		const top = await call(fields, '/reference/fields?level=1')
		expect(top.status).toBe(200)
		expect((top.json!.data as Array<{ code: string }>).map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6'])
		const children = await call(fields, '/reference/fields?parent=2')
		expect((children.json!.data as Array<{ parentCode: string; level: number }>).every((f) => f.parentCode === '2' && f.level === 2)).toBe(true)
		const tree = await call(fields, '/reference/fields?format=tree&level=2')
		const roots = tree.json!.data as Array<{ code: string; children: Array<{ children: unknown[] }> }>
		expect(roots).toHaveLength(6)
		expect(roots[0]!.children.length).toBeGreaterThan(0)
		expect(roots.flatMap((r) => r.children).every((c) => c.children.length === 0)).toBe(true)
		expect((await call(fields, '/reference/fields?parent=99999')).status).toBe(404)
		const bad = await call(fields, '/reference/fields?level=9&format=graph', { language: 'en' })
		expect(bad.status).toBe(400)
		expect(Object.keys(errorOf(bad.json).fields!).sort()).toEqual(['format', 'level'])
	})
})
