// The statistics routes: who may open them, a provincial operator held to their province in the
// page, the downloads and the proposal export whatever the URL says; downloads equal the tables.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { localeCookie } from '~/middleware/i18next.server'
import * as operatorHome from '~/routes/operator/index'
import * as operatorLayout from '~/routes/operator/layout'
import * as operatorUsers from '~/routes/operator/users'
import * as statsDownload from '~/routes/operator/stats-download'
import * as statsProposal from '~/routes/operator/stats-proposal'
import * as statsPage from '~/routes/operator/stats'
import * as publicDownload from '~/routes/stats/download'
import * as publicStats from '~/routes/stats/index'
import { buildFigure, buildFigures, PUBLIC_FIGURES } from '~/stats/figures.server'
import { exportHeader, exportRows } from '~/stats/format'
import { useTestDatabase } from '../../../tests/db'
import { addMember, createOrganisation, createUser, localeContext, makeRequest, outcome, signIn } from '../../../tests/factories'

const { prisma } = await useTestDatabase()

const PERIOD = 'from=2026-01&to=2026-12'
const FILTERS = { from: '2026-01', to: '2026-12', bucket: 'month' as const }

// Every call in English, so the assertions can quote the English texts.
const english = (await localeCookie.serialize('en')).split(';')[0]!

async function call<T>(handler: (args: never) => Promise<T> | T, path: string, options: { cookie?: string; form?: Record<string, string | string[]> } = {}) {
	const request = makeRequest(path, { ...options, cookie: [options.cookie, english].filter(Boolean).join('; ') })
	return handler({ request, params: {}, context: await localeContext(request) } as never)
}

async function person(roles: Array<'MEMBER' | 'OPERATOR' | 'PROVINCIAL_OPERATOR' | 'ADMIN'>, province: string | null = null) {
	const user = await createUser({ roles, locale: 'en' })
	if (province) await prisma.user.update({ where: { id: user.id }, data: { operatorProvinceCode: province } })
	return (await signIn(user.id)).cookie
}

const csvOf = async (response: Response) => {
	const bytes = new Uint8Array(await response.arrayBuffer())
	// UTF-8 with a byte order mark, so Excel reads Vietnamese.
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	return parse(new TextDecoder().decode(bytes)) as string[][]
}

let seeded: Promise<{ hanoi: string[]; saigon: string[]; matched: string }> | undefined
function seed() {
	return (seeded ??= (async () => {
		const hn = await createOrganisation({ type: 'ENTERPRISE', provinceCode: '01', name: 'Công ty Hà Nội' })
		const sg = await createOrganisation({ type: 'ENTERPRISE', provinceCode: '79', name: 'Công ty Sài Gòn' })
		const inst = await createOrganisation({ type: 'RESEARCH_INSTITUTE', provinceCode: '79' })
		await addMember((await createUser()).id, hn.id, 'OWNER')
		const demand = (org: string, code: string, day: string, title: string) =>
			prisma.demand.create({
				data: { organisationId: org, title, status: 'PUBLISHED', problem: `Vấn đề của ${title}`, fieldCodes: [code], fieldPaths: [code.slice(0, 1), code.slice(0, 3), code], keywords: ['bùn thải'], publishedAt: new Date(`${day}T03:00:00Z`) },
			})
		const hanoi = [await demand(hn.id, '20701', '2026-03-02', 'Xử lý bùn thải dệt nhuộm'), await demand(hn.id, '20701', '2026-04-02', 'Tái chế bùn thải mạ kẽm')]
		const saigon = [await demand(sg.id, '20701', '2026-05-02', 'Bùn thải cảng cá')]
		const met = await demand(hn.id, '405', '2026-05-03', 'Nuôi tôm tuần hoàn')
		const offer = await prisma.offer.create({ data: { organisationId: inst.id, title: 'RAS', status: 'PUBLISHED', fieldCodes: ['405'], fieldPaths: ['4', '405'], publishedAt: new Date('2026-02-01T03:00:00Z') } })
		await prisma.match.create({ data: { kind: 'OFFER_DEMAND', pairKey: `offer:${offer.id}|demand:${met.id}`, offerId: offer.id, demandId: met.id, score: 0.9, components: [], explanation: {} } })
		return { hanoi: hanoi.map((d) => d.id), saigon: saigon.map((d) => d.id), matched: met.id }
	})())
}

