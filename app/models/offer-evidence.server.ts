/**
 * "Backed by registered R&D": the links between an offer and the registered task results it builds
 * on. The one module that writes OfferTaskResult. Only active members of the offer's organisation
 * link and unlink (operators moderate offers, they do not speak for them); task results are public
 * records, so any of them may be linked, and a link to one hosted elsewhere is shown as such.
 */
import { recordAudit } from '~/models/audit.server'
import { listingAccess, ListingError, type Actor } from '~/models/listing.server'
import { codeKey } from '~/models/task-result-schema'
import { prisma } from '~/utils/db.server'
import { inTransaction, type Tx } from '~/utils/transaction.server'

/** At most this many task results back one offer: evidence, not a bibliography. */
export const MAX_EVIDENCE = 20
/** Results a search in the editor shows. */
export const EVIDENCE_SEARCH_SIZE = 10
const QUERY_MAX = 200
/** Refusals a member can act on, shown on the editor's panel (the others are error pages). */
export const EVIDENCE_ERRORS = ['listings.evidence.errors.unknownTaskResult', 'listings.evidence.errors.tooMany', 'listings.errors.archived', 'errors.badRequest'] as const

const evidenceSelect = {
	id: true,
	taskCode: true,
	title: true,
	level: true,
	hostName: true,
	hostOrganisationId: true,
	hostOrganisation: { select: { id: true, slug: true, name: true } },
	registrationNumber: true,
	registrationDate: true,
	startYear: true,
	endYear: true,
} as const

async function loadOffer(tx: Tx, offerId: string) {
	// FOR UPDATE: two links racing on one offer are counted one after the other, so the limit holds.
	const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Offer" WHERE id = ${offerId} FOR UPDATE`
	if (rows.length === 0) throw new ListingError('errors.notFound', 404)
	return tx.offer.findUniqueOrThrow({ where: { id: offerId }, select: { id: true, organisationId: true, status: true } })
}

function requireEditor(actor: Actor, offer: { organisationId: string; status: string }) {
	const access = listingAccess(actor, offer)
	if (!access.canView) throw new ListingError('errors.notFound', 404)
	if (!access.isMember) throw new ListingError('errors.forbidden', 403)
	if (!access.canEdit) throw new ListingError('listings.errors.archived', 409)
}

// Matching follows published offers through ListingEvent; evidence changes what an offer stands on.
async function publishedChanged(tx: Tx, offer: { id: string; status: string }) {
	if (offer.status === 'PUBLISHED') await tx.listingEvent.create({ data: { entityType: 'Offer', entityId: offer.id, event: 'updated' } })
}

/**
 * Links a task result to an offer. Linking one already linked changes nothing and answers
 * `{ linked: false }`; a missing task result is a 404, the 21st link a 409.
 */
export async function linkTaskResult(actor: Actor, offerId: string, taskResultId: string, meta: { ip?: string | null } = {}) {
	return inTransaction(async ({ tx }) => {
		const offer = await loadOffer(tx, offerId)
		requireEditor(actor, offer)
		const taskResult = await tx.taskResult.findUnique({ where: { id: taskResultId }, select: { id: true, taskCode: true } })
		if (!taskResult) throw new ListingError('listings.evidence.errors.unknownTaskResult', 404)
		const existing = await tx.offerTaskResult.findUnique({ where: { offerId_taskResultId: { offerId, taskResultId } }, select: { offerId: true } })
		if (existing) return { linked: false }
		const count = await tx.offerTaskResult.count({ where: { offerId } })
		if (count >= MAX_EVIDENCE) throw new ListingError('listings.evidence.errors.tooMany', 409)
		await tx.offerTaskResult.create({ data: { offerId, taskResultId, linkedById: actor.id } })
		await recordAudit(tx, {
			actorId: actor.id,
			organisationId: offer.organisationId,
			action: 'offer.evidence.link',
			entityType: 'Offer',
			entityId: offerId,
			data: { taskResultId, taskCode: taskResult.taskCode },
			ip: meta.ip,
		})
		await publishedChanged(tx, offer)
		return { linked: true }
	})
}

