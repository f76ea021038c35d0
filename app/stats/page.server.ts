/**
 * Who sees which statistics, and the data of the statistics pages and downloads. /stats is public;
 * /operator/stats is for operators (the whole country) and provincial operators, whose every
 * figure, download and export is held to their own province whatever the URL says.
 */
import ExcelJS from 'exceljs'
import type { RouterContextProvider } from 'react-router'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { listProvinces, listScienceFields } from '~/models/reference.server'
import { contentDisposition, exportFormat, exportResponse, today } from '~/task-results/export-file.server'
import { hasRole, requireUser, type SessionUser } from '~/utils/auth.server'
import { clientIp, invariantResponse } from '~/utils/http.server'
import { translateKey } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'
import { renderChartSvg } from './chart.server'
import { buildFigure, buildFigures, OPERATOR_FIGURES, PUBLIC_FIGURES, type Audience } from './figures.server'
import { parseStatsFilters, type StatsFilters } from './filters'
import { exportHeader, exportRows } from './format'
import { UNMET_LIST_MAX, unmetDemands } from './queries.server'
import { isFigureId, type StatTable } from './table'

export type StatsAccess = { audience: Audience; user: SessionUser | null; /** set for a provincial operator: the only province they see */ lockedProvince: string | null }

/** The operators' statistics: operators and admins see the country, a provincial operator their province; others get 403. */
export async function requireStatsOperator(request: Request): Promise<StatsAccess> {
	const user = await requireUser(request)
	if (hasRole(user, 'OPERATOR', 'ADMIN')) return { audience: 'operator', user, lockedProvince: null }
	invariantResponse(hasRole(user, 'PROVINCIAL_OPERATOR'), 'errors.forbidden', { status: 403 })
	invariantResponse(user.operatorProvinceCode, 'stats.provinceMissing', { status: 403 })
	return { audience: 'operator', user, lockedProvince: user.operatorProvinceCode }
}

/** The URL's filters, with a provincial operator's province put in place of any other. */
export function scopedFilters(request: Request, access: Pick<StatsAccess, 'lockedProvince'>): StatsFilters {
	const filters = parseStatsFilters(new URL(request.url).searchParams)
	return access.lockedProvince ? { ...filters, province: access.lockedProvince } : filters
}

/** "Toàn quốc" or "Tỉnh/thành: Hà Nội": what the figures cover, on the page and in the workbook. */
function scopeLabel(filters: StatsFilters, provinces: Array<{ code: string; name: string }>, locale: AppLocale) {
	if (!filters.province) return translateKey(locale, 'stats.scopeNational')
	return translateKey(locale, 'stats.scopeProvince', { province: provinces.find((p) => p.code === filters.province)?.name ?? filters.province })
}

export type FigureView = { table: StatTable; svg: string | null }

async function withCharts(tables: StatTable[], locale: AppLocale): Promise<FigureView[]> {
	return Promise.all(tables.map(async (table) => ({ table, svg: await renderChartSvg(table, locale) })))
}

/** Data for a statistics page: the filters, the figures with their charts, the filter choices and (operators) the unmet demands to pick a proposal from. */
export async function statsPageData(request: Request, context: Readonly<RouterContextProvider>, access: StatsAccess) {
	const locale = getLocale(context) as AppLocale
	const filters = scopedFilters(request, access)
	const [tables, provinces, fields, unmet] = await Promise.all([
		buildFigures(access.audience, filters, locale),
		listProvinces(locale),
		listScienceFields(locale),
		access.audience === 'operator' ? unmetDemands(filters, UNMET_LIST_MAX + 1) : Promise.resolve([]),
	])
	const provinceName = (code: string | undefined) => provinces.find((p) => p.code === code)?.name
	return {
		locale,
		filters,
		lockedProvince: access.lockedProvince,
		scopeLabel: scopeLabel(filters, provinces, locale),
		figures: await withCharts(tables, locale),
		provinces,
		fieldOptions: fields.filter((f) => f.level <= 2),
		unmet: {
			demands: unmet.slice(0, UNMET_LIST_MAX).map((d) => ({ ...d, provinceName: provinceName(d.provinceCode ?? undefined) ?? '' })),
			truncated: unmet.length > UNMET_LIST_MAX,
		},
	}
}

