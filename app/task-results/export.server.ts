// /task-results/export?format=csv|xlsx&<filters>: the filtered list in the import column set, so the
// file imports back unchanged (app/imports/columns.ts, read by app/imports/task-result-row.ts).
import type { RouterContextProvider } from 'react-router'
import type { Prisma } from '~/generated/prisma/client'
import { TASK_RESULT_COLUMNS } from '~/imports/columns'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import type { ApplicationStatusValue, ProductKind, TaskLevelValue, TaskProduct } from '~/models/task-result-schema'
import { prisma } from '~/utils/db.server'
import { consume } from '~/utils/rate-limit.server'
import { clientIp, invariantResponse } from '~/utils/http.server'
import { translateKey } from '~/utils/meta'
import { exportFormat, exportResponse, inChunks, listCell, today, type ExportCell, type ExportFormat } from './export-file.server'
import { parseTaskResultFilters, taskResultOrderBy, taskResultWhere, type TaskResultFilters } from './query.server'

// The words the row reader recognises (LEVEL_WORDS, STATUS_WORDS, PRODUCT_WORDS of task-result-row.ts),
// kept here rather than taken from the UI texts so rewording a label never breaks re-imports.
export const LEVEL_WORDS: Record<AppLocale, Record<TaskLevelValue, string>> = {
	vi: { NATIONAL: 'Cấp quốc gia', MINISTERIAL: 'Cấp bộ', PROVINCIAL: 'Cấp tỉnh', GRASSROOTS: 'Cấp cơ sở' },
	en: { NATIONAL: 'National', MINISTERIAL: 'Ministerial', PROVINCIAL: 'Provincial', GRASSROOTS: 'Grassroots' },
}
export const STATUS_WORDS: Record<AppLocale, Record<ApplicationStatusValue, string>> = {
	vi: { NOT_APPLIED: 'Chưa ứng dụng', PILOT: 'Đang thử nghiệm', APPLIED: 'Đã ứng dụng', COMMERCIALISED: 'Đã thương mại hóa', TRANSFERRED: 'Đã chuyển giao' },
	en: { NOT_APPLIED: 'Not applied', PILOT: 'Pilot', APPLIED: 'Applied', COMMERCIALISED: 'Commercialised', TRANSFERRED: 'Transferred' },
}
export const PRODUCT_WORDS: Record<AppLocale, Record<ProductKind, string>> = {
	vi: {
		PROCESS: 'Quy trình',
		EQUIPMENT: 'Thiết bị',
		MATERIAL: 'Vật liệu',
		VARIETY: 'Giống',
		SOFTWARE: 'Phần mềm',
		PROTOTYPE: 'Mẫu',
		STANDARD: 'Tiêu chuẩn',
		PATENT: 'Sáng chế',
		PUBLICATION: 'Công bố',
		REPORT: 'Báo cáo',
		TRAINING: 'Đào tạo',
		OTHER: 'Khác',
	},
	en: {
		PROCESS: 'Process',
		EQUIPMENT: 'Equipment',
		MATERIAL: 'Material',
		VARIETY: 'Variety',
		SOFTWARE: 'Software',
		PROTOTYPE: 'Prototype',
		STANDARD: 'Standard',
		PATENT: 'Patent',
		PUBLICATION: 'Publication',
		REPORT: 'Report',
		TRAINING: 'Training',
		OTHER: 'Other',
	},
}

const exportSelect = {
	id: true,
	taskCode: true,
	title: true,
	level: true,
	managingAgency: true,
	hostName: true,
	province: { select: { nameVi: true } },
	principalInvestigator: true,
	members: true,
	startYear: true,
	endYear: true,
	fieldCodes: true,
	keywords: true,
	abstract: true,
	products: true,
	applicationStatus: true,
	registrationNumber: true,
	registrationDate: true,
} satisfies Prisma.TaskResultSelect

type ExportRecord = Prisma.TaskResultGetPayload<{ select: typeof exportSelect }>

function productsCell(products: unknown, locale: AppLocale) {
	const list = Array.isArray(products) ? (products as TaskProduct[]) : []
	return list
		.filter((p) => p && typeof p.description === 'string' && p.description)
		.map((p) => `${PRODUCT_WORDS[locale][p.kind] ?? PRODUCT_WORDS[locale].OTHER}: ${p.description}`)
		.join('\n')
}

/** One record as the cells of TASK_RESULT_COLUMNS, in their order. */
export function taskResultCells(r: ExportRecord, locale: AppLocale): ExportCell[] {
	const cells: Record<string, ExportCell> = {
		taskCode: r.taskCode,
		title: r.title,
		level: LEVEL_WORDS[locale][r.level],
		managingAgency: r.managingAgency,
		hostName: r.hostName,
		// The current Vietnamese name: what the reader resolves first, whatever the file's language.
		province: r.province?.nameVi ?? '',
		principalInvestigator: r.principalInvestigator,
		members: listCell(r.members),
		startYear: r.startYear,
		endYear: r.endYear,
		fieldCodes: listCell(r.fieldCodes),
		keywords: listCell(r.keywords),
		abstract: r.abstract,
		products: productsCell(r.products, locale),
		applicationStatus: STATUS_WORDS[locale][r.applicationStatus],
		registrationNumber: r.registrationNumber ?? '',
		registrationDate: r.registrationDate ? r.registrationDate.toISOString().slice(0, 10) : '',
	}
	return TASK_RESULT_COLUMNS.map((c) => cells[c.key] ?? '')
}

/** The export of the task results under these filters, as a streamed download. */
export function exportTaskResults(filters: TaskResultFilters, format: ExportFormat, locale: AppLocale) {
	const where = taskResultWhere(filters)
	const orderBy = taskResultOrderBy(filters.sort)
	const records = inChunks((skip, take) => prisma.taskResult.findMany({ where, orderBy, select: exportSelect, skip, take }))
	async function* rows() {
		for await (const r of records) yield taskResultCells(r, locale)
	}
	const name = translateKey(locale, 'taskResults.export.fileName')
	const date = today()
	return exportResponse({
		format,
		headers: TASK_RESULT_COLUMNS.map((c) => c[locale]),
		rows: rows(),
		asciiName: `${name}-${date}`,
		displayName: `${translateKey(locale, 'taskResults.export.sheet')} ${date}`,
		sheetName: translateKey(locale, 'taskResults.export.sheet'),
	})
}

export async function taskResultExportLoader({ request, context }: { request: Request; context: Readonly<RouterContextProvider> }) {
	const url = new URL(request.url)
	const format = exportFormat(url.searchParams.get('format'))
	invariantResponse(format, 'errors.badRequest', { status: 400 })
	await consume('exportIp', clientIp(request))
	// The page number of the list the link was on does not narrow the export.
	const filters = { ...parseTaskResultFilters(url.searchParams), page: 1 }
	return exportTaskResults(filters, format, getLocale(context) as AppLocale)
}
