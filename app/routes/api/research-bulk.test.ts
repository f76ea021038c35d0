// POST /api/v1/task-results/bulk and /api/v1/experts/bulk against a real database: who may push,
// atomic writes, idempotent re-sends, per-item issues in both languages.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { createApiKey } from '~/models/api-key.server'
import { useTestDatabase } from '../../../tests/db'
import { addMember, createOwner, createUser, signIn } from '../../../tests/factories'
import * as expertsBulk from './experts-bulk'
import * as taskResultsBulk from './task-results-bulk'

const { prisma } = await useTestDatabase()

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }
type CallOptions = { cookie?: string; key?: string; body?: unknown; raw?: string; contentType?: string; language?: string; query?: string; method?: string }

async function call(route: Route, path: string, options: CallOptions = {}) {
	const method = options.method ?? 'POST'
	const headers = new Headers()
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (options.key) headers.set('Authorization', `Bearer ${options.key}`)
	if (options.language) headers.set('Accept-Language', options.language)
	const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	if (body !== undefined) headers.set('Content-Type', options.contentType ?? 'application/json')
	const request = new Request(`http://localhost/api/v1${path}${options.query ?? ''}`, { method, headers, body })
	const args = { request, params: {}, context: new RouterContextProvider() } as never
	const response = method === 'GET' || method === 'HEAD' ? await route.loader(args) : await route.action(args)
	const text = await response.text()
	return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : null }
}

type ReportItem = { index: number; action: string; id: string | null; key: string; changes: string[]; kept?: string[] }
type Report = { dryRun: boolean; totals: { created: number; updated: number; unchanged: number }; items: ReportItem[] }
type RejectedItem = { index: number; key: string; label: string; issues: Array<{ field: string; code: string; message: string; params?: Record<string, unknown> }> }
type Rejection = ApiErrorBody['error'] & { items: RejectedItem[] }

const reportOf = (json: Record<string, unknown> | null) => json!.data as Report
const rejectionOf = (json: Record<string, unknown> | null) => (json as { error: Rejection }).error

const pushTaskResults = (items: unknown[], options: CallOptions = {}) => call(taskResultsBulk, '/task-results/bulk', { body: { items }, ...options })
const pushExperts = (items: unknown[], options: CallOptions = {}) => call(expertsBulk, '/experts/bulk', { body: { items }, ...options })

const vi = resources.vi.translation
const en = resources.en.translation
const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]))

async function signedInOperator(role: 'OPERATOR' | 'ADMIN' = 'OPERATOR') {
	const user = await createUser({ roles: ['MEMBER', role] })
	return { user, cookie: (await signIn(user.id)).cookie }
}

let serial = 0

/** A complete task result item; each call a different registration number and code unless given. */
function taskResult(overrides: Record<string, unknown> = {}) {
	serial++
	const n = String(serial).padStart(2, '0')
	return {
		taskCode: `KC.01.${n}/16-20`,
		title: `Nghiên cứu công nghệ nuôi tôm tuần hoàn số ${n}`,
		level: 'NATIONAL',
		managingAgency: 'Bộ Khoa học và Công nghệ',
		hostName: 'Viện Nghiên cứu Nuôi trồng Thủy sản II',
		province: '79',
		principalInvestigator: 'Nguyễn Văn An',
		members: ['Trần Thị Bình', 'Lê Văn Cường'],
		startYear: 2017,
		endYear: 2019,
		fieldCodes: ['405'],
		keywords: 'nuôi tôm; RAS; tuần hoàn',
		abstract: 'Quy trình nuôi tôm thẻ chân trắng trong hệ thống tuần hoàn, tiết kiệm 80% nước thay.',
		products: [{ kind: 'PROCESS', description: 'Quy trình nuôi tôm tuần hoàn' }, 'Thiết bị: Bộ lọc sinh học'],
		applicationStatus: 'APPLIED',
		registrationNumber: `2020-24-${n}/KQNC`,
		registrationDate: '2020-03-15',
		...overrides,
	}
}

