// What /me/matches and /broker/matches read: stored matches joined with both ends, only where both
// ends are public, and with the reader's own feedback. Nothing here writes.
import type { MatchKind, Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { readComponents, type StoredComponent } from './weights.server'

const PER_LISTING = 10
const EXPERTS_PER_LISTING = 3
const QUEUE_SIZE = 50

export type Component = StoredComponent
export type Term = { term: string; fields: string[]; source: string }
export type EvidenceItem = { id: string; title: string; score: number }

/** The stored components and explanation, read defensively (rows written by older versions too). */
export function readExplanation(components: Prisma.JsonValue, explanation: Prisma.JsonValue) {
	const comps = readComponents(components)
	const e = explanation && typeof explanation === 'object' && !Array.isArray(explanation) ? explanation : {}
	const terms: Term[] = Array.isArray(e.terms)
		? e.terms.flatMap((t) =>
				t && typeof t === 'object' && !Array.isArray(t) && typeof t.term === 'string'
					? [{ term: t.term, fields: Array.isArray(t.fields) ? t.fields.filter((f): f is string => typeof f === 'string') : [], source: typeof t.source === 'string' ? t.source : 'query' }]
					: [],
			)
		: []
	const evidence: EvidenceItem[] = Array.isArray(e.evidence)
		? e.evidence.flatMap((x) => (x && typeof x === 'object' && !Array.isArray(x) && typeof x.title === 'string' ? [{ id: String(x.id ?? ''), title: x.title, score: Number(x.score) || 0 }] : []))
		: []
	return { components: comps.sort((a, b) => b.contribution - a.contribution), terms, evidence }
}

const matchSelect = {
	id: true,
	kind: true,
	score: true,
	components: true,
	explanation: true,
	demandId: true,
	offerId: true,
	brokerId: true,
	offer: { select: { id: true, title: true, status: true, trl: true, contactUserId: true, organisation: { select: { name: true, slug: true } } } },
	demand: { select: { id: true, title: true, status: true, contactUserId: true, organisation: { select: { name: true, slug: true } } } },
	taskResult: { select: { id: true, title: true, hostName: true, taskCode: true, hostOrganisation: { select: { name: true, slug: true } } } },
	expert: { select: { id: true, fullName: true, organisationName: true, availableForAppraisal: true } },
	feedback: { select: { organisationId: true, verdict: true, reason: true, interestedAt: true } },
} as const

type Row = Prisma.MatchGetPayload<{ select: typeof matchSelect }>

/** One match as a page shows it, from the point of view of the listing it is listed under. */
function view(row: Row, mine: Set<string>) {
	const own = row.feedback.find((f) => mine.has(f.organisationId))
	const other =
		row.kind === 'TASK_RESULT_DEMAND'
			? { type: 'task-result' as const, id: row.taskResult!.id, title: row.taskResult!.title, organisation: row.taskResult!.hostOrganisation?.name ?? row.taskResult!.hostName, organisationSlug: row.taskResult!.hostOrganisation?.slug ?? null, code: row.taskResult!.taskCode }
			: row.kind === 'EXPERT_DEMAND' || row.kind === 'EXPERT_OFFER'
				? { type: 'expert' as const, id: row.expert!.id, title: row.expert!.fullName, organisation: row.expert!.organisationName, organisationSlug: null, code: null }
				: null
	return {
		id: row.id,
		kind: row.kind,
		score: row.score,
		...readExplanation(row.components, row.explanation),
		other,
		// Whether there is a contact person to write to (the id itself stays on the server).
		offer: row.offer ? { id: row.offer.id, title: row.offer.title, organisation: row.offer.organisation.name, hasContact: Boolean(row.offer.contactUserId) } : null,
		demand: row.demand ? { id: row.demand.id, title: row.demand.title, organisation: row.demand.organisation.name, hasContact: Boolean(row.demand.contactUserId) } : null,
		verdict: own?.verdict ?? null,
		reason: own?.reason ?? null,
		interested: Boolean(own?.interestedAt),
		claimed: Boolean(row.brokerId),
	}
}

export type MatchView = ReturnType<typeof view>

/** Only pairs whose other end is public: a draft, withdrawn or expired listing is never shown. */
const bothPublic: Prisma.MatchWhereInput = {
	AND: [{ OR: [{ offerId: null }, { offer: { status: 'PUBLISHED' } }] }, { OR: [{ demandId: null }, { demand: { status: 'PUBLISHED' } }] }],
}

/**
 * The matches of the user's organisations' published listings, best first: for a demand, offers
 * and latent task results; for an offer, demands; each listing with its suggested experts.
 * Pairs the user's organisation dismissed are left out unless `dismissed` asks for them alone.
 */
export async function matchesForUser(userId: string, options: { listing?: string | null; dismissed?: boolean } = {}) {
	const memberships = await prisma.membership.findMany({ where: { userId, status: 'ACTIVE' }, select: { organisationId: true } })
	const mine = new Set(memberships.map((m) => m.organisationId))
	const organisationId = { in: [...mine] }
	const [type, id] = (options.listing ?? '').split(':', 2)
	const only = (t: string) => (type === t && id ? { id } : type && id ? { id: '' } : {})
	const [offers, demands] = await Promise.all([
		prisma.offer.findMany({ where: { organisationId, status: 'PUBLISHED', ...only('offer') }, select: { id: true, title: true, organisation: { select: { name: true } } }, orderBy: { publishedAt: 'desc' }, take: 50 }),
		prisma.demand.findMany({ where: { organisationId, status: 'PUBLISHED', ...only('demand') }, select: { id: true, title: true, organisation: { select: { name: true } } }, orderBy: { publishedAt: 'desc' }, take: 50 }),
	])
	const rows = await prisma.match.findMany({
		where: {
			AND: [
				bothPublic,
				{
					OR: [
						{ demandId: { in: demands.map((d) => d.id) }, kind: { in: ['OFFER_DEMAND', 'TASK_RESULT_DEMAND', 'EXPERT_DEMAND'] } },
						{ offerId: { in: offers.map((o) => o.id) }, kind: { in: ['OFFER_DEMAND', 'EXPERT_OFFER'] } },
					],
				},
			],
		},
		select: matchSelect,
		orderBy: [{ score: 'desc' }, { id: 'asc' }],
		take: 2_000,
	})
	const pairs = (kinds: MatchKind[], key: 'demandId' | 'offerId', listingId: string) =>
		rows.filter((r) => r[key] === listingId && kinds.includes(r.kind) && (r.kind.startsWith('EXPERT') || (options.dismissed ? judgedBy(r, mine) : !judgedBy(r, mine))))
	const listings = [
		...demands.map((d) => ({
			type: 'demand' as const,
			id: d.id,
			title: d.title,
			organisation: d.organisation.name,
			matches: pairs(['OFFER_DEMAND', 'TASK_RESULT_DEMAND'], 'demandId', d.id).slice(0, PER_LISTING).map((r) => view(r, mine)),
			experts: options.dismissed ? [] : pairs(['EXPERT_DEMAND'], 'demandId', d.id).slice(0, EXPERTS_PER_LISTING).map((r) => view(r, mine)),
		})),
		...offers.map((o) => ({
			type: 'offer' as const,
			id: o.id,
			title: o.title,
			organisation: o.organisation.name,
			matches: pairs(['OFFER_DEMAND'], 'offerId', o.id).slice(0, PER_LISTING).map((r) => view(r, mine)),
			experts: options.dismissed ? [] : pairs(['EXPERT_OFFER'], 'offerId', o.id).slice(0, EXPERTS_PER_LISTING).map((r) => view(r, mine)),
		})),
	]
	return { listings }
}

function judgedBy(row: Row, mine: Set<string>) {
	return row.feedback.some((f) => mine.has(f.organisationId) && f.verdict === 'DISMISSED')
}

/** The broker's work queue: the strongest open pairs across the market not dismissed by either side. */
export async function brokerQueue(brokerId: string, options: { mine?: boolean } = {}) {
	const rows = await prisma.match.findMany({
		where: {
			AND: [bothPublic, { kind: { in: ['OFFER_DEMAND', 'TASK_RESULT_DEMAND'] } }, { feedback: { none: { verdict: 'DISMISSED' } } }, options.mine ? { brokerId } : { OR: [{ brokerId: null }, { brokerId }] }],
		},
		select: matchSelect,
		orderBy: [{ score: 'desc' }, { id: 'asc' }],
		take: QUEUE_SIZE,
	})
	return rows.map((r) => ({ ...view(r, new Set()), mineClaimed: r.brokerId === brokerId }))
}

/** One pair side by side for a broker: both listings in full and the evidence used. */
export async function brokerMatch(matchId: string) {
	const row = await prisma.match.findFirst({
		where: { AND: [{ id: matchId }, bothPublic, { kind: { in: ['OFFER_DEMAND', 'TASK_RESULT_DEMAND'] } }] },
		select: {
			...matchSelect,
			broker: { select: { id: true, name: true } },
			claimedAt: true,
			offer: { select: { id: true, title: true, status: true, summary: true, trl: true, priceMin: true, priceMax: true, transferModes: true, keywords: true, organisation: { select: { name: true, slug: true } } } },
			demand: { select: { id: true, title: true, status: true, problem: true, desiredOutcome: true, minTrl: true, budgetMin: true, budgetMax: true, budgetUndisclosed: true, transferModes: true, keywords: true, organisation: { select: { name: true, slug: true } } } },
			taskResult: { select: { id: true, title: true, hostName: true, taskCode: true, abstract: true, keywords: true, hostOrganisation: { select: { name: true, slug: true } } } },
		},
	})
	if (!row) return null
	const experts = await prisma.match.findMany({
		where: { OR: [...(row.offerId ? [{ offerId: row.offerId, kind: 'EXPERT_OFFER' as const }] : []), ...(row.demandId ? [{ demandId: row.demandId, kind: 'EXPERT_DEMAND' as const }] : [])] },
		select: { score: true, expert: { select: { id: true, fullName: true, organisationName: true, availableForAppraisal: true } } },
		orderBy: { score: 'desc' },
		take: 5,
	})
	return { row, ...readExplanation(row.components, row.explanation), experts: experts.map((e) => ({ ...e.expert!, score: e.score })) }
}
