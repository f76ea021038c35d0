// The two jobs of an import: the dry run reads the whole file and records a verdict for every row;
// applying reads it again and writes, one transaction per batch. Both stream the file, so memory
// stays flat however long it is, and both start over cleanly when a crashed job is run again.
import { Readable } from 'node:stream'
import type { ImportKind } from '~/generated/prisma/client'
import { keepJobAlive } from '~/jobs/queue.server'
import { applyExpertPlans, planExperts } from '~/models/expert.server'
import { failImport, finishPhase, recordApplyProgress, recordDryRunBatch, startPhase, type ImportCounts, type RowVerdict } from '~/models/import.server'
import { applyTaskResultPlans, planTaskResults, type Plan } from '~/models/task-result.server'
import { getFileStore } from '~/uploads/storage.server'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { inTransaction, type Tx } from '~/utils/transaction.server'
import { readExpertRow, type ExpertRow } from './expert-row'
import { organisationIndex, type OrganisationIndex, type RowIssue } from './issues'
import { ImportFileError, readImportRows, type FileFormat, type SourceRow } from './read.server'
import { readTaskResultRow, type RowResult, type TaskResultRow } from './task-result-row'

/** Rows planned and written together: one lookup query and one transaction per batch. */
export const BATCH_SIZE = 500

type AnyRow = TaskResultRow | ExpertRow

/** What differs between the two kinds of import. */
export type ImportKindAdapter<R extends AnyRow> = {
	read(source: Extract<SourceRow, { raw: unknown }>, organisations: OrganisationIndex): RowResult<R>
	/**
	 * Keys for spotting repeats within one file or request: `check` are the keys a row must not share
	 * with an earlier row, `mark` those it leaves for later rows. A row with a registration number
	 * (an e-mail) marks its task code (name and organisation) too, so a later row matched only by
	 * that code is the same record, while two rows with different registration numbers may share a code.
	 */
	duplicateKeys(row: R): { check: string[]; mark: string[] }
	plan(tx: Tx, rows: readonly R[]): Promise<Plan<R>[]>
	apply(tx: Tx, plans: readonly Plan<R>[], meta: { source: 'IMPORT' | 'API'; importId?: string }): Promise<ImportCounts>
}

export const taskResultAdapter: ImportKindAdapter<TaskResultRow> = {
	read: (source, organisations) => readTaskResultRow(source.raw, organisations),
	duplicateKeys: (row) =>
		row.registrationKey ? { check: [`reg:${row.registrationKey}`], mark: [`reg:${row.registrationKey}`, `code:${row.taskCodeKey}`] } : { check: [`code:${row.taskCodeKey}`], mark: [`code:${row.taskCodeKey}`] },
	plan: planTaskResults,
	apply: applyTaskResultPlans,
}

export const expertAdapter: ImportKindAdapter<ExpertRow> = {
	read: (source, organisations) => readExpertRow(source.raw, organisations),
	duplicateKeys: (row) => (row.email ? { check: [`email:${row.email}`], mark: [`email:${row.email}`, `id:${row.identityKey}`] } : { check: [`id:${row.identityKey}`], mark: [`id:${row.identityKey}`] }),
	plan: planExperts,
	apply: (tx, plans, meta) => applyExpertPlans(tx, plans as Parameters<typeof applyExpertPlans>[1], meta),
}

export function adapterFor(kind: ImportKind): ImportKindAdapter<AnyRow> {
	return (kind === 'TASK_RESULTS' ? taskResultAdapter : expertAdapter) as ImportKindAdapter<AnyRow>
}

/**
 * The platform's verified organisations by name, for linking hosts and affiliations. Unverified ones
 * are left out: anyone can register a name, and a link puts evidence on that organisation's page.
 * Verifying an organisation later links what was registered under its name.
 */
export async function loadOrganisationIndex() {
	return organisationIndex(await prisma.organisation.findMany({ where: { verifiedAt: { not: null } }, select: { id: true, name: true, shortName: true, provinceCode: true } }))
}

/** The position of an earlier row this one repeats, or undefined (then its keys are noted at `position`). */
export function repeatOf<R extends AnyRow>(adapter: ImportKindAdapter<R>, row: R, seen: Map<string, number>, position: number) {
	const { check, mark } = adapter.duplicateKeys(row)
	const earlier = check.map((k) => seen.get(k)).find((p) => p !== undefined)
	if (earlier === undefined) for (const k of mark) if (!seen.has(k)) seen.set(k, position)
	return earlier
}

type Verdicts = { verdicts: RowVerdict[]; accepted: Array<{ line: number; row: AnyRow }> }

/**
 * Reads a batch of source rows: rejects unreadable rows and repeats of earlier rows in the file,
 * hands the rest to the planner. `seen` carries the keys of the rows before this batch.
 */
function screen(adapter: ImportKindAdapter<AnyRow>, batch: readonly SourceRow[], organisations: OrganisationIndex, seen: Map<string, number>): Verdicts {
	const verdicts: RowVerdict[] = []
	const accepted: Array<{ line: number; row: AnyRow }> = []
	for (const source of batch) {
		if ('issues' in source) {
			verdicts.push({ line: source.line, action: 'REJECT', key: '', label: '', issues: source.issues, changes: [] })
			continue
		}
		const result = adapter.read(source, organisations)
		if (!result.ok) {
			verdicts.push({ line: source.line, action: 'REJECT', key: result.key, label: result.label, issues: result.issues, changes: [] })
			continue
		}
		const earlier = repeatOf(adapter, result.row, seen, source.line)
		if (earlier !== undefined) {
			const issue: RowIssue = { field: '', code: 'duplicate', params: { line: earlier } }
			verdicts.push({ line: source.line, action: 'REJECT', key: result.row.key, label: result.row.label, issues: [issue], changes: [] })
			continue
		}
		accepted.push({ line: source.line, row: result.row })
	}
	return { verdicts, accepted }
}

