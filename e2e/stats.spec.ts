/**
 * Statistics (issue 9): an operator opens /operator/stats, filters to a province and an S&T field,
 * checks a figure's data table against the raw rows, downloads its CSV (exactly the table shown)
 * and exports a task proposal from two unmet demands (a refusal first, then JSON and CSV files).
 * A provincial operator is held to their province whatever the URL says, and gets no other
 * operator page. Without JavaScript, the public /stats still draws its charts and filters.
 *
 * The database holds the demo data and other specs' rows too, so expected counts come from an
 * independent query over the raw rows, not from what this file alone inserted; the field used
 * (207, environmental engineering) is one no other spec writes in the provinces used here.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import type { Download, Locator, Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { expect, interpolate, test, texts, type Factory, type TestListing, type TestOrganisation } from './fixtures.ts'

const vi = texts.vi
const S = vi.stats

const FIELD = '207'
const HANOI = '01'
const HCMC = '79'
const BOM = [0xef, 0xbb, 0xbf]

/**
 * A made-up word: the seeded listings share no word with each other or with anything else, so the
 * matching job (run on every publication) pairs none of them and the demands stay unmet.
 */
function madeUpWord() {
	return [...randomBytes(9)].map((b) => String.fromCharCode(97 + (b % 26))).join('')
}
const words = (n: number) => Array.from({ length: n }, madeUpWord).join(' ')
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function offerTexts() {
	return { title: capitalised(words(3)), summary: capitalised(words(8)), description: capitalised(words(20)), keywords: [madeUpWord(), madeUpWord()] }
}
function demandTexts() {
	return { title: capitalised(words(3)), problem: capitalised(words(20)), desiredOutcome: capitalised(words(8)), keywords: [madeUpWord(), madeUpWord()] }
}

type Market = {
	/** Hà Nội: an institute with an offer in 20701 and one in 40501 (another field). */
	institute: TestOrganisation
	/** Hà Nội: two enterprises, each with one unmet demand in field 207. */
	asking: [TestOrganisation, TestOrganisation]
	unmet: [TestListing, TestListing]
	/** TP. Hồ Chí Minh: an enterprise's demand and an institute's offer, both in 20701. */
	elsewhere: { demand: TestListing; offer: TestListing; organisation: TestOrganisation }
}

/** Published offers and demands in two provinces and two fields, published now (inside the default period). */
async function seedMarket(factory: Factory): Promise<Market> {
	const institute = await factory.organisation({ type: 'RESEARCH_INSTITUTE', provinceCode: HANOI, verified: true })
	const first = await factory.organisation({ type: 'ENTERPRISE', provinceCode: HANOI, verified: true, name: `Công ty Môi trường ${capitalised(madeUpWord())}` })
	const second = await factory.organisation({ type: 'ENTERPRISE', provinceCode: HANOI, verified: true, name: `Công ty Xử lý ${capitalised(madeUpWord())}` })
	const southern = await factory.organisation({ type: 'ENTERPRISE', provinceCode: HCMC, verified: true })
	const southernInstitute = await factory.organisation({ type: 'RESEARCH_INSTITUTE', provinceCode: HCMC, verified: true })

	await factory.offer(institute, { status: 'PUBLISHED', ...offerTexts(), fieldCodes: ['20701'], provinceCode: HANOI })
	await factory.offer(institute, { status: 'PUBLISHED', ...offerTexts(), fieldCodes: ['40501'], provinceCode: HANOI })
	const d1 = await factory.demand(first, { status: 'PUBLISHED', ...demandTexts(), fieldCodes: ['20701'], provinceCode: HANOI })
	// No province of its own: it counts in its organisation's.
	const d2 = await factory.demand(second, { status: 'PUBLISHED', ...demandTexts(), fieldCodes: ['20703'], provinceCode: null })
	const d3 = await factory.demand(southern, { status: 'PUBLISHED', ...demandTexts(), fieldCodes: ['20701'], provinceCode: HCMC })
	const o3 = await factory.offer(southernInstitute, { status: 'PUBLISHED', ...offerTexts(), fieldCodes: ['20701'], provinceCode: HCMC })
	return { institute, asking: [first, second], unmet: [d1, d2], elsewhere: { demand: d3, offer: o3, organisation: southern } }
}

