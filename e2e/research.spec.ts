/**
 * Registered task results (issue 4): an operator imports a file of task results with errors, fixes
 * it and applies it; the results are public; an institute links one to its offer as evidence.
 * Also: the import pages are operators' only, and an unreadable file says why.
 */
import type { Locator, Page } from '@playwright/test'
import { TASK_RESULT_COLUMNS } from '../app/imports/columns.ts'
import { resolveProvince } from '../app/utils/provinces.ts'
import { expect, interpolate, test, texts, uniqueSuffix, type Factory } from './fixtures.ts'

const vi = texts.vi
const I = vi.imports
const E = vi.listings.evidence
const R = vi.taskResults

type TaskRow = {
	taskCode: string
	title: string
	level: string
	hostName: string
	province: string
	startYear: string
	endYear: string
	fieldCodes: string
	keywords: string
	abstract: string
	applicationStatus: string
	registrationNumber: string
	registrationDate: string
}

const KEYS = ['taskCode', 'title', 'level', 'hostName', 'province', 'startYear', 'endYear', 'fieldCodes', 'keywords', 'abstract', 'applicationStatus', 'registrationNumber', 'registrationDate'] as const

/** The column's Vietnamese header, as the import template writes it. */
function header(key: string) {
	const column = TASK_RESULT_COLUMNS.find((c) => c.key === key)
	if (!column) throw new Error(`no column ${key}`)
	return column.vi
}