function expert(overrides: Record<string, unknown> = {}) {
	serial++
	return {
		fullName: `PGS.TS. Nguyễn Văn Chuyên Gia ${serial}`,
		organisationName: 'Viện Nghiên cứu Nuôi trồng Thủy sản II',
		email: `chuyen-gia-${serial}@kiemthu.example`,
		province: 'Hồ Chí Minh',
		fieldCodes: '405',
		keywords: ['nuôi tôm', 'thủy sản'],
		bio: 'Ba mươi năm nghiên cứu nuôi trồng thủy sản.',
		publications: [{ title: 'Nuôi tôm tuần hoàn ở Đồng bằng sông Cửu Long', year: 2019, venue: 'Tạp chí Khoa học Nông nghiệp' }],
		...overrides,
	}
}

describe('POST /task-results/bulk', () => {
	test('an operator creates records; re-sending the same body answers all unchanged and writes nothing', async () => {
		const operator = await signedInOperator()
		const items = [taskResult(), taskResult({ registrationNumber: null, level: 'cấp tỉnh', province: 'Cần Thơ' })]
		const first = await pushTaskResults(items, { cookie: operator.cookie })
		expect(first.status).toBe(200)
		const report = reportOf(first.json)
		expect(report.dryRun).toBe(false)
		expect(report.totals).toEqual({ created: 2, updated: 0, unchanged: 0 })
		expect(report.items.map((i) => [i.index, i.action])).toEqual([
			[0, 'created'],
			[1, 'created'],
		])
		expect(report.items[0]!.key).toBe(items[0]!.registrationNumber)
		expect(report.items[1]!.key).toBe(items[1]!.taskCode)
		const stored = await prisma.taskResult.findUniqueOrThrow({ where: { id: report.items[0]!.id! } })
		expect(stored).toMatchObject({
			title: items[0]!.title,
			level: 'NATIONAL',
			provinceCode: '79',
			keywords: ['nuôi tôm', 'RAS', 'tuần hoàn'],
			members: ['Trần Thị Bình', 'Lê Văn Cường'],
			products: [
				{ kind: 'PROCESS', description: 'Quy trình nuôi tôm tuần hoàn' },
				{ kind: 'EQUIPMENT', description: 'Bộ lọc sinh học' },
			],
			source: 'API',
			registrationNumber: items[0]!.registrationNumber,
		})
		expect(stored.registrationDate?.toISOString().slice(0, 10)).toBe('2020-03-15')
		expect(await prisma.taskResult.findUniqueOrThrow({ where: { id: report.items[1]!.id! } })).toMatchObject({ level: 'PROVINCIAL', registrationNumber: null })
		const audits = await prisma.auditLog.findMany({ where: { action: 'taskResult.apiUpsert', actorId: operator.user.id } })
		expect(audits).toHaveLength(1)
		expect(audits[0]!.data).toMatchObject({ items: 2, created: 2, updated: 0, unchanged: 0, via: { kind: 'session' } })

		const before = await prisma.taskResult.findMany({ where: { id: { in: report.items.map((i) => i.id!) } }, select: { id: true, updatedAt: true } })
		const again = await pushTaskResults(items, { cookie: operator.cookie })
		expect(again.status).toBe(200)
		expect(reportOf(again.json).totals).toEqual({ created: 0, updated: 0, unchanged: 2 })
		expect(reportOf(again.json).items).toEqual(report.items.map((i) => ({ ...i, action: 'unchanged', changes: [] })))
		const after = await prisma.taskResult.findMany({ where: { id: { in: report.items.map((i) => i.id!) } }, select: { id: true, updatedAt: true } })
		expect(after).toEqual(before)
		expect(await prisma.auditLog.count({ where: { action: 'taskResult.apiUpsert' } })).toBe(1)
	})

	test('an update changes only the keys sent; null or "" clears an optional field', async () => {
		const operator = await signedInOperator()
		const item = taskResult()
		const created = reportOf((await pushTaskResults([item], { cookie: operator.cookie })).json).items[0]!
		const { taskCode, title, level, hostName, registrationNumber } = item
		const minimal = { taskCode, title, level, hostName, registrationNumber }

		const changed = await pushTaskResults([{ ...minimal, abstract: 'Tóm tắt mới của kết quả nhiệm vụ.' }], { cookie: operator.cookie })
		expect(changed.status).toBe(200)
		expect(reportOf(changed.json).items).toEqual([{ index: 0, action: 'updated', id: created.id, key: registrationNumber, changes: ['abstract'] }])
		const row = await prisma.taskResult.findUniqueOrThrow({ where: { id: created.id! } })
		expect(row).toMatchObject({ abstract: 'Tóm tắt mới của kết quả nhiệm vụ.', keywords: ['nuôi tôm', 'RAS', 'tuần hoàn'], members: item.members, startYear: 2017, provinceCode: '79' })

		const cleared = await pushTaskResults([{ ...minimal, keywords: null, principalInvestigator: '', endYear: null }], { cookie: operator.cookie })
		expect(reportOf(cleared.json).items[0]!.changes.sort()).toEqual(['endYear', 'keywords', 'principalInvestigator'])
		expect(await prisma.taskResult.findUniqueOrThrow({ where: { id: created.id! } })).toMatchObject({
			keywords: [],
			principalInvestigator: '',
			endYear: null,
			abstract: 'Tóm tắt mới của kết quả nhiệm vụ.',
		})
		expect(await prisma.taskResult.count({ where: { registrationNumber } })).toBe(1)
	})

	test('one bad item: nothing is written and every rejected item is listed with translated issues, in vi and en', async () => {
		const operator = await signedInOperator()
		const before = await prisma.taskResult.count()
		const items = [
			taskResult(),
			taskResult({ level: 'liên xã', startYear: 2030, endYear: 2025, province: 'Thanh Hao' }),
			taskResult(),
			taskResult({ title: { vi: 'đối tượng' }, colour: 'đỏ' }),
			'không phải đối tượng',
		]
		const answer = await pushTaskResults(items, { cookie: operator.cookie })
		expect(answer.status).toBe(400)
		const error = rejectionOf(answer.json)
		expect(error.code).toBe('validation_failed')
		expect(error.message).toBe(fill(vi.api.research.rejected, { rejected: 3 }))
		expect(answer.headers.get('Content-Language')).toBe('vi')
		expect(error.items.map((i) => i.index)).toEqual([1, 3, 4])
		const bad = error.items[0]!
		expect(bad.key).toBe((items[1] as { registrationNumber: string }).registrationNumber)
		const byField = Object.fromEntries(bad.issues.map((i) => [i.field, i]))
		expect(Object.keys(byField).sort()).toEqual(['endYear', 'level', 'province', 'startYear'])
		expect(byField.level).toMatchObject({ code: 'level', message: fill(vi.imports.issues.level, { value: 'liên xã' }) })
		expect(byField.endYear!.message).toBe(fill(vi.imports.issues.yearOrder, { start: 2030, end: 2025 }))
		expect(byField.province!.code).toBe('unknownProvinceSuggest')
		expect(byField.province!.message).toContain('Thanh Hóa')
		expect(error.items[1]!.issues.map((i) => [i.field, i.code]).sort()).toEqual([
			['colour', 'unknownKey'],
			['title', 'notText'],
		])
		expect(error.items[1]!.issues.find((i) => i.field === 'colour')!.message).toBe(fill(vi.api.research.issues.unknownKey, { key: 'colour' }))
		expect(error.items[2]!.issues).toEqual([{ field: '', code: 'notObject', message: vi.imports.issues.notObject }])
		// The usual error shape holds the same messages by path.
		expect(error.fields!['items.1.level']).toEqual([byField.level!.message])
		expect(error.fields!['items.4']).toEqual([vi.imports.issues.notObject])
		expect(await prisma.taskResult.count()).toBe(before)

		const english = await pushTaskResults(items, { cookie: operator.cookie, language: 'en' })
		const inEnglish = rejectionOf(english.json)
		expect(english.headers.get('Content-Language')).toBe('en')
		expect(inEnglish.message).toBe(fill(en.api.research.rejected, { rejected: 3 }))
		expect(inEnglish.items[0]!.issues.find((i) => i.field === 'level')!.message).toBe(fill(en.imports.issues.level, { value: 'liên xã' }))
		expect(inEnglish.items[1]!.issues.find((i) => i.field === 'title')!.message).toBe(en.api.research.issues.notText)
		// Every message is a sentence, never a bare i18n key.
		for (const item of [...error.items, ...inEnglish.items]) for (const issue of item.issues) expect(issue.message).not.toMatch(/^[\w]+(\.[\w]+)+$/)
		expect(await prisma.taskResult.count()).toBe(before)
	})

	test('repeats inside one body are rejected (same registration number, or same code without one)', async () => {
		const operator = await signedInOperator()
		const first = taskResult()
		const noNumber = taskResult({ registrationNumber: null })
		const answer = await pushTaskResults(
			[first, { ...first, title: 'Một tiêu đề khác cho cùng số đăng ký' }, noNumber, { ...noNumber, taskCode: noNumber.taskCode.toLowerCase() }],
			{ cookie: operator.cookie, language: 'en' },
		)
		expect(answer.status).toBe(400)
		const error = rejectionOf(answer.json)
		expect(error.items.map((i) => [i.index, i.issues])).toEqual([
			[1, [{ field: '', code: 'duplicate', params: { index: 0 }, message: fill(en.api.research.issues.duplicate, { index: 0 }) }]],
			[3, [{ field: '', code: 'duplicate', params: { index: 2 }, message: fill(en.api.research.issues.duplicate, { index: 2 }) }]],
		])
		expect(await prisma.taskResult.count({ where: { taskCode: { in: [first.taskCode, noNumber.taskCode] } } })).toBe(0)
	})

	test('dryRun answers the same report and writes nothing', async () => {
		const operator = await signedInOperator()
		const existing = taskResult()
		await pushTaskResults([existing], { cookie: operator.cookie })
		const audits = await prisma.auditLog.count()
		const before = await prisma.taskResult.count()
		const items = [{ ...existing, abstract: 'Đổi tóm tắt khi chạy thử.' }, taskResult()]
		const dry = await pushTaskResults(items, { cookie: operator.cookie, query: '?dryRun=true' })
		expect(dry.status).toBe(200)
		const report = reportOf(dry.json)
		expect(report).toMatchObject({ dryRun: true, totals: { created: 1, updated: 1, unchanged: 0 } })
		expect(report.items[0]).toMatchObject({ action: 'updated', changes: ['abstract'], id: expect.any(String) })
		expect(report.items[1]).toMatchObject({ action: 'created', id: null })
		expect(await prisma.taskResult.count()).toBe(before)
		expect(await prisma.auditLog.count()).toBe(audits)
		expect((await prisma.taskResult.findFirstOrThrow({ where: { registrationNumber: existing.registrationNumber } })).abstract).toBe(existing.abstract)

		// A dry run reports rejections like a real one.
		const dryBad = await pushTaskResults([taskResult({ level: 'không rõ' })], { cookie: operator.cookie, query: '?dryRun=1' })
		expect(dryBad.status).toBe(400)
		expect(rejectionOf(dryBad.json).items[0]!.issues[0]!.code).toBe('level')
		const wrongFlag = await pushTaskResults([taskResult()], { cookie: operator.cookie, query: '?dryRun=maybe' })
		expect(wrongFlag.status).toBe(400)
		expect(Object.keys(rejectionOf(wrongFlag.json).fields!)).toEqual(['dryRun'])

		const real = await pushTaskResults(items, { cookie: operator.cookie })
		expect(reportOf(real.json).totals).toEqual(report.totals)
		expect(reportOf(real.json).items.map((i) => [i.action, i.changes])).toEqual(report.items.map((i) => [i.action, i.changes]))
	})
})