function verdictOf(line: number, plan: Plan<AnyRow>): RowVerdict {
	return { line, action: plan.action, key: plan.row.key, label: plan.row.label, issues: plan.issues, changes: plan.changes }
}

async function openFile(storageKey: string) {
	const stored = await getFileStore().get(storageKey)
	if (!stored) throw new ImportFileError('fileMissing')
	return Readable.fromWeb(stored.stream as import('node:stream/web').ReadableStream<Uint8Array>)
}

async function* batches(rows: AsyncIterable<SourceRow>) {
	let batch: SourceRow[] = []
	for await (const row of rows) {
		batch.push(row)
		if (batch.length >= BATCH_SIZE) {
			yield batch
			batch = []
		}
	}
	if (batch.length > 0) yield batch
}

type Loaded = { id: string; kind: ImportKind; format: string; storageKey: string }

async function load(importId: string): Promise<Loaded | null> {
	return prisma.import.findUnique({ where: { id: importId }, select: { id: true, kind: true, format: true, storageKey: true } })
}

/** Runs one phase over the file; `handle` gets each batch and returns the new counts. */
async function runPhase(
	record: Loaded,
	jobId: string | undefined,
	handle: (args: { verdicts: Verdicts; bytesRead: number; rowsRead: number; unknownColumns: string[] }) => Promise<void>,
) {
	const organisations = await loadOrganisationIndex()
	const adapter = adapterFor(record.kind)
	const seen = new Map<string, number>()
	let bytesRead = 0
	let rowsRead = 0
	let unknownColumns: string[] = []
	const rows = readImportRows(await openFile(record.storageKey), {
		kind: record.kind,
		format: record.format as FileFormat,
		onBytes: (bytes) => (bytesRead = bytes),
		onUnknownColumns: (headers) => (unknownColumns = headers.slice(0, 50)),
	})
	for await (const batch of batches(rows)) {
		rowsRead += batch.length
		await handle({ verdicts: screen(adapter, batch, organisations, seen), bytesRead, rowsRead, unknownColumns })
		if (jobId) await keepJobAlive(jobId)
	}
	return { adapter, rowsRead, bytesRead, unknownColumns }
}

function add(into: ImportCounts, counts: ImportCounts) {
	for (const key of Object.keys(into) as Array<keyof ImportCounts>) into[key] += counts[key]
}

function rejected(verdicts: readonly RowVerdict[]) {
	return verdicts.filter((v) => v.action === 'REJECT').length
}

/** The dry run: a verdict for every row, nothing written to task results or experts. */
export async function validateImport(importId: string, jobId?: string) {
	const record = await load(importId)
	if (!record) return
	await startPhase(importId, 'VALIDATING')
	const summary: ImportCounts = { create: 0, update: 0, unchanged: 0, reject: 0 }
	const adapter = adapterFor(record.kind)
	try {
		const done = await runPhase(record, jobId, async ({ verdicts, bytesRead, rowsRead, unknownColumns }) => {
			const plans = verdicts.accepted.length > 0 ? await adapter.plan(prisma as unknown as Tx, verdicts.accepted.map((a) => a.row)) : []
			const rows = [...verdicts.verdicts, ...plans.map((plan, i) => verdictOf(verdicts.accepted[i]!.line, plan))]
			for (const row of rows) summary[row.action.toLowerCase() as keyof ImportCounts]++
			await recordDryRunBatch(importId, rows, { bytesRead, rowsRead, summary: { ...summary, unknownColumns } })
		})
		await finishPhase(importId, 'VALIDATED', { summary: { ...summary, unknownColumns: done.unknownColumns, rows: done.rowsRead } })
	} catch (error) {
		if (!(error instanceof ImportFileError)) throw error
		await failImport(importId, `imports.errors.${error.code}`, error.params)
	}
}

/** Writes the file's valid rows, one transaction per batch; re-running it changes nothing more. */
export async function applyImport(importId: string, jobId?: string) {
	const record = await load(importId)
	if (!record) return
	await startPhase(importId, 'APPLYING')
	const applied: ImportCounts = { create: 0, update: 0, unchanged: 0, reject: 0 }
	const adapter = adapterFor(record.kind)
	try {
		await runPhase(record, jobId, async ({ verdicts, bytesRead, rowsRead }) => {
			const next = await inTransaction(async ({ tx }) => {
				// Planned again inside the transaction: the database may have changed since the dry run.
				const plans = verdicts.accepted.length > 0 ? await adapter.plan(tx, verdicts.accepted.map((a) => a.row)) : []
				const counts = await adapter.apply(tx, plans, { source: 'IMPORT', importId })
				counts.reject += rejected(verdicts.verdicts)
				const sum = { ...applied }
				add(sum, counts)
				await recordApplyProgress(tx, importId, { bytesRead, rowsRead, applied: sum })
				return sum
			})
			// Counted only once the batch has committed.
			Object.assign(applied, next)
		})
		await finishPhase(importId, 'APPLIED', { applied })
		logger.info({ importId, kind: record.kind, ...applied }, 'import applied')
	} catch (error) {
		if (!(error instanceof ImportFileError)) throw error
		await failImport(importId, `imports.errors.${error.code}`, error.params)
	}
}
