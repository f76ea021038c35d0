// The organisation's webhooks pages: loaders and actions with real requests and a real database.
import i18next from 'i18next'
import { createElement, type ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createRoutesStub } from 'react-router'
import { describe, expect, test, afterEach } from 'vitest'
import { resources } from '~/locales'
import { useTestDatabase } from '../../../tests/db'
import { addMember, createOwner, createUser, localeContext, makeRequest, outcome, signIn } from '../../../tests/factories'
import { drainWebhooks } from '~/webhooks/relay.server'
import { startReceiver, type Receiver } from '~/webhooks/test-receiver.server'
import * as detail from './webhooks-detail'
import * as list from './webhooks'

const { prisma } = await useTestDatabase()

const receivers: Receiver[] = []
afterEach(async () => {
	await Promise.all(receivers.splice(0).map((r) => r.close()))
})

async function call(route: { loader: (a: never) => unknown; action: (a: never) => unknown }, kind: 'loader' | 'action', path: string, params: Record<string, string>, options: Parameters<typeof makeRequest>[1] = {}) {
	const request = makeRequest(path, options)
	const args = { request, params, context: await localeContext(request) } as never
	return outcome(Promise.resolve(kind === 'loader' ? route.loader(args) : route.action(args)))
}

const createForm = (url: string, extra: Record<string, string | string[]> = {}) => ({ url, description: 'CSDL KH&CN tỉnh', events: ['taskResult.added', 'deal.stageChanged'], ...extra })

describe('who may open the webhooks pages', () => {
	test('people of another organisation get 404, plain members 403, visitors the login page; nothing is written', async () => {
		const { user: owner, organisation } = await createOwner()
		const { cookie: ownerCookie } = await signIn(owner.id)
		const created = await call(list, 'action', `/organisations/${organisation.slug}/webhooks`, { slug: organisation.slug }, { cookie: ownerCookie, form: createForm('http://127.0.0.1:9/hook') })
		const webhookId = (created.body as { created: { id: string } }).created.id

		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const other = await createOwner()
		const listPath = `/organisations/${organisation.slug}/webhooks`
		const detailPath = `${listPath}/${webhookId}`
		const listParams = { slug: organisation.slug }
		const detailParams = { slug: organisation.slug, id: webhookId }
		for (const [user, status] of [
			[other.user, 404],
			[member, 403],
		] as const) {
			const { cookie } = await signIn(user.id)
			expect((await call(list, 'loader', listPath, listParams, { cookie })).status).toBe(status)
			expect((await call(list, 'action', listPath, listParams, { cookie, form: createForm('http://127.0.0.1:9/x') })).status).toBe(status)
			expect((await call(detail, 'loader', detailPath, detailParams, { cookie })).status).toBe(status)
			for (const intent of ['rotate', 'ping', 'disable', 'delete', 'update']) {
				expect((await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent, ...createForm('http://127.0.0.1:9/y') } })).status).toBe(status)
			}
		}
		// Someone else's webhook id under one's own organisation is not found either.
		const { cookie: otherCookie } = await signIn(other.user.id)
		expect((await call(detail, 'loader', `/organisations/${other.organisation.slug}/webhooks/${webhookId}`, { slug: other.organisation.slug, id: webhookId }, { cookie: otherCookie })).status).toBe(404)
		expect((await call(detail, 'action', `/organisations/${other.organisation.slug}/webhooks/${webhookId}`, { slug: other.organisation.slug, id: webhookId }, { cookie: otherCookie, form: { intent: 'rotate' } })).status).toBe(404)

		const visitor = await call(list, 'loader', listPath, listParams)
		expect(visitor.status).toBe(302)
		expect(visitor.location).toMatch(/^\/login\?redirectTo=/)

		expect(await prisma.webhookSubscription.count()).toBe(1)
		expect(await prisma.webhookEvent.count()).toBe(0)
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ active: true, url: 'http://127.0.0.1:9/hook' })
	})
})

