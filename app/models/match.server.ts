// Match rows and their feedback: the one module that writes them. A pair has one row whatever side
// found it (its pairKey); a rematch updates the score and keeps the row with its feedback, claim
// and notification; a pair that no longer scores is deleted unless someone judged or claimed it.
import type { DismissReason, MatchKind, Prisma } from '~/generated/prisma/client'
import { notify } from '~/models/notification.server'
import { prisma } from '~/utils/db.server'
import { newId } from '~/utils/id.server'
import { inTransaction, type Unit } from '~/utils/transaction.server'

export class MatchError extends Error {
	constructor(
		readonly key: string,
		readonly status = 400,
	) {
		super(key)
		this.name = 'MatchError'
	}
}

export const DISMISS_REASONS = ['NOT_RELEVANT', 'ALREADY_KNOWN', 'PRICE', 'MATURITY', 'LOCATION', 'OTHER'] as const satisfies readonly DismissReason[]

/** The two ends of a pair as the row stores them. */
export type PairEnds = { demandId?: string; offerId?: string; taskResultId?: string; expertId?: string }

export type FoundMatch = PairEnds & {
	kind: MatchKind
	score: number
	components: Prisma.InputJsonValue
	explanation: Prisma.InputJsonValue
}

/** "offer:<id>|demand:<id>": the same pair gets the same key from either side. */
export function pairKey(kind: MatchKind, ends: PairEnds): string {
	switch (kind) {
		case 'OFFER_DEMAND':
			return `offer:${ends.offerId}|demand:${ends.demandId}`
		case 'TASK_RESULT_DEMAND':
			return `task-result:${ends.taskResultId}|demand:${ends.demandId}`
		case 'EXPERT_OFFER':
			return `expert:${ends.expertId}|offer:${ends.offerId}`
		case 'EXPERT_DEMAND':
			return `expert:${ends.expertId}|demand:${ends.demandId}`
	}
}

export type Recipient = { userId: string; params: Record<string, string | number>; link: string }

export type SaveResult = { created: number; updated: number; deleted: number; notified: number }

/**
 * Writes one listing's matches in one transaction: upserts the found pairs, deletes the given
 * stale ones that nobody judged or claimed, and notifies owners of strong pairs not yet notified
 * (`recipients` says who, per pair key), marking them so a pair notifies at most once.
 */
export async function saveMatches(input: {
	found: FoundMatch[]
	stale: string[]
	strongAt: number
	recipients: (match: FoundMatch) => Recipient[]
}): Promise<SaveResult> {
	return inTransaction(async (unit) => {
		const result: SaveResult = { created: 0, updated: 0, deleted: 0, notified: 0 }
		for (const m of input.found) {
			const key = pairKey(m.kind, m)
			const existing = await unit.tx.match.findUnique({ where: { pairKey: key }, select: { id: true, notifiedAt: true } })
			const data = { score: m.score, components: m.components, explanation: m.explanation }
			let id: string
			if (existing) {
				await unit.tx.match.update({ where: { id: existing.id }, data })
				id = existing.id
				result.updated++
			} else {
				const ends = { demandId: m.demandId ?? null, offerId: m.offerId ?? null, taskResultId: m.taskResultId ?? null, expertId: m.expertId ?? null }
				// Another job may insert the same pair meanwhile: the unique key decides, and the loser updates.
				const rows = await unit.tx.$queryRaw<Array<{ id: string }>>`
					INSERT INTO "Match" (id, kind, "pairKey", "demandId", "offerId", "taskResultId", "expertId", score, components, explanation, "updatedAt")
					VALUES (${newId()}, ${m.kind}::"MatchKind", ${key}, ${ends.demandId}, ${ends.offerId}, ${ends.taskResultId}, ${ends.expertId},
						${m.score}, ${JSON.stringify(m.components)}::jsonb, ${JSON.stringify(m.explanation)}::jsonb, now())
					ON CONFLICT ("pairKey") DO UPDATE SET score = EXCLUDED.score, components = EXCLUDED.components, explanation = EXCLUDED.explanation, "updatedAt" = now()
					RETURNING id`
				id = rows[0]!.id
				result.created++
			}
			if (m.score >= input.strongAt && !existing?.notifiedAt) result.notified += await notifyOnce(unit, id, input.recipients(m))
		}
		if (input.stale.length > 0) {
			const deleted = await unit.tx.match.deleteMany({ where: { pairKey: { in: input.stale }, brokerId: null, feedback: { none: {} } } })
			result.deleted = deleted.count
		}
		return result
	})
}

async function notifyOnce(unit: Unit, matchId: string, recipients: Recipient[]) {
	// Marking first, guarded by IS NULL, makes two concurrent jobs notify once between them.
	const marked = await unit.tx.$executeRaw`UPDATE "Match" SET "notifiedAt" = now() WHERE id = ${matchId} AND "notifiedAt" IS NULL`
	if (marked === 0) return 0
	const seen = new Set<string>()
	for (const r of recipients) {
		if (seen.has(r.userId)) continue
		seen.add(r.userId)
		await notify(unit, { userId: r.userId, kind: 'matching.new', params: r.params, link: r.link })
	}
	return seen.size
}

/** The pair keys already stored for a listing, by kind. */
export async function storedPairs(ends: { demandId?: string; offerId?: string }, kinds: MatchKind[]) {
	return prisma.match.findMany({ where: { ...ends, kind: { in: kinds } }, select: { pairKey: true, kind: true, demandId: true, offerId: true, taskResultId: true, expertId: true } })
}

// ─── Feedback ────────────────────────────────────────────────────────────────