/** The default period (the last 12 Vietnamese calendar months to this one) as months and instants. */
function defaultPeriod(now = new Date()) {
	const VN = 7 * 3600_000
	const local = new Date(now.getTime() + VN)
	const [y, m] = [local.getUTCFullYear(), local.getUTCMonth()]
	const month = (offset: number) => {
		const d = new Date(Date.UTC(y, m + offset, 1))
		return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
	}
	return { from: month(-11), to: month(0), start: new Date(Date.UTC(y, m - 11, 1) - VN), end: new Date(Date.UTC(y, m + 1, 1) - VN) }
}

/**
 * The "supply and demand by field" table for a province filtered to FIELD, recomputed from the raw
 * rows: one line per child field of FIELD (code, Vietnamese name, offers, demands first published in
 * the period, in the listing's province or else its organisation's).
 */
async function expectedByField(factory: Factory, province: string) {
	const { start, end } = defaultPeriod()
	const children = await factory.db.scienceField.findMany({ where: { parentCode: FIELD }, orderBy: { code: 'asc' }, select: { code: true, nameVi: true } })
	const count = async (table: 'Offer' | 'Demand', code: string) => {
		const [row] = await factory.db.$queryRawUnsafe<Array<{ count: number }>>(
			`SELECT count(*)::int AS count FROM "${table}" l JOIN "Organisation" o ON o.id = l."organisationId"
			WHERE l."publishedAt" >= $1 AND l."publishedAt" < $2 AND COALESCE(l."provinceCode", o."provinceCode") = $3 AND $4 = ANY(l."fieldPaths")`,
			start,
			end,
			province,
			code,
		)
		return row!.count
	}
	const rows: string[][] = []
	for (const f of children) rows.push([f.code, f.nameVi, String(await count('Offer', f.code)), String(await count('Demand', f.code))])
	return rows
}

/** Per field code, the [offers, demands] by which `after` exceeds `before` (codes without change left out). */
function seededDelta(before: string[][], after: string[][]) {
	const out: Record<string, [number, number]> = {}
	for (const row of after) {
		const was = before.find((r) => r[0] === row[0]) ?? [row[0], '', '0', '0']
		const delta: [number, number] = [Number(row[2]) - Number(was[2]), Number(row[3]) - Number(was[3])]
		if (delta[0] !== 0 || delta[1] !== 0) out[row[0]!] = delta
	}
	return out
}

/**
 * A figure's data table as the page shows it (its `<details>` opened): header cells and row cells,
 * as text (the stylesheet upper-cases table headings, which innerText would report).
 */
async function shownTable(figure: Locator) {
	const details = figure.locator('details')
	await details.locator('summary').click()
	await expect(details).toHaveAttribute('open', '')
	const headers = (await details.locator('thead th').allTextContents()).map((s) => s.trim())
	const rows: string[][] = []
	for (const row of await details.locator('tbody tr').all()) rows.push((await row.locator('th, td').allTextContents()).map((s) => s.trim()))
	return { headers, rows }
}

/** A count as written in a download: the page's Vietnamese thousands separators dropped. */
const asExported = (cell: string) => (/^\d{1,3}(\.\d{3})+$/.test(cell) ? cell.replace(/\./g, '') : cell)

async function read(download: Download) {
	return fs.readFile(await download.path())
}

/** A CSV download's bytes: starts with a UTF-8 byte order mark; returns its records. */
function csvRecords(bytes: Buffer): string[][] {
	expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual(BOM)
	return parse(bytes.subarray(3).toString('utf8'), { relax_column_count: false }) as string[][]
}

async function provinceName(factory: Factory, code: string) {
	return (await factory.db.province.findUniqueOrThrow({ where: { code }, select: { nameVi: true } })).nameVi
}

