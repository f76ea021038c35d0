// The chat model against a real database: deal rooms kept in step with the deal, direct rooms one per
// pair, gapless sequences under concurrency, idempotent sends, edit and delete windows, read state,
// search with and without diacritics, and every read and write refused to non-members.
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { assignBroker, startDeal } from '~/models/deal.server'
import { removeMember as removeFromOrganisation } from '~/models/organisation.server'
import { actorFor, addMember as addOrgMember, createOwner, createUser } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'
import { exchange, publishedOffer } from '../../tests/search/helpers'
import {
	addMember,
	ChatError,
	CHAT_LIMITS,
	deleteMessage,
	editMessage,
	ensureDealRoom,
	getRoom,
	history,
	listRooms,
	markRead,
	openDirect,
	readSystemBody,
	removeMember,
	searchMessages,
	sendMessage,
	totalUnread,
} from './chat.server'

const { prisma } = await useTestDatabase()

async function refused(p: Promise<unknown>, key: string) {
	await expect(p).rejects.toSatisfy((e: unknown) => e instanceof ChatError && e.key === key)
}

async function dealSetting() {
	const sellerSide = await exchange()
	const offerId = await publishedOffer(sellerSide)
	const buyerOwner = await createOwner({ type: 'ENTERPRISE' })
	const buyer = await actorFor(buyerOwner.user.id)
	const { id: dealId } = await startDeal(buyer, { from: 'offer', offerId, organisationId: buyerOwner.organisation.id, message: '' })
	return { dealId, buyer, seller: sellerSide.actor, operator: sellerSide.operator, buyerOrgId: buyerOwner.organisation.id, sellerOrgId: sellerSide.organisationId }
}

const say = (actor: { id: string }, roomId: string, body: string, extra: Record<string, unknown> = {}) => sendMessage(actor, { roomId, clientMsgId: randomUUID(), body, ...extra })

describe('deal rooms', () => {
	test('hold both sides and the broker; a new side member joins, a departed one loses access; the room notes stage changes', async () => {
		const s = await dealSetting()
		const { roomId } = await ensureDealRoom(s.dealId)
		expect((await ensureDealRoom(s.dealId)).roomId).toBe(roomId)
		const room = await getRoom(s.buyer, roomId)
		expect(room.members.map((m) => m.id).sort()).toEqual([s.buyer.id, s.seller.id].sort())
		expect(room.members.every((m) => m.isOwner)).toBe(true)
		const first = (await history(s.buyer, roomId)).messages
		expect(first.map((m) => [m.kind, readSystemBody(m.body)?.key])).toEqual([['SYSTEM', 'roomOpened']])

		// A colleague of the buyer joins the organisation: the next sync lets them in, not as owner.
		const colleague = await createUser()
		await addOrgMember(colleague.id, s.buyerOrgId, 'MEMBER')
		await ensureDealRoom(s.dealId)
		const colleagueActor = await actorFor(colleague.id)
		expect((await getRoom(colleagueActor, roomId)).members.find((m) => m.id === colleague.id)).toMatchObject({ isOwner: false, source: 'DEAL_SIDE' })

		// A broker assigned by an operator joins at once; replaced, they leave.
		const broker = await createUser({ roles: ['MEMBER', 'BROKER'] })
		await assignBroker(s.operator, s.dealId, broker.id)
		expect((await getRoom({ id: broker.id }, roomId)).members.some((m) => m.id === broker.id && m.source === 'BROKER')).toBe(true)
		await assignBroker(s.operator, s.dealId, null)
		await refused(getRoom({ id: broker.id }, roomId), 'chat.errors.notFound')
		await refused(say({ id: broker.id }, roomId, 'vẫn ở đây?'), 'chat.errors.notFound')

		// The colleague leaves the organisation: the sync takes them out.
		await prisma.membership.deleteMany({ where: { userId: colleague.id, organisationId: s.buyerOrgId } })
		await ensureDealRoom(s.dealId)
		await refused(history(colleagueActor, roomId), 'chat.errors.notFound')

		const keys = (await history(s.buyer, roomId)).messages.map((m) => readSystemBody(m.body)?.key)
		expect(keys).toEqual(['roomOpened', 'joined', 'joined', 'left', 'left'])
	})

	test('leaving the organisation takes one out of its deal rooms in the same transaction', async () => {
		const s = await dealSetting()
		const colleague = await createUser()
		const membership = await addOrgMember(colleague.id, s.buyerOrgId, 'MEMBER')
		const { roomId } = await ensureDealRoom(s.dealId)
		await say({ id: colleague.id }, roomId, 'Tôi phụ trách kỹ thuật')
		await removeFromOrganisation(colleague.id, s.buyerOrgId, membership.id)
		await refused(history({ id: colleague.id }, roomId), 'chat.errors.notFound')
		await refused(say({ id: colleague.id }, roomId, 'còn đây không'), 'chat.errors.notFound')
	})

	test('a member removed by the owner stays removed through later syncs; an outsider never gets in', async () => {
		const s = await dealSetting()
		const { roomId } = await ensureDealRoom(s.dealId)
		const colleague = await createUser()
		await addOrgMember(colleague.id, s.sellerOrgId, 'MEMBER')
		await ensureDealRoom(s.dealId)
		// A plain member cannot manage the room; the seller's owner can.
		await refused(removeMember({ id: colleague.id }, roomId, s.buyer.id), 'chat.errors.notManager')
		await removeMember(s.seller, roomId, colleague.id)
		await ensureDealRoom(s.dealId)
		await refused(history({ id: colleague.id }, roomId), 'chat.errors.notFound')
		const outsider = await createUser()
		const o = { id: outsider.id }
		for (const attempt of [() => history(o, roomId), () => say(o, roomId, 'xin chào'), () => markRead(o, roomId, 1), () => searchMessages(o, 'xin', roomId), () => getRoom(o, roomId)]) {
			await refused(attempt(), 'chat.errors.notFound')
		}
		expect(await listRooms({ id: outsider.id })).toEqual([])
		// The owner may add someone from outside (an expert, say) explicitly.
		await addMember(s.seller, roomId, outsider.id)
		expect((await history({ id: outsider.id }, roomId)).messages.at(-1)?.body).toContain('added')
	})
})