describe('managing webhooks', () => {
	test('an admin adds a webhook, sees its secret once, tests it, rotates, turns it off and on, and deletes it', async () => {
		const receiver = await startReceiver()
		receivers.push(receiver)
		const { organisation } = await createOwner()
		const admin = await createUser()
		await addMember(admin.id, organisation.id, 'ADMIN')
		const { cookie } = await signIn(admin.id)
		const path = `/organisations/${organisation.slug}/webhooks`
		const params = { slug: organisation.slug }

		// Refusals come back on their fields, translated by key, with a 400.
		for (const [form, field, key] of [
			[createForm('https://10.1.2.3/hook'), 'url', 'webhooks.errors.url.private'],
			[createForm('ftp://example.com/hook'), 'url', 'webhooks.errors.url.scheme'],
			[createForm(receiver.url(), { events: [] }), 'events', 'webhooks.errors.eventsRequired'],
			[createForm(receiver.url(), { fieldCodes: '99999' }), 'fieldCodes', 'webhooks.errors.fieldUnknown'],
		] as const) {
			const refused = await call(list, 'action', path, params, { cookie, form })
			expect(refused.status).toBe(400)
			const errors = (refused.body as { result: { error: Record<string, string[]> } }).result.error
			expect(errors[field]?.[0]).toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}`))
		}
		expect(await prisma.webhookSubscription.count({ where: { organisationId: organisation.id } })).toBe(0)

		const created = await call(list, 'action', path, params, { cookie, form: createForm(receiver.url(), { fieldCodes: '4, 405', provinceCode: '01' }) })
		expect(created.status).toBe(200)
		const { id, secret } = (created.body as { created: { id: string; secret: string } }).created
		expect(secret).toMatch(/^whsec_/)
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({
			events: ['taskResult.added', 'deal.stageChanged'],
			fieldCodes: ['4', '405'],
			provinceCode: '01',
			description: 'CSDL KH&CN tỉnh',
			createdById: admin.id,
		})
		expect(await prisma.auditLog.count({ where: { action: 'webhook.create', entityId: id } })).toBe(1)

		// The list and the page show a hint of the secret, never the secret.
		const listed = await call(list, 'loader', path, params, { cookie })
		expect(listed.body).toMatchObject({ webhooks: [expect.objectContaining({ id, active: true, secretHint: expect.stringMatching(/^whsec_.{4}…$/) })] })
		expect(JSON.stringify(listed.body)).not.toContain(secret)
		const detailPath = `${path}/${id}`
		const detailParams = { ...params, id }
		const page = await call(detail, 'loader', detailPath, detailParams, { cookie })
		expect(JSON.stringify(page.body)).not.toContain(secret)

		// The test event goes through the relay and is in the log.
		const pinged = await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'ping' } })
		expect(pinged).toMatchObject({ status: 302, location: `${detailPath}?done=ping` })
		await drainWebhooks()
		expect(receiver.requests.map((r) => r.headers['cau-noi-event'])).toEqual(['ping'])
		const logged = (await call(detail, 'loader', `${detailPath}?done=ping`, detailParams, { cookie })).body as { deliveries: Array<{ id: string; status: string; event: { type: string } }>; notice: string }
		expect(logged.notice).toBe('webhooks.detail.pingSent')
		expect(logged.deliveries).toEqual([expect.objectContaining({ status: 'SUCCEEDED', event: expect.objectContaining({ type: 'ping' }) })])

		// Redelivering it from the log.
		const again = await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'redeliver', deliveryId: logged.deliveries[0]!.id } })
		expect(again).toMatchObject({ status: 302, location: `${detailPath}?done=redelivered` })
		await drainWebhooks()
		expect(receiver.requests).toHaveLength(2)

		// Rotation answers the new secret once.
		const rotated = await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'rotate' } })
		const newSecret = (rotated.body as { rotated: { secret: string; rotationEndsAt: Date } }).rotated
		expect(newSecret.secret).toMatch(/^whsec_/)
		expect(newSecret.secret).not.toBe(secret)
		expect(newSecret.rotationEndsAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000)

		// Settings change, with the same checks as creation.
		const badUpdate = await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'update', ...createForm('https://169.254.169.254/latest') } })
		expect(badUpdate.status).toBe(400)
		const updated = await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'update', url: receiver.url('/v2'), events: 'listing.published', fieldCodes: '', provinceCode: '' } })
		expect(updated).toMatchObject({ status: 302, location: `${detailPath}?done=updated` })
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({ url: receiver.url('/v2'), events: ['listing.published'], fieldCodes: [], provinceCode: null })

		expect(await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'disable' } })).toMatchObject({ status: 302, location: `${detailPath}?done=disabled` })
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: false, disabledReason: 'manual' })
		expect(await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'enable' } })).toMatchObject({ status: 302, location: `${detailPath}?done=enabled` })
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true, disabledReason: null, disabledAt: null })

		// Deleting asks first on a page of its own.
		expect(((await call(detail, 'loader', `${detailPath}?delete=1`, detailParams, { cookie })).body as { confirmingDelete: boolean }).confirmingDelete).toBe(true)
		const deleted = await call(detail, 'action', detailPath, detailParams, { cookie, form: { intent: 'delete' } })
		expect(deleted).toMatchObject({ status: 302, location: `${path}?deleted=${encodeURIComponent(receiver.url('/v2'))}` })
		expect(await prisma.webhookSubscription.count({ where: { id } })).toBe(0)
		expect(await prisma.webhookDelivery.count({ where: { subscriptionId: id } })).toBe(0)
		expect((await call(detail, 'loader', detailPath, detailParams, { cookie })).status).toBe(404)
		expect(await prisma.auditLog.findMany({ where: { entityId: id }, select: { action: true }, orderBy: { createdAt: 'asc' } })).toEqual(
			['webhook.create', 'webhook.test', 'webhook.rotate', 'webhook.update', 'webhook.disable', 'webhook.enable', 'webhook.delete'].map((action) => ({ action })),
		)
	})

	test('an organisation has at most 10 webhooks', async () => {
		const { user, organisation } = await createOwner()
		const { cookie } = await signIn(user.id)
		const path = `/organisations/${organisation.slug}/webhooks`
		for (let i = 0; i < 10; i++) expect((await call(list, 'action', path, { slug: organisation.slug }, { cookie, form: createForm(`http://127.0.0.1:9/hook-${i}`) })).status).toBe(200)
		const refused = await call(list, 'action', path, { slug: organisation.slug }, { cookie, form: createForm('http://127.0.0.1:9/one-more') })
		expect(refused.status).toBe(409)
		expect((refused.body as { result: { error: Record<string, string[]> } }).result.error['']).toEqual([expect.stringMatching(/^webhooks\.errors\.tooMany/)])
	})
})

