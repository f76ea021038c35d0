// The index follows the tables: triggers queue every change in its own transaction, the relay
// indexes what is public now, and a relay killed between writing the engine and settling the
// outbox leaves work that the next one redoes until the index converges.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { archiveOffer, updateOffer } from '~/models/offer.server'
import { createMeilisearchEngine } from '~/search/engines/meilisearch.server'
import { drainOutbox, relayBatch, startSearchRelay } from '~/search/relay.server'
import { reconcileIndex, rebuildIndex } from '~/search/reconcile.server'
import { expectedVersions } from '~/search/documents.server'
import { runSearch } from '~/search/service.server'
import { completeOffer } from '../factories'
import { useTestDatabase } from '../db'
import { exchange, publishedDemand, publishedOffer } from './helpers'

const { prisma, url } = await useTestDatabase()

const pending = () => prisma.searchOutbox.count({ where: { processedAt: null } })
const indexed = async () => new Map((await prisma.searchDocument.findMany({ select: { id: true, version: true } })).map((d) => [d.id, d.version]))

async function expectConverged() {
	expect(Object.fromEntries(await indexed())).toEqual(Object.fromEntries(await expectedVersions()))
}

describe('outbox triggers', () => {
	test('publishing queues a listing; drafts, view counts and edits awaiting review do not', async () => {
		await drainOutbox()
		const x = await exchange()
		const before = await prisma.searchOutbox.count()
		const { createOffer } = await import('~/models/offer.server')
		const draft = await createOffer(x.actor, x.organisationId, completeOffer({ title: 'Bản nháp chưa đăng' }))
		await updateOffer(x.actor, draft.id, completeOffer({ title: 'Bản nháp sửa lại' }))
		expect(await prisma.searchOutbox.count()).toBe(before)

		const id = await publishedOffer(x, { title: 'Máy sấy nông sản bơm nhiệt' })
		expect(await prisma.searchOutbox.count({ where: { entityId: id, kind: 'OFFER' } })).toBe(1)
		await prisma.offer.update({ where: { id }, data: { viewCount: { increment: 1 } } })
		expect(await prisma.searchOutbox.count({ where: { entityId: id } })).toBe(1)

		await drainOutbox()
		const hits = await runSearch({ text: 'may say nong san' })
		expect(hits.hits.map((h) => h.entityId)).toContain(id)
		expect(await pending()).toBe(0)
	})

	test('archiving removes the listing from the index; renaming the organisation re-indexes its listings', async () => {
		const x = await exchange()
		const id = await publishedOffer(x, { title: 'Chế phẩm vi sinh xử lý rơm rạ' })
		await drainOutbox()
		expect(await prisma.searchDocument.count({ where: { id: `offer:${id}` } })).toBe(1)

		await prisma.organisation.update({ where: { id: x.organisationId }, data: { name: 'Viện Sinh học Nhiệt đới Kiểm thử' } })
		await drainOutbox()
		expect((await runSearch({ text: 'sinh hoc nhiet doi kiem thu' })).hits.map((h) => h.entityId)).toContain(id)

		await archiveOffer(x.actor, id)
		await drainOutbox()
		expect(await prisma.searchDocument.count({ where: { id: `offer:${id}` } })).toBe(0)
		await expectConverged()
	})

	test('task results and experts, written by any path (raw SQL included), are queued and indexed', async () => {
		await prisma.$executeRaw`
			INSERT INTO "TaskResult" (id, "taskCode", "taskCodeKey", title, level, "hostName", source, "updatedAt")
			VALUES ('tr-raw-1', 'KC.01.01/21-25', 'kc.01.01/21-25', 'Vật liệu nanocellulose từ bã mía', 'NATIONAL', 'Viện Hóa học', 'IMPORT', now())`
		const expert = await prisma.expert.create({ data: { fullName: 'Trần Văn Kiểm', identityKey: 'tran van kiem|', source: 'IMPORT' } })
		await prisma.expertPublication.create({ data: { expertId: expert.id, title: 'Vi tảo quang hợp trong ao nuôi', source: 'IMPORT' } })
		await drainOutbox()
		expect((await runSearch({ text: 'nanocellulose' })).hits.map((h) => h.id)).toContain('task-result:tr-raw-1')
		// An expert is found by their publications.
		expect((await runSearch({ text: 'vi tao quang hop' })).hits.map((h) => h.id)).toContain(`expert:${expert.id}`)
		await prisma.taskResult.delete({ where: { id: 'tr-raw-1' } })
		await drainOutbox()
		expect(await prisma.searchDocument.count({ where: { id: 'task-result:tr-raw-1' } })).toBe(0)
	})
})

