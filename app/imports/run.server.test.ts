// The import pipeline end to end against a real database and real files: upload bytes into the
// store, the dry run, applying, re-importing, and files that cannot be read.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, test } from 'vitest'
import { applyImport, validateImport } from '~/imports/run.server'
import { createImport, requestApply } from '~/models/import.server'
import { setOrganisationVerified } from '~/models/organisation.server'
import { getFileStore, newStorageKey } from '~/uploads/storage.server'
import { resetEnvCache } from '~/utils/env.server'
import { createOrganisation, createUser } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'
import { detectFormat } from './upload.server'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-imports-'))
process.env.DATA_DIR = dataDir
resetEnvCache()
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

const { prisma } = await useTestDatabase()
const operator = await createUser({ roles: ['OPERATOR'] })
const host = await createOrganisation({ name: 'Viện Nghiên cứu Nuôi trồng Thủy sản II', provinceCode: '79', verified: true })

let counter = 0
/** Stores the bytes, queues the import as an operator would, and runs its dry run. */
async function dryRun(bytes: Buffer | string, kind: 'TASK_RESULTS' | 'EXPERTS' = 'TASK_RESULTS', fileName = 'tep.csv') {
	const body = typeof bytes === 'string' ? Buffer.from(bytes) : bytes
	const storageKey = newStorageKey()
	const saved = await getFileStore().put(storageKey, body)
	const format = await detectFormat(body.subarray(0, 65536), fileName)
	const { id } = await createImport({ id: operator.id, roles: operator.roles }, { kind, fileName: `${++counter}-${fileName}`, format, storageKey, size: saved.size, sha256: saved.sha256 })
	await validateImport(id)
	return id
}

async function apply(id: string) {
	await requestApply({ id: operator.id, roles: operator.roles }, id)
	await applyImport(id)
	return prisma.import.findUniqueOrThrow({ where: { id } })
}

async function verdicts(id: string) {
	const rows = await prisma.importRow.findMany({ where: { importId: id }, orderBy: { line: 'asc' } })
	return rows.map((r) => ({ line: r.line, action: r.action, codes: (r.issues as Array<{ field: string; code: string }>).map((i) => `${i.field}:${i.code}`), changes: r.changes }))
}

const HEADER = 'Mã số nhiệm vụ,Tên nhiệm vụ,Cấp quản lý,Tổ chức chủ trì,Tỉnh/thành phố,Năm bắt đầu,Năm kết thúc,Lĩnh vực,Từ khóa,Sản phẩm,Tình trạng ứng dụng,Số đăng ký,Ngày đăng ký'
const GOOD = [
	'KC.07.12/16-20,Công nghệ nuôi tôm thẻ chân trắng trong nhà màng,Cấp quốc gia,Viện Nghiên cứu Nuôi trồng Thủy sản II,,2017,2020,40501,nuôi tôm; nhà màng,"Quy trình: Quy trình nuôi tôm\nThiết bị: Hệ thống lọc",Đã chuyển giao,2021-24-0057/KQNC,15/03/2021',
	'ĐTKHCN-05/2020,Ứng dụng IoT giám sát độ mặn vùng lúa,Cấp tỉnh,Trường Đại học Cần Thơ,Sóc Trăng,2020,2022,20205,IoT; độ mặn,,Đã ứng dụng,,',
]

