import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { useTestDatabase } from '../../tests/db'
import { getFixedT } from '~/emails/i18n.server'
import type { Locale } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { inTransaction } from '~/utils/transaction.server'
import {
	getPreferences,
	listNotifications,
	markRead,
	notify,
	NOTIFICATION_KINDS,
	NotificationPreferenceError,
	renderNotificationText,
	setPreferences,
	unreadCount,
	type NotificationInput,
} from './notification.server'

beforeAll(async () => {
	await useTestDatabase()
})

async function createUser(locale: Locale = 'vi') {
	const tag = randomBytes(4).toString('hex')
	return prisma.user.create({
		data: { email: `user-${tag}@example.test`, name: `Nguyễn Văn ${tag}`, passwordHash: 'not-a-hash', locale },
		select: { id: true, email: true, name: true },
	})
}

function send(input: NotificationInput) {
	return inTransaction((unit) => notify(unit, input))
}

async function emailJobsTo(email: string) {
	const jobs = await prisma.job.findMany({ where: { queue: 'email.send' }, orderBy: { createdAt: 'asc' } })
	return jobs.filter((job) => (job.payload as { to?: string }).to === email)
}

describe('notify', () => {
	test('with no saved preference, a BOTH kind writes the row and queues an e-mail in the recipient language', async () => {
		const user = await createUser('en')
		const result = await send({
			userId: user.id,
			kind: 'organisation.verified',
			params: { organisationName: 'Viện Cơ khí' },
			link: '/organisations/vien-co-khi',
		})
		expect(result?.id).toEqual(expect.any(String))
		const rows = await prisma.notification.findMany({ where: { userId: user.id } })
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ kind: 'organisation.verified', params: { organisationName: 'Viện Cơ khí' }, readAt: null })
		const jobs = await emailJobsTo(user.email)
		expect(jobs).toHaveLength(1)
		expect(jobs[0]?.payload).toEqual({
			to: user.email,
			locale: 'en',
			template: 'organisation.verified',
			params: { organisationName: 'Viện Cơ khí', recipientName: user.name, link: '/organisations/vien-co-khi' },
		})
	})

	test('with no saved preference, an IN_APP kind writes only the row', async () => {
		const user = await createUser()
		await send({ userId: user.id, kind: 'account.welcome', params: { name: user.name }, link: '/me' })
		expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1)
		expect(await emailJobsTo(user.email)).toHaveLength(0)
	})

	test('NONE writes nothing at all', async () => {
		const user = await createUser()
		await setPreferences(user.id, { 'membership.accepted': 'NONE' })
		const result = await send({ userId: user.id, kind: 'membership.accepted', params: { organisationName: 'X' } })
		expect(result).toBeNull()
		expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0)
		expect(await emailJobsTo(user.email)).toHaveLength(0)
	})

	test('EMAIL queues only an e-mail job', async () => {
		const user = await createUser()
		await setPreferences(user.id, { 'account.welcome': 'EMAIL' })
		const result = await send({ userId: user.id, kind: 'account.welcome', params: { name: user.name } })
		expect(result).toBeNull()
		expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0)
		const jobs = await emailJobsTo(user.email)
		expect(jobs).toHaveLength(1)
		expect(jobs[0]?.payload).toMatchObject({ template: 'account.welcome', locale: 'vi' })
	})

	test('IN_APP chosen for a BOTH kind writes the row without an e-mail', async () => {
		const user = await createUser()
		await setPreferences(user.id, { 'membership.requested': 'IN_APP' })
		await send({ userId: user.id, kind: 'membership.requested', params: { userName: 'A', organisationName: 'B' } })
		expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1)
		expect(await emailJobsTo(user.email)).toHaveLength(0)
	})

	test('a security kind still arrives by its default channel when a NONE row exists anyway', async () => {
		const user = await createUser()
		// Written directly: setPreferences refuses this, but older data or a manual edit could hold it.
		await prisma.notificationPreference.create({ data: { userId: user.id, kind: 'account.password-changed', channel: 'NONE' } })
		await send({ userId: user.id, kind: 'account.password-changed' })
		expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1)
		expect(await emailJobsTo(user.email)).toHaveLength(1)
	})

	test('leaves nothing behind when the caller transaction rolls back', async () => {
		const user = await createUser()
		await expect(
			inTransaction(async (unit) => {
				await notify(unit, { userId: user.id, kind: 'organisation.verified', params: { organisationName: 'X' } })
				throw new Error('the change failed')
			}),
		).rejects.toThrow('the change failed')
		expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0)
		expect(await emailJobsTo(user.email)).toHaveLength(0)
	})

	test('does not e-mail a disabled account', async () => {
		const user = await createUser()
		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		await send({ userId: user.id, kind: 'organisation.verified', params: { organisationName: 'X' } })
		expect(await emailJobsTo(user.email)).toHaveLength(0)
	})

	test('skips an account deleted before it is written to, instead of failing the caller’s change', async () => {
		const gone = await createUser()
		const stays = await createUser()
		await prisma.user.delete({ where: { id: gone.id } })
		const results = await inTransaction(async (unit) => [
			await notify(unit, { userId: gone.id, kind: 'organisation.verified', params: { organisationName: 'X' } }),
			await notify(unit, { userId: stays.id, kind: 'organisation.verified', params: { organisationName: 'X' } }),
		])
		expect(results[0]).toBeNull()
		expect(results[1]).not.toBeNull()
		expect(await prisma.notification.count({ where: { userId: stays.id } })).toBe(1)
	})
})

