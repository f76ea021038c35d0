// The /messages pages as a browser without JavaScript reaches them, against a real database: a room
// that is not the reader's is a 404 for its page and its form; the plain form stores a message once
// however often it is submitted (the loader's UUID); a refused message comes back 4xx, translated
// key and typed text kept; conversations open from a deal (its sides only) and from an offer (to its
// contact person, once per pair).
import i18next from 'i18next'
import { createElement, type ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createRoutesStub } from 'react-router'
import { describe, expect, test } from 'vitest'
import { resources } from '~/locales'
import * as newRoute from './new'
import * as roomRoute from './room'
import * as roomsRoute from './index'
import type { RoomActionData, RoomPageData, RoomsPageData } from '~/chat/pages.server'
import { openDirect, sendMessage, totalUnread } from '~/models/chat.server'
import { useTestDatabase } from '../../../tests/db'
import { completeOffer, createOwner, createUser, localeContext, makeRequest, outcome, signIn } from '../../../tests/factories'

const { prisma } = await useTestDatabase()

async function load(path: string, cookie: string, roomId: string) {
	const request = makeRequest(path, { cookie })
	return outcome(roomRoute.loader({ request, params: { roomId }, context: await localeContext(request) } as never))
}

async function post(roomId: string, cookie: string, form: Record<string, string>) {
	const request = makeRequest(`/messages/${roomId}`, { cookie, form })
	return outcome(roomRoute.action({ request, params: { roomId }, context: await localeContext(request) } as never))
}

async function open(cookie: string, form: Record<string, string>) {
	const request = makeRequest('/messages/new', { cookie, form })
	return outcome(newRoute.action({ request, params: {}, context: await localeContext(request) } as never))
}

/** Two people in a direct conversation, each signed in. */
async function pair() {
	const a = await createUser({ name: 'Trần Thị Hoa' })
	const b = await createUser({ name: 'Lê Văn Nam' })
	const { roomId } = await openDirect(a, b.id, null)
	return { a, b, roomId, cookieA: (await signIn(a.id)).cookie, cookieB: (await signIn(b.id)).cookie }
}

async function publishedOffer(organisationId: string, contactUserId: string) {
	const { fieldCodes, ...values } = completeOffer()
	return prisma.offer.create({
		data: {
			...values,
			fieldCodes,
			fieldPaths: fieldCodes,
			priceMin: BigInt(values.priceMin),
			priceMax: BigInt(values.priceMax),
			organisationId,
			createdById: contactUserId,
			contactUserId,
			status: 'PUBLISHED',
			publishedAt: new Date(),
		},
	})
}