describe('who may push', () => {
	test('anonymous callers get 401; members and keys of non-operators 403; operator sessions, admins and keys created by operators may', async () => {
		const { user: owner, organisation } = await createOwner()
		const ownerCookie = (await signIn(owner.id)).cookie
		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const memberCookie = (await signIn(member.id)).cookie
		const ownerKey = (await createApiKey(owner.id, organisation.id, 'Cơ sở dữ liệu tỉnh')).plainKey
		const before = await prisma.taskResult.count()

		const anonymous = await pushTaskResults([taskResult()])
		expect(anonymous.status).toBe(401)
		expect(anonymous.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
		for (const credentials of [{ cookie: ownerCookie }, { cookie: memberCookie }, { key: ownerKey }]) {
			const refused = await pushTaskResults([taskResult()], credentials)
			expect(refused.status).toBe(403)
			expect(rejectionOf(refused.json).message).toBe(vi.api.errors.operatorOnly)
			expect((await pushExperts([expert()], credentials)).status).toBe(403)
		}
		// Refused before the body is looked at.
		expect((await pushTaskResults([], { cookie: memberCookie, raw: 'không phải JSON' })).status).toBe(403)
		expect((await pushTaskResults([taskResult()], { key: 'ck_khong-phai-khoa-that' })).status).toBe(401)
		expect(await prisma.taskResult.count()).toBe(before)

		// The same key works once its creator is an operator, and stops when the role goes or the account is disabled.
		await prisma.user.update({ where: { id: owner.id }, data: { roles: ['MEMBER', 'OPERATOR'] } })
		const pushed = await pushTaskResults([taskResult()], { key: ownerKey })
		expect(pushed.status).toBe(200)
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'taskResult.apiUpsert', actorId: owner.id } })
		expect(audit).toMatchObject({ organisationId: organisation.id, data: { created: 1, via: { kind: 'apiKey' } } })
		await prisma.user.update({ where: { id: owner.id }, data: { disabledAt: new Date() } })
		expect((await pushTaskResults([taskResult()], { key: ownerKey })).status).toBe(403)
		await prisma.user.update({ where: { id: owner.id }, data: { disabledAt: null, roles: ['MEMBER'] } })
		expect((await pushTaskResults([taskResult()], { key: ownerKey })).status).toBe(403)

		const admin = await signedInOperator('ADMIN')
		expect((await pushTaskResults([taskResult()], { cookie: admin.cookie })).status).toBe(200)
		expect(await prisma.taskResult.count()).toBe(before + 2)
	})
})

