/**
 * Bulk imports of task results and experts: the one module that writes Import and ImportRow rows.
 * An operator's upload becomes an Import and a validation job (the dry run); applying it is a second
 * job. Both are jobs so an import survives a page reload, a lost connection and a server restart.
 */
import type { ImportKind, Prisma } from '~/generated/prisma/client'
import { enqueue } from '~/jobs/queue.server'
import { recordAudit } from '~/models/audit.server'
import { isOperator } from '~/models/listing.server'
import { notify } from '~/models/notification.server'
import type { SessionUser } from '~/utils/auth.server'
import { inTransaction, type Tx, type Unit } from '~/utils/transaction.server'

export type ImportCounts = { create: number; update: number; unchanged: number; reject: number }

export class ImportError extends Error {
	constructor(
		readonly code: string,
		readonly status = 400,
	) {
		super(code)
	}
}

type Operator = Pick<SessionUser, 'id' | 'roles'>

function requireOperator(actor: Operator) {
	if (!isOperator(actor)) throw new ImportError('errors.forbidden', 403)
}

/** Queues the dry run of a stored file. */
export async function createImport(
	actor: Operator,
	file: { kind: ImportKind; fileName: string; format: string; storageKey: string; size: number; sha256: string },
	meta: { ip?: string | null } = {},
) {
	requireOperator(actor)
	return inTransaction(async ({ tx, afterCommit }) => {
		const created = await tx.import.create({
			data: { kind: file.kind, fileName: file.fileName, format: file.format, storageKey: file.storageKey, fileSize: file.size, sha256: file.sha256, createdById: actor.id },
			select: { id: true },
		})
		await recordAudit(tx, { actorId: actor.id, action: 'import.upload', entityType: 'Import', entityId: created.id, data: { kind: file.kind, fileName: file.fileName, size: file.size }, ip: meta.ip })
		await enqueue(tx, 'imports.validate', { importId: created.id }, { maxAttempts: 3, afterCommit })
		return created
	})
}

/** Queues the writing of a validated import. Only once: a second click finds it no longer VALIDATED. */
export async function requestApply(actor: Operator, importId: string, meta: { ip?: string | null } = {}) {
	requireOperator(actor)
	return inTransaction(async ({ tx, afterCommit }) => {
		const claimed = await tx.import.updateMany({ where: { id: importId, status: 'VALIDATED' }, data: { status: 'APPLYING', applyQueued: new Date(), bytesRead: 0, rowsRead: 0 } })
		if (claimed.count === 0) {
			const exists = await tx.import.findUnique({ where: { id: importId }, select: { id: true } })
			throw new ImportError(exists ? 'imports.errors.notValidated' : 'errors.notFound', exists ? 409 : 404)
		}
		await recordAudit(tx, { actorId: actor.id, action: 'import.apply', entityType: 'Import', entityId: importId, ip: meta.ip })
		await enqueue(tx, 'imports.apply', { importId }, { maxAttempts: 3, afterCommit })
	})
}

/** The state of a phase starting over: a rerun after a crash begins from the first row again. */
export async function startPhase(importId: string, phase: 'VALIDATING' | 'APPLYING') {
	await inTransaction(async ({ tx }) => {
		if (phase === 'VALIDATING') await tx.importRow.deleteMany({ where: { importId } })
		await tx.import.update({ where: { id: importId }, data: { status: phase, bytesRead: 0, rowsRead: 0, errorCode: null, errorParams: undefined, ...(phase === 'VALIDATING' ? { summary: {} } : { applied: undefined }) } })
	})
}

export type RowVerdict = { line: number; action: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REJECT'; key: string; label: string; issues: Prisma.InputJsonValue; changes: string[] }

/** Records one batch of the dry run's verdicts and its progress, together. */
export async function recordDryRunBatch(importId: string, rows: readonly RowVerdict[], progress: { bytesRead: number; rowsRead: number; summary: Prisma.InputJsonValue }) {
	await inTransaction(async ({ tx }) => {
		if (rows.length > 0) {
			// One statement over a JSON array: Prisma's createMany spends about half a millisecond a row
			// building its query, which made this insert most of a dry run's time.
			const json = JSON.stringify(rows.map((r) => ({ line: r.line, action: r.action, key: r.key.slice(0, 200), label: r.label.slice(0, 300), issues: r.issues, changes: r.changes })))
			await tx.$executeRaw`
				INSERT INTO "ImportRow" ("importId", line, action, key, label, issues, changes, "createdAt", "updatedAt")
				SELECT ${importId}, r.line, r.action::"ImportAction", r.key, r.label, r.issues, ARRAY(SELECT jsonb_array_elements_text(r.changes)),
					now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
				FROM jsonb_to_recordset(${json}::jsonb) AS r(line int, action text, key text, label text, issues jsonb, changes jsonb)`
		}
		await tx.import.update({ where: { id: importId }, data: progress })
	})
}

/** Progress of the apply phase, written in the batch's own transaction. */
export async function recordApplyProgress(tx: Tx, importId: string, progress: { bytesRead: number; rowsRead: number; applied: Prisma.InputJsonValue }) {
	await tx.import.update({ where: { id: importId }, data: progress })
}

/** Ends a phase and tells the operator who uploaded the file (the page may have been left long ago). */
export async function finishPhase(importId: string, phase: 'VALIDATED' | 'APPLIED', fields: { summary?: Prisma.InputJsonValue; applied?: Prisma.InputJsonValue }) {
	await inTransaction(async (unit) => {
		const record = await unit.tx.import.update({
			where: { id: importId },
			data: { status: phase, ...(phase === 'VALIDATED' ? { validatedAt: new Date() } : { appliedAt: new Date() }), ...fields },
			select: { createdById: true, fileName: true },
		})
		await notifyUploader(unit, importId, record, phase === 'VALIDATED' ? 'import.validated' : 'import.applied')
	})
}

/** The file could not be read: the import stops with the reason, to be shown to the operator. */
export async function failImport(importId: string, errorCode: string, errorParams: Record<string, string | number>) {
	await inTransaction(async (unit) => {
		const record = await unit.tx.import.update({ where: { id: importId }, data: { status: 'FAILED', errorCode, errorParams }, select: { createdById: true, fileName: true } })
		await notifyUploader(unit, importId, record, 'import.failed')
	})
}

async function notifyUploader(unit: Unit, importId: string, record: { createdById: string | null; fileName: string }, kind: 'import.validated' | 'import.applied' | 'import.failed') {
	if (record.createdById) await notify(unit, { userId: record.createdById, kind, params: { title: record.fileName }, link: `/operator/imports/${importId}` })
}