describe('dry run and apply', () => {
	test('the dry run writes nothing and says what each row would do; apply writes them; a re-import changes nothing', async () => {
		const file = [HEADER, ...GOOD].join('\n')
		const first = await dryRun(file)
		const record = await prisma.import.findUniqueOrThrow({ where: { id: first } })
		expect(record.status).toBe('VALIDATED')
		expect(record.summary).toMatchObject({ create: 2, update: 0, unchanged: 0, reject: 0, rows: 2 })
		expect(await prisma.taskResult.count()).toBe(0)
		// The operator may have left the page: the bell says when the report is ready.
		expect(await prisma.notification.findFirst({ where: { userId: operator.id, kind: 'import.validated', link: `/operator/imports/${first}` } })).not.toBeNull()

		const done = await apply(first)
		expect(done.status).toBe('APPLIED')
		expect(done.applied).toMatchObject({ create: 2, update: 0, unchanged: 0, reject: 0 })
		expect(await prisma.notification.count({ where: { userId: operator.id, kind: 'import.applied', link: `/operator/imports/${first}` } })).toBe(1)
		const shrimp = await prisma.taskResult.findFirstOrThrow({ where: { registrationKey: '2021-24-0057/KQNC' } })
		// The host is on the platform: linked, and its province fills the empty one.
		expect(shrimp).toMatchObject({ hostOrganisationId: host.id, provinceCode: '79', level: 'NATIONAL', applicationStatus: 'TRANSFERRED', source: 'IMPORT' })
		expect(shrimp.products).toEqual([
			{ kind: 'PROCESS', description: 'Quy trình nuôi tôm' },
			{ kind: 'EQUIPMENT', description: 'Hệ thống lọc' },
		])
		expect(shrimp.fieldPaths).toEqual(['4', '405', '40501'])
		expect(shrimp.registrationDate?.toISOString().slice(0, 10)).toBe('2021-03-15')
		// Sóc Trăng (a former province) is now part of Cần Thơ (92).
		expect(await prisma.taskResult.findFirstOrThrow({ where: { taskCodeKey: 'DTKHCN-05/2020' }, select: { provinceCode: true, hostOrganisationId: true } })).toEqual({ provinceCode: '92', hostOrganisationId: null })

		const before = await prisma.taskResult.findMany({ orderBy: { id: 'asc' }, select: { id: true, updatedAt: true } })
		const again = await dryRun(file)
		expect((await prisma.import.findUniqueOrThrow({ where: { id: again } })).summary).toMatchObject({ create: 0, update: 0, unchanged: 2, reject: 0 })
		expect((await apply(again)).applied).toMatchObject({ create: 0, update: 0, unchanged: 2 })
		expect(await prisma.taskResult.findMany({ orderBy: { id: 'asc' }, select: { id: true, updatedAt: true } })).toEqual(before)
	})

	test('a file with only some columns updates those fields and keeps the rest; NFD text and stray spaces are normalised', async () => {
		const nfd = 'Công nghệ nuôi tôm thẻ chân trắng trong nhà màng (bản sửa)'.normalize('NFD')
		const id = await dryRun(`Số đăng ký;Mã số nhiệm vụ;Tên nhiệm vụ;Cấp quản lý;Tổ chức chủ trì;Tình trạng ứng dụng\n 2021-24-0057/kqnc ;KC.07.12 / 16-20;  ${nfd}  ;quốc gia;Viện Nghiên cứu Nuôi trồng  Thủy sản II;thương mại hóa\n`)
		expect(await verdicts(id)).toEqual([{ line: 2, action: 'UPDATE', codes: [], changes: ['title', 'applicationStatus'] }])
		await apply(id)
		const row = await prisma.taskResult.findFirstOrThrow({ where: { registrationKey: '2021-24-0057/KQNC' } })
		expect(row.title).toBe('Công nghệ nuôi tôm thẻ chân trắng trong nhà màng (bản sửa)'.normalize('NFC'))
		expect(row.applicationStatus).toBe('COMMERCIALISED')
		// Columns the file did not have are untouched.
		expect(row.keywords).toEqual(['nuôi tôm', 'nhà màng'])
		expect(row.startYear).toBe(2017)
	})

	test('every kind of bad row is rejected with its line, field and reason; repeats in one file are rejected; good rows still apply', async () => {
		const rows = [
			HEADER,
			'KC.01.01/16-20,Tên hợp lệ của nhiệm vụ A,quốc gia,Viện A,Hà Nội,2017,2019,101,,,,2020-01-0001/KQNC,',
			',Thiếu mã số,quốc gia,Viện A,,,,,,,,,',
			'KC.01.02/16-20,Tên,quốc gia,Viện A,,,,,,,,,',
			'KC.01.03/16-20,Cấp không tồn tại,liên hành tinh,Viện A,,,,,,,,,',
			'KC.01.04/16-20,Tỉnh không tồn tại,quốc gia,Viện A,Thanh Hao,,,,,,,,',
			'KC.01.05/16-20,Lĩnh vực không tồn tại,quốc gia,Viện A,,,,40599,,,,,',
			'KC.01.06/16-20,Năm ngược chiều,quốc gia,Viện A,,2019,2017,,,,,,',
			'KC.01.07/16-20,Năm ngoài giai đoạn mã,quốc gia,Viện A,,2012,2014,,,,,,',
			'KC.01.08/16-20,Ngày không có thật,quốc gia,Viện A,,,,,,,,,31/02/2020',
			'KC.01.09/16-20,Tình trạng lạ,quốc gia,Viện A,,,,,,,đang bay,,',
			'KC.01.10/16-20,Thiếu cột,quốc gia',
			'KC.01.11/16-20,Năm không phải số,quốc gia,Viện A,,hai nghìn,,,,,,,',
			'KX.99.99/16-20,Trùng số đăng ký với dòng 2,quốc gia,Viện B,,,,,,,,2020-01-0001/KQNC,',
			'@@@,Mã lạ,quốc gia,Viện A,,,,,,,,,',
		].join('\r\n')
		const id = await dryRun(rows)
		expect(await verdicts(id)).toEqual([
			{ line: 2, action: 'CREATE', codes: [], changes: [] },
			{ line: 3, action: 'REJECT', codes: ['taskCode:required'], changes: [] },
			{ line: 4, action: 'REJECT', codes: ['title:tooShort'], changes: [] },
			{ line: 5, action: 'REJECT', codes: ['level:level'], changes: [] },
			{ line: 6, action: 'REJECT', codes: ['province:unknownProvinceSuggest'], changes: [] },
			{ line: 7, action: 'REJECT', codes: ['fieldCodes:unknownFieldSuggest'], changes: [] },
			{ line: 8, action: 'REJECT', codes: ['endYear:yearOrder'], changes: [] },
			{ line: 9, action: 'REJECT', codes: ['startYear:codePeriod'], changes: [] },
			{ line: 10, action: 'REJECT', codes: ['registrationDate:date'], changes: [] },
			{ line: 11, action: 'REJECT', codes: ['applicationStatus:status'], changes: [] },
			{ line: 12, action: 'REJECT', codes: [':columnCount'], changes: [] },
			{ line: 13, action: 'REJECT', codes: ['startYear:year'], changes: [] },
			{ line: 14, action: 'REJECT', codes: [':duplicate'], changes: [] },
			{ line: 15, action: 'REJECT', codes: ['taskCode:taskCode'], changes: [] },
		])
		const suggestion = await prisma.importRow.findFirstOrThrow({ where: { importId: id, line: 7 } })
		expect(suggestion.issues).toEqual([{ field: 'fieldCodes', code: 'unknownFieldSuggest', params: expect.objectContaining({ value: '40599', code: '40501' }) }])
		const province = await prisma.importRow.findFirstOrThrow({ where: { importId: id, line: 6 } })
		expect(province.issues).toEqual([{ field: 'province', code: 'unknownProvinceSuggest', params: expect.objectContaining({ suggestion: 'Thanh Hóa' }) }])
		const duplicate = await prisma.importRow.findFirstOrThrow({ where: { importId: id, line: 14 } })
		expect(duplicate.issues).toEqual([{ field: '', code: 'duplicate', params: { line: 2 } }])

		const done = await apply(id)
		expect(done.applied).toMatchObject({ create: 1, reject: 13 })
		expect(await prisma.taskResult.count({ where: { registrationKey: '2020-01-0001/KQNC' } })).toBe(1)
		expect(await prisma.taskResult.count({ where: { title: { in: ['Năm ngược chiều', 'Cấp không tồn tại'] } } })).toBe(0)
	})

	test('a file without a required column stops with the columns it lacks; unknown columns are reported and ignored', async () => {
		const missing = await dryRun('Mã số nhiệm vụ,Tên nhiệm vụ\nKC.01.01/16-20,Tên đủ dài\n')
		expect(await prisma.import.findUniqueOrThrow({ where: { id: missing } })).toMatchObject({ status: 'FAILED', errorCode: 'imports.errors.missingColumns' })
		const extra = await dryRun('Task code,Title,Level,Host organisation,Ghi chú nội bộ\nKC.01.21/16-20,A task with an English header,national,Viện A,abc\n')
		expect(await prisma.import.findUniqueOrThrow({ where: { id: extra } })).toMatchObject({ status: 'VALIDATED', summary: expect.objectContaining({ create: 1, unknownColumns: ['Ghi chú nội bộ'] }) })
	})
})

