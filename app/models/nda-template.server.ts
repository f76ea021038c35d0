// The deals' NDA text, versioned. Operators publish a new version; an old one is never edited,
// because every acceptance points at the version its side agreed to. Deals still in stage NDA
// ask the sides that have not accepted yet for the newest version (acceptNda refuses an older
// one); a side that already accepted stays bound by the version it accepted.
import { z } from 'zod'
import { recordAudit } from '~/models/audit.server'
import { NdaTemplateSchema } from '~/models/nda-template-schema'
import { hasRole, type SessionUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { inTransaction } from '~/utils/transaction.server'

/** A refusal the operator can understand: an i18n code, an HTTP status and, for the form, field errors. */
export class NdaTemplateError extends Error {
	constructor(
		public readonly code: string,
		public readonly status = 400,
		public readonly fields: Record<string, string[]> = {},
	) {
		super(code)
		this.name = 'NdaTemplateError'
	}
}

export type NdaTemplateActor = Pick<SessionUser, 'id' | 'roles'>

// Any constant shared by every node: publishes take turns, so two never read the same highest
// version and both try to write the next one.
const PUBLISH_LOCK = 0x4e4441

/**
 * Publishes the next NDA version (operators and administrators only). `input` is validated here
 * whatever the caller did, so the API or a script cannot store what the form would refuse.
 */
export async function publishNdaTemplate(actor: NdaTemplateActor, input: unknown, meta: { ip?: string | null } = {}) {
	if (!hasRole(actor, 'OPERATOR', 'ADMIN')) throw new NdaTemplateError('errors.forbidden', 403)
	const parsed = NdaTemplateSchema.safeParse(input)
	if (!parsed.success) throw new NdaTemplateError('validation.fixBelow', 400, z.flattenError(parsed.error).fieldErrors as Record<string, string[]>)
	try {
		return await inTransaction(async ({ tx }) => {
			await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`
			const latest = await tx.ndaTemplate.findFirst({ orderBy: { version: 'desc' }, select: { version: true } })
			const version = (latest?.version ?? 0) + 1
			const created = await tx.ndaTemplate.create({ data: { ...parsed.data, version, createdById: actor.id }, select: { id: true, version: true } })
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'nda.template.published',
				entityType: 'NdaTemplate',
				entityId: created.id,
				data: { version, previous: latest?.version ?? null, titleVi: parsed.data.titleVi, titleEn: parsed.data.titleEn },
				ip: meta.ip ?? null,
			})
			return created
		})
	} catch (error) {
		// Only a writer bypassing this function (a migration, a script) can still take the number:
		// the operator is asked to publish again rather than shown a server error.
		if (error && typeof error === 'object' && 'code' in error && error.code === 'P2002') throw new NdaTemplateError('operator.nda.errors.conflict', 409)
		throw error
	}
}

/** Every version, newest first, with who published it and how many deals (not sides) accepted it. */
export async function listNdaTemplates() {
	const [templates, counts] = await Promise.all([
		prisma.ndaTemplate.findMany({
			orderBy: { version: 'desc' },
			// Bodies stay out: up to 100,000 characters a version, and the page shows one at a time.
			select: { id: true, version: true, titleVi: true, titleEn: true, createdAt: true, createdBy: { select: { id: true, name: true } } },
		}),
		prisma.$queryRaw<Array<{ templateId: string; deals: number }>>`
			SELECT "templateId", count(DISTINCT "dealId")::int AS deals FROM "NdaAcceptance" GROUP BY "templateId"`,
	])
	const dealsOf = new Map(counts.map((c) => [c.templateId, Number(c.deals)]))
	return templates.map((t) => ({ ...t, deals: dealsOf.get(t.id) ?? 0 }))
}

/** One version's full text (the newest when `version` is null); null when there is no such version. */
export function getNdaTemplate(version: number | null) {
	return prisma.ndaTemplate.findFirst({
		where: version == null ? {} : { version },
		orderBy: { version: 'desc' },
		select: { id: true, version: true, titleVi: true, titleEn: true, bodyVi: true, bodyEn: true, createdAt: true },
	})
}
