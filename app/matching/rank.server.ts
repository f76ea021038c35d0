// The matching job: ranks one published listing against the other side of the market, against
// latent offers (task results no offer builds on yet) and against experts, and stores the pairs
// above the threshold with their explanation. An offer-demand pair is always scored from the
// demand's side (the demand's requirements against the offer's attributes), whichever listing
// was published, so the same pair gets the same score either way.
import type { MatchResult, Weights } from '../../matching'
import type { MatchKind } from '~/generated/prisma/client'
import { pairKey, saveMatches, storedPairs, type FoundMatch, type Recipient, type SaveResult } from '~/models/match.server'
import { prisma } from '~/utils/db.server'
import { COLLECTIONS, currentCorpus, keepExisting, queryOf, type Corpus } from './corpus.server'
import { currentWeights } from './weights.server'

/** Pairs scoring below this are not stored. */
export const MATCH_THRESHOLD = 0.45
/** Pairs from here notify both owners (once per pair). */
export const STRONG_MATCH = 0.65
/** A text component below this is not a match whatever the signals say: no shared subject. */
const MIN_TEXT = 0.15
const OFFERS_PER_DEMAND = 20
const DEMANDS_PER_OFFER = 20
const LATENT_PER_DEMAND = 10
const EXPERTS_PER_LISTING = 5
/** Experts advise on a subject; a looser bar than a pair of listings. */
const EXPERT_THRESHOLD = 0.35

export type ListingRef = { type: 'offer' | 'demand'; id: string }

const textOf = (r: MatchResult) => r.explanation.components.find((c) => c.name === 'text')?.value ?? 0

/** What a stored row keeps of a result: the components and the explanation, trimmed for the page. */
function stored(r: MatchResult) {
	return {
		score: r.score,
		components: r.explanation.components,
		explanation: { terms: r.explanation.terms.slice(0, 12), evidence: r.explanation.evidence.slice(0, 5) },
	}
}

async function owners(type: 'offer' | 'demand', ids: string[]) {
	const rows =
		type === 'offer'
			? await prisma.offer.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, contactUserId: true, createdById: true, organisation: { select: { name: true } } } })
			: await prisma.demand.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, contactUserId: true, createdById: true, organisation: { select: { name: true } } } })
	return new Map(rows.map((r) => [r.id, { title: r.title, userId: r.contactUserId ?? r.createdById, organisation: r.organisation.name }]))
}

/** The demand's score for one offer, or null when it falls under the threshold. */
function scorePair(s: Corpus, demandId: string, offerId: string, weights: Weights): MatchResult | null {
	const q = queryOf(s, 'demand', demandId)
	if (!q) return null
	const [r] = s.matcher.rank(COLLECTIONS.offer, q, { only: [offerId], top: 1, weights })
	return r && r.score >= MATCH_THRESHOLD && textOf(r) >= MIN_TEXT ? r : null
}

function otherOrganisation(s: Corpus, key: string, own: string | null) {
	const info = s.info.get(key)
	return Boolean(info) && (!own || info!.organisationId !== own)
}

