/**
 * An operator's selection of unmet demands, exported as a proposal for a new S&T task: what a
 * task-management system takes in (title, field, the problem, the demands behind it and the
 * organisations asking), as JSON, CSV (one line per demand, the proposal repeated) or XLSX
 * (the proposal, its demands and its organisations on three sheets).
 */
import ExcelJS from 'exceljs'
import { z } from 'zod'
import type { AppLocale } from '~/locales'
import { contentDisposition, exportResponse, listCell, today } from '~/task-results/export-file.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { translateKey } from '~/utils/meta'
import type { StatsFilters } from './filters'
import { unmetDemands } from './queries.server'

export const PROPOSAL_MAX_DEMANDS = 200
export const PROPOSAL_TITLE_MAX = 300
const PROBLEM_EXCERPT = 600

export const PROPOSAL_FORMATS = ['csv', 'xlsx', 'json'] as const

export type ProposalFormValues = { demand: string[]; title: string; field: string; format: string }

export class ProposalError extends Error {
	constructor(
		readonly key: string,
		readonly params: Record<string, string | number> = {},
	) {
		super(key)
	}
}

const ProposalFormSchema = z.object({
	demand: z.array(z.string().regex(/^[\w-]{1,40}$/)),
	title: z.string().trim(),
	field: z.string().regex(/^(\d{1,5})?$/).catch(''),
	format: z.string(),
})

/** The form as sent, for showing it again unchanged when it is refused. */
export function readProposalForm(form: FormData): ProposalFormValues {
	const parsed = ProposalFormSchema.safeParse({
		demand: form.getAll('demand').map(String),
		title: String(form.get('title') ?? ''),
		field: String(form.get('proposalField') ?? ''),
		format: String(form.get('format') ?? ''),
	})
	return parsed.success ? parsed.data : { demand: [], title: String(form.get('title') ?? ''), field: '', format: String(form.get('format') ?? '') }
}

type Demand = Awaited<ReturnType<typeof loadDemands>>[number]

function loadDemands(ids: string[]) {
	return prisma.demand.findMany({
		where: { id: { in: ids } },
		orderBy: { publishedAt: 'desc' },
		select: {
			id: true,
			title: true,
			problem: true,
			desiredOutcome: true,
			fieldCodes: true,
			keywords: true,
			budgetMin: true,
			budgetMax: true,
			budgetUndisclosed: true,
			deadline: true,
			provinceCode: true,
			organisation: { select: { id: true, name: true, taxCode: true, type: true, provinceCode: true } },
		},
	})
}

const excerpt = (text: string) => {
	const flat = text.replace(/\s+/g, ' ').trim()
	return flat.length > PROBLEM_EXCERPT ? `${flat.slice(0, PROBLEM_EXCERPT - 1)}…` : flat
}

/** The field most of the demands name (the smaller code on a tie), or null when they name none. */
function commonField(demands: Demand[]) {
	const counts = new Map<string, number>()
	for (const d of demands) for (const code of new Set(d.fieldCodes)) counts.set(code, (counts.get(code) ?? 0) + 1)
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null
}

export type Proposal = Awaited<ReturnType<typeof buildProposal>>

/**
 * The proposal from the chosen demands. Each must be unmet and inside the operator's scope (a
 * provincial operator's province) now: the page may be older than a new match.
 */
export async function buildProposal(values: ProposalFormValues, scope: StatsFilters, locale: AppLocale, baseUrl: string) {
	const ids = [...new Set(values.demand)]
	if (ids.length === 0) throw new ProposalError('stats.unmet.errors.noneSelected')
	if (ids.length > PROPOSAL_MAX_DEMANDS) throw new ProposalError('stats.unmet.errors.tooMany', { max: PROPOSAL_MAX_DEMANDS })
	if (values.title.length > PROPOSAL_TITLE_MAX) throw new ProposalError('stats.unmet.errors.titleTooLong', { max: PROPOSAL_TITLE_MAX })
	if (!(PROPOSAL_FORMATS as readonly string[]).includes(values.format)) throw new ProposalError('stats.unmet.errors.format')
	// Unmet within the scope's province and field, whatever the period the page showed.
	const unmet = new Set((await unmetDemands({ ...scope, from: '1970-01', to: '2999-12' }, ids.length, ids)).map((d) => d.id))
	if (ids.some((id) => !unmet.has(id))) throw new ProposalError('stats.unmet.errors.notUnmet')
	const demands = await loadDemands(ids)
	const fieldCode = values.field || commonField(demands)
	const [field, provinces] = await Promise.all([
		fieldCode ? prisma.scienceField.findUnique({ where: { code: fieldCode }, select: { code: true, nameVi: true, nameEn: true } }) : null,
		prisma.province.findMany({ select: { code: true, nameVi: true, nameEn: true } }),
	])
	const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params)
	const fieldName = field ? (locale === 'vi' ? field.nameVi : field.nameEn) : null
	const provinceName = (code: string | null) => {
		const p = provinces.find((x) => x.code === code)
		return p ? (locale === 'vi' ? p.nameVi : p.nameEn) : ''
	}
	const organisations = [...new Map(demands.map((d) => [d.organisation.id, d.organisation])).values()]
	const budget = (d: Demand) => (d.budgetUndisclosed || (d.budgetMin === null && d.budgetMax === null) ? null : { min: d.budgetMin?.toString() ?? null, max: d.budgetMax?.toString() ?? null })
	return {
		proposal: {
			title: values.title || t('stats.unmet.defaultTitle', { field: fieldName ?? t('stats.unmet.noField') }),
			field: field ? { code: field.code, name: fieldName } : null,
			problem: demands.map((d) => `• ${d.title}${d.problem.trim() ? `: ${excerpt(d.problem)}` : ''}`).join('\n'),
			keywords: [...new Set(demands.flatMap((d) => d.keywords.map((k) => k.toLowerCase())))].slice(0, 30),
			province: scope.province ? { code: scope.province, name: provinceName(scope.province) } : null,
			demandCount: demands.length,
			organisationCount: organisations.length,
			createdAt: today(),
		},
		demands: demands.map((d) => ({
			id: d.id,
			title: d.title,
			url: `${baseUrl}/demands/${d.id}`,
			problem: d.problem,
			desiredOutcome: d.desiredOutcome,
			fieldCodes: d.fieldCodes,
			keywords: d.keywords,
			budgetVnd: budget(d),
			deadline: d.deadline ? d.deadline.toISOString().slice(0, 10) : null,
			organisationId: d.organisation.id,
			organisationName: d.organisation.name,
			province: provinceName(d.provinceCode ?? d.organisation.provinceCode),
		})),
		organisations: organisations.map((o) => ({
			id: o.id,
			name: o.name,
			taxCode: o.taxCode,
			type: o.type,
			typeLabel: t(`organisationTypes.${o.type}`),
			province: provinceName(o.provinceCode),
			demands: demands.filter((d) => d.organisation.id === o.id).length,
		})),
	}
}

