// Bulk upsert of registered task results and experts through the API (POST /task-results/bulk,
// /experts/bulk): how national and provincial S&T databases push their data. Items are read by the
// same row readers and planned by the same models as file imports (app/imports/run.server.ts), so a
// JSON item and a spreadsheet row mean the same thing. Unlike an import, a request is atomic: one
// rejected item and nothing is written.
import { z } from 'zod'
import type { Cell } from '~/imports/cells'
import { EXPERT_COLUMNS, TASK_RESULT_COLUMNS, type Column } from '~/imports/columns'
import type { ExpertRow } from '~/imports/expert-row'
import type { OrganisationIndex, RowIssue } from '~/imports/issues'
import { expertAdapter, loadOrganisationIndex, repeatOf, taskResultAdapter, type ImportKindAdapter } from '~/imports/run.server'
import type { TaskResultRow } from '~/imports/task-result-row'
import type { AppLocale } from '~/locales'
import { recordAudit } from '~/models/audit.server'
import type { Plan } from '~/models/task-result.server'
import { prisma } from '~/utils/db.server'
import { clientIp } from '~/utils/http.server'
import { inTransaction, type Tx } from '~/utils/transaction.server'
import { msg } from '~/utils/validation'
import { requireApiOperator, type ApiPrincipal } from './auth.server'
import type { FieldErrors } from './errors.server'
import { apiRoute } from './handler.server'
import { apiTranslator } from './locale.server'
import { apiJson } from './responses.server'
import { parseQuery, readJsonObject, validate } from './validation.server'

/** Items per request: one transaction of this many rows stays well inside its time limit. */
export const BULK_MAX_ITEMS = 500
/** 500 task results with long abstracts do not fit the API's usual 1 MB. */
export const BULK_MAX_BYTES = 8 * 1024 * 1024

export type BulkKind = 'taskResults' | 'experts'

const booleanQuery = z.enum(['true', 'false', '1', '0'], { error: msg('api.errors.booleanExpected') }).transform((v) => v === 'true' || v === '1')

export const BulkQuery = z.object({ dryRun: booleanQuery.optional() })

export const BulkBody = z.strictObject({
	items: z
		.array(z.unknown(), { error: msg('api.research.itemsRequired') })
		.min(1, msg('api.research.itemsRequired'))
		.max(BULK_MAX_ITEMS, msg('api.research.tooManyItems', { max: BULK_MAX_ITEMS })),
})

type AnyRow = TaskResultRow | ExpertRow

type Spec = {
	columns: readonly Column[]
	adapter: ImportKindAdapter<AnyRow>
	audit: { action: string; entityType: string }
}

const SPECS: Record<BulkKind, Spec> = {
	taskResults: {
		columns: TASK_RESULT_COLUMNS,
		adapter: taskResultAdapter as ImportKindAdapter<AnyRow>,
		audit: { action: 'taskResult.apiUpsert', entityType: 'TaskResult' },
	},
	experts: {
		columns: EXPERT_COLUMNS,
		adapter: expertAdapter as ImportKindAdapter<AnyRow>,
		audit: { action: 'expert.apiUpsert', entityType: 'Expert' },
	},
}

// Keys whose JSON value is a year rather than text.
const YEAR_KEYS = new Set(['startYear', 'endYear'])
// List keys whose items may be objects ({ ref, role }).
const OBJECT_LIST_KEYS = new Set(['tasks'])

const isPlainObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v)
const isScalar = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))

/**
 * The JSON type a key takes. The readers turn anything into text, so an object where a title was
 * expected would silently read as empty (and clear the field): refused here instead.
 */
