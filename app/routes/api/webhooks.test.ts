// /api/v1/organisations/{id}/webhooks… against a real database and a real receiver: who may use
// them (outsiders 404, members 403, the organisation's own keys), create with the secret once,
// rotate, test, the delivery log, redelivery, PATCH and DELETE.
import { RouterContextProvider } from 'react-router'
import { afterEach, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/api-key.server'
import { drainWebhooks } from '~/webhooks/relay.server'
import { startReceiver, type Receiver } from '~/webhooks/test-receiver.server'
import { useTestDatabase } from '../../../tests/db'
import { addMember, createOwner, createUser, signIn } from '../../../tests/factories'
import * as deliveriesRoute from './webhook-deliveries'
import * as redeliverRoute from './webhook-redeliver'
import * as rotateRoute from './webhook-rotate'
import * as testRoute from './webhook-test'
import * as webhookRoute from './webhook'
import * as webhooksRoute from './webhooks'

const { prisma } = await useTestDatabase()

const receivers: Receiver[] = []
afterEach(async () => {
	await Promise.all(receivers.splice(0).map((r) => r.close()))
})

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }
type Auth = { cookie?: string; key?: string; language?: string }

async function call(route: Route, method: string, path: string, params: Record<string, string>, auth: Auth = {}, body?: unknown) {
	const headers = new Headers()
	if (auth.cookie) headers.set('Cookie', auth.cookie)
	if (auth.key) headers.set('Authorization', `Bearer ${auth.key}`)
	if (auth.language) headers.set('Accept-Language', auth.language)
	if (body !== undefined) headers.set('Content-Type', 'application/json')
	const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
	const args = { request, params, context: new RouterContextProvider() } as never
	const response = method === 'GET' ? await route.loader(args) : await route.action(args)
	const text = await response.text()
	return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : null) as { data?: unknown; error?: { code: string; message: string; fields?: Record<string, string[]> }; meta?: { total: number } } | null }
}