/** A page as the server sends it (no JavaScript), after a loader and optionally an action. */
function html(Component: unknown, path: string, pattern: string, loaderData: unknown, actionData: unknown, lng: 'vi' | 'en') {
	const i18n = i18next.createInstance()
	void i18n.init({ resources, lng, fallbackLng: 'vi', initAsync: false, interpolation: { escapeValue: false } })
	const Stub = createRoutesStub([{ id: 'page', path: pattern, Component: Component as ComponentType, loader: () => loaderData, action: () => actionData }])
	const hydrationData = { loaderData: { page: loaderData }, ...(actionData ? { actionData: { page: actionData } } : {}) }
	return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path], hydrationData })))
}

describe('rendered without JavaScript', () => {
	test('both pages render in both languages with plain forms, the secret once, the log and its attempts', async () => {
		const receiver = await startReceiver((request) => (request.headers['cau-noi-event'] === 'ping' ? { status: 500, body: '<b>lỗi</b>' } : { status: 200 }))
		receivers.push(receiver)
		const { user, organisation } = await createOwner()
		const { cookie } = await signIn(user.id)
		const path = `/organisations/${organisation.slug}/webhooks`
		const created = await call(list, 'action', path, { slug: organisation.slug }, { cookie, form: createForm(receiver.url(), { fieldCodes: '405' }) })
		const { id, secret } = (created.body as { created: { id: string; secret: string } }).created
		const listed = (await call(list, 'loader', path, { slug: organisation.slug }, { cookie })).body
		const refused = await call(list, 'action', path, { slug: organisation.slug }, { cookie, form: createForm('https://10.9.8.7/hook') })
		const detailParams = { slug: organisation.slug, id }
		await call(detail, 'action', `${path}/${id}`, detailParams, { cookie, form: { intent: 'ping' } })
		await drainWebhooks()
		const rotated = (await call(detail, 'action', `${path}/${id}`, detailParams, { cookie, form: { intent: 'rotate' } })).body
		const page = (await call(detail, 'loader', `${path}/${id}?done=ping`, detailParams, { cookie })).body

		for (const lng of ['vi', 'en'] as const) {
			const listHtml = html(list.default, path, '/organisations/:slug/webhooks', listed, created.body, lng)
			expect(listHtml).toContain(secret)
			expect(listHtml).toMatch(/<form[^>]*method="post"/)
			expect(listHtml).not.toMatch(/name="fieldCodes"[^>]*required|required[^>]*name="fieldCodes"/)
			// A refused form comes back with what was typed and the reason on its field.
			const refusedHtml = html(list.default, path, '/organisations/:slug/webhooks', listed, refused.body, lng)
			expect(refusedHtml).toMatch(/<input type="checkbox" name="events" checked="" value="deal.stageChanged"/)
			expect(refusedHtml).toMatch(/<input type="checkbox" name="events" value="listing.published"\/>/)
			expect(refusedHtml).toContain('value="https://10.9.8.7/hook"')
			expect(refusedHtml).toContain(resources[lng].translation.webhooks.errors.url.private)
			expect(listHtml).toContain(receiver.url())
			expect(listHtml).not.toMatch(/webhooks\.|\{\{/)
			const withoutAction = html(list.default, path, '/organisations/:slug/webhooks', listed, undefined, lng)
			expect(withoutAction).not.toContain(secret)

			const detailHtml = html(detail.default, `${path}/${id}?done=ping`, '/organisations/:slug/webhooks/:id', page, rotated, lng)
			const newSecret = (rotated as { rotated: { secret: string } }).rotated.secret
			expect(detailHtml).toContain(newSecret)
			expect(detailHtml).toContain('&lt;b&gt;lỗi&lt;/b&gt;')
			expect(detailHtml).not.toContain('<b>lỗi</b>')
			expect(detailHtml).toMatch(/<input type="hidden" name="intent" value="redeliver"\/>/)
			expect(detailHtml).toContain(lng === 'vi' ? 'Mã trả lời không thuộc nhóm 2xx' : 'The status code is not 2xx')
			expect(detailHtml).toContain('value="405"')
			expect(detailHtml).not.toMatch(/webhooks\.|\{\{/)
		}
	})
})
