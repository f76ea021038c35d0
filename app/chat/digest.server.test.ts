// The unread digest against a real database: told once, only about messages that waited, never about
// what was read, and per the person's notification settings.
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { markRead, openDirect, sendMessage } from '~/models/chat.server'
import { createUser } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'
import { DIGEST_AFTER_MS, runChatDigests } from './digest.server'

const { prisma } = await useTestDatabase()

async function waitingRoom(count: number) {
	const a = await createUser()
	const b = await createUser()
	const { roomId } = await openDirect(a, b.id, null)
	for (let i = 0; i < count; i++) await sendMessage(a, { roomId, clientMsgId: randomUUID(), body: `Tin ${i + 1}` })
	return { a, b, roomId }
}

const mailsTo = (email: string) => prisma.job.count({ where: { queue: 'email.send', payload: { path: ['to'], equals: email } } })
const later = () => new Date(Date.now() + DIGEST_AFTER_MS + 60_000)

describe('chat digests', () => {
	test('an absent member is mailed once about messages that waited; a fresh one waits; reading ends it', async () => {
		const { b, roomId } = await waitingRoom(3)
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: b.id } })).email
		await runChatDigests(new Date())
		expect(await mailsTo(email)).toBe(0) // not waited long enough yet
		await runChatDigests(later())
		expect(await mailsTo(email)).toBe(1)
		await runChatDigests(later())
		expect(await mailsTo(email)).toBe(1) // told once
		expect((await prisma.chatMember.findFirstOrThrow({ where: { roomId, userId: b.id } })).digestedSeq).toBe(3)
		// The sender is never told about their own messages.
		expect(await prisma.notification.count({ where: { kind: 'chat.unread' } })).toBe(0)
	})

	test('read messages and a NONE preference mean no mail', async () => {
		const read = await waitingRoom(2)
		await markRead(read.b, read.roomId, 2)
		const muted = await waitingRoom(2)
		await prisma.notificationPreference.create({ data: { userId: muted.b.id, kind: 'chat.unread', channel: 'NONE' } })
		const inApp = await waitingRoom(1)
		await prisma.notificationPreference.create({ data: { userId: inApp.b.id, kind: 'chat.unread', channel: 'IN_APP' } })
		await runChatDigests(later())
		for (const { b } of [read, muted]) expect(await mailsTo((await prisma.user.findUniqueOrThrow({ where: { id: b.id } })).email)).toBe(0)
		const notice = await prisma.notification.findFirstOrThrow({ where: { userId: inApp.b.id, kind: 'chat.unread' } })
		expect(notice).toMatchObject({ link: `/messages/${inApp.roomId}`, params: { count: 1, rooms: 1 } })
	})
})
