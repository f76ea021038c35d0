// An organisation's response signals and its public badge, against a real database: the badge needs
// 80 % of at least five enquiries answered in the last 12 months; only members see the figures.
import { describe, expect, test } from 'vitest'
import * as organisationPage from '~/routes/organisations/detail'
import { useTestDatabase } from '../../tests/db'
import { addMember, createOrganisation, createUser, localeContext, makeRequest, signIn } from '../../tests/factories'
import { organisationSignals } from './signals.server'

const { prisma } = await useTestDatabase()

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000)

/** An organisation whose member received `asked` direct conversations, the first `answered` of them answered after 2 hours. */
async function organisationAnswering(asked: number, answered: number, { old = 0 } = {}) {
	const org = await createOrganisation({ type: 'UNIVERSITY' })
	const member = await createUser()
	await addMember(member.id, org.id, 'OWNER')
	for (let i = 0; i < asked + old; i++) {
		const asker = await createUser()
		// Conversations older than a year do not count.
		const start = i < asked ? hoursAgo(48 + i) : hoursAgo(24 * 400)
		const answeredToo = i < answered || i >= asked
		// As the chat model keeps them: the room's time and its last line's.
		const room = await prisma.chatRoom.create({ data: { kind: 'DIRECT', directKey: `${asker.id}|${member.id}`, createdAt: start, lastMessageAt: new Date(start.getTime() + (answeredToo ? 2 * 3600_000 : 0)) } })
		await prisma.chatMember.createMany({ data: [asker, member].map((u) => ({ roomId: room.id, userId: u.id, source: 'DIRECT' as const })) })
		await prisma.chatMessage.create({ data: { roomId: room.id, seq: 1, clientMsgId: crypto.randomUUID(), senderId: asker.id, body: 'Xin chào', createdAt: start } })
		if (answeredToo) {
			await prisma.chatMessage.create({ data: { roomId: room.id, seq: 2, clientMsgId: crypto.randomUUID(), senderId: member.id, body: 'Chào bạn', createdAt: new Date(start.getTime() + 2 * 3600_000) } })
		}
	}
	return { org, member }
}

async function page(slug: string, cookie?: string) {
	const request = makeRequest(`/organisations/${slug}`, { cookie })
	return organisationPage.loader({ request, params: { slug }, context: await localeContext(request) } as never)
}

describe('response signals', () => {
	test('the badge needs 80 % of at least five enquiries in the last 12 months', async () => {
		const good = await organisationAnswering(5, 4, { old: 3 })
		expect(await organisationSignals(good.org.id)).toMatchObject({ received: 5, answered: 4, share: 0.8, badge: true, message: { received: 5, answered: 4, medianHours: 2 }, interest: { received: 0 } })
		expect((await organisationSignals((await organisationAnswering(5, 3)).org.id)).badge).toBe(false)
		expect((await organisationSignals((await organisationAnswering(4, 4)).org.id)).badge).toBe(false)
		expect(await organisationSignals((await createOrganisation()).id)).toMatchObject({ received: 0, share: null, badge: false })
	})

	test('everyone sees the badge on the organisation page; only members see the figures', async () => {
		const { org, member } = await organisationAnswering(6, 6)
		const anonymous = await page(org.slug)
		expect(anonymous.badge).toEqual({ share: 1 })
		expect(anonymous.signals).toBeNull()
		const outsider = await page(org.slug, (await signIn((await createUser()).id)).cookie)
		expect(outsider.signals).toBeNull()
		const own = await page(org.slug, (await signIn(member.id)).cookie)
		expect(own.signals).toMatchObject({ received: 6, answered: 6 })
	})
})