describe('/messages/:roomId', () => {
	test('a non-member gets 404 from the page and from every form intent, and nothing is written', async () => {
		const { roomId } = await pair()
		const outsider = await createUser()
		const { cookie } = await signIn(outsider.id)
		expect((await load(`/messages/${roomId}`, cookie, roomId)).status).toBe(404)
		const before = await prisma.chatMessage.count({ where: { roomId } })
		for (const intent of ['send', 'edit', 'delete', 'nonsense']) {
			const result = await post(roomId, cookie, { intent, clientMsgId: crypto.randomUUID(), body: 'Xin chào', messageId: 'x' })
			expect(result.status).toBe(404)
		}
		expect(await prisma.chatMessage.count({ where: { roomId } })).toBe(before)
		// A room that does not exist answers the same.
		expect((await load('/messages/khong-ton-tai', cookie, 'khong-ton-tai')).status).toBe(404)
	})

	test('signed out: the page sends to the login', async () => {
		const { roomId } = await pair()
		const result = await outcome(roomRoute.loader({ request: makeRequest(`/messages/${roomId}`), params: { roomId }, context: await localeContext(makeRequest('/')) } as never))
		expect(result.status).toBe(302)
		expect(result.location).toMatch(/^\/login/)
	})

	test('the page shows the history oldest first with a fresh UUID for its form, and reading it reads the room', async () => {
		const { a, b, roomId, cookieB } = await pair()
		for (const body of ['Một', 'Hai', 'Ba']) await sendMessage(a, { roomId, clientMsgId: crypto.randomUUID(), body })
		const first = (await load(`/messages/${roomId}`, cookieB, roomId)).body as RoomPageData
		expect(first.messages.map((m) => m.body)).toEqual(['Một', 'Hai', 'Ba'])
		expect(first.latest).toBe(true)
		expect(first.clientMsgId).toMatch(/^[0-9a-f-]{36}$/)
		expect(first.room.members.map((m) => m.name).sort()).toEqual([a.name, b.name].sort())
		expect((await prisma.chatMember.findFirstOrThrow({ where: { roomId, userId: b.id } })).lastReadSeq).toBe(3)
		const second = (await load(`/messages/${roomId}`, cookieB, roomId)).body as RoomPageData
		expect(second.clientMsgId).not.toBe(first.clientMsgId)
	})

	test('the route middleware reads the newest page before any loader runs, so the header count leaves the room out', async () => {
		const { a, b, roomId, cookieB } = await pair()
		for (const body of ['Một', 'Hai']) await sendMessage(a, { roomId, clientMsgId: crypto.randomUUID(), body })
		expect(await totalUnread(b.id)).toBe(2)
		const run = async (path: string) => {
			let ran = false
			const request = makeRequest(path, { cookie: cookieB })
			await (roomRoute.middleware[0] as unknown as (args: unknown, next: () => Promise<unknown>) => Promise<unknown>)({ request, params: { roomId }, context: await localeContext(request) }, async () => {
				ran = true
				return new Response(null)
			})
			expect(ran).toBe(true)
		}
		await run(`/messages/${roomId}?before=2`)
		expect(await totalUnread(b.id)).toBe(2)
		await run(`/messages/${roomId}`)
		expect(await totalUnread(b.id)).toBe(0)
		// Someone who is not in the room passes through to the loader, which answers 404.
		const outsider = await createUser()
		const request = makeRequest(`/messages/${roomId}`, { cookie: (await signIn(outsider.id)).cookie })
		await (roomRoute.middleware[0] as unknown as (args: unknown, next: () => Promise<unknown>) => Promise<unknown>)({ request, params: { roomId }, context: await localeContext(request) }, async () => new Response(null))
	})

	test('older pages by ?before= without JavaScript; an older page marks nothing read', async () => {
		const { a, b, roomId, cookieB } = await pair()
		for (let i = 1; i <= 55; i++) await sendMessage(a, { roomId, clientMsgId: crypto.randomUUID(), body: `Tin ${i}` })
		const latest = (await load(`/messages/${roomId}`, cookieB, roomId)).body as RoomPageData
		expect(latest.messages).toHaveLength(50)
		expect(latest.messages[0]!.seq).toBe(6)
		expect(latest.hasOlder).toBe(true)
		await prisma.chatMember.updateMany({ where: { roomId, userId: b.id }, data: { lastReadSeq: 0 } })
		const older = (await load(`/messages/${roomId}?before=6`, cookieB, roomId)).body as RoomPageData
		expect(older.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
		expect(older).toMatchObject({ hasOlder: false, latest: false })
		expect((await prisma.chatMember.findFirstOrThrow({ where: { roomId, userId: b.id } })).lastReadSeq).toBe(0)
	})

	test('the plain form stores a message once however often the same form is submitted', async () => {
		const { a, roomId, cookieA } = await pair()
		const page = (await load(`/messages/${roomId}`, cookieA, roomId)).body as RoomPageData
		const form = { intent: 'send', clientMsgId: page.clientMsgId, body: 'Gửi **một lần** thôi' }
		const results = await Promise.all([post(roomId, cookieA, form), post(roomId, cookieA, form)])
		results.push(await post(roomId, cookieA, form))
		for (const r of results) {
			expect(r.status).toBe(302)
			expect(r.location).toBe(`/messages/${roomId}#m-1`)
		}
		const stored = await prisma.chatMessage.findMany({ where: { roomId } })
		expect(stored).toHaveLength(1)
		expect(stored[0]).toMatchObject({ senderId: a.id, body: 'Gửi **một lần** thôi', seq: 1 })
	})

	test('a refused message comes back 4xx with the translation key and the typed text', async () => {
		const { roomId, cookieA } = await pair()
		const long = 'dài '.repeat(1001)
		const cases: Array<[Record<string, string>, number, RoomActionData['error']]> = [
			[{ intent: 'send', clientMsgId: crypto.randomUUID(), body: '   ' }, 400, { key: 'chat.errors.emptyMessage' }],
			[{ intent: 'send', clientMsgId: crypto.randomUUID(), body: long }, 400, { key: 'chat.errors.tooLong', params: { max: 4000 } }],
			[{ intent: 'send', clientMsgId: 'khong-phai-uuid', body: 'Xin chào' }, 400, { key: 'chat.errors.invalid' }],
			[{ intent: 'send', clientMsgId: crypto.randomUUID(), body: 'Trả lời', replyToId: 'khong-co' }, 400, { key: 'chat.errors.replyNotFound' }],
			[{ intent: 'edit', messageId: 'khong-co', body: 'Sửa lại' }, 404, { key: 'chat.errors.messageNotFound' }],
		]
		for (const [form, status, error] of cases) {
			const result = await post(roomId, cookieA, form)
			expect(result.status, JSON.stringify(form).slice(0, 80)).toBe(status)
			const body = result.body as RoomActionData
			expect(body.error).toEqual(error)
			expect(body.values.body).toBe(form.body)
		}
		expect(await prisma.chatMessage.count({ where: { roomId } })).toBe(0)
	})

	test('reply, edit and delete through form intents; someone else’s message is refused', async () => {
		const { a, b, roomId, cookieA, cookieB } = await pair()
		const { message } = await sendMessage(b, { roomId, clientMsgId: crypto.randomUUID(), body: 'Bên em có tài liệu kỹ thuật.' })
		const page = (await load(`/messages/${roomId}?reply=${message.id}`, cookieA, roomId)).body as RoomPageData
		expect(page.replyTo).toMatchObject({ id: message.id, senderName: b.name })
		expect((await post(roomId, cookieA, { intent: 'send', clientMsgId: page.clientMsgId, body: 'Gửi giúp mình nhé', replyToId: message.id })).status).toBe(302)
		const reply = await prisma.chatMessage.findFirstOrThrow({ where: { roomId, senderId: a.id } })
		expect(reply.replyToId).toBe(message.id)

		expect((await load(`/messages/${roomId}?edit=${reply.id}`, cookieA, roomId)).body).toMatchObject({ editId: reply.id })
		// Not one's own: the page offers no edit, the form is refused.
		expect((await load(`/messages/${roomId}?edit=${message.id}`, cookieA, roomId)).body).toMatchObject({ editId: null })
		const refused = await post(roomId, cookieA, { intent: 'edit', messageId: message.id, body: 'Sửa trộm' })
		expect(refused.status).toBe(403)
		expect((refused.body as RoomActionData).error.key).toBe('chat.errors.notYours')

		expect((await post(roomId, cookieA, { intent: 'edit', messageId: reply.id, body: 'Gửi giúp mình trước thứ Sáu nhé' })).status).toBe(302)
		expect(await prisma.chatMessage.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ body: 'Gửi giúp mình trước thứ Sáu nhé' })
		expect((await post(roomId, cookieA, { intent: 'delete', messageId: reply.id })).status).toBe(302)
		const gone = await prisma.chatMessage.findUniqueOrThrow({ where: { id: reply.id } })
		expect(gone.deletedAt).not.toBeNull()
		expect(gone.body).toBe('')
		void cookieB
	})

	test('in-room search finds words without their diacritics and links to the message', async () => {
		const { a, roomId, cookieA } = await pair()
		await sendMessage(a, { roomId, clientMsgId: crypto.randomUUID(), body: 'Hợp đồng chuyển giao công nghệ' })
		await sendMessage(a, { roomId, clientMsgId: crypto.randomUUID(), body: 'Chuyện khác' })
		const page = (await load(`/messages/${roomId}?q=hop%20dong`, cookieA, roomId)).body as RoomPageData
		expect(page.results.map((m) => m.body)).toEqual(['Hợp đồng chuyển giao công nghệ'])
		const around = (await load(`/messages/${roomId}?at=1`, cookieA, roomId)).body as RoomPageData
		expect(around.at).toBe(1)
		expect(around.messages.map((m) => m.seq)).toEqual([1, 2])
	})
})