function csvCell(value: string) {
	return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A CSV file with Vietnamese headers; the header is line 1, rows[i] is line i + 2. */
function csv(rows: TaskRow[]) {
	return [KEYS.map(header), ...rows.map((row) => KEYS.map((key) => row[key]))].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The value of a `<dt>label</dt><dd>…</dd>` pair on a detail page. */
function fact(scope: Locator, label: string) {
	return scope.locator('dt').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]')
}

function importId(page: Page) {
	const match = /\/operator\/imports\/([^/?#]+)/.exec(new URL(page.url()).pathname)
	expect(match, `an import id in ${page.url()}`).not.toBeNull()
	return match![1]!
}

/** Uploads a file of task results on /operator/imports and lands on its page; returns the import's id. */
async function upload(page: Page, name: string, content: Buffer) {
	await page.goto('/operator/imports')
	await page.getByLabel(I.upload.kind, { exact: true }).selectOption('TASK_RESULTS')
	await page.getByLabel(I.upload.file, { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: content })
	await page.getByRole('button', { name: I.upload.submit, exact: true }).click()
	await expect(page).toHaveURL(/\/operator\/imports\/[^/?]+\?done=uploaded$/)
	await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
	return importId(page)
}

function count(page: Page, list: 'dry-run-counts' | 'applied-counts', key: 'create' | 'update' | 'unchanged' | 'reject') {
	return page.getByTestId(list).locator(`dd[data-count="${key}"]`)
}

async function expectCounts(page: Page, list: 'dry-run-counts' | 'applied-counts', expected: { create: number; update: number; unchanged: number; reject: number }) {
	for (const [key, value] of Object.entries(expected)) await expect(count(page, list, key as 'create'), `${list} ${key}`).toHaveText(String(value))
}

async function operatorAndInstitute(factory: Factory, suffix: string) {
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const { user: owner, organisation } = await factory.owner({
		organisation: { type: 'RESEARCH_INSTITUTE', name: `Viện Công nghệ Sinh học Kiểm thử ${suffix}`, provinceCode: '79', verified: true },
	})
	const offer = await factory.offer(organisation, { status: 'PUBLISHED', createdBy: owner, title: `Chế phẩm vi sinh xử lý rơm rạ kiểm thử ${suffix}` })
	return { operator, owner, organisation, offer }
}

test('an operator imports task results with errors, fixes the file and applies it; the results are public; an institute links one to its offer', async ({ factory, openPage }) => {
	test.slow()
	const suffix = uniqueSuffix().toUpperCase()
	const { operator, owner, organisation, offer } = await operatorAndInstitute(factory, suffix)

	// Line 2 and 4 are good; line 3 names a province with a typo, line 5 ends before it starts.
	const hosted: TaskRow = {
		taskCode: `ĐTKHCN-${suffix}-01/2019`,
		title: `Quy trình sản xuất chế phẩm vi sinh phân giải rơm rạ ${suffix}`,
		level: 'Cấp quốc gia',
		hostName: organisation.name,
		province: 'Sóc Trăng',
		startYear: '2019',
		endYear: '2021',
		fieldCodes: '40501',
		keywords: 'vi sinh; rơm rạ; phân hữu cơ',
		abstract: 'Chế phẩm vi sinh phân giải rơm rạ tại ruộng trong 15 ngày, giảm đốt đồng, bổ sung hữu cơ cho đất.',
		applicationStatus: 'Đã ứng dụng',
		registrationNumber: `2022-E2E${suffix}-01/KQNC`,
		registrationDate: '15/03/2022',
	}
	const typo: TaskRow = {
		taskCode: `ĐTKHCN-${suffix}-02/2020`,
		title: `Giống lúa chịu mặn cho vùng ven biển kiểm thử ${suffix}`,
		level: 'Cấp tỉnh',
		hostName: `Trường Đại học Kiểm thử ${suffix}`,
		province: 'Thanh Hao',
		startYear: '2020',
		endYear: '2022',
		fieldCodes: '40501',
		keywords: 'lúa; chịu mặn',
		abstract: 'Chọn tạo giống lúa chịu mặn 4‰.',
		applicationStatus: 'Thử nghiệm',
		registrationNumber: '',
		registrationDate: '',
	}
	const plain: TaskRow = {
		taskCode: `ĐTKHCN-${suffix}-03/2018`,
		title: `Vật liệu hấp phụ kim loại nặng từ vỏ trấu kiểm thử ${suffix}`,
		level: 'Cấp bộ',
		hostName: `Viện Hóa học Kiểm thử ${suffix}`,
		province: 'Hà Nội',
		startYear: '2018',
		endYear: '2020',
		fieldCodes: '20401',
		keywords: 'vỏ trấu; hấp phụ',
		abstract: 'Than hoạt tính từ vỏ trấu, hấp phụ chì và cadimi trong nước thải.',
		applicationStatus: 'Chưa ứng dụng',
		registrationNumber: `2021-E2E${suffix}-03/KQNC`,
		registrationDate: '2021-06-01',
	}
	const backwards: TaskRow = {
		taskCode: `ĐTKHCN-${suffix}-04/2023`,
		title: `Hệ thống cảnh báo sạt lở đất bằng cảm biến kiểm thử ${suffix}`,
		level: 'Cấp cơ sở',
		hostName: `Viện Địa chất Kiểm thử ${suffix}`,
		province: 'Lào Cai',
		startYear: '2023',
		endYear: '2021',
		fieldCodes: '',
		keywords: 'sạt lở; cảm biến',
		abstract: '',
		applicationStatus: '',
		registrationNumber: '',
		registrationDate: '',
	}
	factory.trackTaskResults(hosted.taskCode, typo.taskCode, plain.taskCode, backwards.taskCode)
	const canTho = resolveProvince(hosted.province)
	expect(canTho, 'Sóc Trăng is a former province, now part of Cần Thơ').toMatchObject({ code: '92', nameVi: 'Cần Thơ', former: true })

	const page = await openPage(operator)

	// 1. The file with errors: a dry run, nothing written.
	const firstName = `ket-qua-nhiem-vu-${suffix}-loi.csv`
	const first = await upload(page, firstName, Buffer.from(csv([hosted, typo, plain, backwards])))
	const report = page.getByTestId('import')
	await expect(report).toHaveAttribute('data-status', 'VALIDATED')
	await expectCounts(page, 'dry-run-counts', { create: 2, update: 0, unchanged: 0, reject: 2 })
	// The report opens on the rejected rows, each with its line and translated reason.
	const rows = page.getByTestId('import-rows').locator('tbody tr')
	await expect(rows).toHaveCount(2)
	const line3 = rows.and(page.locator('[data-line="3"]'))
	await expect(line3).toHaveAttribute('data-action', 'REJECT')
	await expect(line3.locator('td').first()).toHaveText('3')
	await expect(line3).toContainText(`${header('province')}: ${interpolate(I.issues.unknownProvinceSuggest, { value: 'Thanh Hao', suggestion: 'Thanh Hóa' })}`)
	const line5 = rows.and(page.locator('[data-line="5"]'))
	await expect(line5).toHaveAttribute('data-action', 'REJECT')
	await expect(line5.locator('td').first()).toHaveText('5')
	await expect(line5).toContainText(`${header('endYear')}: ${interpolate(I.issues.yearOrder, { start: 2023, end: 2021 })}`)
	await expect(line5).toContainText(backwards.taskCode.toLocaleUpperCase('vi'))
	// All rows: the good ones would be created.
	await page.getByRole('navigation', { name: I.detail.filter }).getByRole('link', { name: I.detail.all, exact: true }).click()
	await expect(page).toHaveURL(/\?show=ALL$/)
	await expect(rows).toHaveCount(4)
	await expect(rows.and(page.locator('[data-action="CREATE"]'))).toHaveCount(2)
	await expect(rows.and(page.locator('[data-line="2"]'))).toHaveAttribute('data-action', 'CREATE')
	await expect(rows.and(page.locator('[data-line="4"]'))).toHaveAttribute('data-action', 'CREATE')
	await expect(page.locator('button[name="intent"][value="apply"]')).toHaveText(interpolate(I.detail.applyWithRejects_other, { count: 2 }))
	expect(await factory.db.taskResult.count({ where: { title: { contains: suffix } } }), 'a dry run writes nothing').toBe(0)

	// 2. The same rows corrected: everything is created once applied.
	const fixed = [hosted, { ...typo, province: 'Thanh Hóa' }, plain, { ...backwards, endYear: '2024' }]
	const second = await upload(page, `ket-qua-nhiem-vu-${suffix}-da-sua.csv`, Buffer.from(csv(fixed)))
	expect(second).not.toBe(first)
	await expect(report).toHaveAttribute('data-status', 'VALIDATED')
	await expectCounts(page, 'dry-run-counts', { create: 4, update: 0, unchanged: 0, reject: 0 })
	await expect(rows.and(page.locator('[data-action="CREATE"]'))).toHaveCount(4)
	const apply = page.locator('button[name="intent"][value="apply"]')
	await expect(apply).toHaveText(I.detail.apply)
	await apply.click()
	await expect(report).toHaveAttribute('data-status', 'APPLIED')
	await expectCounts(page, 'applied-counts', { create: 4, update: 0, unchanged: 0, reject: 0 })
	await expect(apply).toHaveCount(0)
	// The list of imports shows both files with their state.
	await page.getByRole('link', { name: `← ${I.title}` }).click()
	const listed = (fileName: string) => page.getByTestId('imports').getByRole('row').filter({ has: page.getByRole('link', { name: fileName, exact: true }) })
	await expect(listed(firstName)).toContainText(I.statuses.VALIDATED)
	await expect(listed(`ket-qua-nhiem-vu-${suffix}-da-sua.csv`)).toContainText(I.statuses.APPLIED)

	// 3. The results are written as the file says: provinces mapped, the host linked by its name.
	const written = await factory.db.taskResult.findMany({
		where: { title: { contains: suffix } },
		orderBy: { taskCode: 'asc' },
		select: { id: true, taskCode: true, title: true, level: true, hostOrganisationId: true, provinceCode: true, startYear: true, endYear: true, registrationNumber: true, source: true, importId: true, applicationStatus: true },
	})
	expect(written.map(({ id: _id, ...rest }) => rest)).toEqual([
		{ taskCode: hosted.taskCode.toLocaleUpperCase('vi'), title: hosted.title, level: 'NATIONAL', hostOrganisationId: organisation.id, provinceCode: '92', startYear: 2019, endYear: 2021, registrationNumber: hosted.registrationNumber.toLocaleUpperCase('vi'), source: 'IMPORT', importId: second, applicationStatus: 'APPLIED' },
		{ taskCode: typo.taskCode.toLocaleUpperCase('vi'), title: typo.title, level: 'PROVINCIAL', hostOrganisationId: null, provinceCode: resolveProvince('Thanh Hóa')!.code, startYear: 2020, endYear: 2022, registrationNumber: null, source: 'IMPORT', importId: second, applicationStatus: 'PILOT' },
		{ taskCode: plain.taskCode.toLocaleUpperCase('vi'), title: plain.title, level: 'MINISTERIAL', hostOrganisationId: null, provinceCode: '01', startYear: 2018, endYear: 2020, registrationNumber: plain.registrationNumber.toLocaleUpperCase('vi'), source: 'IMPORT', importId: second, applicationStatus: 'NOT_APPLIED' },
		{ taskCode: backwards.taskCode.toLocaleUpperCase('vi'), title: backwards.title, level: 'GRASSROOTS', hostOrganisationId: null, provinceCode: resolveProvince('Lào Cai')!.code, startYear: 2023, endYear: 2024, registrationNumber: null, source: 'IMPORT', importId: second, applicationStatus: 'NOT_APPLIED' },
	])
	const hostedId = written[0]!.id

	// On the public pages: the list's search finds it by its title, the detail page shows the record.
	const visitor = await openPage(null)
	await visitor.goto('/task-results')
	const search = visitor.getByRole('search', { name: R.filters.title })
	await search.getByLabel(R.filters.q, { exact: true }).fill(hosted.title)
	await search.getByRole('button', { name: R.filters.apply, exact: true }).click()
	await expect(visitor).toHaveURL(/\/task-results\?(.+&)?q=/)
	const list = visitor.getByTestId('task-result-list').getByRole('listitem')
	await expect(list).toHaveCount(1)
	await expect(list).toContainText(hosted.taskCode.toLocaleUpperCase('vi'))
	await expect(list).toContainText(canTho!.nameVi)
	await list.getByRole('link', { name: hosted.title, exact: true }).click()
	await expect(visitor).toHaveURL(new RegExp(`/task-results/${hostedId}$`))
	const detail = visitor.getByTestId('task-result-detail')
	await expect(detail.getByRole('heading', { level: 1 })).toHaveText(hosted.title)
	await expect(fact(detail, R.fields.taskCode)).toHaveText(hosted.taskCode.toLocaleUpperCase('vi'))
	await expect(fact(detail, R.fields.province)).toHaveText(canTho!.nameVi)
	await expect(fact(detail, R.fields.level)).toHaveText(R.levels.NATIONAL)
	await expect(fact(detail, R.fields.registrationNumber)).toHaveText(hosted.registrationNumber.toLocaleUpperCase('vi'))
	await expect(fact(detail, R.fields.host).getByRole('link', { name: organisation.name, exact: true })).toHaveAttribute('href', `/organisations/${organisation.slug}`)
	// No offer builds on it yet.
	await expect(detail.getByTestId('not-offered')).toContainText(R.detail.notOffered)
	// The typo row was stored under the province it was corrected to.
	await visitor.goto(`/task-results/${written[1]!.id}`)
	await expect(fact(detail, R.fields.province)).toHaveText('Thanh Hóa')

	// 4. The institute finds the result it hosted with the editor's evidence search and links it.
	const ownerPage = await openPage(owner)
	await ownerPage.goto(`/offers/${offer.id}/edit?step=technical`)
	const panel = ownerPage.getByTestId('evidence-panel')
	await expect(panel).toContainText(E.none)
	await panel.getByLabel(E.search).fill(hosted.registrationNumber)
	await panel.getByRole('button', { name: E.searchButton, exact: true }).click()
	await expect(ownerPage).toHaveURL(/evidenceQuery=/)
	const found = panel.getByTestId('evidence-results').getByRole('listitem')
	await expect(found).toHaveCount(1)
	await expect(found).toContainText(hosted.taskCode.toLocaleUpperCase('vi'))
	await expect(found.getByRole('link', { name: hosted.title, exact: true })).toHaveAttribute('href', `/task-results/${hostedId}`)
	// Hosted by the offer's own organisation: no "hosted elsewhere" note.
	await expect(found.getByTestId('evidence-other-host')).toHaveCount(0)
	await found.getByRole('button', { name: E.link, exact: true }).click()
	await expect(panel.getByRole('status')).toHaveText(E.done.linked)
	await expect(panel.getByRole('heading', { level: 3, name: interpolate(E.linked, { count: 1, max: 20 }) })).toBeVisible()
	await expect(panel.getByTestId('evidence-results').getByRole('link', { name: hosted.title, exact: true })).toHaveCount(0)
	expect(await factory.db.offerTaskResult.findMany({ where: { offerId: offer.id }, select: { taskResultId: true, linkedById: true } })).toEqual([{ taskResultId: hostedId, linkedById: owner.id }])

	// The public offer page shows it under "Backed by registered R&D", linking to its record…
	await visitor.goto(offer.path)
	await expect(visitor.getByTestId('evidence-badge')).toHaveText(E.badge)
	const card = visitor.getByTestId('evidence')
	await expect(card.getByRole('heading', { level: 2 })).toHaveText(E.title)
	await expect(card.getByRole('listitem')).toHaveCount(1)
	await expect(card).toContainText(hosted.taskCode.toLocaleUpperCase('vi'))
	await expect(card.getByRole('link', { name: hosted.title, exact: true })).toHaveAttribute('href', `/task-results/${hostedId}`)
	await expect(card.getByRole('link', { name: organisation.name, exact: true })).toHaveAttribute('href', `/organisations/${organisation.slug}`)
	// …and the task result's page now lists the offer.
	await card.getByRole('link', { name: hosted.title, exact: true }).click()
	await expect(visitor).toHaveURL(new RegExp(`/task-results/${hostedId}$`))
	const offers = detail.getByTestId('task-result-offers')
	await expect(offers.getByRole('link', { name: offer.title, exact: true })).toHaveAttribute('href', offer.path)
	await expect(detail.getByTestId('not-offered')).toHaveCount(0)
})

test('the import pages are for operators only: a member gets 403 and cannot upload', async ({ page, factory, baseURL }) => {
	const { user: member } = await factory.owner()
	await factory.signIn(page.context(), member)

	for (const path of ['/operator/imports', '/operator/imports/help']) {
		const response = await page.goto(path)
		expect(response?.status(), path).toBe(403)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.errors.forbidden)
		await expect(page.locator('#import-upload')).toHaveCount(0)
	}

	const posted = await page.request.post('/operator/imports', {
		headers: { Origin: baseURL! },
		multipart: { kind: 'TASK_RESULTS', file: { name: 'ket-qua.csv', mimeType: 'text/csv', buffer: Buffer.from('Mã số nhiệm vụ,Tên nhiệm vụ,Cấp quản lý,Tổ chức chủ trì\r\nĐTKHCN-01/2020,Một nhiệm vụ,cấp tỉnh,Viện A\r\n') } },
		maxRedirects: 0,
	})
	expect(posted.status()).toBe(403)
	expect(await factory.db.import.count({ where: { createdById: member.id } })).toBe(0)
})

test('a UTF-16 file cannot be read: the import fails with the translated reason and no report', async ({ page, factory }) => {
	const suffix = uniqueSuffix().toUpperCase()
	const operator = await factory.user({ roles: ['OPERATOR'] })
	await factory.signIn(page.context(), operator)
	const taskCode = `ĐTKHCN-${suffix}-09/2021`
	factory.trackTaskResults(taskCode)
	const text = csv([
		{
			taskCode,
			title: `Nhiệm vụ lưu dạng Unicode kiểm thử ${suffix}`,
			level: 'Cấp tỉnh',
			hostName: 'Viện Kiểm thử',
			province: 'Hà Nội',
			startYear: '2020',
			endYear: '2021',
			fieldCodes: '',
			keywords: '',
			abstract: '',
			applicationStatus: '',
			registrationNumber: '',
			registrationDate: '',
		},
	])
	// What Excel's "Unicode text" writes: UTF-16 little endian with a byte order mark.
	const fileName = `ket-qua-unicode-${suffix}.csv`
	const id = await upload(page, fileName, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))

	const report = page.getByTestId('import')
	await expect(report).toHaveAttribute('data-status', 'FAILED')
	const failed = page.getByTestId('import-failed')
	await expect(failed).toContainText(I.detail.failed)
	await expect(failed).toContainText(I.errors.utf16)
	await expect(page.getByTestId('dry-run-counts')).toHaveCount(0)
	await expect(page.getByTestId('import-rows')).toHaveCount(0)
	await expect(page.locator('button[name="intent"][value="apply"]')).toHaveCount(0)
	expect(await factory.db.import.findUniqueOrThrow({ where: { id }, select: { status: true, errorCode: true } })).toEqual({ status: 'FAILED', errorCode: 'imports.errors.utf16' })
	expect(await factory.db.importRow.count({ where: { importId: id } })).toBe(0)
	expect(await factory.db.taskResult.count({ where: { title: { contains: suffix } } })).toBe(0)

	await page.goto('/operator/imports')
	const row = page.getByTestId('imports').getByRole('row').filter({ has: page.getByRole('link', { name: fileName, exact: true }) })
	await expect(row).toContainText(I.statuses.FAILED)
})