describe('who sees the statistics', () => {
	test('anonymous people are sent to log in, members get 403; the public summary is open and has no operator figures', async () => {
		expect((await outcome(call(statsPage.loader, `/operator/stats?${PERIOD}`))).status).toBe(302)
		expect((await outcome(call(statsPage.loader, `/operator/stats?${PERIOD}`, { cookie: await person(['MEMBER']) }))).status).toBe(403)
		expect((await outcome(call(statsDownload.loader, `/operator/stats/download?figure=funnel&format=csv`, { cookie: await person(['MEMBER']) }))).status).toBe(403)
		const open = await call(publicStats.loader, `/stats?${PERIOD}`)
		expect(open.figures.map((f) => f.table.id)).toEqual([...PUBLIC_FIGURES])
		expect(open.unmet.demands).toEqual([])
		// Every figure with rows comes with its server-drawn chart.
		expect(open.figures.find((f) => f.table.id === 'overTime')!.svg).toMatch(/^<svg /)
		expect((await outcome(call(publicDownload.loader, `/stats/download?figure=dealValues&format=csv`))).status).toBe(404)
		expect((await outcome(call(publicDownload.loader, `/stats/download?figure=funnel&format=pdf`))).status).toBe(400)
	})

	test('a provincial operator sees their province only, in the page, the downloads and the exports, and no other operator page', async () => {
		const { saigon, hanoi } = await seed()
		const cookie = await person(['PROVINCIAL_OPERATOR'], '01')
		expect((await outcome(call(operatorHome.loader, '/operator', { cookie }))).status).toBe(403)
		expect(await call(operatorLayout.loader, '/operator/stats', { cookie })).toEqual({ fullDesk: false })
		const page = await call(statsPage.loader, `/operator/stats?${PERIOD}&province=79`, { cookie })
		expect(page.filters.province).toBe('01')
		expect(page.lockedProvince).toBe('01')
		expect(page.unmet.demands.map((d) => d.id).sort()).toEqual([...hanoi].sort())
		expect(page.figures.map((f) => f.table.id)).not.toContain('byProvince')
		const overTime = page.figures.find((f) => f.table.id === 'overTime')!.table
		expect(overTime.rows.reduce((sum, r) => sum + Number(r.demands), 0)).toBe(3)

		// The download asked for Ho Chi Minh City is Hanoi's.
		const response = (await call(statsDownload.loader, `/operator/stats/download?${PERIOD}&province=79&figure=unmetByField&format=csv`, { cookie })) as Response
		const table = (await buildFigure('unmetByField', { ...FILTERS, province: '01' }, 'en'))!
		expect(await csvOf(response)).toEqual([table.columns.map(exportHeader), ...exportRows(table).map((r) => r.map(String))])
		expect(response.headers.get('Content-Disposition')).toContain('01 2026-01_2026-12')

		// A Ho Chi Minh City demand cannot go into a Hanoi officer's proposal.
		const refused = (await call(statsProposal.action, `/operator/stats/proposal?${PERIOD}&province=79`, { cookie, form: { demand: [saigon[0]!, hanoi[0]!], title: 'Đề xuất', format: 'json' } })) as Response
		expect(refused.status).toBe(303)
		const back = new URL(refused.headers.get('Location')!, 'http://localhost')
		expect(back.searchParams.get('proposalError')).toBe('stats.unmet.errors.notUnmet')
		expect(back.searchParams.get('province')).toBe('01')

		// Without a province on the account there is nothing to show.
		expect((await outcome(call(statsPage.loader, `/operator/stats`, { cookie: await person(['PROVINCIAL_OPERATOR']) }))).status).toBe(403)
	})
})