/** Ranks one listing and stores its matches; nothing happens for a listing that is not published. */
export async function matchListing(ref: ListingRef): Promise<SaveResult & { skipped?: boolean }> {
	const s = await currentCorpus()
	const weights = await currentWeights()
	const own = s.info.get(`${ref.type}:${ref.id}`)
	if (!own) return { created: 0, updated: 0, deleted: 0, notified: 0, skipped: true }
	const found: FoundMatch[] = []
	const stale = new Set<string>()

	if (ref.type === 'demand') {
		const q = queryOf(s, 'demand', ref.id)!
		const offers = s.matcher
			.rank(COLLECTIONS.offer, q, { top: OFFERS_PER_DEMAND * 2, minScore: MATCH_THRESHOLD, weights })
			.filter((r) => textOf(r) >= MIN_TEXT && otherOrganisation(s, `offer:${r.id}`, own.organisationId))
		const validOffers = await keepExisting(s, COLLECTIONS.offer, offers.map((r) => r.id))
		for (const r of offers.filter((r) => validOffers.has(r.id)).slice(0, OFFERS_PER_DEMAND)) found.push({ kind: 'OFFER_DEMAND', demandId: ref.id, offerId: r.id, ...stored(r) })

		const latent = s.matcher
			.rank(COLLECTIONS.taskResult, q, { top: LATENT_PER_DEMAND * 4, minScore: MATCH_THRESHOLD, weights })
			.filter((r) => !s.backed.has(r.id) && textOf(r) >= MIN_TEXT && otherOrganisation(s, `task-result:${r.id}`, own.organisationId))
		const validLatent = await keepExisting(s, COLLECTIONS.taskResult, latent.map((r) => r.id))
		for (const r of latent.filter((r) => validLatent.has(r.id)).slice(0, LATENT_PER_DEMAND)) found.push({ kind: 'TASK_RESULT_DEMAND', demandId: ref.id, taskResultId: r.id, ...stored(r) })
	} else {
		const q = queryOf(s, 'offer', ref.id)!
		// Demands that share the offer's subject, each then scored from its own side.
		const candidates = s.matcher
			.rank(COLLECTIONS.demand, q, { top: DEMANDS_PER_OFFER * 2, weights })
			.filter((r) => otherOrganisation(s, `demand:${r.id}`, own.organisationId))
		const valid = await keepExisting(s, COLLECTIONS.demand, candidates.map((r) => r.id))
		const pairs = candidates
			.filter((r) => valid.has(r.id))
			.map((r) => ({ demandId: r.id, result: scorePair(s, r.id, ref.id, weights) }))
			.filter((p): p is { demandId: string; result: MatchResult } => p.result !== null)
			.sort((a, b) => b.result.score - a.result.score)
			.slice(0, DEMANDS_PER_OFFER)
		for (const p of pairs) found.push({ kind: 'OFFER_DEMAND', demandId: p.demandId, offerId: ref.id, ...stored(p.result) })
	}

	const query = queryOf(s, ref.type, ref.id)!
	// Experts are judged on the subject (and field), not on a buyer's budget or TRL.
	const expertQuery = { ...query, requirements: { fieldCodes: query.requirements?.fieldCodes } }
	const experts = s.matcher.rank(COLLECTIONS.expert, expertQuery, { top: EXPERTS_PER_LISTING, minScore: EXPERT_THRESHOLD, weights })
	const validExperts = await keepExisting(s, COLLECTIONS.expert, experts.map((r) => r.id))
	const expertKind: MatchKind = ref.type === 'demand' ? 'EXPERT_DEMAND' : 'EXPERT_OFFER'
	for (const r of experts.filter((r) => validExperts.has(r.id))) found.push({ kind: expertKind, expertId: r.id, [ref.type === 'demand' ? 'demandId' : 'offerId']: ref.id, ...stored(r) })

	// Pairs stored before that this run did not find: rescore the offer-demand ones from the
	// demand's side (another listing's run may have found them, and may still); drop the rest.
	const foundKeys = new Set(found.map((m) => pairKey(m.kind, m)))
	const ends = ref.type === 'demand' ? { demandId: ref.id } : { offerId: ref.id }
	const kinds: MatchKind[] = ref.type === 'demand' ? ['OFFER_DEMAND', 'TASK_RESULT_DEMAND', 'EXPERT_DEMAND'] : ['OFFER_DEMAND', 'EXPERT_OFFER']
	for (const row of await storedPairs(ends, kinds)) {
		if (foundKeys.has(row.pairKey)) continue
		if (row.kind === 'OFFER_DEMAND' && row.demandId && row.offerId) {
			const r = scorePair(s, row.demandId, row.offerId, weights)
			if (r) {
				found.push({ kind: 'OFFER_DEMAND', demandId: row.demandId, offerId: row.offerId, ...stored(r) })
				continue
			}
		}
		stale.add(row.pairKey)
	}

	const pairIds = found.filter((m) => m.kind === 'OFFER_DEMAND' || m.kind === 'TASK_RESULT_DEMAND')
	const offerOwners = await owners('offer', [...new Set(pairIds.map((m) => m.offerId).filter((x): x is string => Boolean(x)))])
	const demandOwners = await owners('demand', [...new Set(pairIds.map((m) => m.demandId!))])
	const recipients = (m: FoundMatch): Recipient[] => {
		const score = Math.round(m.score * 100)
		const demand = demandOwners.get(m.demandId ?? '')
		if (!demand) return []
		const out: Recipient[] = []
		if (m.kind === 'OFFER_DEMAND') {
			const offer = offerOwners.get(m.offerId ?? '')
			if (!offer) return []
			if (demand.userId) out.push({ userId: demand.userId, params: { title: demand.title, other: offer.title, organisation: offer.organisation, score }, link: `/me/matches?listing=demand:${m.demandId}` })
			if (offer.userId) out.push({ userId: offer.userId, params: { title: offer.title, other: demand.title, organisation: demand.organisation, score }, link: `/me/matches?listing=offer:${m.offerId}` })
		} else if (m.kind === 'TASK_RESULT_DEMAND' && demand.userId) {
			const info = s.info.get(`task-result:${m.taskResultId}`)
			out.push({ userId: demand.userId, params: { title: demand.title, other: info?.title ?? '', organisation: info?.organisationName ?? '', score }, link: `/me/matches?listing=demand:${m.demandId}` })
		}
		return out
	}
	return saveMatches({ found, stale: [...stale], strongAt: STRONG_MATCH, recipients })
}

/** Ranks the listings behind search document ids ("offer:<id>", "demand:<id>"); other types are ignored. */
export async function matchListings(documentIds: string[]) {
	const total: SaveResult = { created: 0, updated: 0, deleted: 0, notified: 0 }
	for (const documentId of documentIds) {
		const [type, id] = documentId.split(':', 2)
		if ((type !== 'offer' && type !== 'demand') || !id) continue
		const r = await matchListing({ type, id })
		total.created += r.created
		total.updated += r.updated
		total.deleted += r.deleted
		total.notified += r.notified
	}
	return total
}

/** Ranks every published demand again (after a model change, or from the command line). */
export async function rematchAll(onProgress?: (done: number, total: number) => void): Promise<number> {
	const s = await currentCorpus()
	const ids = [...s.demandQueries.keys()]
	let done = 0
	for (const id of ids) {
		await matchListing({ type: 'demand', id })
		onProgress?.(++done, ids.length)
	}
	return done
}
