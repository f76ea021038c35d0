// The public pages of task results and experts: their loaders with real Requests against a real
// database. Filters narrow the lists, unknown ids are 404s, drafts and e-mails never show.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { expertDetailLoader } from '~/experts/detail.server'
import { expertListLoader } from '~/experts/list.server'
import { readExpertRow } from '~/imports/expert-row'
import type { Cell } from '~/imports/cells'
import { loadOrganisationIndex } from '~/imports/run.server'
import { readTaskResultRow } from '~/imports/task-result-row'
import { i18nextMiddleware } from '~/middleware/i18next.server'
import { applyExpertPlans, planExperts } from '~/models/expert.server'
import { createOffer } from '~/models/offer.server'
import { applyTaskResultPlans, planTaskResults } from '~/models/task-result.server'
import { inTransaction } from '~/utils/transaction.server'
import { actorFor, completeOffer, createOwner, makeRequest } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'
import { taskResultDetailLoader } from './detail.server'
import { taskResultListLoader } from './list.server'

const { prisma } = await useTestDatabase()
const { user, organisation: host } = await createOwner({ name: 'Viện Kiểm thử Trang Công khai', provinceCode: '79', verified: true })
const actor = await actorFor(user.id)

const ok = <T,>(r: { ok: true; row: T } | { ok: false; issues: unknown }): T => {
	if (!r.ok) throw new Error(JSON.stringify(r.issues))
	return r.row
}

const TASKS: Array<Record<string, Cell>> = [
	{ taskCode: 'KC.07.12/16-20', title: 'Nuôi tôm trong nhà màng', level: 'NATIONAL', hostName: host.name, startYear: 2017, endYear: 2020, fieldCodes: ['40501'], keywords: ['Nuôi tôm'], registrationNumber: 'TRANG-001', principalInvestigator: 'Nguyễn Văn An', members: ['Trần Thị Bình', 'Người Ngoài'] },
	{ taskCode: 'TT-05/2021', title: 'Cảm biến độ mặn', level: 'PROVINCIAL', hostName: 'Trung tâm Ứng dụng Sóc Trăng', province: 'Sóc Trăng', startYear: 2020, endYear: 2022, fieldCodes: ['20201'], registrationNumber: 'TRANG-002' },
	{ taskCode: 'CS-2023-01', title: 'Giống lúa chịu hạn', level: 'GRASSROOTS', hostName: host.name, startYear: 2023, fieldCodes: ['40101'], registrationNumber: 'TRANG-003' },
]
const EXPERTS: Array<Record<string, Cell>> = [
	{ fullName: 'Nguyễn Văn An', academicTitle: 'PGS', degree: 'TS', organisationName: host.name, email: 'an.nguyen@trang.example', fieldCodes: ['405'], keywords: ['nuôi tôm'], tasks: 'TRANG-001 (chủ nhiệm); TRANG-003 (thành viên)', publications: '2021 | Nuôi tôm tuần hoàn | Tạp chí' },
	{ fullName: 'Trần Thị Bình', degree: 'ThS', organisationName: 'Trường Khác', email: 'binh@trang.example', tasks: 'TRANG-001 (thành viên); TRANG-002 (chủ nhiệm)' },
	{ fullName: 'Lê Không Việc', organisationName: 'Tự do' },
]

const organisations = await loadOrganisationIndex()
await inTransaction(async ({ tx }) => applyTaskResultPlans(tx, await planTaskResults(tx, TASKS.map((t) => ok(readTaskResultRow(t, organisations)))), { source: 'IMPORT' }))
await inTransaction(async ({ tx }) => applyExpertPlans(tx, await planExperts(tx, EXPERTS.map((e) => ok(readExpertRow(e, organisations)))), { source: 'IMPORT' }))
await prisma.expert.updateMany({ where: { fullName: 'Trần Thị Bình' }, data: { availableForAppraisal: true } })
const ids = Object.fromEntries((await prisma.taskResult.findMany({ select: { id: true, registrationNumber: true } })).map((r) => [r.registrationNumber!, r.id]))
const expertIds = Object.fromEntries((await prisma.expert.findMany({ select: { id: true, fullName: true } })).map((e) => [e.fullName, e.id]))

// One published offer backs TRANG-001; a draft offer backs TRANG-002.
const published = await createOffer(actor, host.id, completeOffer({ title: 'Công nghệ nuôi tôm đã đăng' }))
await prisma.offer.update({ where: { id: published.id }, data: { status: 'PUBLISHED', publishedAt: new Date() } })
const draft = await createOffer(actor, host.id, completeOffer({ title: 'Bản nháp không được lộ' }))
await prisma.offerTaskResult.createMany({ data: [{ offerId: published.id, taskResultId: ids['TRANG-001']! }, { offerId: draft.id, taskResultId: ids['TRANG-002']! }] })