describe('appointing a provincial operator', () => {
	test('an administrator grants the role with a province (required); an operator may not; removing the role clears the province', async () => {
		const target = await createUser()
		const admin = await person(['ADMIN'])
		const form = (extra: Record<string, string | string[]>) => ({ userId: target.id, ...extra })
		expect((await outcome(call(operatorUsers.action, '/operator/users', { cookie: admin, form: form({ roles: ['PROVINCIAL_OPERATOR'] }) }))).status).toBe(400)
		expect((await outcome(call(operatorUsers.action, '/operator/users', { cookie: admin, form: form({ roles: ['PROVINCIAL_OPERATOR'], operatorProvince: '99' }) }))).status).toBe(400)
		expect((await outcome(call(operatorUsers.action, '/operator/users', { cookie: await person(['OPERATOR']), form: form({ roles: ['PROVINCIAL_OPERATOR'], operatorProvince: '01' }) }))).status).toBe(403)
		expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ roles: ['MEMBER'], operatorProvinceCode: null })
		expect((await outcome(call(operatorUsers.action, '/operator/users', { cookie: admin, form: form({ roles: ['PROVINCIAL_OPERATOR'], operatorProvince: '79' }) }))).status).toBe(200)
		expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ roles: ['MEMBER', 'PROVINCIAL_OPERATOR'], operatorProvinceCode: '79' })
		const page = await call(statsPage.loader, `/operator/stats?${PERIOD}`, { cookie: (await signIn(target.id)).cookie })
		expect(page.filters.province).toBe('79')
		await call(operatorUsers.action, '/operator/users', { cookie: admin, form: form({ roles: [], operatorProvince: '79' }) })
		expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ roles: ['MEMBER'], operatorProvinceCode: null })
	})
})

