import type { Prisma } from '~/generated/prisma/client'
import type { Tx } from '~/utils/transaction.server'

export type AuditEntry = {
	actorId?: string | null
	organisationId?: string | null
	action: string
	entityType: string
	entityId?: string | null
	data?: Prisma.InputJsonValue
	ip?: string | null
}

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
	await tx.auditLog.create({
		data: {
			actorId: entry.actorId ?? null,
			organisationId: entry.organisationId ?? null,
			action: entry.action,
			entityType: entry.entityType,
			entityId: entry.entityId ?? null,
			data: entry.data ?? {},
			ip: entry.ip ?? null,
		},
	})
}