describe('preferences', () => {
	test('start at each kind default and follow what the user saves', async () => {
		const user = await createUser()
		const before = await getPreferences(user.id)
		expect(before.map((p) => p.kind)).toEqual(Object.keys(NOTIFICATION_KINDS))
		expect(before.find((p) => p.kind === 'account.password-changed')).toMatchObject({ channel: 'BOTH', required: true, group: 'account' })
		expect(before.find((p) => p.kind === 'account.welcome')).toMatchObject({ channel: 'IN_APP', required: false })

		const after = await setPreferences(user.id, { 'account.welcome': 'NONE', 'account.password-changed': 'EMAIL' })
		expect(after.find((p) => p.kind === 'account.welcome')?.channel).toBe('NONE')
		expect(after.find((p) => p.kind === 'account.password-changed')?.channel).toBe('EMAIL')
	})

	test('a choice equal to the default is stored as no choice', async () => {
		const user = await createUser()
		await setPreferences(user.id, { 'account.welcome': 'BOTH' })
		expect(await prisma.notificationPreference.count({ where: { userId: user.id } })).toBe(1)
		await setPreferences(user.id, { 'account.welcome': 'IN_APP' })
		expect(await prisma.notificationPreference.count({ where: { userId: user.id } })).toBe(0)
	})

	test('refuses NONE for a security kind and unknown kinds, saving nothing', async () => {
		const user = await createUser()
		await expect(setPreferences(user.id, { 'account.welcome': 'EMAIL', 'account.password-changed': 'NONE' })).rejects.toBeInstanceOf(
			NotificationPreferenceError,
		)
		await expect(setPreferences(user.id, { 'no.such-kind': 'EMAIL' })).rejects.toBeInstanceOf(NotificationPreferenceError)
		expect(await prisma.notificationPreference.count({ where: { userId: user.id } })).toBe(0)
	})
})

describe('reading', () => {
	test('markRead only touches the caller own rows', async () => {
		const alice = await createUser()
		const bob = await createUser()
		const a1 = await send({ userId: alice.id, kind: 'account.welcome', params: { name: 'Alice' } })
		const a2 = await send({ userId: alice.id, kind: 'account.password-changed' })
		const b1 = await send({ userId: bob.id, kind: 'account.welcome', params: { name: 'Bob' } })

		expect(await markRead(alice.id, [a1!.id, b1!.id])).toBe(1)
		expect(await prisma.notification.findUniqueOrThrow({ where: { id: a1!.id } })).toMatchObject({ readAt: expect.any(Date) })
		expect(await prisma.notification.findUniqueOrThrow({ where: { id: b1!.id } })).toMatchObject({ readAt: null })

		expect(await markRead(alice.id, 'all')).toBe(1)
		expect(await prisma.notification.findUniqueOrThrow({ where: { id: a2!.id } })).toMatchObject({ readAt: expect.any(Date) })
		expect(await unreadCount(alice.id)).toBe(0)
		expect(await unreadCount(bob.id)).toBe(1)
		// Bob's "all" is Bob's only.
		expect(await markRead(bob.id, [a2!.id])).toBe(0)
		expect(await markRead(bob.id, [])).toBe(0)
	})

	test('lists newest first, a page at a time', async () => {
		const user = await createUser()
		for (let i = 0; i < 5; i++) {
			await prisma.notification.create({
				data: { userId: user.id, kind: 'organisation.verified', params: { organisationName: `Org ${i}` }, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) },
			})
		}
		const first = await listNotifications(user.id, { page: 1, perPage: 2 })
		expect(first).toMatchObject({ total: 5, unread: 5, page: 1, pages: 3 })
		expect(first.items.map((n) => n.params.organisationName)).toEqual(['Org 4', 'Org 3'])
		const last = await listNotifications(user.id, { page: 99, perPage: 2 })
		expect(last.page).toBe(3)
		expect(last.items.map((n) => n.params.organisationName)).toEqual(['Org 0'])
	})
})

describe('texts', () => {
	test('every kind has a title and a body in Vietnamese and English', () => {
		for (const locale of ['vi', 'en'] as const) {
			const t = getFixedT(locale)
			for (const kind of Object.keys(NOTIFICATION_KINDS)) {
				const params = { name: 'N', userName: 'U', organisationName: 'O', role: 'ADMIN' }
				const { title, body } = renderNotificationText(t, kind, params)
				expect(title, `${locale} ${kind}`).not.toContain('notifications.')
				expect(body, `${locale} ${kind}`).not.toContain('notifications.')
				expect(t(`notifications.kinds.${kind}.setting`)).not.toContain('notifications.')
			}
		}
	})

	test('role codes are shown translated', () => {
		expect(renderNotificationText(getFixedT('vi'), 'account.role-granted', { role: 'BROKER' }).title).toBe('Bạn được cấp vai trò Môi giới')
		expect(renderNotificationText(getFixedT('en'), 'membership.role-changed', { organisationName: 'O', role: 'OWNER' }).body).toBe(
			'Your new role at O: Owner.',
		)
	})
})