/** Removes a link; removing one that is not there changes nothing and answers `{ unlinked: false }`. */
export async function unlinkTaskResult(actor: Actor, offerId: string, taskResultId: string, meta: { ip?: string | null } = {}) {
	return inTransaction(async ({ tx }) => {
		const offer = await loadOffer(tx, offerId)
		requireEditor(actor, offer)
		const removed = await tx.offerTaskResult.deleteMany({ where: { offerId, taskResultId } })
		if (removed.count === 0) return { unlinked: false }
		await recordAudit(tx, {
			actorId: actor.id,
			organisationId: offer.organisationId,
			action: 'offer.evidence.unlink',
			entityType: 'Offer',
			entityId: offerId,
			data: { taskResultId },
			ip: meta.ip,
		})
		await publishedChanged(tx, offer)
		return { unlinked: true }
	})
}

export type EvidenceItem = {
	id: string
	taskCode: string
	title: string
	level: 'NATIONAL' | 'MINISTERIAL' | 'PROVINCIAL' | 'GRASSROOTS'
	hostName: string
	hostOrganisation: { id: string; slug: string; name: string } | null
	registrationNumber: string | null
	registrationDate: Date | null
	startYear: number | null
	endYear: number | null
}

function toItem(row: EvidenceItem & { hostOrganisationId: string | null }): EvidenceItem {
	const { hostOrganisationId: _host, ...item } = row
	return item
}

/**
 * The task results linked to an offer, in the order they were linked. Task results are public,
 * so this does not check the viewer: the caller has already decided the offer is theirs to see.
 */
export async function listEvidence(offerId: string): Promise<EvidenceItem[]> {
	const rows = await prisma.offerTaskResult.findMany({
		where: { offerId },
		select: { taskResult: { select: evidenceSelect } },
		orderBy: [{ createdAt: 'asc' }, { taskResultId: 'asc' }],
		take: MAX_EVIDENCE,
	})
	return rows.map((r) => toItem(r.taskResult))
}

/** What a search text matches: the task code (also as typed without spaces or accents), the title, the registration number. */
function matchWhere(query: string) {
	const key = codeKey(query)
	return {
		OR: [
			{ taskCode: { contains: query, mode: 'insensitive' as const } },
			{ title: { contains: query, mode: 'insensitive' as const } },
			{ registrationNumber: { contains: query, mode: 'insensitive' as const } },
			...(key ? [{ taskCodeKey: { contains: key } }, { registrationKey: { contains: key } }] : []),
		],
	}
}

/**
 * Task results an offer of `organisationId` could link, those it hosts first, then the rest, newest
 * first within each. An empty query lists the organisation's own. `excludeOfferId` leaves out what
 * that offer already links.
 */
export async function searchLinkableTaskResults(organisationId: string, query: string, options: { excludeOfferId?: string; take?: number } = {}): Promise<EvidenceItem[]> {
	const text = query.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, QUERY_MAX)
	const take = options.take ?? EVIDENCE_SEARCH_SIZE
	const excluded = options.excludeOfferId ? { offers: { none: { offerId: options.excludeOfferId } } } : {}
	const matches = text ? matchWhere(text) : {}
	const orderBy = [{ endYear: { sort: 'desc' as const, nulls: 'last' as const } }, { id: 'asc' as const }]
	const own = await prisma.taskResult.findMany({ where: { AND: [matches, excluded, { hostOrganisationId: organisationId }] }, select: evidenceSelect, orderBy, take })
	if (!text || own.length >= take) return own.map(toItem)
	const others = await prisma.taskResult.findMany({
		where: { AND: [matches, excluded, { OR: [{ hostOrganisationId: null }, { hostOrganisationId: { not: organisationId } }] }] },
		select: evidenceSelect,
		orderBy,
		take: take - own.length,
	})
	return [...own, ...others].map(toItem)
}