async function contextFor(request: Request) {
	const context = new RouterContextProvider()
	await i18nextMiddleware({ request, context, params: {}, unstable_pattern: '' } as never, async () => new Response())
	return context
}

async function list(query: string) {
	const request = makeRequest(`/task-results?${query}`)
	const data = await taskResultListLoader({ request, context: await contextFor(request) })
	return data.items.map((i) => i.registrationNumber).sort()
}

async function experts(query: string) {
	const request = makeRequest(`/experts?${query}`)
	const data = await expertListLoader({ request, context: await contextFor(request) })
	return data.items.map((i) => i.fullName).sort()
}

async function status(promise: Promise<unknown>) {
	try {
		await promise
		return 200
	} catch (thrown) {
		return (thrown as { init?: { status?: number } }).init?.status ?? (thrown instanceof Response ? thrown.status : 500)
	}
}

describe('the task result list', () => {
	test('without filters it lists everything, most recently ended first', async () => {
		const request = makeRequest('/task-results')
		const data = await taskResultListLoader({ request, context: await contextFor(request) })
		expect(data.total).toBe(3)
		expect(data.items.map((i) => i.registrationNumber)).toEqual(['TRANG-002', 'TRANG-001', 'TRANG-003'])
		expect(data.exportQuery).toBe('')
	})

	test('a level-1 or level-2 field finds results filed under its level-3 codes', async () => {
		expect(await list('field=4')).toEqual(['TRANG-001', 'TRANG-003'])
		expect(await list('field=405')).toEqual(['TRANG-001'])
		expect(await list('field=2')).toEqual(['TRANG-002'])
		expect(await list('field=3')).toEqual([])
	})

	test('a year range keeps the tasks that overlap it', async () => {
		expect(await list('yearFrom=2019&yearTo=2019')).toEqual(['TRANG-001'])
		expect(await list('yearFrom=2021')).toEqual(['TRANG-002', 'TRANG-003'])
		expect(await list('yearTo=2016')).toEqual([])
		// A task with only its start year counts as that year; a reversed range is read the right way round.
		expect(await list('yearFrom=2024')).toEqual([])
		expect(await list('yearFrom=2023&yearTo=2021')).toEqual(['TRANG-002', 'TRANG-003'])
	})

	test('host text, organisation, level, province and text search narrow the list', async () => {
		expect(await list('host=trung tâm')).toEqual(['TRANG-002'])
		expect(await list(`organisation=${host.id}`)).toEqual(['TRANG-001', 'TRANG-003'])
		expect(await list('level=GRASSROOTS')).toEqual(['TRANG-003'])
		const province = (await prisma.taskResult.findUniqueOrThrow({ where: { id: ids['TRANG-002']! } })).provinceCode!
		expect(province).not.toBe('79')
		expect(await list(`province=${province}`)).toEqual(['TRANG-002'])
		expect(await list('province=79')).toEqual(['TRANG-001', 'TRANG-003'])
		expect(await list('q=nuôi tôm')).toEqual(['TRANG-001'])
		expect(await list('q=kc.07')).toEqual(['TRANG-001'])
		expect(await list('q=trang-003')).toEqual(['TRANG-003'])
	})

	test('"offered" counts published offers only', async () => {
		expect(await list('hasOffer=yes')).toEqual(['TRANG-001'])
		expect(await list('hasOffer=no')).toEqual(['TRANG-002', 'TRANG-003'])
	})

	test('values that do not parse are dropped, and the export links carry the filters but not the page', async () => {
		const request = makeRequest('/task-results?level=GALACTIC&yearFrom=abc&page=-4&field=4&sort=sideways')
		const data = await taskResultListLoader({ request, context: await contextFor(request) })
		expect(data.filters).toEqual({ field: '4', sort: 'newest', page: 1 })
		const paged = makeRequest('/task-results?field=4&page=2&q=')
		expect((await taskResultListLoader({ request: paged, context: await contextFor(paged) })).exportQuery).toBe('field=4')
	})
})

