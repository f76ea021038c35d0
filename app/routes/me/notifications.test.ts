import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { action as settingsAction, loader as settingsLoader } from './notification-settings'
import { action as listAction, loader as listLoader } from './notifications'
import { i18nextMiddleware, localeCookie } from '~/middleware/i18next.server'
import { getPreferences } from '~/models/notification.server'
import { createUser, makeRequest, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'

const { prisma } = await useTestDatabase()

type Handler = (args: { request: Request; params: Record<string, string>; context: RouterContextProvider }) => Promise<unknown>

/** Runs a loader or action behind the i18next middleware, as the router would; thrown responses are returned. */
async function run(handler: unknown, request: Request) {
	const context = new RouterContextProvider()
	let result: unknown
	try {
		await (i18nextMiddleware as unknown as (a: unknown, next: () => Promise<unknown>) => Promise<unknown>)(
			{ request, params: {}, context },
			async () => {
				result = await (handler as Handler)({ request, params: {}, context })
				return new Response(null)
			},
		)
	} catch (thrown) {
		result = thrown
	}
	if (result instanceof Response) return { status: result.status, location: result.headers.get('Location'), data: null as unknown }
	const r = result as { type?: string; data?: unknown; init?: { status?: number } }
	if (r?.type === 'DataWithResponseInit') return { status: r.init?.status ?? 200, location: null, data: r.data }
	if (result instanceof Error) throw result
	return { status: 200, location: null, data: result }
}

async function notificationFor(userId: string, createdAt: Date, organisationName = 'Viện Cơ điện') {
	return prisma.notification.create({
		data: { userId, kind: 'organisation.verified', params: { organisationName }, link: '/organisations/vien-co-dien', createdAt },
	})
}

type ListData = { items: Array<{ id: string; title: string; body: string; read: boolean; link: string | null }>; unread: number; page: number; pages: number }

describe('/me/notifications', () => {
	test('lists the reader notifications newest first, in the language of the page', async () => {
		const user = await createUser({ locale: 'vi' })
		const { cookie } = await signIn(user.id)
		await notificationFor(user.id, new Date(Date.UTC(2026, 0, 1)), 'Cũ')
		await notificationFor(user.id, new Date(Date.UTC(2026, 0, 2)), 'Mới')
		const other = await createUser()
		await notificationFor(other.id, new Date())

		const vi = await run(listLoader, makeRequest('/me/notifications', { cookie }))
		const viData = vi.data as ListData
		expect(viData.items.map((n) => n.title)).toEqual(['Mới đã được xác minh', 'Cũ đã được xác minh'])
		expect(viData).toMatchObject({ unread: 2, page: 1, pages: 1 })
		expect(viData.items[0]).toMatchObject({ read: false, link: '/organisations/vien-co-dien' })

		const lng = (await localeCookie.serialize('en')).split(';')[0]
		const en = await run(listLoader, makeRequest('/me/notifications', { cookie: `${cookie}; ${lng}` }))
		expect((en.data as ListData).items[0]?.title).toBe('Mới has been verified')
	})

	test('marks one of the reader own notifications read, and ignores someone else’s id', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		const mine = await notificationFor(user.id, new Date())
		const other = await createUser()
		const theirs = await notificationFor(other.id, new Date())

		const res = await run(listAction, makeRequest('/me/notifications', { cookie, form: { intent: 'read', id: mine.id, page: '2' } }))
		expect(res).toMatchObject({ status: 302, location: '/me/notifications?page=2' })
		expect((await prisma.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull()

		await run(listAction, makeRequest('/me/notifications', { cookie, form: { intent: 'read', id: theirs.id } }))
		expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull()
	})

	test('marks all of the reader notifications read, nobody else’s', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		await notificationFor(user.id, new Date())
		await notificationFor(user.id, new Date())
		const other = await createUser()
		await notificationFor(other.id, new Date())
		const res = await run(listAction, makeRequest('/me/notifications', { cookie, form: { intent: 'read-all' } }))
		expect(res).toMatchObject({ status: 302, location: '/me/notifications' })
		expect(await prisma.notification.count({ where: { userId: user.id, readAt: null } })).toBe(0)
		expect(await prisma.notification.count({ where: { userId: other.id, readAt: null } })).toBe(1)
	})

	test('an unknown intent is a 400 and a visitor is sent to log in', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		expect((await run(listAction, makeRequest('/me/notifications', { cookie, form: { intent: 'delete-everything' } }))).status).toBe(400)
		const anonymous = await run(listLoader, makeRequest('/me/notifications'))
		expect(anonymous.status).toBe(302)
		expect(anonymous.location).toBe('/login?redirectTo=%2Fme%2Fnotifications')
	})
})

describe('/me/notifications/settings', () => {
	test('saves one choice per kind and confirms', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		const before = (await run(settingsLoader, makeRequest('/me/notifications/settings', { cookie }))).data as {
			preferences: Array<{ kind: string; channel: string }>
		}
		const form = Object.fromEntries(before.preferences.map((p) => [p.kind, p.channel]))
		form['membership.requested'] = 'EMAIL'
		form['account.welcome'] = 'NONE'
		const res = await run(settingsAction, makeRequest('/me/notifications/settings', { cookie, form }))
		expect(res).toMatchObject({ status: 302, location: '/me/notifications/settings?saved=1' })
		const after = await getPreferences(user.id)
		expect(after.find((p) => p.kind === 'membership.requested')?.channel).toBe('EMAIL')
		expect(after.find((p) => p.kind === 'account.welcome')?.channel).toBe('NONE')
		const page = await run(settingsLoader, makeRequest('/me/notifications/settings?saved=1', { cookie }))
		expect(page.data).toMatchObject({ saved: true })
	})

	test('refuses NONE for a security notice and saves nothing', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		const form = Object.fromEntries((await getPreferences(user.id)).map((p) => [p.kind, p.channel]))
		form['account.welcome'] = 'EMAIL'
		form['account.password-changed'] = 'NONE'
		const res = await run(settingsAction, makeRequest('/me/notifications/settings', { cookie, form }))
		expect(res.status).toBe(400)
		expect(res.data).toEqual({ invalid: ['account.password-changed'] })
		expect(await prisma.notificationPreference.count({ where: { userId: user.id } })).toBe(0)
	})
})
