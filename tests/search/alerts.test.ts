// Saved searches alert once per listing: instantly when the relay indexes it, or in a digest.
import { describe, expect, test } from 'vitest'
import { runWorkerUntilIdle } from './worker'
import { saveSearch, deleteSavedSearch, SavedSearchError, updateSavedSearch } from '~/models/saved-search.server'
import { runDigests, runInstantAlerts } from '~/search/alerts.server'
import { drainOutbox } from '~/search/relay.server'
import { createUser } from '../factories'
import { useTestDatabase } from '../db'
import { exchange, publishedDemand, publishedOffer } from './helpers'

const { prisma } = await useTestDatabase()

const alerts = (userId: string) => prisma.notification.findMany({ where: { userId, kind: { in: ['search.match', 'search.digest'] } }, orderBy: { createdAt: 'asc' } })

describe('instant alerts', () => {
	test('a newly published matching listing notifies once, however often it is indexed again', async () => {
		const x = await exchange()
		await drainOutbox()
		const user = await createUser()
		await saveSearch(user.id, '?q=may+say+bom+nhiet&type=offer', { name: 'Máy sấy', frequency: 'INSTANT', channel: 'IN_APP' })
		const other = await createUser()
		await saveSearch(other.id, '?q=giong+lua', { name: 'Lúa', frequency: 'INSTANT', channel: 'IN_APP' })

		const id = await publishedOffer(x, { title: 'Máy sấy bơm nhiệt cho nông sản' })
		await drainOutbox()
		await runWorkerUntilIdle()
		const got = await alerts(user.id)
		expect(got).toHaveLength(1)
		expect(got[0]).toMatchObject({ kind: 'search.match', link: `/offers/${id}`, params: { name: 'Máy sấy', title: 'Máy sấy bơm nhiệt cho nông sản' } })
		expect(await alerts(other.id)).toHaveLength(0)

		// Edited, re-indexed, the alert job run again: still one.
		await prisma.offer.update({ where: { id }, data: { summary: 'Sấy nhanh hơn, tiết kiệm điện' } })
		await drainOutbox()
		await runWorkerUntilIdle()
		await runInstantAlerts([`offer:${id}`])
		expect(await alerts(user.id)).toHaveLength(1)
	})

	test('listings published before the search was saved, and types without alerts, do not notify', async () => {
		const x = await exchange()
		const old = await publishedDemand(x, { title: 'Cần hệ thống tưới nhỏ giọt' })
		await drainOutbox()
		const user = await createUser()
		await saveSearch(user.id, '?q=tuoi+nho+giot', { name: 'Tưới', frequency: 'INSTANT', channel: 'IN_APP' })
		expect(await runInstantAlerts([`demand:${old}`])).toBe(0)
		await saveSearch(user.id, '?q=tuoi+nho+giot&type=expert', { name: 'Chuyên gia tưới', frequency: 'INSTANT', channel: 'IN_APP' })
		const fresh = await publishedDemand(x, { title: 'Cần thiết bị tưới nhỏ giọt thông minh' })
		await drainOutbox()
		await runWorkerUntilIdle()
		const got = await alerts(user.id)
		expect(got.map((n) => n.link)).toEqual([`/demands/${fresh}`])
	})

	test('the channel chosen on the saved search is used: e-mail only writes no in-app row', async () => {
		const x = await exchange()
		await drainOutbox()
		const user = await createUser()
		await saveSearch(user.id, '?q=pin+mat+troi', { name: 'Pin', frequency: 'INSTANT', channel: 'EMAIL' })
		await publishedOffer(x, { title: 'Tấm pin mặt trời hữu cơ' })
		await drainOutbox()
		await runWorkerUntilIdle({ except: ['email.send'] })
		expect(await alerts(user.id)).toHaveLength(0)
		const mails = await prisma.job.findMany({ where: { queue: 'email.send' } })
		const toUser = mails.filter((m) => JSON.stringify(m.payload).includes(user.email))
		expect(toUser.map((m) => (m.payload as { template: string }).template)).toEqual(['search.match'])
	})
})

describe('digests', () => {
	test('a daily digest reports what was published since the last one, once', async () => {
		const x = await exchange()
		await drainOutbox()
		const user = await createUser()
		const saved = await saveSearch(user.id, '?q=che+pham+vi+sinh', { name: 'Vi sinh', frequency: 'DAILY', channel: 'IN_APP' })
		await publishedOffer(x, { title: 'Chế phẩm vi sinh ủ phân' })
		await publishedDemand(x, { title: 'Cần chế phẩm vi sinh khử mùi chuồng trại' })
		await drainOutbox()
		await runWorkerUntilIdle()
		// Daily: nothing until a day has passed since it was saved.
		expect(await alerts(user.id)).toHaveLength(0)
		expect(await runDigests(new Date(Date.now() + 60_000))).toBe(0)
		const dayLater = new Date(Date.now() + 25 * 60 * 60_000)
		expect(await runDigests(dayLater)).toBe(2)
		const got = await alerts(user.id)
		expect(got).toHaveLength(1)
		expect(got[0]).toMatchObject({ kind: 'search.digest', params: { name: 'Vi sinh', count: 2 } })
		// Run again (a second node, a retry): nothing new.
		expect(await runDigests(dayLater)).toBe(0)
		expect(await runDigests(new Date(dayLater.getTime() + 25 * 60 * 60_000))).toBe(0)
		expect(await alerts(user.id)).toHaveLength(1)
		expect((await prisma.savedSearch.findUniqueOrThrow({ where: { id: saved.id } })).lastAlertAt).not.toBeNull()
	})
})

describe('saved searches', () => {
	test('saving the same search twice (any parameter order) updates one row; only the owner changes it', async () => {
		const user = await createUser()
		const a = await saveSearch(user.id, '?province=82&q=tom', { name: 'A', frequency: 'DAILY', channel: 'BOTH' })
		const b = await saveSearch(user.id, '?q=tom&province=82&page=4', { name: 'B', frequency: 'WEEKLY', channel: 'IN_APP' })
		expect(b.id).toBe(a.id)
		expect(await prisma.savedSearch.count({ where: { userId: user.id } })).toBe(1)
		const stranger = await createUser()
		await expect(updateSavedSearch(stranger.id, a.id, { name: 'X', frequency: 'NEVER', channel: 'BOTH' })).rejects.toMatchObject({ status: 404 })
		await expect(deleteSavedSearch(stranger.id, a.id)).rejects.toBeInstanceOf(SavedSearchError)
		await deleteSavedSearch(user.id, a.id)
		expect(await prisma.savedSearch.count({ where: { userId: user.id } })).toBe(0)
	})

	test('a user can keep at most 50', async () => {
		const user = await createUser()
		for (let i = 0; i < 50; i++) await saveSearch(user.id, `?q=tu${i}`, { name: `T${i}`, frequency: 'NEVER', channel: 'BOTH' })
		await expect(saveSearch(user.id, '?q=qua-nhieu', { name: 'Z', frequency: 'NEVER', channel: 'BOTH' })).rejects.toMatchObject({ key: 'search.saved.errors.tooMany', status: 409 })
	})
})