export function proposalBaseUrl(request: Request) {
	return (getEnv().APP_URL ?? new URL(request.url).origin).replace(/\/$/, '')
}

const budgetText = (b: Proposal['demands'][number]['budgetVnd']) => (b ? [b.min, b.max].filter(Boolean).join('–') : '')

/** The proposal as a download in the chosen format. */
export async function proposalResponse(proposal: Proposal, format: string, locale: AppLocale) {
	const t = (key: string) => translateKey(locale, `stats.unmet.file.${key}`)
	const ascii = `${t('name')} ${proposal.proposal.createdAt}`
	const display = `${t('displayName')} ${proposal.proposal.createdAt}`
	const p = proposal.proposal
	if (format === 'json') {
		return new Response(JSON.stringify(proposal, null, 2), {
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Disposition': contentDisposition(`${ascii}.json`, `${display}.json`),
				'Cache-Control': 'no-store',
				'X-Content-Type-Options': 'nosniff',
			},
		})
	}
	const demandHeaders = ['demandId', 'demandTitle', 'demandUrl', 'demandProblem', 'desiredOutcome', 'fieldCode', 'budget', 'deadline', 'organisation', 'province'].map(t)
	const demandRow = (d: Proposal['demands'][number]) => [d.id, d.title, d.url, d.problem, d.desiredOutcome, listCell(d.fieldCodes), budgetText(d.budgetVnd), d.deadline ?? '', d.organisationName, d.province]
	if (format === 'csv') {
		const proposalCells = [p.title, p.field?.code ?? '', p.field?.name ?? '', p.problem]
		return exportResponse({
			format: 'csv',
			headers: [t('title'), t('fieldCode'), t('field'), t('problem'), ...demandHeaders],
			rows: (async function* () {
				for (const d of proposal.demands) yield [...proposalCells, ...demandRow(d)]
			})(),
			asciiName: ascii,
			displayName: display,
			sheetName: t('sheetProposal'),
		})
	}
	const workbook = new ExcelJS.Workbook()
	const summary = workbook.addWorksheet(t('sheetProposal'))
	summary.addRows([
		[t('title'), p.title],
		[t('fieldCode'), p.field?.code ?? ''],
		[t('field'), p.field?.name ?? ''],
		[t('problem'), p.problem],
		[t('province'), p.province?.name ?? ''],
		[t('demandCount'), p.demandCount],
		[t('organisationCount'), p.organisationCount],
		[t('createdAt'), p.createdAt],
	])
	summary.getColumn(1).font = { bold: true }
	summary.getColumn(2).width = 100
	const demandSheet = workbook.addWorksheet(t('sheetDemands'))
	demandSheet.addRow(demandHeaders).font = { bold: true }
	demandSheet.addRows(proposal.demands.map(demandRow))
	const orgSheet = workbook.addWorksheet(t('sheetOrganisations'))
	orgSheet.addRow([t('organisation'), t('taxCode'), t('organisationType'), t('province'), t('demandCount')]).font = { bold: true }
	orgSheet.addRows(proposal.organisations.map((o) => [o.name, o.taxCode ?? '', o.typeLabel, o.province, o.demands]))
	const buffer = await workbook.xlsx.writeBuffer()
	return new Response(new Uint8Array(buffer as ArrayBuffer), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': contentDisposition(`${ascii}.xlsx`, `${display}.xlsx`),
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