async function filterTo(page: Page, filters: { province?: string; field?: string }) {
	const form = page.getByRole('search', { name: S.filters.legend })
	if (filters.province) await form.locator('#s-province').selectOption(filters.province)
	if (filters.field) await form.locator('#s-field').selectOption(filters.field)
	await form.getByRole('button', { name: S.filters.apply, exact: true }).click()
	await page.waitForURL((url) => url.searchParams.get('province') === (filters.province ?? null) && url.searchParams.get('field') === (filters.field ?? null))
}

test('an operator filters the statistics to a province and a field, downloads a figure as CSV and exports two unmet demands as a task proposal', async ({ page, factory }) => {
	test.slow()
	const before = await expectedByField(factory, HANOI)
	const market = await seedMarket(factory)
	const operator = await factory.user({ roles: ['OPERATOR'] })
	await factory.signIn(page.context(), operator)
	const hanoi = await provinceName(factory, HANOI)
	const period = defaultPeriod()

	await page.goto('/operator/stats')
	await expect(page.getByRole('heading', { level: 2, name: S.operatorTitle })).toBeVisible()
	await expect(page.getByTestId('stats-scope')).toContainText(S.scopeNational)
	await expect(page.locator('#s-from')).toHaveValue(period.from)
	await expect(page.locator('#s-to')).toHaveValue(period.to)

	await filterTo(page, { province: HANOI, field: FIELD })
	const url = new URL(page.url())
	expect(url.pathname).toBe('/operator/stats')
	expect(Object.fromEntries(url.searchParams)).toMatchObject({ province: HANOI, field: FIELD, from: period.from, to: period.to })
	await expect(page.getByTestId('stats-scope')).toContainText(interpolate(S.scopeProvince, { province: hanoi }))
	await expect(page.getByTestId('stats-scope')).toContainText(interpolate(S.period, { from: period.from, to: period.to }))
	await expect(page.locator('#s-province')).toHaveValue(HANOI)
	await expect(page.locator('#s-field')).toHaveValue(FIELD)
	// One province has no province ranking.
	await expect(page.locator('section[data-figure="byProvince"]')).toHaveCount(0)

	// The field breakdown: the children of 207, counted in Hà Nội only (HCMC's 20701 offer and demand are not).
	const figure = page.locator('section[data-figure="byField"]')
	await expect(figure.getByRole('heading', { level: 2 })).toHaveText(S.figures.byField.title)
	await expect(figure.locator('.stat-chart svg')).toBeVisible()
	await expect(figure.locator('.stat-note')).toContainText(S.figures.byField.note)
	const expected = await expectedByField(factory, HANOI)
	const table = await shownTable(figure)
	expect(table.headers).toEqual([S.columns.code, S.columns.field, S.columns.offers, S.columns.demands])
	expect(table.rows.map((r) => r.map(asExported))).toEqual(expected)
	// What this test added, and only that: HCMC's offer and demand in 20701 and the 40501 offer are not counted.
	expect(seededDelta(before, expected), 'seeded rows counted').toEqual({ '20701': [1, 1], '20703': [0, 1] })

	// Its CSV is exactly the table shown, with the filters of the page.
	const csvLink = figure.getByRole('link', { name: S.downloadCsv, exact: true })
	const href = new URL((await csvLink.getAttribute('href'))!, page.url())
	expect(href.pathname).toBe('/operator/stats/download')
	expect(Object.fromEntries(href.searchParams)).toMatchObject({ figure: 'byField', format: 'csv', province: HANOI, field: FIELD, from: period.from, to: period.to })
	const [csvDownload] = await Promise.all([page.waitForEvent('download'), csvLink.click()])
	expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/)
	const [header, ...records] = csvRecords(await read(csvDownload))
	expect(header).toEqual(table.headers)
	expect(records).toEqual(table.rows.map((r) => r.map(asExported)))

	// Unmet demands of Hà Nội in 207: both seeded ones are listed, the HCMC one is not.
	const proposal = page.locator('#proposal')
	await expect(proposal.getByRole('heading', { level: 2 })).toHaveText(S.unmet.title)
	const [d1, d2] = market.unmet
	for (const demand of market.unmet) await expect(proposal.getByRole('checkbox', { name: demand.title, exact: true })).toBeVisible()
	await expect(proposal.getByRole('link', { name: market.elsewhere.demand.title })).toHaveCount(0)

	// Nothing chosen: refused, back on the page with the message, the filters and the typed title.
	const refusedTitle = `Đề xuất chưa chọn nhu cầu ${madeUpWord()}`
	await proposal.locator('#proposal-title').fill(refusedTitle)
	await proposal.getByRole('button', { name: S.unmet.export, exact: true }).click()
	await page.waitForURL((u) => u.searchParams.get('proposalError') !== null)
	expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ province: HANOI, field: FIELD })
	await expect(proposal.getByRole('alert')).toHaveText(S.unmet.errors.noneSelected)
	await expect(proposal.locator('#proposal-title')).toHaveValue(refusedTitle)
	for (const demand of market.unmet) await expect(proposal.getByRole('checkbox', { name: demand.title, exact: true })).not.toBeChecked()

	// Two demands, a title, the field 207, JSON: the proposal file.
	const title = `Nhiệm vụ xử lý chất thải công nghiệp Hà Nội ${madeUpWord()}`
	await proposal.getByRole('checkbox', { name: d1!.title, exact: true }).check()
	await proposal.getByRole('checkbox', { name: d2!.title, exact: true }).check()
	await proposal.locator('#proposal-title').fill(title)
	await proposal.locator('#proposal-field').selectOption(FIELD)
	await proposal.locator('#proposal-format').selectOption('json')
	const [jsonDownload] = await Promise.all([page.waitForEvent('download'), proposal.getByRole('button', { name: S.unmet.export, exact: true }).click()])
	expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/)
	const file = JSON.parse((await read(jsonDownload)).toString('utf8')) as {
		proposal: { title: string; field: { code: string } | null; province: { code: string; name: string } | null; problem: string; demandCount: number; organisationCount: number }
		demands: Array<{ id: string; title: string; url: string; organisationId: string; organisationName: string; province: string }>
		organisations: Array<{ id: string; name: string; demands: number }>
	}
	expect(file.proposal).toMatchObject({ title, field: { code: FIELD }, province: { code: HANOI, name: hanoi }, demandCount: 2, organisationCount: 2 })
	for (const demand of market.unmet) expect(file.proposal.problem).toContain(demand.title)
	const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
	expect(file.demands.map((d) => ({ id: d.id, title: d.title, organisationId: d.organisationId, organisationName: d.organisationName, province: d.province })).sort(byId)).toEqual(
		[
			{ id: d1!.id, title: d1!.title, organisationId: market.asking[0].id, organisationName: market.asking[0].name, province: hanoi },
			{ id: d2!.id, title: d2!.title, organisationId: market.asking[1].id, organisationName: market.asking[1].name, province: hanoi },
		].sort(byId),
	)
	for (const d of file.demands) expect(new URL(d.url).pathname).toBe(`/demands/${d.id}`)
	expect(file.organisations.map((o) => ({ id: o.id, name: o.name, demands: o.demands })).sort(byId)).toEqual(
		market.asking.map((o) => ({ id: o.id, name: o.name, demands: 1 })).sort(byId),
	)

	// The same selection as CSV: one line per demand, the proposal repeated on each.
	const F = S.unmet.file
	await proposal.locator('#proposal-format').selectOption('csv')
	const [csvProposal] = await Promise.all([page.waitForEvent('download'), proposal.getByRole('button', { name: S.unmet.export, exact: true }).click()])
	expect(csvProposal.suggestedFilename()).toMatch(/\.csv$/)
	const [columns, ...lines] = csvRecords(await read(csvProposal))
	expect(columns!.slice(0, 6)).toEqual([F.title, F.fieldCode, F.field, F.problem, F.demandId, F.demandTitle])
	const at = (name: string) => columns!.indexOf(name)
	expect(at(F.organisation)).toBeGreaterThan(0)
	expect(lines).toHaveLength(2)
	expect(lines.map((l) => [l[at(F.title)], l[at(F.fieldCode)], l[at(F.demandId)], l[at(F.demandTitle)], l[at(F.organisation)]]).sort((a, b) => a[2]!.localeCompare(b[2]!))).toEqual(
		[
			[title, FIELD, d1!.id, d1!.title, market.asking[0].name],
			[title, FIELD, d2!.id, d2!.title, market.asking[1].name],
		].sort((a, b) => a[2]!.localeCompare(b[2]!)),
	)
})