describe('downloads and the proposal export', () => {
	test('each figure downloads as CSV and XLSX exactly as the page shows it; all figures make one workbook', async () => {
		await seed()
		const cookie = await person(['OPERATOR'])
		const page = await call(statsPage.loader, `/operator/stats?${PERIOD}&field=2`, { cookie })
		const byField = page.figures.find((f) => f.table.id === 'byField')!.table
		const csv = await csvOf((await call(statsDownload.loader, `/operator/stats/download?${PERIOD}&field=2&figure=byField&format=csv`, { cookie })) as Response)
		expect(csv).toEqual([byField.columns.map(exportHeader), ...exportRows(byField).map((r) => r.map(String))])
		expect(csv.find((r) => r[0] === '207')).toEqual(['207', 'Environmental engineering', '0', '3'])

		const xlsx = (await call(statsDownload.loader, `/operator/stats/download?${PERIOD}&field=2&figure=unmetByField&format=xlsx`, { cookie })) as Response
		const book = new ExcelJS.Workbook()
		await book.xlsx.load(await xlsx.arrayBuffer())
		const unmet = page.figures.find((f) => f.table.id === 'unmetByField')!.table
		// An empty cell (a dash on the page) reads back as absent.
		const values = book.worksheets[0]!.getSheetValues().slice(1).map((row) => unmet.columns.map((_, i) => (row as unknown[])[i + 1] ?? ''))
		expect(values).toEqual([unmet.columns.map(exportHeader), ...exportRows(unmet)])

		const all = (await call(statsDownload.loader, `/operator/stats/download?${PERIOD}&figure=all&format=xlsx`, { cookie })) as Response
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await all.arrayBuffer())
		const tables = await buildFigures('operator', FILTERS, 'en')
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['About', ...tables.map((t) => t.title.slice(0, 28).trim())])
		// Each sheet: title, note, blank, header, rows.
		const funnelSheet = workbook.worksheets[1 + tables.findIndex((t) => t.id === 'funnel')]!
		expect(funnelSheet.getRow(2).getCell(1).value).toBe(tables.find((t) => t.id === 'funnel')!.note)
		expect((await outcome(call(statsDownload.loader, `/operator/stats/download?${PERIOD}&figure=all&format=csv`, { cookie }))).status).toBe(400)
		expect((await outcome(call(statsDownload.loader, `/operator/stats/download?figure=nope&format=csv`, { cookie }))).status).toBe(404)
	})

	test('chosen unmet demands export as a task proposal in JSON, CSV and XLSX; a refused export keeps what was chosen and typed', async () => {
		const { hanoi, matched, saigon } = await seed()
		const cookie = await person(['OPERATOR'])
		const json = (await call(statsProposal.action, `/operator/stats/proposal?${PERIOD}`, { cookie, form: { demand: [...hanoi, ...saigon], title: '', format: 'json' } })) as Response
		expect(json.status).toBe(200)
		expect(json.headers.get('Content-Disposition')).toMatch(/^attachment;/)
		const body = (await json.json()) as { proposal: { title: string; field: { code: string } | null; problem: string; demandCount: number; organisationCount: number }; demands: Array<{ id: string; url: string }>; organisations: Array<{ name: string; demands: number }> }
		expect(body.proposal).toMatchObject({ title: 'Proposed S&T task: Environmental and geological engineering, geotechnics', field: { code: '20701' }, demandCount: 3, organisationCount: 2 })
		expect(body.proposal.problem).toContain('Xử lý bùn thải dệt nhuộm: Vấn đề của Xử lý bùn thải dệt nhuộm')
		expect(body.demands.map((d) => d.id).sort()).toEqual([...hanoi, ...saigon].sort())
		expect(body.demands[0]!.url).toMatch(/^http:\/\/localhost\/demands\//)
		expect(body.organisations.map((o) => [o.name, o.demands]).sort()).toEqual([
			['Công ty Hà Nội', 2],
			['Công ty Sài Gòn', 1],
		])

		const csv = await csvOf((await call(statsProposal.action, `/operator/stats/proposal?${PERIOD}`, { cookie, form: { demand: hanoi, title: 'Bùn thải công nghiệp', format: 'csv', proposalField: '207' } })) as Response)
		expect(csv).toHaveLength(3)
		expect(csv.slice(1).map((r) => [r[0], r[1]])).toEqual([
			['Bùn thải công nghiệp', '207'],
			['Bùn thải công nghiệp', '207'],
		])

		const xlsx = (await call(statsProposal.action, `/operator/stats/proposal?${PERIOD}`, { cookie, form: { demand: hanoi, title: 'X', format: 'xlsx' } })) as Response
		const book = new ExcelJS.Workbook()
		await book.xlsx.load(await xlsx.arrayBuffer())
		expect(book.worksheets.map((s) => s.name)).toEqual(['Proposal', 'Demands', 'Organisations'])
		expect(book.worksheets[1]!.rowCount).toBe(3)

		// Nothing chosen, a matched demand, an unknown format: back to the page with everything kept.
		for (const [form, key] of [
			[{ title: 'Giữ lại tên này', format: 'json' }, 'stats.unmet.errors.noneSelected'],
			[{ demand: [hanoi[0]!, matched], title: 'Giữ lại tên này', format: 'json' }, 'stats.unmet.errors.notUnmet'],
			[{ demand: [hanoi[0]!], title: 'Giữ lại tên này', format: 'pdf' }, 'stats.unmet.errors.format'],
		] as const) {
			const refused = (await call(statsProposal.action, `/operator/stats/proposal?${PERIOD}&field=2`, { cookie, form: form as Record<string, string | string[]> })) as Response
			expect(refused.status).toBe(303)
			const back = await call(statsPage.loader, new URL(refused.headers.get('Location')!, 'http://localhost').pathname + new URL(refused.headers.get('Location')!, 'http://localhost').search, { cookie })
			expect(back.echo).toMatchObject({ error: key, title: 'Giữ lại tên này', demand: 'demand' in form ? [...form.demand] : [] })
			expect(back.filters.field).toBe('2')
		}
	})
})