describe('the task result page', () => {
	test('an unknown id is a 404', async () => {
		const request = makeRequest('/task-results/khong-co')
		expect(await status(taskResultDetailLoader({ request, params: { id: 'khong-co' }, context: await contextFor(request) }))).toBe(404)
	})

	test('shows the published offers it backs, never a draft; a result backed only by a draft counts as not offered', async () => {
		for (const [ref, titles] of [
			['TRANG-001', ['Công nghệ nuôi tôm đã đăng']],
			['TRANG-002', []],
		] as const) {
			const request = makeRequest(`/task-results/${ids[ref]}`)
			const data = await taskResultDetailLoader({ request, params: { id: ids[ref] }, context: await contextFor(request) })
			expect(data.taskResult.offers.map((o) => o.offer.title)).toEqual(titles)
			expect(JSON.stringify(data)).not.toContain('Bản nháp không được lộ')
		}
	})

	test('links the PI and members to the experts who took part under that name, with roles; no e-mail anywhere', async () => {
		const request = makeRequest(`/task-results/${ids['TRANG-001']}`)
		const data = await taskResultDetailLoader({ request, params: { id: ids['TRANG-001'] }, context: await contextFor(request) })
		expect(data.people).toEqual([
			{ name: 'Nguyễn Văn An', role: 'PRINCIPAL_INVESTIGATOR', expertId: expertIds['Nguyễn Văn An'] },
			{ name: 'Trần Thị Bình', role: 'MEMBER', expertId: expertIds['Trần Thị Bình'] },
			{ name: 'Người Ngoài', role: 'MEMBER', expertId: null },
		])
		expect(data.taskResult.experts.map((e) => [e.expert.fullName, e.role])).toEqual([
			['Nguyễn Văn An', 'PRINCIPAL_INVESTIGATOR'],
			['Trần Thị Bình', 'MEMBER'],
		])
		expect(data.taskResult.hostOrganisation?.slug).toBe(host.slug)
		expect(data.fieldNames['40501']).toBeTruthy()
		expect(JSON.stringify(data)).not.toMatch(/@trang\.example/)
	})
})

describe('the expert directory', () => {
	test('filters by field, title, degree, availability, organisation and through task participation', async () => {
		expect(await experts('')).toEqual(['Lê Không Việc', 'Nguyễn Văn An', 'Trần Thị Bình'])
		expect(await experts('field=4')).toEqual(['Nguyễn Văn An'])
		expect(await experts('title=ASSOCIATE_PROFESSOR')).toEqual(['Nguyễn Văn An'])
		expect(await experts('degree=MASTER')).toEqual(['Trần Thị Bình'])
		expect(await experts('available=appraisal')).toEqual(['Trần Thị Bình'])
		expect(await experts(`organisation=${host.id}`)).toEqual(['Nguyễn Văn An'])
		expect(await experts('organisationName=trường')).toEqual(['Trần Thị Bình'])
		expect(await experts('level=PROVINCIAL')).toEqual(['Trần Thị Bình'])
		expect(await experts('level=GRASSROOTS')).toEqual(['Nguyễn Văn An'])
		expect(await experts('yearFrom=2021')).toEqual(['Nguyễn Văn An', 'Trần Thị Bình'])
		// Level and years hold for one and the same task: Bình's national task ended in 2020.
		expect(await experts('level=NATIONAL&yearFrom=2021')).toEqual([])
		expect(await experts('q=nuôi tôm')).toEqual(['Nguyễn Văn An'])
	})

	test('neither the list nor a profile carries an e-mail; the profile has its masked hint', async () => {
		const request = makeRequest('/experts')
		const listed = await expertListLoader({ request, context: await contextFor(request) })
		expect(JSON.stringify(listed)).not.toMatch(/@trang\.example/)
		for (const id of Object.values(expertIds)) {
			const r = makeRequest(`/experts/${id}`)
			const data = await expertDetailLoader({ request: r, params: { id }, context: await contextFor(r) })
			expect(JSON.stringify(data)).not.toMatch(/an\.nguyen@|binh@/)
			expect('email' in data.expert).toBe(false)
		}
		const r = makeRequest(`/experts/${expertIds['Nguyễn Văn An']}`)
		const an = await expertDetailLoader({ request: r, params: { id: expertIds['Nguyễn Văn An']! }, context: await contextFor(r) })
		expect(an.expert.emailHint).toBe('a•••@trang.example')
	})

	test('a profile has its tasks, publications and expertise summary; an unknown id is a 404', async () => {
		const id = expertIds['Nguyễn Văn An']!
		const request = makeRequest(`/experts/${id}`)
		const data = await expertDetailLoader({ request, params: { id }, context: await contextFor(request) })
		expect(data.expert.tasks.map((t) => [t.taskResult.registrationNumber, t.role])).toEqual([
			['TRANG-003', 'MEMBER'],
			['TRANG-001', 'PRINCIPAL_INVESTIGATOR'],
		])
		expect(data.expert.publications.map((p) => p.title)).toEqual(['Nuôi tôm tuần hoàn'])
		expect(data.expertise.fields[0]!.code).toBe('405')
		expect(data.expertise.keywords[0]).toEqual({ keyword: 'nuôi tôm', weight: 1 })
		const empty = expertIds['Lê Không Việc']!
		const r = makeRequest(`/experts/${empty}`)
		expect((await expertDetailLoader({ request: r, params: { id: empty }, context: await contextFor(r) })).expertise).toEqual({ fields: [], keywords: [] })
		const missing = makeRequest('/experts/khong-co')
		expect(await status(expertDetailLoader({ request: missing, params: { id: 'khong-co' }, context: await contextFor(missing) }))).toBe(404)
	})
})
