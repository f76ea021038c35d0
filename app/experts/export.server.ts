// /experts/export?format=csv|xlsx&<filters>: the filtered directory in the import column set, so the
// file imports back unchanged (app/imports/columns.ts, read by app/imports/expert-row.ts).
// E-mails are the addresses claims are proven with: only operators, who import them, export them.
import type { RouterContextProvider } from 'react-router'
import type { Prisma } from '~/generated/prisma/client'
import { EXPERT_COLUMNS } from '~/imports/columns'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import type { AcademicTitleValue, DegreeValue, TaskRoleValue } from '~/models/expert-schema'
import { exportFormat, exportResponse, inChunks, listCell, today, type ExportCell, type ExportFormat } from '~/task-results/export-file.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { consume } from '~/utils/rate-limit.server'
import { clientIp, invariantResponse } from '~/utils/http.server'
import { translateKey } from '~/utils/meta'
import { expertOrderBy, expertWhere, parseExpertFilters, type ExpertFilters } from './query.server'

// Words parseTitleAndDegree (expert-schema.ts) and the task role reader (expert-row.ts) recognise.
export const TITLE_WORDS: Record<AppLocale, Record<AcademicTitleValue, string>> = {
	vi: { PROFESSOR: 'Giáo sư', ASSOCIATE_PROFESSOR: 'Phó giáo sư' },
	en: { PROFESSOR: 'Professor', ASSOCIATE_PROFESSOR: 'Associate Professor' },
}
export const DEGREE_WORDS: Record<AppLocale, Record<DegreeValue, string>> = {
	vi: { DOCTOR_OF_SCIENCE: 'Tiến sĩ khoa học', DOCTOR: 'Tiến sĩ', MASTER: 'Thạc sĩ', ENGINEER: 'Kỹ sư', BACHELOR: 'Cử nhân', OTHER: 'Khác' },
	en: { DOCTOR_OF_SCIENCE: 'Doctor of Science', DOCTOR: 'PhD', MASTER: 'Master', ENGINEER: 'Engineer', BACHELOR: 'Bachelor', OTHER: 'Other' },
}
export const ROLE_WORDS: Record<AppLocale, Record<TaskRoleValue, string>> = {
	vi: { PRINCIPAL_INVESTIGATOR: 'chủ nhiệm', SECRETARY: 'thư ký', MEMBER: 'thành viên' },
	en: { PRINCIPAL_INVESTIGATOR: 'principal investigator', SECRETARY: 'secretary', MEMBER: 'member' },
}

function exportSelect(withEmail: boolean) {
	return {
		id: true,
		fullName: true,
		academicTitle: true,
		degree: true,
		organisationName: true,
		email: withEmail,
		province: { select: { nameVi: true } },
		fieldCodes: true,
		keywords: true,
		bio: true,
		// What the expert added to a claimed profile is theirs: imports keep it apart, so an export
		// meant to be imported again carries only the imported entries (else they would double).
		publications: { where: { source: { not: 'SELF' } }, select: { title: true, year: true, venue: true }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
		tasks: { select: { role: true, taskResult: { select: { registrationNumber: true, taskCode: true } } }, orderBy: { createdAt: 'asc' } },
	} satisfies Prisma.ExpertSelect
}

type ExportRecord = Prisma.ExpertGetPayload<{ select: ReturnType<typeof exportSelect> }>

/** "2021 | Title | Venue": the bar form keeps a title with a year in brackets from being misread. */
function publicationLine(p: { title: string; year: number | null; venue: string }) {
	const parts = [...(p.year ? [String(p.year)] : []), p.title, ...(p.venue ? [p.venue] : [])]
	// A lone title with "(2019)" in it would be read as title (year) venue: a bar keeps it whole.
	if (parts.length === 1 && /\(\d{4}\)/.test(p.title)) parts.push('')
	return parts.join(' | ')
}

/** The columns an export carries: all but the e-mail, unless asked for. */
export function expertColumns(withEmail: boolean) {
	return EXPERT_COLUMNS.filter((c) => withEmail || c.key !== 'email')
}

/** One record as the cells of the export's columns, in their order. */
export function expertCells(r: ExportRecord, locale: AppLocale, withEmail: boolean): ExportCell[] {
	const cells: Record<string, ExportCell> = {
		fullName: r.fullName,
		academicTitle: r.academicTitle ? TITLE_WORDS[locale][r.academicTitle] : '',
		degree: r.degree ? DEGREE_WORDS[locale][r.degree] : '',
		organisationName: r.organisationName,
		province: r.province?.nameVi ?? '',
		email: withEmail ? ((r as { email?: string | null }).email ?? '') : '',
		fieldCodes: listCell(r.fieldCodes),
		keywords: listCell(r.keywords),
		bio: r.bio,
		publications: r.publications.map(publicationLine).join('\n'),
		tasks: listCell(r.tasks.map((t) => `${t.taskResult.registrationNumber ?? t.taskResult.taskCode} (${ROLE_WORDS[locale][t.role]})`)),
	}
	return expertColumns(withEmail).map((c) => cells[c.key] ?? '')
}

/** The export of the experts under these filters, as a streamed download. */
export function exportExperts(filters: ExpertFilters, format: ExportFormat, locale: AppLocale, { withEmail = false } = {}) {
	const where = expertWhere(filters)
	const orderBy = expertOrderBy(filters.sort)
	const select = exportSelect(withEmail)
	const records = inChunks((skip, take) => prisma.expert.findMany({ where, orderBy, select, skip, take }))
	async function* rows() {
		for await (const r of records) yield expertCells(r, locale, withEmail)
	}
	const name = translateKey(locale, 'experts.export.fileName')
	const date = today()
	return exportResponse({
		format,
		headers: expertColumns(withEmail).map((c) => c[locale]),
		rows: rows(),
		asciiName: `${name}-${date}`,
		displayName: `${translateKey(locale, 'experts.export.sheet')} ${date}`,
		sheetName: translateKey(locale, 'experts.export.sheet'),
	})
}

export async function expertExportLoader({ request, context }: { request: Request; context: Readonly<RouterContextProvider> }) {
	const url = new URL(request.url)
	const format = exportFormat(url.searchParams.get('format'))
	invariantResponse(format, 'errors.badRequest', { status: 400 })
	await consume('exportIp', clientIp(request))
	const filters = { ...parseExpertFilters(url.searchParams), page: 1 }
	const user = await getUser(request)
	return exportExperts(filters, format, getLocale(context) as AppLocale, { withEmail: hasRole(user, 'OPERATOR', 'ADMIN') })
}
