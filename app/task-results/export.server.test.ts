// Exports of task results and experts: an exported file, read by the import reader, plans as
// UNCHANGED row for row (CSV and XLSX, Vietnamese and English headers); e-mails only for operators.
import { Readable } from 'node:stream'
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { expertExportLoader, exportExperts } from '~/experts/export.server'
import { parseExpertFilters } from '~/experts/query.server'
import { readExpertRow, type ExpertRow } from '~/imports/expert-row'
import { readImportRows } from '~/imports/read.server'
import { loadOrganisationIndex } from '~/imports/run.server'
import { readTaskResultRow, type TaskResultRow } from '~/imports/task-result-row'
import type { Cell } from '~/imports/cells'
import type { AppLocale } from '~/locales'
import { applyExpertPlans, planExperts } from '~/models/expert.server'
import { PRODUCT_KINDS } from '~/models/task-result-schema'
import { applyTaskResultPlans, planTaskResults } from '~/models/task-result.server'
import { i18nextMiddleware } from '~/middleware/i18next.server'
import { inTransaction } from '~/utils/transaction.server'
import { createOrganisation, createUser, makeRequest, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'
import { exportTaskResults, PRODUCT_WORDS, taskResultExportLoader } from './export.server'
import { parseTaskResultFilters } from './query.server'

const { prisma } = await useTestDatabase()
const host = await createOrganisation({ name: 'Viện Nghiên cứu Xuất khẩu Thủy sản', provinceCode: '79', verified: true })
const university = await createOrganisation({ name: 'Trường Đại học Xuất khẩu Cần Thơ', provinceCode: '92', verified: true })
const TAG = 'xuatkhau'

function ok<T>(result: { ok: true; row: T } | { ok: false; issues: unknown }): T {
	if (!result.ok) throw new Error(`row refused: ${JSON.stringify(result.issues)}`)
	return result.row
}

const taskRows: Array<Record<string, Cell>> = [
	{
		taskCode: 'KC.07.12/16-20',
		title: `Công nghệ nuôi tôm thẻ chân trắng trong nhà màng (${TAG})`,
		level: 'NATIONAL',
		managingAgency: 'Bộ Khoa học và Công nghệ',
		hostName: host.name,
		province: '',
		principalInvestigator: 'Nguyễn Văn An',
		members: ['Trần Thị Bình', 'Lê Văn Cường, PhD'],
		startYear: 2017,
		endYear: 2020,
		fieldCodes: ['40501', '20201'],
		keywords: ['nuôi tôm', 'nhà màng', 'RAS'],
		abstract: 'Dòng đầu của tóm tắt.\n\nĐoạn hai: "trích dẫn", dấu phẩy; chấm phẩy.',
		products: PRODUCT_KINDS.map((kind) => ({ kind, description: `Sản phẩm loại ${kind}: mô tả có dấu hai chấm` })),
		applicationStatus: 'TRANSFERRED',
		registrationNumber: '2021-24-0057/KQNC',
		registrationDate: '2021-03-15',
	},
	{
		taskCode: 'ĐTKHCN-05/2020',
		title: `Ứng dụng IoT giám sát độ mặn vùng lúa (${TAG})`,
		level: 'Cấp tỉnh',
		hostName: 'Trung tâm Ứng dụng Tiến bộ KH&CN Sóc Trăng',
		province: 'Sóc Trăng',
		members: ['Phạm Văn Dũng, ThS'],
		startYear: 2020,
		endYear: 2022,
		fieldCodes: ['20205'],
		keywords: ['độ mặn, xâm nhập mặn'],
		products: 'Phần mềm: Ứng dụng di động\nMột sản phẩm không nói loại',
		applicationStatus: 'Đang thử nghiệm',
	},
	{
		taskCode: 'CS-2023-01',
		title: `Khảo sát giống lúa chịu hạn (${TAG})`,
		level: 'GRASSROOTS',
		hostName: university.name,
		// Starts like a spreadsheet formula: the CSV escapes it, and reading it back restores it.
		principalInvestigator: '=Võ Thị Em',
		startYear: 2023,
		keywords: [],
		applicationStatus: 'NOT_APPLIED',
		registrationNumber: 'CS-0099',
		registrationDate: '2024-01-02',
	},
]

const expertRows: Array<Record<string, Cell>> = [
	{
		fullName: 'Nguyễn Văn An',
		academicTitle: 'PGS',
		degree: 'TS',
		organisationName: host.name,
		email: 'an.nguyen@xuatkhau.example',
		fieldCodes: ['405'],
		keywords: ['nuôi tôm', 'chất lượng nước, vi sinh'],
		bio: 'Ba mươi năm nghiên cứu thủy sản.\nHai dòng.',
		publications: '2019 | Nuôi tôm tuần hoàn | Tạp chí Thủy sản\nMột công bố không năm | Hội thảo\nTiêu đề có năm (2018) trong ngoặc\n2021 | Không có nơi đăng',
		tasks: 'KC.07.12/16-20 (chủ nhiệm); CS-0099 (thành viên)',
	},
	{
		fullName: 'Trần Thị Bình',
		academicTitle: 'GS',
		degree: 'TSKH',
		organisationName: 'Viện Hàn lâm Xuất khẩu',
		province: 'Hà Giang',
		email: 'binh.tran@xuatkhau.example',
		keywords: ['IoT'],
		tasks: 'ĐTKHCN-05/2020 (thư ký)',
	},
	{ fullName: 'Lê Văn Cường', degree: 'ThS', organisationName: university.name, fieldCodes: ['2'], keywords: ['xuatkhau'] },
	{ fullName: 'Hoàng Thị Dung', degree: 'Khác', organisationName: '' },
]

async function seed() {
	const organisations = await loadOrganisationIndex()
	const tasks = taskRows.map((raw) => ok(readTaskResultRow(raw, organisations)))
	await inTransaction(async ({ tx }) => applyTaskResultPlans(tx, await planTaskResults(tx, tasks), { source: 'IMPORT' }))
	const experts = expertRows.map((raw) => ok(readExpertRow(raw, organisations)))
	const plans = await inTransaction(async ({ tx }) => {
		const p = await planExperts(tx, experts)
		await applyExpertPlans(tx, p, { source: 'IMPORT' })
		return p
	})
	expect(plans.map((p) => p.action)).toEqual(['CREATE', 'CREATE', 'CREATE', 'CREATE'])
}
await seed()

async function bytesOf(response: Response) {
	return Buffer.from(await response.arrayBuffer())
}

/** Reads an exported file back as the import would, and plans it. */
async function reimport(kind: 'TASK_RESULTS' | 'EXPERTS', format: 'csv' | 'xlsx', bytes: Buffer) {
	const organisations = await loadOrganisationIndex()
	const taskRows: TaskResultRow[] = []
	const expertRows: ExpertRow[] = []
	let unknown: string[] = []
	for await (const source of readImportRows(Readable.from([bytes]), { kind, format, onUnknownColumns: (h) => (unknown = h) })) {
		if ('issues' in source) throw new Error(`line ${source.line}: ${JSON.stringify(source.issues)}`)
		if (kind === 'TASK_RESULTS') taskRows.push(ok(readTaskResultRow(source.raw, organisations)))
		else expertRows.push(ok(readExpertRow(source.raw, organisations)))
	}
	expect(unknown).toEqual([])
	type Planned = Array<{ row: { key: string }; action: string; changes: string[]; issues: unknown[] }>
	const plans = await inTransaction(({ tx }): Promise<Planned> => (kind === 'TASK_RESULTS' ? planTaskResults(tx, taskRows) : planExperts(tx, expertRows)))
	return plans.map((p) => ({ key: p.row.key, action: p.action, changes: p.changes, issues: p.issues }))
}

/** A context as the i18n middleware leaves it for this request (its language cookie, else Vietnamese). */
async function contextFor(request: Request) {
	const context = new RouterContextProvider()
	await i18nextMiddleware({ request, context, params: {}, unstable_pattern: '' } as never, async () => new Response())
	return context
}

async function call<T>(loader: (args: { request: Request; context: RouterContextProvider }) => T, request: Request) {
	return loader({ request, context: await contextFor(request) })
}

const mine = (query = '') => new URLSearchParams(`q=${TAG}${query}`)

describe('task result exports', () => {
	for (const format of ['csv', 'xlsx'] as const) {
		for (const locale of ['vi', 'en'] as AppLocale[]) {
			test(`a ${format.toUpperCase()} export with ${locale} headers imports back with every row unchanged`, async () => {
				const response = exportTaskResults(parseTaskResultFilters(new URLSearchParams()), format, locale)
				const plans = await reimport('TASK_RESULTS', format, await bytesOf(response))
				expect(plans).toHaveLength(3)
				for (const plan of plans) expect(plan).toMatchObject({ action: 'UNCHANGED', changes: [], issues: [] })
			})
		}
	}

	test('the CSV is UTF-8 with a byte order mark, Vietnamese headers by default, products as "<kind>: description" lines', async () => {
		const bytes = await bytesOf(exportTaskResults(parseTaskResultFilters(new URLSearchParams('sort=title')), 'csv', 'vi'))
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const text = bytes.toString('utf8')
		expect(text.slice(1).startsWith('Mã số nhiệm vụ,Tên nhiệm vụ,Cấp quản lý')).toBe(true)
		expect(text).toContain(`${PRODUCT_WORDS.vi.PROCESS}: Sản phẩm loại PROCESS: mô tả có dấu hai chấm`)
		expect(text).toContain('Trần Thị Bình; Lê Văn Cường, PhD')
		expect(text).toContain('độ mặn, xâm nhập mặn;')
		expect(text).toContain('Hồ Chí Minh')
		// A spreadsheet program would run "=…" as a formula.
		expect(text).toContain(",'=Võ Thị Em,")
	})

	test('the export follows the filters and answers as an uncached attachment', async () => {
		const response = await call(taskResultExportLoader, makeRequest('/task-results/export?format=csv&level=PROVINCIAL&page=3'))
		expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('Cache-Control')).toBe('no-store')
		const disposition = response.headers.get('Content-Disposition') ?? ''
		expect(disposition).toMatch(/^attachment; filename="ket-qua-nhiem-vu-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''K%E1%BA%BFt/)
		const text = (await bytesOf(response)).toString('utf8')
		expect(text.trim().split('\r\n')).toHaveLength(2)
		expect(text).toContain('ĐTKHCN-05/2020')
	})

	test('an unknown format is a 400', async () => {
		await expect(call(taskResultExportLoader, makeRequest('/task-results/export?format=pdf'))).rejects.toMatchObject({ init: { status: 400 } })
	})
})

describe('expert exports', () => {
	for (const format of ['csv', 'xlsx'] as const) {
		for (const withEmail of [true, false]) {
			test(`a ${format.toUpperCase()} export ${withEmail ? 'with' : 'without'} e-mails imports back with every row unchanged`, async () => {
				const response = exportExperts(parseExpertFilters(new URLSearchParams()), format, withEmail ? 'vi' : 'en', { withEmail })
				const plans = await reimport('EXPERTS', format, await bytesOf(response))
				expect(plans).toHaveLength(4)
				for (const plan of plans) expect(plan).toMatchObject({ action: 'UNCHANGED', changes: [], issues: [] })
			})
		}
	}

	test('the public export never carries an e-mail; an operator’s does', async () => {
		const visitor = await bytesOf(await call(expertExportLoader, makeRequest('/experts/export?format=csv')))
		expect(visitor.toString('utf8')).not.toContain('@xuatkhau.example')
		expect(visitor.toString('utf8')).not.toContain('Thư điện tử')
		const member = await createUser()
		const signedIn = await bytesOf(await call(expertExportLoader, makeRequest('/experts/export?format=xlsx', { cookie: (await signIn(member.id)).cookie })))
		expect(signedIn.includes(Buffer.from('xuatkhau.example'))).toBe(false)
		const operator = await createUser({ roles: ['OPERATOR'] })
		const response = await call(expertExportLoader, makeRequest(`/experts/export?format=csv&${mine().toString()}`, { cookie: (await signIn(operator.id)).cookie }))
		const text = (await bytesOf(response)).toString('utf8')
		expect(text).toContain('Thư điện tử')
		expect(text).toContain('Lê Văn Cường')
		expect(text).not.toContain('an.nguyen@xuatkhau.example')
	})

	test('task participation is written as "<registration number or code> (<role>)"', async () => {
		const text = (await bytesOf(exportExperts(parseExpertFilters(new URLSearchParams('q=Nguyễn Văn An')), 'csv', 'vi'))).toString('utf8')
		expect(text).toContain('2021-24-0057/KQNC (chủ nhiệm); CS-0099 (thành viên)')
		expect(text).toContain('2019 | Nuôi tôm tuần hoàn | Tạp chí Thủy sản')
		expect(await prisma.expert.count()).toBe(4)
	})
})