describe('messages', () => {
	test('sequences stay gapless under concurrent senders, and a retried UUID stores one message', async () => {
		const a = await createUser()
		const b = await createUser()
		const { roomId } = await openDirect({ id: a.id }, b.id, null)
		expect((await openDirect({ id: b.id }, a.id, null)).roomId).toBe(roomId)
		const ids = Array.from({ length: 40 }, () => randomUUID())
		// Every message sent twice at once, by alternating senders.
		const results = await Promise.all(ids.flatMap((clientMsgId, i) => [0, 1].map(() => sendMessage({ id: i % 2 ? a.id : b.id }, { roomId, clientMsgId, body: `tin ${i}` }))))
		const stored = await prisma.chatMessage.findMany({ where: { roomId }, orderBy: { seq: 'asc' }, select: { seq: true, clientMsgId: true } })
		expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
		expect(new Set(stored.map((m) => m.clientMsgId)).size).toBe(40)
		expect(results.filter((r) => r.duplicate)).toHaveLength(40)
		for (let i = 0; i < results.length; i += 2) expect(results[i]!.message.seq).toBe(results[i + 1]!.message.seq)
		// Someone else's UUID is not a way to read their message.
		await refused(sendMessage({ id: b.id }, { roomId, clientMsgId: ids[1]!, body: 'x' }), 'chat.errors.invalid')
	})

	test('bad input is refused with a reason and writes nothing', async () => {
		const a = await createUser()
		const b = await createUser()
		const { roomId } = await openDirect({ id: a.id }, b.id, null)
		await refused(say(a, roomId, '   '), 'chat.errors.emptyMessage')
		await refused(say(a, roomId, 'x'.repeat(CHAT_LIMITS.bodyMax + 1)), 'chat.errors.tooLong')
		await refused(say(a, roomId, 'a\u0000b'), 'chat.errors.invalid')
		await refused(sendMessage(a, { roomId, clientMsgId: 'not-a-uuid', body: 'hi' }), 'chat.errors.invalid')
		await refused(say(a, roomId, 'hi', { replyToId: 'nope' }), 'chat.errors.replyNotFound')
		await refused(say(a, roomId, 'hi', { attachmentId: 'nope' }), 'chat.errors.attachmentNotFound')
		await refused(say(a, { toString: () => roomId } as unknown as string, 'hi'), 'chat.errors.notFound')
		await refused(openDirect(a, a.id, null), 'chat.errors.self')
		expect(await prisma.chatMessage.count({ where: { roomId } })).toBe(0)
		expect((await prisma.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastSeq).toBe(0)
		// Exactly at the limit, NFD input stored as NFC.
		const { message } = await say(a, roomId, 'Cong nghe nuoi to\u0302m'.padEnd(CHAT_LIMITS.bodyMax, '.'))
		expect(message.body.startsWith('Cong nghe nuoi tôm')).toBe(true)
	})

	test('replies quote their parent; edit and delete only one’s own, within the window, audited', async () => {
		const a = await createUser()
		const b = await createUser()
		const { roomId } = await openDirect(a, b.id, null)
		const { message: parent } = await say(a, roomId, 'Giá chuyển giao **300 triệu**')
		const { message: reply } = await say(b, roomId, 'Đồng ý', { replyToId: parent.id })
		expect(reply.replyTo).toMatchObject({ id: parent.id, seq: 1, excerpt: 'Giá chuyển giao **300 triệu**' })
		await refused(editMessage(b, parent.id, 'sửa của người khác'), 'chat.errors.notYours')
		const edited = await editMessage(a, parent.id, 'Giá chuyển giao 320 triệu')
		expect(edited).toMatchObject({ body: 'Giá chuyển giao 320 triệu', editedAt: expect.any(String) })
		const deleted = await deleteMessage(a, parent.id)
		expect(deleted).toMatchObject({ body: '', deletedAt: expect.any(String) })
		await refused(editMessage(a, parent.id, 'lại'), 'chat.errors.deleted')
		const audits = await prisma.auditLog.findMany({ where: { entityType: 'ChatMessage', entityId: parent.id }, orderBy: { createdAt: 'asc' } })
		expect(audits.map((x) => [x.action, (x.data as { before: string }).before])).toEqual([
			['chat.message.edit', 'Giá chuyển giao **300 triệu**'],
			['chat.message.delete', 'Giá chuyển giao 320 triệu'],
		])
		// The reply's quote no longer shows the deleted text.
		expect((await history(b, roomId)).messages.find((m) => m.id === reply.id)?.replyTo?.excerpt).toBe('')
		// Past the window: refused.
		const { message: old } = await say(b, roomId, 'cũ')
		await prisma.chatMessage.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - CHAT_LIMITS.editWindowMs - 1000) } })
		await refused(deleteMessage(b, old.id), 'chat.errors.editWindow')
	})

	test('read state: unread counts per room and in total agree; reading never goes backwards or past the end', async () => {
		const a = await createUser()
		const b = await createUser()
		const c = await createUser()
		const ab = (await openDirect(a, b.id, null)).roomId
		const ac = (await openDirect(a, c.id, null)).roomId
		for (let i = 0; i < 3; i++) await say(b, ab, `b${i}`)
		for (let i = 0; i < 2; i++) await say(c, ac, `c${i}`)
		const rooms = await listRooms(a)
		expect(Object.fromEntries(rooms.map((r) => [r.id, r.unread]))).toEqual({ [ab]: 3, [ac]: 2 })
		expect(rooms[0]!.id).toBe(ac) // the most recent first
		expect(await totalUnread(a.id)).toBe(5)
		expect(await totalUnread(b.id)).toBe(0) // one's own messages are read
		expect((await markRead(a, ab, 2)).lastReadSeq).toBe(2)
		expect((await markRead(a, ab, 1)).lastReadSeq).toBe(2)
		expect((await markRead(a, ab, 99)).lastReadSeq).toBe(3)
		await refused(markRead(a, ab, -1), 'chat.errors.invalid')
		expect(await totalUnread(a.id)).toBe(2)
		// Replying reads the room.
		await say(a, ac, 'ok')
		expect(await totalUnread(a.id)).toBe(0)
	})

	test('history pages backwards and forwards by sequence', async () => {
		const a = await createUser()
		const b = await createUser()
		const { roomId } = await openDirect(a, b.id, null)
		for (let i = 1; i <= 7; i++) await say(a, roomId, `m${i}`)
		const last = await history(b, roomId, { limit: 3 })
		expect(last.messages.map((m) => m.seq)).toEqual([5, 6, 7])
		expect(last.hasMore).toBe(true)
		const before = await history(b, roomId, { before: 5, limit: 3 })
		expect(before.messages.map((m) => m.seq)).toEqual([2, 3, 4])
		const after = await history(b, roomId, { after: 4 })
		expect(after).toMatchObject({ hasMore: false })
		expect(after.messages.map((m) => m.body)).toEqual(['m5', 'm6', 'm7'])
	})

	test('search finds words with or without diacritics, only in one’s own rooms, never deleted text', async () => {
		const a = await createUser()
		const b = await createUser()
		const c = await createUser()
		const ab = (await openDirect(a, b.id, null)).roomId
		const bc = (await openDirect(b, c.id, null)).roomId
		await say(a, ab, 'Chúng tôi cần công nghệ nuôi tôm thẻ chân trắng')
		const { message: gone } = await say(a, ab, 'Tôm hùm giống, giá tốt')
		await deleteMessage(a, gone.id)
		await say(b, bc, 'Nuôi tôm ở Cà Mau')
		expect((await searchMessages(a, 'nuoi tom')).map((m) => m.roomId)).toEqual([ab])
		expect((await searchMessages(b, 'nuôi tôm')).map((m) => m.roomId).sort()).toEqual([ab, bc].sort())
		expect(await searchMessages(b, 'tom', bc)).toHaveLength(1)
		expect(await searchMessages(a, 'hum')).toEqual([])
		expect(await searchMessages(a, "'); DROP TABLE \"ChatMessage\"; --")).toEqual([])
		expect(await searchMessages(a, '&|!:*()')).toEqual([])
		expect(await searchMessages(a, 'x'.repeat(10_000))).toEqual([])
	})
})
