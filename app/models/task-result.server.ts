/**
 * Registered task results: the one module that writes them. Imports and the API hand over rows
 * read by app/imports/task-result-row.ts; `planTaskResults` decides, without writing, what each row
 * would do (create, update, unchanged, or a rejection), and `applyTaskResultPlans` writes it in the
 * caller's transaction. Re-sending the same data finds every row unchanged and writes nothing.
 */
import { newId } from '~/utils/id.server'
import type { Prisma } from '~/generated/prisma/client'
import type { TaskResultRow } from '~/imports/task-result-row'
import type { RowIssue } from '~/imports/issues'
import { fieldPaths } from '~/models/listing.server'
import { codeKey, type TaskResultValues } from '~/models/task-result-schema'
import type { Tx } from '~/utils/transaction.server'

export type PlanAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REJECT'

/** What one row does to the database. */
export type Plan<R> = {
	action: PlanAction
	row: R
	/** The record it updates (UPDATE, UNCHANGED). */
	id?: string
	/** Fields an update changes. */
	changes: string[]
	/** Why it is refused (REJECT). */
	issues: RowIssue[]
	/** Column values to write. */
	data: Record<string, unknown>
}

type Stored = Record<string, unknown> & { id: string; registrationKey: string | null; taskCodeKey: string }

const COMPARED = {
	taskCode: 'taskCode',
	title: 'title',
	level: 'level',
	managingAgency: 'managingAgency',
	hostName: 'hostName',
	hostOrganisationId: 'hostName',
	provinceCode: 'province',
	principalInvestigator: 'principalInvestigator',
	members: 'members',
	startYear: 'startYear',
	endYear: 'endYear',
	fieldCodes: 'fieldCodes',
	keywords: 'keywords',
	abstract: 'abstract',
	products: 'products',
	applicationStatus: 'applicationStatus',
	registrationNumber: 'registrationNumber',
	registrationDate: 'registrationDate',
} as const

const storedSelect = Object.fromEntries([...Object.keys(COMPARED), 'id', 'registrationKey', 'taskCodeKey'].map((k) => [k, true])) as Record<string, true>

/** Values as the database gives them back, comparable with what a row asks for. */
export function comparable(value: unknown): string {
	if (value instanceof Date) return value.toISOString().slice(0, 10)
	if (value === undefined) return 'null'
	return JSON.stringify(value)
}

function dateColumn(value: string | null | undefined) {
	return value ? new Date(`${value}T00:00:00Z`) : value
}

/** The columns a row sets: everything it carries, plus what follows from it (keys, field paths, the host link). */
function columnsOf(row: TaskResultRow, creating: boolean): Record<string, unknown> {
	const v = row.values
	const data: Record<string, unknown> = {}
	for (const [key, value] of Object.entries(v) as Array<[keyof TaskResultValues, unknown]>) {
		if (value === undefined) continue
		data[key] = key === 'registrationDate' ? dateColumn(value as string | null) : value
	}
	if (v.taskCode) data.taskCodeKey = codeKey(v.taskCode)
	if (v.registrationNumber !== undefined) data.registrationKey = row.registrationKey
	if (v.fieldCodes) data.fieldPaths = fieldPaths(v.fieldCodes)
	if (row.hostOrganisationId !== undefined) data.hostOrganisationId = row.hostOrganisationId
	// A record that names no province takes its host's, when the host is on the platform: on an
	// update only when the row speaks of the province, so a re-import finds it unchanged.
	if ((creating ? !v.provinceCode : v.provinceCode === null) && row.hostProvinceCode) data.provinceCode = row.hostProvinceCode
	return data
}

/** Decides, without writing, what each row would do. Rows are expected to be unique by key (the caller drops repeats). */
export async function planTaskResults(tx: Tx, rows: readonly TaskResultRow[]): Promise<Plan<TaskResultRow>[]> {
	const registrationKeys = rows.map((r) => r.registrationKey).filter((k): k is string => Boolean(k))
	const codeKeys = rows.map((r) => r.taskCodeKey)
	const found = (await tx.taskResult.findMany({
		where: { OR: [{ registrationKey: { in: registrationKeys } }, { taskCodeKey: { in: codeKeys } }] },
		select: storedSelect,
	})) as unknown as Stored[]
	const byRegistration = new Map(found.filter((s) => s.registrationKey).map((s) => [s.registrationKey!, s]))
	const byCode = new Map<string, Stored[]>()
	for (const s of found) byCode.set(s.taskCodeKey, [...(byCode.get(s.taskCodeKey) ?? []), s])

	return rows.map((row) => {
		let existing: Stored | undefined
		let candidates: Stored[]
		if (row.registrationKey) {
			existing = byRegistration.get(row.registrationKey)
			// A record first imported without its registration number gets it now.
			candidates = existing ? [existing] : (byCode.get(row.taskCodeKey) ?? []).filter((s) => !s.registrationKey)
		} else {
			candidates = byCode.get(row.taskCodeKey) ?? []
		}
		if (!existing && candidates.length > 1) {
			return { action: 'REJECT', row, changes: [], data: {}, issues: [{ field: 'taskCode', code: 'ambiguous', params: { count: candidates.length, key: row.values.taskCode ?? '' } }] }
		}
		existing ??= candidates[0]
		if (!existing) return { action: 'CREATE', row, changes: [], issues: [], data: columnsOf(row, true) }
		const data = columnsOf(row, false)
		const changed = new Set<string>()
		for (const [column, value] of Object.entries(data)) {
			const label = COMPARED[column as keyof typeof COMPARED]
			if (label && comparable(existing[column]) !== comparable(value)) changed.add(label)
		}
		const changes = [...changed]
		return { action: changes.length > 0 ? 'UPDATE' : 'UNCHANGED', row, id: existing.id, changes, issues: [], data }
	})
}