describe('bodies', () => {
	test('too large is 413, not JSON 415, malformed 400, no items or too many 400; only POST is served', async () => {
		const operator = await signedInOperator()
		const post = (options: CallOptions) => call(taskResultsBulk, '/task-results/bulk', { cookie: operator.cookie, ...options })

		const huge = await post({ raw: JSON.stringify({ items: [taskResult({ abstract: 'x'.repeat(8 * 1024 * 1024) })] }) })
		expect(huge.status).toBe(413)
		expect(rejectionOf(huge.json).code).toBe('payload_too_large')
		// Above the API's usual 1 MB but within 8 MB: accepted (the abstract limit is the reader's to enforce).
		const big = await post({ body: { items: Array.from({ length: 150 }, () => taskResult({ abstract: 'Tóm tắt dài. '.repeat(1000) })) } })
		expect(big.status).toBe(200)
		expect(reportOf(big.json).totals.created).toBe(150)

		const form = await post({ raw: 'items=1', contentType: 'application/x-www-form-urlencoded' })
		expect(form.status).toBe(415)
		expect(rejectionOf(form.json).code).toBe('unsupported_media_type')
		const malformed = await post({ raw: '{"items": [' })
		expect(malformed.status).toBe(400)
		expect(rejectionOf(malformed.json).code).toBe('invalid_json')
		const array = await post({ raw: JSON.stringify([taskResult()]) })
		expect(array.status).toBe(400)
		expect(rejectionOf(array.json).fields).toEqual({ $: [vi.api.errors.bodyNotObject] })

		const noItems = await post({ body: { data: [taskResult()] } })
		expect(noItems.status).toBe(400)
		expect(rejectionOf(noItems.json).fields).toEqual({ items: [vi.api.research.itemsRequired], data: [vi.api.errors.unknownField] })
		expect(rejectionOf((await post({ body: { items: [] } })).json).fields).toEqual({ items: [vi.api.research.itemsRequired] })
		const tooMany = await post({ body: { items: Array.from({ length: 501 }, () => ({})) } })
		expect(tooMany.status).toBe(400)
		expect(rejectionOf(tooMany.json).fields).toEqual({ items: [fill(vi.api.research.tooManyItems, { max: 500 })] })

		const get = await post({ method: 'GET' })
		expect(get.status).toBe(405)
		expect(get.headers.get('Allow')).toBe('POST, OPTIONS')
	})
})