function typeIssue(column: Column, value: unknown): string | null {
	if (value === null) return null
	if (YEAR_KEYS.has(column.key)) return isScalar(value) ? null : 'notYear'
	if (column.shape === 'text') return isScalar(value) ? null : 'notText'
	if (column.shape === 'list') {
		if (isScalar(value)) return null
		const objects = OBJECT_LIST_KEYS.has(column.key)
		return Array.isArray(value) && value.every((v) => v === null || isScalar(v) || (objects && isPlainObject(v))) ? null : 'notList'
	}
	if (isScalar(value)) return null
	return Array.isArray(value) && value.every((v) => v === null || isScalar(v) || isPlainObject(v)) ? null : 'notItems'
}

type Rejected = { index: number; key: string; label: string; issues: RowIssue[] }
type Screened = { rejected: Rejected[]; accepted: Array<{ index: number; row: AnyRow }> }

/** Reads every item: unknown keys, wrong JSON types, the row reader's checks, repeats within the request. */
function screen(spec: Spec, items: readonly unknown[], organisations: OrganisationIndex): Screened {
	const known = new Map(spec.columns.map((c) => [c.key, c]))
	const seen = new Map<string, number>()
	const rejected: Rejected[] = []
	const accepted: Screened['accepted'] = []
	items.forEach((item, index) => {
		if (!isPlainObject(item)) {
			rejected.push({ index, key: '', label: '', issues: [{ field: '', code: 'notObject' }] })
			return
		}
		const issues: RowIssue[] = []
		// Only the documented keys reach the reader, on an object without a prototype ("__proto__" is just an unknown key).
		const raw: Record<string, Cell> = Object.create(null)
		for (const [key, value] of Object.entries(item)) {
			const column = known.get(key)
			if (!column) {
				issues.push({ field: key, code: 'unknownKey', params: { key: key.slice(0, 60) } })
				continue
			}
			const wrong = typeIssue(column, value)
			if (wrong) issues.push({ field: key, code: wrong })
			else raw[key] = value as Cell
		}
		const result = spec.adapter.read({ line: index, raw }, organisations)
		if (!result.ok || issues.length > 0) {
			const fromReader = result.ok ? [] : result.issues.filter((i) => !issues.some((j) => j.field === i.field))
			const key = result.ok ? result.row.key : result.key
			const label = result.ok ? result.row.label : result.label
			rejected.push({ index, key, label, issues: [...issues, ...fromReader] })
			return
		}
		const earlier = repeatOf(spec.adapter, result.row, seen, index)
		if (earlier !== undefined) {
			rejected.push({ index, key: result.row.key, label: result.row.label, issues: [{ field: '', code: 'duplicate', params: { index: earlier } }] })
			return
		}
		accepted.push({ index, row: result.row })
	})
	return { rejected, accepted }
}

// Codes of the API's own checks; the others are the readers' and models' (imports.issues.*).
const API_ISSUES = new Set(['duplicate', 'unknownKey', 'notText', 'notList', 'notItems', 'notYear'])

export function issueMessageKey(code: string) {
	return API_ISSUES.has(code) ? `api.research.issues.${code}` : `imports.issues.${code}`
}

function translateIssues(locale: AppLocale, issues: readonly RowIssue[]) {
	const t = apiTranslator(locale)
	return issues.map((issue) => ({
		field: issue.field,
		code: issue.code,
		...(issue.params ? { params: issue.params } : {}),
		message: t(issueMessageKey(issue.code), { ...issue.params, defaultValue: t('validation.invalid') }),
	}))
}

/** 400 validation_failed in the usual error shape, plus the rejected items with their translated issues. */
function rejection(locale: AppLocale, rejected: Rejected[]) {
	const t = apiTranslator(locale)
	const sorted = [...rejected].sort((a, b) => a.index - b.index)
	const items = sorted.map((r) => ({ index: r.index, key: r.key, label: r.label, issues: translateIssues(locale, r.issues) }))
	const fields: FieldErrors = Object.create(null)
	for (const item of items) {
		for (const issue of item.issues) {
			const path = issue.field ? `items.${item.index}.${issue.field}` : `items.${item.index}`
			const list = (fields[path] ??= [])
			if (!list.includes(issue.message)) list.push(issue.message)
		}
	}
	return apiJson(
		{ error: { code: 'validation_failed', message: t('api.research.rejected', { rejected: items.length }), fields: { ...fields }, items } },
		{ status: 400, headers: { 'Content-Language': locale } },
	)
}