describe('relay', () => {
	test('a relay killed between writing the engine and settling the outbox: the next run converges', async () => {
		const x = await exchange()
		await drainOutbox()
		const ids = [] as string[]
		for (let i = 0; i < 3; i++) ids.push(await publishedOffer(x, { title: `Công nghệ thử nghiệm số ${i}` }))
		const demand = await publishedDemand(x, { title: 'Nhu cầu sẽ bị sửa' })
		await prisma.demand.update({ where: { id: demand }, data: { title: 'Nhu cầu đã sửa tiêu đề' } })
		await archiveOffer(x.actor, ids[0]!)
		expect(await pending()).toBeGreaterThan(0)

		// A real process with its own connections, SIGKILLed by itself right after the engine write.
		const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/search/relay-crash-child.ts')], {
			env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		let output = ''
		child.stdout.on('data', (d) => (output += d))
		child.stderr.on('data', (d) => (output += d))
		const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)))
		expect(signal, output).toBe('SIGKILL')
		expect(output).toContain('engine written')

		// The engine has the new state, the outbox still holds the rows (leased by the dead relay).
		expect(await prisma.searchDocument.count({ where: { id: `demand:${demand}` } })).toBe(1)
		expect(await pending()).toBeGreaterThan(0)
		// Nothing is taken again while the dead relay's lease runs (the child's is 1 s)...
		await new Promise((r) => setTimeout(r, 1100))
		// ...then the rows are redone.
		await drainOutbox()
		expect(await pending()).toBe(0)
		await expectConverged()
		expect((await runSearch({ text: 'nhu cau da sua tieu de' })).hits.map((h) => h.entityId)).toContain(demand)
		expect(await prisma.searchDocument.count({ where: { id: `offer:${ids[0]}` } })).toBe(0)
	})

	test('two relays at once never index the same entity concurrently, and all rows settle', async () => {
		const x = await exchange()
		await drainOutbox()
		for (let i = 0; i < 12; i++) await publishedOffer(x, { title: `Đồng thời ${i}` })
		const [a, b] = await Promise.all([drainOutbox({ limit: 5 }), drainOutbox({ limit: 5 })])
		expect(a + b).toBeGreaterThanOrEqual(12)
		expect(await pending()).toBe(0)
		await expectConverged()
	})

	test('an engine that cannot be reached: the batch backs off with the error recorded, nothing is lost', async () => {
		const x = await exchange()
		await drainOutbox()
		const id = await publishedOffer(x, { title: 'Thử khi công cụ tìm kiếm ngừng' })
		// A real Meilisearch client pointed at a port nobody listens on.
		const down = createMeilisearchEngine({ url: 'http://127.0.0.1:9', indexName: 'none', synonyms: async () => [] })
		const result = await relayBatch({ engine: down, backoffBaseMs: 60_000 })
		expect(result).toEqual({ processed: 0, failed: 1 })
		const row = await prisma.searchOutbox.findFirstOrThrow({ where: { entityId: id } })
		expect(row.processedAt).toBeNull()
		expect(row.lastError).toBeTruthy()
		expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + 30_000)
		// Backing off: not taken again yet.
		expect((await relayBatch()).processed).toBe(0)
		await prisma.searchOutbox.update({ where: { id: row.id }, data: { availableAt: new Date() } })
		expect((await relayBatch()).processed).toBe(1)
		expect(await prisma.searchDocument.count({ where: { id: `offer:${id}` } })).toBe(1)
	})

	test('stopping the relay waits for the batch in hand, not for the whole backlog', async () => {
		const x = await exchange()
		await drainOutbox()
		for (let i = 0; i < 12; i++) await publishedOffer(x, { title: `Tồn đọng ${i}` })
		const relay = startSearchRelay({ limit: 1, pollMs: 60_000 })
		await new Promise((r) => setTimeout(r, 20))
		await relay.stop()
		// Shutdown (SIGTERM) has 10 s; a backlog of a rebuild could take minutes.
		expect(await pending()).toBeGreaterThan(0)
		await drainOutbox()
		expect(await pending()).toBe(0)
	})

	test('a document that cannot be indexed backs off alone; the rest of its batch is indexed', async () => {
		const x = await exchange()
		await drainOutbox()
		// A constraint the index cannot meet for one document: a real failure in the engine's write.
		await prisma.$executeRawUnsafe(`ALTER TABLE "SearchDocument" ADD CONSTRAINT test_poison CHECK (title <> 'Hồ sơ không ghi được')`)
		const poison = await prisma.expert.create({ data: { fullName: 'Hồ sơ không ghi được', identityKey: 'poison|', source: 'IMPORT' } })
		const fine = await publishedOffer(x, { title: 'Tin bình thường cùng lô' })
		const result = await relayBatch()
		await prisma.$executeRawUnsafe(`ALTER TABLE "SearchDocument" DROP CONSTRAINT test_poison`)
		expect(result.failed).toBe(1)
		expect(result.processed).toBeGreaterThanOrEqual(1)
		expect(await prisma.searchDocument.count({ where: { id: `offer:${fine}` } })).toBe(1)
		const stuck = await prisma.searchOutbox.findFirstOrThrow({ where: { entityId: poison.id, processedAt: null } })
		expect(stuck.lastError).toMatch(/test_poison/)
		await prisma.searchOutbox.updateMany({ where: { entityId: poison.id }, data: { availableAt: new Date() } })
		await drainOutbox()
		expect(await pending()).toBe(0)
		expect(await prisma.searchDocument.count({ where: { id: `expert:${poison.id}` } })).toBe(1)
	})
})