describe('/api/v1/organisations/{id}/webhooks', () => {
	test('owners create, read, test, rotate, change and delete; the secret appears only on creation and rotation', async () => {
		const receiver = await startReceiver()
		receivers.push(receiver)
		const { user, organisation } = await createOwner()
		const auth = { cookie: (await signIn(user.id)).cookie }
		const base = `/organisations/${organisation.id}/webhooks`
		const params = { id: organisation.id }

		const refused = await call(webhooksRoute, 'POST', base, params, { ...auth, language: 'en' }, { url: 'https://192.168.0.10/hook', events: ['deal.stageChanged'] })
		expect(refused.status).toBe(400)
		expect(refused.json!.error!.fields).toEqual({ url: ['The address points to an internal network or a private address, which is not allowed.'] })
		const unknownEvent = await call(webhooksRoute, 'POST', base, params, auth, { url: receiver.url(), events: ['nope'] })
		expect(unknownEvent.json!.error!.fields).toEqual({ 'events.0': ['Sự kiện không hợp lệ.'] })

		const created = await call(webhooksRoute, 'POST', base, params, auth, { url: receiver.url(), description: 'Sàn tỉnh', events: ['taskResult.added', 'listing.published'], fieldCodes: ['405'] })
		expect(created.status).toBe(201)
		const hook = created.json!.data as { id: string; secret: string; events: string[]; secretHint: string }
		expect(hook).toMatchObject({ secret: expect.stringMatching(/^whsec_/), events: ['listing.published', 'taskResult.added'], fieldCodes: ['405'], active: true })
		expect(created.headers.get('Location')).toBe(`/api/v1${base}/${hook.id}`)
		const itemParams = { id: organisation.id, webhookId: hook.id }

		const listed = await call(webhooksRoute, 'GET', base, params, auth)
		expect(listed.json!.data).toEqual([expect.objectContaining({ id: hook.id, secretHint: hook.secretHint })])
		expect(JSON.stringify(listed.json)).not.toContain(hook.secret)
		// By slug too, as elsewhere in the API.
		expect((await call(webhookRoute, 'GET', `/organisations/${organisation.slug}/webhooks/${hook.id}`, { id: organisation.slug, webhookId: hook.id }, auth)).status).toBe(200)

		const tested = await call(testRoute, 'POST', `${base}/${hook.id}/test`, itemParams, auth)
		expect(tested.status).toBe(202)
		await drainWebhooks()
		expect(receiver.requests).toHaveLength(1)
		const log = await call(deliveriesRoute, 'GET', `${base}/${hook.id}/deliveries`, itemParams, auth)
		expect(log.status).toBe(200)
		expect(log.json!.meta).toMatchObject({ total: 1 })
		const [delivery] = log.json!.data as Array<{ id: string; status: string; event: { type: string }; recentAttempts: Array<{ statusCode: number }> }>
		expect(delivery).toMatchObject({ status: 'SUCCEEDED', event: { type: 'ping' }, recentAttempts: [{ statusCode: 200 }] })
		expect(receiver.requests[0]!.headers['cau-noi-delivery']).toBe(delivery!.id)

		const again = await call(redeliverRoute, 'POST', `${base}/${hook.id}/deliveries/${delivery!.id}/redeliver`, { ...itemParams, deliveryId: delivery!.id }, auth)
		expect(again.status).toBe(202)
		const twice = await call(redeliverRoute, 'POST', `${base}/${hook.id}/deliveries/${delivery!.id}/redeliver`, { ...itemParams, deliveryId: delivery!.id }, auth)
		expect(twice.status).toBe(409)
		await drainWebhooks()
		expect(receiver.requests).toHaveLength(2)

		const rotated = await call(rotateRoute, 'POST', `${base}/${hook.id}/rotate`, itemParams, auth)
		expect(rotated.status).toBe(200)
		const rotatedHook = rotated.json!.data as { secret: string; rotationEndsAt: string }
		expect(rotatedHook.secret).not.toBe(hook.secret)
		expect(new Date(rotatedHook.rotationEndsAt).getTime()).toBeGreaterThan(Date.now())

		const patched = await call(webhookRoute, 'PATCH', `${base}/${hook.id}`, itemParams, auth, { active: false, description: 'Tạm dừng' })
		expect(patched.status).toBe(200)
		expect(patched.json!.data).toMatchObject({ active: false, disabledReason: 'manual', description: 'Tạm dừng', url: receiver.url() })
		expect((await call(webhookRoute, 'PATCH', `${base}/${hook.id}`, itemParams, auth, { secret: 'x' })).status).toBe(400)

		expect((await call(webhookRoute, 'DELETE', `${base}/${hook.id}`, itemParams, auth)).status).toBe(204)
		expect((await call(webhookRoute, 'GET', `${base}/${hook.id}`, itemParams, auth)).status).toBe(404)
	})

	test('outsiders get 404 on every operation, plain members 403; an organisation key acts for its creator while they manage it', async () => {
		const { user: owner, organisation } = await createOwner()
		const ownerAuth = { cookie: (await signIn(owner.id)).cookie }
		const base = `/organisations/${organisation.id}/webhooks`
		const hook = (await call(webhooksRoute, 'POST', base, { id: organisation.id }, ownerAuth, { url: 'http://127.0.0.1:9/hook', events: ['deal.stageChanged'] })).json!.data as { id: string }
		const delivery = await prisma.webhookDelivery.create({
			data: { subscriptionId: hook.id, eventId: (await prisma.webhookEvent.create({ data: { type: 'ping', payload: {}, subscriptionId: hook.id, fannedOutAt: new Date() } })).id, status: 'FAILED' },
		})

		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const other = await createOwner()
		const otherKey = await createApiKey(other.user.id, other.organisation.id, 'Khóa khác')
		const operations: Array<[Route, string, string, Record<string, string>, unknown?]> = [
			[webhooksRoute, 'GET', base, { id: organisation.id }],
			[webhooksRoute, 'POST', base, { id: organisation.id }, { url: 'http://127.0.0.1:9/x', events: ['ping'] }],
			[webhookRoute, 'GET', `${base}/${hook.id}`, { id: organisation.id, webhookId: hook.id }],
			[webhookRoute, 'PATCH', `${base}/${hook.id}`, { id: organisation.id, webhookId: hook.id }, { active: false }],
			[webhookRoute, 'DELETE', `${base}/${hook.id}`, { id: organisation.id, webhookId: hook.id }],
			[rotateRoute, 'POST', `${base}/${hook.id}/rotate`, { id: organisation.id, webhookId: hook.id }],
			[testRoute, 'POST', `${base}/${hook.id}/test`, { id: organisation.id, webhookId: hook.id }],
			[deliveriesRoute, 'GET', `${base}/${hook.id}/deliveries`, { id: organisation.id, webhookId: hook.id }],
			[redeliverRoute, 'POST', `${base}/${hook.id}/deliveries/${delivery.id}/redeliver`, { id: organisation.id, webhookId: hook.id, deliveryId: delivery.id }],
		]
		for (const [auth, status] of [
			[{ cookie: (await signIn(other.user.id)).cookie }, 404],
			[{ key: otherKey.plainKey }, 404],
			[{ cookie: (await signIn(member.id)).cookie }, 403],
			[{}, 401],
		] as const) {
			for (const [route, method, path, params, body] of operations) {
				const answer = await call(route, method, path, params, auth, body)
				expect(answer.status, `${method} ${path} with ${JSON.stringify(Object.keys(auth))}`).toBe(status)
			}
		}
		// Nothing changed.
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ active: true, url: 'http://127.0.0.1:9/hook' })
		expect(await prisma.webhookSubscription.count()).toBe(1)
		expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'FAILED' })

		// The organisation's own key, created by an owner, manages its webhooks; once that person is
		// no longer a manager, the key is refused.
		const admin = await createUser()
		const membership = await addMember(admin.id, organisation.id, 'ADMIN')
		const key = await createApiKey(admin.id, organisation.id, 'Tích hợp CSDL tỉnh')
		const byKey = await call(webhooksRoute, 'POST', base, { id: organisation.id }, { key: key.plainKey }, { url: 'http://127.0.0.1:9/by-key', events: ['listing.published'] })
		expect(byKey.status).toBe(201)
		expect(await prisma.webhookSubscription.findFirstOrThrow({ where: { url: 'http://127.0.0.1:9/by-key' } })).toMatchObject({ createdById: admin.id })
		await prisma.membership.update({ where: { id: membership.id }, data: { role: 'MEMBER' } })
		expect((await call(webhooksRoute, 'GET', base, { id: organisation.id }, { key: key.plainKey })).status).toBe(403)
	})
})