/** The room page as the server sends it (no JavaScript), after its loader and optionally its action. */
function html(path: string, loaderData: unknown, actionData?: unknown) {
	const i18n = i18next.createInstance()
	void i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', initAsync: false, interpolation: { escapeValue: false } })
	const Stub = createRoutesStub([{ id: 'page', path: '/messages/:roomId', Component: roomRoute.default as ComponentType, loader: () => loaderData, action: () => actionData }])
	const hydrationData = { loaderData: { page: loaderData }, ...(actionData ? { actionData: { page: actionData } } : {}) }
	return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path], hydrationData })))
}

describe('members by plain form', () => {
	test('the owner adds by e-mail and removes; a plain member may not; anyone may leave; a removed member gets 404', async () => {
		const { roomId, cookieA, cookieB } = await pair()
		const c = await createUser({ name: 'Phạm Minh Chuyên gia' })
		// b did not open the conversation: not its owner.
		const byMember = await post(roomId, cookieB, { intent: 'addMember', email: (await prisma.user.findUniqueOrThrow({ where: { id: c.id } })).email })
		expect(byMember.status).toBe(403)
		const unknown = await post(roomId, cookieA, { intent: 'addMember', email: 'khong-ai@example.test' })
		expect(unknown.status).toBe(404)
		expect((unknown.body as RoomActionData).values.email).toBe('khong-ai@example.test')
		const added = await post(roomId, cookieA, { intent: 'addMember', email: (await prisma.user.findUniqueOrThrow({ where: { id: c.id } })).email.toUpperCase() })
		expect(added.status).toBe(302)
		const cookieC = (await signIn(c.id)).cookie
		expect((await load(`/messages/${roomId}`, cookieC, roomId)).status).toBe(200)
		expect((await post(roomId, cookieA, { intent: 'removeMember', userId: c.id })).status).toBe(302)
		expect((await load(`/messages/${roomId}`, cookieC, roomId)).status).toBe(404)
		expect((await post(roomId, cookieC, { intent: 'leave' })).status).toBe(404)
		const left = await post(roomId, cookieB, { intent: 'leave' })
		expect([left.status, left.location]).toEqual([302, '/messages'])
		expect((await load(`/messages/${roomId}`, cookieB, roomId)).status).toBe(404)
		expect(await prisma.chatMember.count({ where: { roomId, removedAt: null } })).toBe(1)
	})
})