describe('POST /experts/bulk', () => {
	test("task references resolve to task results pushed first; an unknown one rejects the item; the e-mail is the key", async () => {
		const operator = await signedInOperator()
		const national = taskResult()
		const provincial = taskResult({ registrationNumber: null, taskCode: 'ĐT-KHCN.05/2021', level: 'PROVINCIAL' })
		expect((await pushTaskResults([national, provincial], { cookie: operator.cookie })).status).toBe(200)
		const [nationalId, provincialId] = await Promise.all(
			[national.taskCode, provincial.taskCode].map(async (taskCode) => (await prisma.taskResult.findFirstOrThrow({ where: { taskCode } })).id),
		)

		const an = expert({ tasks: [{ ref: national.registrationNumber, role: 'PRINCIPAL_INVESTIGATOR' }, `${provincial.taskCode} (thành viên)`] })
		const binh = expert({ email: null, fullName: 'ThS. Trần Thị Bình', tasks: 'KHÔNG-CÓ.99/16-20 (thư ký)' })
		const refused = await pushExperts([an, binh], { cookie: operator.cookie })
		expect(refused.status).toBe(400)
		const error = rejectionOf(refused.json)
		expect(error.items).toEqual([
			{
				index: 1,
				key: 'Trần Thị Bình · Viện Nghiên cứu Nuôi trồng Thủy sản II',
				label: 'Trần Thị Bình',
				issues: [{ field: 'tasks', code: 'unknownTask', params: { ref: 'KHÔNG-CÓ.99/16-20' }, message: fill(vi.imports.issues.unknownTask, { ref: 'KHÔNG-CÓ.99/16-20' }) }],
			},
		])
		expect(await prisma.expert.count({ where: { email: an.email } })).toBe(0)

		const pushed = await pushExperts([an, { ...binh, tasks: [{ ref: provincial.taskCode, role: 'SECRETARY' }] }], { cookie: operator.cookie })
		expect(pushed.status).toBe(200)
		const report = reportOf(pushed.json)
		expect(report.totals).toEqual({ created: 2, updated: 0, unchanged: 0 })
		expect(report.items[0]).toMatchObject({ action: 'created', key: an.email })
		const stored = await prisma.expert.findUniqueOrThrow({
			where: { id: report.items[0]!.id! },
			include: { tasks: { select: { taskResultId: true, role: true } }, publications: { select: { title: true, year: true, venue: true } } },
		})
		expect(stored).toMatchObject({
			fullName: an.fullName.replace('PGS.TS. ', ''),
			academicTitle: 'ASSOCIATE_PROFESSOR',
			degree: 'DOCTOR',
			email: an.email,
			provinceCode: '79',
			source: 'API',
			publications: an.publications,
		})
		expect(stored.tasks.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
			{ taskResultId: provincialId, role: 'MEMBER' },
			{ taskResultId: nationalId, role: 'PRINCIPAL_INVESTIGATOR' },
		])
		expect(await prisma.expertTask.findMany({ where: { expertId: report.items[1]!.id! }, select: { taskResultId: true, role: true } })).toEqual([
			{ taskResultId: provincialId, role: 'SECRETARY' },
		])
		expect(await prisma.auditLog.count({ where: { action: 'expert.apiUpsert', actorId: operator.user.id } })).toBe(1)

		// Matched by e-mail: a new organisation name is an update, not a second expert; the same again is unchanged.
		const moved = { ...an, organisationName: 'Trường Đại học Cần Thơ', bio: 'Tiểu sử mới.' }
		const update = await pushExperts([moved], { cookie: operator.cookie })
		expect(reportOf(update.json).items[0]).toMatchObject({ action: 'updated', id: report.items[0]!.id, changes: expect.arrayContaining(['organisationName', 'bio']) })
		const same = await pushExperts([moved], { cookie: operator.cookie })
		expect(reportOf(same.json).totals).toEqual({ created: 0, updated: 0, unchanged: 1 })
		expect(await prisma.expert.count({ where: { email: an.email } })).toBe(1)

		// Repeats of one e-mail in a request are refused.
		const twice = await pushExperts([moved, { ...moved, fullName: 'Tên khác hẳn' }], { cookie: operator.cookie })
		expect(twice.status).toBe(400)
		expect(rejectionOf(twice.json).items.map((i) => [i.index, i.issues[0]!.code])).toEqual([[1, 'duplicate']])
	})
})