describe('files that cannot be read', () => {
	const failure = async (bytes: Buffer, fileName = 'tep.csv') => {
		const id = await dryRun(bytes, 'TASK_RESULTS', fileName)
		const record = await prisma.import.findUniqueOrThrow({ where: { id } })
		expect(await prisma.importRow.count({ where: { importId: id } })).toBe(0)
		return { status: record.status, code: record.errorCode, params: record.errorParams }
	}
	const text = [HEADER, ...GOOD].join('\n')

	test('a UTF-16 CSV (with or without a byte order mark) gets a clear message, not garbage', async () => {
		expect(await failure(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toMatchObject({ status: 'FAILED', code: 'imports.errors.utf16' })
		expect(await prisma.notification.count({ where: { userId: operator.id, kind: 'import.failed' } })).toBeGreaterThan(0)
		expect(await failure(Buffer.from(text, 'utf16le'))).toMatchObject({ status: 'FAILED', code: 'imports.errors.utf16' })
	})

	test('a Windows-1258 CSV is refused with the line of the first byte that is not UTF-8', async () => {
		// "Công nghệ" in Windows-1258: ô is 0xF4, ệ is ê (0xEA) followed by the combining dot below (0xF2).
		const cp1258 = Buffer.concat([Buffer.from(`${HEADER}\nKC.01.01/16-20,C`), Buffer.from([0x6f, 0xf4, 0x6e, 0x67, 0x20, 0x6e, 0x67, 0x68, 0xea, 0xf2]), Buffer.from(',quốc gia,Viện A\n')])
		expect(await failure(cp1258)).toMatchObject({ status: 'FAILED', code: 'imports.errors.notUtf8', params: { line: 2 } })
	})

	test('a file cut off in the middle of a quoted cell says so; one cut off mid-row rejects that row', async () => {
		const cut = text.slice(0, text.indexOf('Thiết bị'))
		expect(await failure(Buffer.from(cut))).toMatchObject({ status: 'FAILED', code: 'imports.errors.cutOff' })
		const midRow = await dryRun(text.slice(0, text.lastIndexOf(',20205')))
		const [whole, cutRow] = await verdicts(midRow)
		expect(whole?.action).not.toBe('REJECT')
		expect(cutRow).toMatchObject({ line: 3, action: 'REJECT', codes: [':columnCount'] })
	})

	test('a JSON file cut off is refused; a truncated XLSX is refused as damaged', async () => {
		const json = JSON.stringify([{ taskCode: 'KC.01.31/16-20', title: 'Một nhiệm vụ JSON', level: 'NATIONAL', hostName: 'Viện A' }, { taskCode: 'KC.01.32/16-20', title: 'Nhiệm vụ thứ hai', level: 'NATIONAL', hostName: 'Viện A' }])
		expect(await failure(Buffer.from(json.slice(0, json.length - 30)), 'a.json')).toMatchObject({ status: 'FAILED', code: 'imports.errors.cutOffJson' })
		const workbook = new ExcelJS.Workbook()
		const sheet = workbook.addWorksheet('Kết quả')
		sheet.addRow(HEADER.split(','))
		for (let i = 0; i < 200; i++) sheet.addRow([`KC.01.${String(i % 100).padStart(2, '0')}/16-20`, `Nhiệm vụ số ${i} về vật liệu mới`, 'quốc gia', 'Viện A'])
		const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
		expect(await failure(xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'a.xlsx')).toMatchObject({ status: 'FAILED', code: 'imports.errors.xlsxDamaged' })
	})
})

describe('other formats', () => {
	test('XLSX: dates, numbers and rich text cells read like CSV text; row numbers are the sheet rows', async () => {
		const workbook = new ExcelJS.Workbook()
		const sheet = workbook.addWorksheet('Kết quả')
		sheet.addRow(['Task code', 'Title', 'Level', 'Host organisation', 'Start year', 'Registration date', 'Fields'])
		sheet.addRow([])
		sheet.addRow(['KC.08.01/21-25', { richText: [{ text: 'Hệ thống ' }, { text: 'cảnh báo lũ', font: { bold: true } }] }, 'national', 'Viện Thủy lợi', 2021, new Date(Date.UTC(2024, 4, 20)), 20102])
		const id = await dryRun(Buffer.from(await workbook.xlsx.writeBuffer()), 'TASK_RESULTS', 'a.xlsx')
		expect(await verdicts(id)).toEqual([{ line: 3, action: 'CREATE', codes: [], changes: [] }])
		await apply(id)
		const row = await prisma.taskResult.findFirstOrThrow({ where: { taskCodeKey: 'KC.08.01/21-25' } })
		expect(row).toMatchObject({ title: 'Hệ thống cảnh báo lũ', startYear: 2021, fieldCodes: ['20102'] })
		expect(row.registrationDate?.toISOString().slice(0, 10)).toBe('2024-05-20')
	})

	test('experts from JSON: e-mail key, task participation resolved to task results, an unknown task reference is rejected', async () => {
		const experts = JSON.stringify({
			items: [
				{ fullName: 'PGS.TS. Nguyễn Văn Hảo', organisationName: 'Viện Nghiên cứu Nuôi trồng Thủy sản II', email: 'Hao.NV@ria2.example', fieldCodes: '40501', publications: [{ title: 'Nuôi tôm tuần hoàn', year: 2019, venue: 'Tạp chí KHNN' }], tasks: [{ ref: '2021-24-0057/KQNC', role: 'chủ nhiệm' }] },
				{ fullName: 'Trần Thị Lan', organisationName: 'Viện A', tasks: 'KC.99.99/16-20 (thành viên)' },
			],
		})
		const id = await dryRun(experts, 'EXPERTS', 'experts.json')
		expect(await verdicts(id)).toEqual([
			{ line: 1, action: 'CREATE', codes: [], changes: [] },
			{ line: 2, action: 'REJECT', codes: ['tasks:unknownTask'], changes: [] },
		])
		await apply(id)
		const expert = await prisma.expert.findUniqueOrThrow({ where: { email: 'hao.nv@ria2.example' }, include: { tasks: true, publications: true } })
		expect(expert).toMatchObject({ fullName: 'Nguyễn Văn Hảo', academicTitle: 'ASSOCIATE_PROFESSOR', degree: 'DOCTOR', organisationId: host.id, provinceCode: '79' })
		expect(expert.tasks).toEqual([expect.objectContaining({ role: 'PRINCIPAL_INVESTIGATOR' })])
		expect(expert.publications.map((p) => [p.title, p.year, p.venue, p.source])).toEqual([['Nuôi tôm tuần hoàn', 2019, 'Tạp chí KHNN', 'IMPORT']])

		// Claimed profiles keep what their expert maintains.
		const claimant = await createUser()
		await prisma.expert.update({ where: { id: expert.id }, data: { claimedById: claimant.id, bio: 'Tự giới thiệu' } })
		await prisma.expertPublication.create({ data: { expertId: expert.id, title: 'Bài tự thêm', year: 2024, source: 'SELF', position: 10_000 } })
		const update = await dryRun(JSON.stringify([{ fullName: 'Nguyễn Văn Hảo', email: 'hao.nv@ria2.example', bio: 'Tiểu sử từ cơ sở dữ liệu', degree: 'TSKH', publications: [] }]), 'EXPERTS', 'b.json')
		expect(await verdicts(update)).toEqual([{ line: 1, action: 'UPDATE', codes: [], changes: ['publications'] }])
		await apply(update)
		const after = await prisma.expert.findUniqueOrThrow({ where: { id: expert.id }, include: { publications: true } })
		expect(after).toMatchObject({ bio: 'Tự giới thiệu', degree: 'DOCTOR', academicTitle: 'ASSOCIATE_PROFESSOR' })
		expect(after.publications.map((p) => p.title)).toEqual(['Bài tự thêm'])
	})
})

describe('links to platform organisations', () => {
	test('only verified organisations get links; verifying one links what was registered under its name, unverifying takes the links back', async () => {
		const unverified = await createOrganisation({ name: 'Viện Cơ điện Kiểm thử', provinceCode: '01' })
		const id = await dryRun(`${HEADER}\nKC.02.41/16-20,Máy gặt đập liên hợp cỡ nhỏ,quốc gia,viện cơ điện kiểm thử,,2017,2019,,,,,,\n`)
		await apply(id)
		const where = { taskCodeKey: 'KC.02.41/16-20' }
		expect((await prisma.taskResult.findFirstOrThrow({ where })).hostOrganisationId).toBeNull()
		await prisma.expert.create({ data: { fullName: 'Đỗ Văn Cơ', organisationName: 'Viện Cơ điện Kiểm thử', identityKey: 'do van co|vien co dien kiem thu', source: 'IMPORT' } })

		await setOrganisationVerified(operator.id, unverified.id, true)
		expect((await prisma.taskResult.findFirstOrThrow({ where })).hostOrganisationId).toBe(unverified.id)
		expect((await prisma.expert.findFirstOrThrow({ where: { fullName: 'Đỗ Văn Cơ' } })).organisationId).toBe(unverified.id)

		await setOrganisationVerified(operator.id, unverified.id, false)
		expect((await prisma.taskResult.findFirstOrThrow({ where })).hostOrganisationId).toBeNull()
		expect((await prisma.expert.findFirstOrThrow({ where: { fullName: 'Đỗ Văn Cơ' } })).organisationId).toBeNull()
	})
})