describe('the room page without JavaScript', () => {
	test('history with system lines translated, Markdown-lite without raw HTML or images, and a plain POST form with the loader’s UUID', async () => {
		const seller = await createOwner()
		const buyer = await createOwner({ type: 'ENTERPRISE' })
		const deal = await prisma.deal.create({ data: { code: 'GD-2026-TEST22', title: 'Chuyển giao quy trình nuôi tôm', buyerOrgId: buyer.organisation.id, sellerOrgId: seller.organisation.id } })
		const { cookie } = await signIn(buyer.user.id)
		const roomId = (await open(cookie, { dealId: deal.id })).location!.replace('/messages/', '')
		await sendMessage(buyer.user, { roomId, clientMsgId: crypto.randomUUID(), body: 'Xem **bản vẽ** tại [đây](https://example.com/a) <script>alert(1)</script> ![x](https://example.com/x.png)' })
		const data = (await load(`/messages/${roomId}`, cookie, roomId)).body as RoomPageData
		const page = html(`/messages/${roomId}`, data)
		expect(page).toContain('Phòng trao đổi của giao dịch đã mở cho 2 thành viên.')
		expect(page).toContain('<strong>bản vẽ</strong>')
		expect(page).toContain('href="https://example.com/a"')
		expect(page).not.toContain('<script>')
		expect(page).not.toContain('<img')
		expect(page).toMatch(/<form id="composer"[^>]*method="post"/)
		expect(page).toContain(`name="clientMsgId" value="${data.clientMsgId}"`)
		expect(page).toMatch(/<textarea[^>]*name="body"/)
		// Edit and delete for one's own line within the window; reply as a link that works without JavaScript.
		expect(page).toContain(`?reply=${data.messages[1]!.id}#composer`)
		expect(page).toContain(`?edit=${data.messages[1]!.id}`)
		expect(page).toContain('name="intent" value="delete"')
		// No inline handlers: the Content-Security-Policy allows only nonce'd scripts.
		expect(page).not.toMatch(/\son[a-z]+="/)

		const refused = await post(roomId, cookie, { intent: 'send', clientMsgId: data.clientMsgId, body: 'x'.repeat(4001) })
		const again = html(`/messages/${roomId}`, data, refused.body)
		expect(again).toContain('Tin nhắn dài tối đa 4000 ký tự.')
		expect(again).toContain('x'.repeat(4001))
	})
})

describe('/messages', () => {
	test('lists the reader’s rooms with unread counts, and searches across them', async () => {
		const { a, b, roomId, cookieB } = await pair()
		await sendMessage(a, { roomId, clientMsgId: crypto.randomUUID(), body: 'Báo giá thiết bị lọc nước' })
		const request = makeRequest('/messages?q=bao%20gia', { cookie: cookieB })
		const data = (await outcome(roomsRoute.loader({ request, params: {}, context: await localeContext(request) } as never))).body as RoomsPageData
		expect(data.rooms).toHaveLength(1)
		expect(data.rooms[0]).toMatchObject({ id: roomId, unread: 1, others: [{ id: a.id, name: a.name }] })
		expect(data.results.map((r) => r.message.body)).toEqual(['Báo giá thiết bị lọc nước'])
		void b
	})
})

describe('/messages/new', () => {
	test('from an offer: a direct conversation with its contact person, opened once per pair', async () => {
		const seller = await createOwner()
		const offer = await publishedOffer(seller.organisation.id, seller.user.id)
		const buyer = await createOwner({ type: 'ENTERPRISE' })
		const { cookie } = await signIn(buyer.user.id)
		const opened = await open(cookie, { context: 'offer', contextId: offer.id, userId: seller.user.id })
		expect(opened.status).toBe(302)
		const roomId = opened.location!.replace('/messages/', '')
		const room = await prisma.chatRoom.findUniqueOrThrow({ where: { id: roomId }, include: { members: true } })
		expect(room).toMatchObject({ kind: 'DIRECT', contextType: 'offer', contextId: offer.id, title: offer.title })
		expect(room.members.map((m) => m.userId).sort()).toEqual([buyer.user.id, seller.user.id].sort())
		// Again, from the same offer: the same room.
		expect((await open(cookie, { context: 'offer', contextId: offer.id })).location).toBe(`/messages/${roomId}`)
		expect(await prisma.chatRoom.count({ where: { directKey: [buyer.user.id, seller.user.id].sort().join('|') } })).toBe(1)
	})

	test('refusals: one’s own organisation’s offer, a named person who is not the contact, an unknown offer', async () => {
		const seller = await createOwner()
		const offer = await publishedOffer(seller.organisation.id, seller.user.id)
		const colleague = await createUser()
		await prisma.membership.create({ data: { userId: colleague.id, organisationId: seller.organisation.id, role: 'MEMBER', status: 'ACTIVE' } })
		const own = await open((await signIn(colleague.id)).cookie, { context: 'offer', contextId: offer.id })
		expect(own).toMatchObject({ status: 400, body: { message: 'chat.errors.sameOrganisation' } })
		const stranger = await createUser()
		const { cookie } = await signIn(stranger.id)
		expect(await open(cookie, { context: 'offer', contextId: offer.id, userId: colleague.id })).toMatchObject({ status: 400, body: { message: 'chat.errors.invalid' } })
		expect((await open(cookie, { context: 'offer', contextId: 'khong-co' })).status).toBe(404)
		expect((await open(cookie, { context: 'khac', contextId: offer.id })).status).toBe(400)
		expect(await prisma.chatRoom.count({ where: { contextId: offer.id } })).toBe(0)
	})

	test('from a deal: its sides get its room; someone not on the deal gets 404', async () => {
		const seller = await createOwner()
		const buyer = await createOwner({ type: 'ENTERPRISE' })
		const deal = await prisma.deal.create({ data: { code: `GD-2026-${crypto.randomUUID().slice(0, 6).toUpperCase()}`, title: 'Chuyển giao quy trình nuôi tôm', buyerOrgId: buyer.organisation.id, sellerOrgId: seller.organisation.id } })
		const outsider = await createUser()
		expect((await open((await signIn(outsider.id)).cookie, { dealId: deal.id })).status).toBe(404)
		expect(await prisma.chatRoom.count({ where: { dealId: deal.id } })).toBe(0)
		const opened = await open((await signIn(buyer.user.id)).cookie, { dealId: deal.id })
		expect(opened.status).toBe(302)
		const room = await prisma.chatRoom.findUniqueOrThrow({ where: { dealId: deal.id }, include: { members: true } })
		expect(opened.location).toBe(`/messages/${room.id}`)
		expect(room.members.map((m) => m.userId).sort()).toEqual([buyer.user.id, seller.user.id].sort())
		expect((await open((await signIn(seller.user.id)).cookie, { dealId: deal.id })).location).toBe(`/messages/${room.id}`)
	})
})