test('a provincial operator sees only their province, whatever the URL asks, and no other operator page', async ({ page, factory }) => {
	const before = await expectedByField(factory, HCMC)
	const market = await seedMarket(factory)
	const official = await factory.user({ roles: ['PROVINCIAL_OPERATOR'] })
	await factory.db.user.update({ where: { id: official.id }, data: { operatorProvinceCode: HCMC } })
	await factory.signIn(page.context(), official)
	const hcmc = await provinceName(factory, HCMC)
	const scope = interpolate(S.scopeProvince, { province: hcmc })

	// Asking for Hà Nội in the URL still shows TP. Hồ Chí Minh.
	await page.goto(`/operator/stats?province=${HANOI}&field=${FIELD}`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(S.title)
	await expect(page.locator('#s-province')).toHaveCount(0)
	await expect(page.locator('#s-field')).toHaveValue(FIELD)
	await expect(page.getByTestId('stats-scope')).toContainText(scope)
	await expect(page.getByText(interpolate(S.provinceLocked, { province: scope }))).toBeVisible()

	const figure = page.locator('section[data-figure="byField"]')
	const expected = await expectedByField(factory, HCMC)
	const table = await shownTable(figure)
	expect(table.rows.map((r) => r.map(asExported))).toEqual(expected)
	expect(seededDelta(before, expected), 'seeded rows counted').toEqual({ '20701': [1, 1] })
	// Hà Nội's figures differ, so the table above could not be Hà Nội's.
	expect(await expectedByField(factory, HANOI)).not.toEqual(expected)

	// Unmet demands: their province's, not Hà Nội's.
	const proposal = page.locator('#proposal')
	await expect(proposal.getByRole('checkbox', { name: market.elsewhere.demand.title, exact: true })).toBeVisible()
	for (const demand of market.unmet) await expect(proposal.getByRole('link', { name: demand.title })).toHaveCount(0)

	// The downloads too: the page's links name their province, and a hand-written URL for another gets theirs.
	const csvLink = figure.getByRole('link', { name: S.downloadCsv, exact: true })
	expect(new URL((await csvLink.getAttribute('href'))!, page.url()).searchParams.get('province')).toBe(HCMC)
	const response = await page.request.get(`/operator/stats/download?figure=byField&format=csv&province=${HANOI}&field=${FIELD}`)
	expect(response.status()).toBe(200)
	const [header, ...records] = csvRecords(await response.body())
	expect(header).toEqual(table.headers)
	expect(records).toEqual(expected)

	// The rest of the operators' desk is closed to them.
	expect((await page.goto('/operator/organisations'))?.status()).toBe(403)
})

test('without JavaScript, the public statistics draw their charts on the server and the filter form works', async ({ openPage, factory }) => {
	const page = await openPage(null, { javaScriptEnabled: false })
	const hanoi = await provinceName(factory, HANOI)
	await page.goto('/stats')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(S.publicTitle)
	await expect(page.locator('section[data-figure] .stat-chart svg').first()).toBeVisible()
	await expect(page.getByTestId('stats-scope')).toContainText(S.scopeNational)
	// Operators' figures are not public.
	await expect(page.locator('section[data-figure="unmetByField"]')).toHaveCount(0)
	await expect(page.locator('#proposal')).toHaveCount(0)

	await filterTo(page, { province: HANOI, field: FIELD })
	expect(new URL(page.url()).pathname).toBe('/stats')
	await expect(page.getByTestId('stats-scope')).toContainText(interpolate(S.scopeProvince, { province: hanoi }))
	await expect(page.locator('#s-province')).toHaveValue(HANOI)
	await expect(page.locator('#s-field')).toHaveValue(FIELD)
	const table = await shownTable(page.locator('section[data-figure="byField"]'))
	expect(table.rows.map((r) => r.map(asExported))).toEqual(await expectedByField(factory, HANOI))
})