/** The organisation on whose side of the match a user acts: theirs must own one end. */
async function sideOf(tx: Unit['tx'], userId: string, matchId: string) {
	const match = await tx.match.findUnique({
		where: { id: matchId },
		select: {
			id: true,
			kind: true,
			components: true,
			demand: { select: { id: true, title: true, organisationId: true, status: true, contactUserId: true, createdById: true } },
			offer: { select: { id: true, title: true, organisationId: true, status: true, contactUserId: true, createdById: true } },
			taskResult: { select: { id: true, title: true, hostOrganisationId: true } },
		},
	})
	if (!match) throw new MatchError('matching.errors.notFound', 404)
	const memberships = await tx.membership.findMany({ where: { userId, status: 'ACTIVE' }, select: { organisationId: true } })
	const mine = new Set(memberships.map((m) => m.organisationId))
	const side = match.demand && mine.has(match.demand.organisationId) ? 'demand' : match.offer && mine.has(match.offer.organisationId) ? 'offer' : null
	// Someone else's match is "not found", not "forbidden": its existence is not theirs to learn.
	if (!side) throw new MatchError('matching.errors.notFound', 404)
	const own = side === 'demand' ? match.demand! : match.offer!
	if (own.status !== 'PUBLISHED') throw new MatchError('matching.errors.notFound', 404)
	return { match, side, organisationId: own.organisationId, own }
}

export type Verdict = { verdict: 'RELEVANT' } | { verdict: 'DISMISSED'; reason: DismissReason; note: string }

/** Records one side's verdict on a match (the latest replaces the earlier one). */
export async function judgeMatch(userId: string, matchId: string, verdict: Verdict) {
	return inTransaction(async ({ tx }) => {
		const { match, organisationId } = await sideOf(tx, userId, matchId)
		const data = {
			userId,
			verdict: verdict.verdict,
			reason: verdict.verdict === 'DISMISSED' ? verdict.reason : null,
			note: verdict.verdict === 'DISMISSED' ? verdict.note : '',
			components: match.components ?? [],
		}
		await tx.matchFeedback.upsert({ where: { matchId_organisationId: { matchId, organisationId } }, create: { matchId, organisationId, ...data }, update: data })
	})
}

/** Undoes a dismissal: the match shows again. */
export async function undoDismiss(userId: string, matchId: string) {
	return inTransaction(async ({ tx }) => {
		const { organisationId } = await sideOf(tx, userId, matchId)
		await tx.matchFeedback.updateMany({ where: { matchId, organisationId, verdict: 'DISMISSED' }, data: { verdict: null, reason: null, note: '' } })
	})
}

/**
 * "Express interest": tells the other side's contact, or for a latent task result the managers of
 * its host organisation when it is on the platform (otherwise the caller says to contact the host).
 * Once per side; counts as a relevant verdict for learning.
 */
export async function expressInterest(userId: string, matchId: string): Promise<{ notified: boolean }> {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const { match, side, organisationId, own } = await sideOf(tx, userId, matchId)
		if (match.kind !== 'OFFER_DEMAND' && match.kind !== 'TASK_RESULT_DEMAND') throw new MatchError('matching.errors.notAPair', 400)
		const existing = await tx.matchFeedback.findUnique({ where: { matchId_organisationId: { matchId, organisationId } }, select: { interestedAt: true } })
		if (existing?.interestedAt) throw new MatchError('matching.errors.alreadyInterested', 409)
		const data = { userId, interestedAt: new Date(), verdict: 'RELEVANT' as const, reason: null, note: '', components: match.components ?? [] }
		await tx.matchFeedback.upsert({ where: { matchId_organisationId: { matchId, organisationId } }, create: { matchId, organisationId, ...data }, update: data })
		const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } })
		const params = { organisation: organisation.name, title: own.title }
		if (match.kind === 'TASK_RESULT_DEMAND') {
			// A latent offer has no contact; its host organisation's managers hear of it when it is on the platform.
			const hostId = match.taskResult?.hostOrganisationId
			const managers = hostId ? await tx.membership.findMany({ where: { organisationId: hostId, status: 'ACTIVE', role: { in: ['OWNER', 'ADMIN'] } }, select: { userId: true } }) : []
			for (const m of managers) await notify(unit, { userId: m.userId, kind: 'matching.interest', params: { ...params, other: match.taskResult!.title }, link: `/task-results/${match.taskResult!.id}` })
			return { notified: managers.length > 0 }
		}
		const other = side === 'demand' ? match.offer : match.demand
		const recipient = other ? (other.contactUserId ?? other.createdById) : null
		if (!other || !recipient) return { notified: false }
		await notify(unit, { userId: recipient, kind: 'matching.interest', params: { ...params, other: other.title }, link: '/me/matches' })
		return { notified: true }
	})
}

// ─── Broker queue ────────────────────────────────────────────────────────────

/** A broker takes a pair from the queue; another broker's claim stands. */
export async function claimMatch(brokerId: string, matchId: string) {
	const claimed = await prisma.match.updateMany({ where: { id: matchId, brokerId: null, kind: { in: ['OFFER_DEMAND', 'TASK_RESULT_DEMAND'] } }, data: { brokerId, claimedAt: new Date() } })
	if (claimed.count === 1) return
	const match = await prisma.match.findUnique({ where: { id: matchId }, select: { brokerId: true } })
	if (!match) throw new MatchError('matching.errors.notFound', 404)
	if (match.brokerId !== brokerId) throw new MatchError('matching.errors.claimedByOther', 409)
}

/** Gives a claimed pair back to the queue (only its broker can). */
export async function releaseMatch(brokerId: string, matchId: string) {
	const released = await prisma.match.updateMany({ where: { id: matchId, brokerId }, data: { brokerId: null, claimedAt: null } })
	if (released.count === 0) throw new MatchError('matching.errors.notYours', 409)
}