describe('reconcile and rebuild', () => {
	test('reconcile finds missing, stale and extra documents and the relay repairs them', async () => {
		const x = await exchange()
		const a = await publishedOffer(x, { title: 'Bị xóa khỏi chỉ mục' })
		const b = await publishedOffer(x, { title: 'Phiên bản cũ trong chỉ mục' })
		await drainOutbox()
		// Drift behind the relay's back.
		await prisma.searchDocument.delete({ where: { id: `offer:${a}` } })
		await prisma.searchDocument.update({ where: { id: `offer:${b}` }, data: { version: 'old' } })
		await prisma.$executeRaw`
			INSERT INTO "SearchDocument" (id, kind, "entityId", title, version, head, body)
			VALUES ('offer:ghost', 'OFFER', 'ghost', 'Ma', 'x', ''::tsvector, ''::tsvector)`
		expect(await reconcileIndex()).toEqual({ missing: 1, stale: 1, extra: 1 })
		await drainOutbox()
		await expectConverged()
		expect(await reconcileIndex()).toEqual({ missing: 0, stale: 0, extra: 0 })
	})

	test('rebuild writes every public document and settles older outbox rows', async () => {
		const x = await exchange()
		await publishedOffer(x, { title: 'Trước khi dựng lại' })
		await prisma.searchDocument.deleteMany()
		const progress: number[] = []
		const { indexed: count } = await rebuildIndex((p) => progress.push(p.done))
		expect(count).toBe((await expectedVersions()).size)
		expect(progress.at(-1)).toBe(count)
		expect(await pending()).toBe(0)
		await expectConverged()
	})
})