const ACTIONS = { CREATE: 'created', UPDATE: 'updated', UNCHANGED: 'unchanged' } as const

function report(plans: ReadonlyArray<{ index: number; plan: Plan<AnyRow> & { kept?: string[] } }>, dryRun: boolean) {
	const totals = { created: 0, updated: 0, unchanged: 0 }
	const items = plans.map(({ index, plan }) => {
		const action = ACTIONS[plan.action as keyof typeof ACTIONS]
		totals[action]++
		return {
			index,
			action,
			id: plan.id ?? null,
			key: plan.row.key,
			changes: plan.changes,
			...(plan.kept && plan.kept.length > 0 ? { kept: plan.kept } : {}),
		}
	})
	return { dryRun, totals, items }
}

function auditSource(principal: ApiPrincipal) {
	return principal.kind === 'user'
		? { organisationId: null, via: { kind: 'session' } }
		: { organisationId: principal.organisation.id, via: { kind: 'apiKey', apiKeyId: principal.apiKey.id, prefix: principal.apiKey.prefix } }
}

/** POST /task-results/bulk, /experts/bulk. */
export function bulkApi(kind: BulkKind) {
	const spec = SPECS[kind]
	return apiRoute({
		POST: async ({ request, url, locale }) => {
			// Who first: outsiders learn nothing about the body's problems.
			const { principal, actorId } = await requireApiOperator(request)
			const { dryRun = false } = await parseQuery(url, BulkQuery)
			const { items } = await validate(BulkBody, (await readJsonObject(request, { maxBytes: BULK_MAX_BYTES }))!)
			const organisations = await loadOrganisationIndex()
			const screened = screen(spec, items, organisations)
			const rows = screened.accepted.map((a) => a.row)
			const indexed = (plans: Array<Plan<AnyRow>>) => plans.map((plan, i) => ({ index: screened.accepted[i]!.index, plan }))
			const planRejections = (plans: Array<Plan<AnyRow>>): Rejected[] =>
				indexed(plans)
					.filter(({ plan }) => plan.action === 'REJECT')
					.map(({ index, plan }) => ({ index, key: plan.row.key, label: plan.row.label, issues: plan.issues }))

			if (dryRun || screened.rejected.length > 0) {
				// Planned outside a transaction: nothing is written either way.
				const plans = rows.length > 0 ? await spec.adapter.plan(prisma as unknown as Tx, rows) : []
				const rejected = [...screened.rejected, ...planRejections(plans)]
				if (rejected.length > 0) return rejection(locale, rejected)
				return apiJson({ data: report(indexed(plans), true) })
			}

			const outcome = await inTransaction(async ({ tx }): Promise<{ rejected: Rejected[] } | { plans: Array<Plan<AnyRow>> }> => {
				// Planned inside the transaction that writes, so what is reported is what is written.
				const plans = await spec.adapter.plan(tx, rows)
				const rejected = planRejections(plans)
				if (rejected.length > 0) return { rejected }
				const counts = await spec.adapter.apply(tx, plans, { source: 'API' })
				// A request that changes nothing writes nothing, not even an audit entry.
				if (counts.create + counts.update > 0) {
					const { organisationId, via } = auditSource(principal)
					await recordAudit(tx, {
						actorId,
						organisationId,
						action: spec.audit.action,
						entityType: spec.audit.entityType,
						data: { items: items.length, created: counts.create, updated: counts.update, unchanged: counts.unchanged, via },
						ip: clientIp(request),
					})
				}
				return { plans }
			})
			if ('rejected' in outcome) return rejection(locale, outcome.rejected)
			return apiJson({ data: report(indexed(outcome.plans), false) })
		},
	})
}