export type StatsPageData = Awaited<ReturnType<typeof statsPageData>>

function sheetName(title: string, used: Set<string>) {
	// Excel: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.
	let base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim()
	let name = base
	for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)} ${i}`
	used.add(name)
	return name
}

/** Every figure in one workbook: a sheet saying what it covers, then one sheet per figure with its note. */
async function workbookResponse(tables: StatTable[], filters: StatsFilters, scopeLabel: string, locale: AppLocale) {
	const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params)
	const workbook = new ExcelJS.Workbook()
	const used = new Set<string>()
	const meta = workbook.addWorksheet(sheetName(t('stats.file.sheetMeta'), used))
	meta.addRows([
		[t('stats.file.scope'), scopeLabel],
		[t('stats.file.periodLabel'), t('stats.period', { from: filters.from, to: filters.to })],
		...(filters.field ? [[t('stats.file.filterField'), filters.field]] : []),
		[t('stats.file.generatedAt'), today()],
	])
	meta.getColumn(1).font = { bold: true }
	for (const table of tables) {
		const sheet = workbook.addWorksheet(sheetName(table.title, used))
		sheet.addRow([table.title]).font = { bold: true }
		sheet.addRow([table.note])
		sheet.addRow([])
		sheet.addRow(table.columns.map(exportHeader)).font = { bold: true }
		sheet.addRows(exportRows(table))
	}
	const buffer = await workbook.xlsx.writeBuffer()
	const name = `${t('stats.file.displayName')} ${filters.province ?? 'VN'} ${filters.from}_${filters.to}`
	return new Response(new Uint8Array(buffer as ArrayBuffer), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': contentDisposition(`${t('stats.file.name')} ${filters.province ?? 'VN'} ${filters.from}_${filters.to}.xlsx`, `${name}.xlsx`),
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}

/**
 * GET <page>/download?figure=<id>|all&format=csv|xlsx&<filters>: one figure exactly as its page shows
 * it, or all of them as one workbook (XLSX only).
 */
export async function statsDownload(request: Request, context: Readonly<RouterContextProvider>, access: StatsAccess) {
	const locale = getLocale(context) as AppLocale
	if (!access.user) await consume('exportIp', clientIp(request))
	const search = new URL(request.url).searchParams
	const filters = scopedFilters(request, access)
	const format = exportFormat(search.get('format'))
	invariantResponse(format, 'stats.errors.badFormat', { status: 400 })
	const figure = search.get('figure')
	const allowed = access.audience === 'operator' ? OPERATOR_FIGURES : PUBLIC_FIGURES
	if (figure === 'all') {
		invariantResponse(format === 'xlsx', 'stats.errors.badFormat', { status: 400 })
		const [tables, provinces] = await Promise.all([buildFigures(access.audience, filters, locale), listProvinces(locale)])
		return workbookResponse(tables, filters, scopeLabel(filters, provinces, locale), locale)
	}
	invariantResponse(isFigureId(figure) && allowed.includes(figure), 'stats.unknownFigure', { status: 404 })
	const table = await buildFigure(figure, filters, locale)
	invariantResponse(table, 'stats.unknownFigure', { status: 404 })
	const base = `${filters.province ?? 'VN'} ${filters.from}_${filters.to}`
	return exportResponse({
		format,
		headers: table.columns.map(exportHeader),
		rows: (async function* () {
			yield* exportRows(table)
		})(),
		asciiName: `${figure} ${base}`,
		displayName: `${table.title} ${base}`,
		sheetName: table.title,
	})
}