export type WriteMeta = { source: 'IMPORT' | 'API' | 'SEED'; importId?: string | null }

const DEFAULTS = { managingAgency: '', principalInvestigator: '', members: [], fieldCodes: [], fieldPaths: [], keywords: [], abstract: '', products: [], applicationStatus: 'NOT_APPLIED' }

/**
 * Inserts new task results with one statement over a JSON array. Prisma's createMany spends about a
 * millisecond a row building its query, most of an import's time; this reads the same values.
 */
async function insertTaskResults(tx: Tx, plans: readonly Plan<TaskResultRow>[], meta: WriteMeta) {
	const rows = plans.map((plan) => {
		const d = { ...DEFAULTS, ...plan.data } as Record<string, unknown>
		plan.id = newId()
		const date = d.registrationDate instanceof Date ? d.registrationDate.toISOString().slice(0, 10) : null
		return { ...d, id: plan.id, registrationDate: date, source: meta.source, importId: meta.importId ?? null }
	})
	await tx.$executeRaw`
		INSERT INTO "TaskResult" (id, "taskCode", "taskCodeKey", title, level, "managingAgency", "hostName", "hostOrganisationId", "provinceCode",
			"principalInvestigator", members, "startYear", "endYear", "fieldCodes", "fieldPaths", keywords, abstract, products, "applicationStatus",
			"registrationNumber", "registrationKey", "registrationDate", source, "importId", "createdAt", "updatedAt")
		SELECT r.id, r."taskCode", r."taskCodeKey", r.title, r.level::"TaskLevel", r."managingAgency", r."hostName", r."hostOrganisationId", r."provinceCode",
			r."principalInvestigator", ARRAY(SELECT jsonb_array_elements_text(r.members)), r."startYear", r."endYear",
			ARRAY(SELECT jsonb_array_elements_text(r."fieldCodes")), ARRAY(SELECT jsonb_array_elements_text(r."fieldPaths")),
			ARRAY(SELECT jsonb_array_elements_text(r.keywords)), r.abstract, r.products, r."applicationStatus"::"ApplicationStatus",
			r."registrationNumber", r."registrationKey", r."registrationDate"::date, r.source::"DataSource", r."importId",
			now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
		FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, "taskCode" text, "taskCodeKey" text, title text, level text,
			"managingAgency" text, "hostName" text, "hostOrganisationId" text, "provinceCode" text, "principalInvestigator" text, members jsonb,
			"startYear" int, "endYear" int, "fieldCodes" jsonb, "fieldPaths" jsonb, keywords jsonb, abstract text, products jsonb,
			"applicationStatus" text, "registrationNumber" text, "registrationKey" text, "registrationDate" text, source text, "importId" text)`
}

/** Writes the creates and updates of a plan in the caller's transaction; returns the counts by action. */
export async function applyTaskResultPlans(tx: Tx, plans: readonly Plan<TaskResultRow>[], meta: WriteMeta) {
	const creates = plans.filter((p) => p.action === 'CREATE')
	if (creates.length > 0) await insertTaskResults(tx, creates, meta)
	for (const plan of plans) {
		if (plan.action !== 'UPDATE') continue
		await tx.taskResult.update({ where: { id: plan.id! }, data: { ...plan.data, source: meta.source, importId: meta.importId ?? null } as Prisma.TaskResultUpdateInput })
	}
	return countPlans(plans)
}

export function countPlans(plans: readonly { action: PlanAction }[]) {
	const counts = { create: 0, update: 0, unchanged: 0, reject: 0 }
	for (const p of plans) counts[p.action.toLowerCase() as keyof typeof counts]++
	return counts
}

/**
 * Links the task results registered under a verified organisation's name (or short name, any case)
 * that no organisation holds yet; `verified: false` takes its links back. Imports link only to
 * verified organisations, so a name registered by anyone cannot collect another's evidence.
 */
export async function relinkHostedTaskResults(tx: Tx, organisation: { id: string; name: string; shortName: string | null }, verified: boolean) {
	if (!verified) return tx.taskResult.updateMany({ where: { hostOrganisationId: organisation.id }, data: { hostOrganisationId: null } })
	const names = [organisation.name, organisation.shortName].filter((n): n is string => Boolean(n)).map((name) => ({ hostName: { equals: name, mode: 'insensitive' as const } }))
	return tx.taskResult.updateMany({ where: { hostOrganisationId: null, OR: names }, data: { hostOrganisationId: organisation.id } })
}
