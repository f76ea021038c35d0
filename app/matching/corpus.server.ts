// The market as the matcher sees it: published offers and demands, every task result and every
// expert, held in one in-process matcher (matching/ is pure; this module is its only feeder).
// The matcher is built once from the database, then kept current by `syncMatcher`, which reads
// only the rows changed since the last sync (updatedAt past a watermark taken from the database's
// clock), so a change made through another node is picked up too.
import { createMatcher, type MatchDocument, type Matcher, type MatchQuery, type Requirements } from '../../matching'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'

export const COLLECTIONS = { offer: 'offer', demand: 'demand', taskResult: 'task-result', expert: 'expert' } as const
type Collection = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

/** What the pages show of a candidate without another query. */
export type CandidateInfo = { title: string; organisationId: string | null; organisationName: string }

type State = {
	matcher: Matcher
	/** Database time of the newest change read; the next sync reads rows changed after it. */
	watermark: Date
	/** Task results an offer builds on: not latent offers. */
	backed: Set<string>
	/** Each demand's query side (its text and requirements, without `now`: see queryOf), for rescoring pairs from the demand's side. */
	demandQueries: Map<string, MatchQuery>
	offerQueries: Map<string, MatchQuery>
	info: Map<string, CandidateInfo>
	/** updatedAt of what the matcher holds: a row read again unchanged is not re-added (a re-add
	 * leaves the old postings counted until compaction, which would nudge every score). */
	versions: Map<string, number>
}

// Kept on globalThis: loaders, actions and the job worker run in one process and must share it,
// also across dev HMR re-imports.
const KEY = Symbol.for('cau-noi.matching.corpus')
type Holder = { [KEY]?: { state?: State; pending?: Promise<State>; syncedAt?: number; url?: string; generation?: number } }
const holder = () => ((globalThis as Holder)[KEY] ??= {})

const PAGE = 2_000
const ms = (d: Date | null | undefined) => (d ? d.getTime() : null)
const num = (n: bigint | null | undefined) => (n == null ? null : Number(n))

const offerSelect = {
	id: true,
	status: true,
	title: true,
	summary: true,
	description: true,
	keywords: true,
	fieldCodes: true,
	trl: true,
	priceMin: true,
	transferModes: true,
	provinceCode: true,
	province: { select: { region: true } },
	publishedAt: true,
	updatedAt: true,
	organisationId: true,
	organisation: { select: { name: true } },
	evidence: { select: { taskResult: { select: { id: true, title: true, abstract: true } } } },
} as const

const demandSelect = {
	id: true,
	status: true,
	title: true,
	problem: true,
	desiredOutcome: true,
	keywords: true,
	fieldCodes: true,
	minTrl: true,
	budgetMin: true,
	budgetMax: true,
	budgetUndisclosed: true,
	transferModes: true,
	provinceCode: true,
	province: { select: { region: true } },
	publishedAt: true,
	updatedAt: true,
	organisationId: true,
	organisation: { select: { name: true } },
} as const

const taskResultSelect = {
	id: true,
	title: true,
	abstract: true,
	keywords: true,
	products: true,
	fieldCodes: true,
	provinceCode: true,
	province: { select: { region: true } },
	registrationDate: true,
	createdAt: true,
	updatedAt: true,
	hostName: true,
	hostOrganisationId: true,
	offers: { select: { offerId: true }, take: 1 },
} as const

const expertSelect = {
	id: true,
	fullName: true,
	organisationName: true,
	organisationId: true,
	bio: true,
	keywords: true,
	fieldCodes: true,
	provinceCode: true,
	province: { select: { region: true } },
	updatedAt: true,
	publications: { select: { id: true, title: true, venue: true }, orderBy: { position: 'asc' }, take: 50 },
	tasks: { select: { taskResult: { select: { id: true, title: true, abstract: true } } }, take: 50 },
} as const

type OfferRow = Awaited<ReturnType<typeof loadOffers>>[number]
type DemandRow = Awaited<ReturnType<typeof loadDemands>>[number]

function loadOffers(where: object, cursor?: string) {
	return prisma.offer.findMany({ where, select: offerSelect, orderBy: { id: 'asc' }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) })
}
function loadDemands(where: object, cursor?: string) {
	return prisma.demand.findMany({ where, select: demandSelect, orderBy: { id: 'asc' }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) })
}
function loadTaskResults(where: object, cursor?: string) {
	return prisma.taskResult.findMany({ where, select: taskResultSelect, orderBy: { id: 'asc' }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) })
}
function loadExperts(where: object, cursor?: string) {
	return prisma.expert.findMany({ where, select: expertSelect, orderBy: { id: 'asc' }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) })
}

function productsText(products: unknown): string {
	if (!Array.isArray(products)) return ''
	return products.map((p) => (p && typeof p === 'object' && 'description' in p ? String((p as { description: unknown }).description ?? '') : '')).join('\n')
}

/** An offer as a candidate: its linked task results are items, scored one by one. */
export function offerDocument(o: OfferRow): MatchDocument {
	return {
		id: o.id,
		title: o.title,
		keywords: o.keywords,
		text: `${o.summary}\n${o.description}`,
		items: o.evidence.map((e) => ({ id: e.taskResult.id, title: e.taskResult.title, text: e.taskResult.abstract })),
		attributes: {
			fieldCodes: o.fieldCodes,
			trl: o.trl,
			price: num(o.priceMin),
			transferModes: o.transferModes,
			provinceCode: o.provinceCode,
			region: o.province?.region ?? null,
			evidence: o.evidence.length,
			publishedAt: ms(o.publishedAt),
		},
	}
}

/** A demand as a candidate (for an offer's side of the market). */
export function demandDocument(d: DemandRow): MatchDocument {
	return {
		id: d.id,
		title: d.title,
		keywords: d.keywords,
		text: `${d.problem}\n${d.desiredOutcome}`,
		attributes: { fieldCodes: d.fieldCodes, transferModes: d.transferModes, provinceCode: d.provinceCode, region: d.province?.region ?? null, publishedAt: ms(d.publishedAt) },
	}
}

/** A demand as the query: what it asks of an offer. An undisclosed budget asks nothing about price. */
export function demandQuery(d: DemandRow): MatchQuery {
	const budget = d.budgetUndisclosed ? null : num(d.budgetMax ?? d.budgetMin)
	const requirements: Requirements = {
		fieldCodes: d.fieldCodes,
		minTrl: d.minTrl,
		budget,
		transferModes: d.transferModes,
		provinceCode: d.provinceCode,
		region: d.province?.region ?? null,
		evidence: true,
	}
	return { title: d.title, keywords: d.keywords, text: `${d.problem}\n${d.desiredOutcome}`, requirements }
}

/** An offer as the query, for finding demands and experts: its text and its field. */
export function offerQuery(o: OfferRow): MatchQuery {
	return {
		title: o.title,
		keywords: o.keywords,
		text: `${o.summary}\n${o.description}`,
		requirements: { fieldCodes: o.fieldCodes, provinceCode: o.provinceCode, region: o.province?.region ?? null },
	}
}

type TaskResultRow = Awaited<ReturnType<typeof loadTaskResults>>[number]
type ExpertRow = Awaited<ReturnType<typeof loadExperts>>[number]

function taskResultDocument(t: TaskResultRow): MatchDocument {
	return {
		id: t.id,
		title: t.title,
		keywords: t.keywords,
		text: `${t.abstract}\n${productsText(t.products)}`,
		attributes: {
			fieldCodes: t.fieldCodes,
			provinceCode: t.provinceCode,
			region: t.province?.region ?? null,
			// A registered result is evidence of itself.
			evidence: 1,
			publishedAt: ms(t.registrationDate ?? t.createdAt),
		},
	}
}

/** An expert: keywords and bio, with publications and tasks as items (the name is not matched). */
function expertDocument(e: ExpertRow): MatchDocument {
	return {
		id: e.id,
		title: '',
		keywords: e.keywords,
		text: e.bio,
		items: [
			...e.publications.map((p) => ({ id: `pub:${p.id}`, title: p.title, text: p.venue })),
			...e.tasks.map((t) => ({ id: `task:${t.taskResult.id}`, title: t.taskResult.title, text: t.taskResult.abstract })),
		],
		attributes: { fieldCodes: e.fieldCodes, provinceCode: e.provinceCode, region: e.province?.region ?? null },
	}
}

/** False when the matcher already holds this version of the row (and records it otherwise). */
function changed(s: State, key: string, updatedAt: Date, force: boolean) {
	const v = updatedAt.getTime()
	if (!force && s.versions.get(key) === v) return false
	s.versions.set(key, v)
	return true
}

/** Takes a listing out of the matcher and everything kept beside it. */
function forget(s: State, collection: Collection, id: string) {
	const key = `${collection}:${id}`
	s.matcher.remove(collection, id)
	s.versions.delete(key)
	s.info.delete(key)
	if (collection === COLLECTIONS.offer) s.offerQueries.delete(id)
	if (collection === COLLECTIONS.demand) s.demandQueries.delete(id)
}

function applyOffer(s: State, o: OfferRow, force = false) {
	if (!changed(s, `offer:${o.id}`, o.updatedAt, force)) return
	if (o.status !== 'PUBLISHED') return forget(s, COLLECTIONS.offer, o.id)
	s.matcher.add(COLLECTIONS.offer, offerDocument(o))
	s.offerQueries.set(o.id, offerQuery(o))
	s.info.set(`offer:${o.id}`, { title: o.title, organisationId: o.organisationId, organisationName: o.organisation.name })
}

function applyDemand(s: State, d: DemandRow) {
	if (!changed(s, `demand:${d.id}`, d.updatedAt, false)) return
	if (d.status !== 'PUBLISHED') return forget(s, COLLECTIONS.demand, d.id)
	s.matcher.add(COLLECTIONS.demand, demandDocument(d))
	s.demandQueries.set(d.id, demandQuery(d))
	s.info.set(`demand:${d.id}`, { title: d.title, organisationId: d.organisationId, organisationName: d.organisation.name })
}

function applyTaskResult(s: State, t: TaskResultRow, force = false) {
	if (!changed(s, `task-result:${t.id}`, t.updatedAt, force)) return
	s.matcher.add(COLLECTIONS.taskResult, taskResultDocument(t))
	if (t.offers.length > 0) s.backed.add(t.id)
	else s.backed.delete(t.id)
	s.info.set(`task-result:${t.id}`, { title: t.title, organisationId: t.hostOrganisationId, organisationName: t.hostName })
}

function applyExpert(s: State, e: ExpertRow) {
	if (!changed(s, `expert:${e.id}`, e.updatedAt, false)) return
	s.matcher.add(COLLECTIONS.expert, expertDocument(e))
	s.info.set(`expert:${e.id}`, { title: e.fullName, organisationId: e.organisationId, organisationName: e.organisationName })
}

async function each<T extends { id: string }>(load: (cursor?: string) => Promise<T[]>, apply: (row: T) => void) {
	let cursor: string | undefined
	for (;;) {
		const rows = await load(cursor)
		for (const row of rows) apply(row)
		if (rows.length < PAGE) return
		cursor = rows[rows.length - 1]!.id
	}
}

async function databaseNow(): Promise<Date> {
	const [row] = await prisma.$queryRaw<Array<{ now: Date }>>`SELECT (now() AT TIME ZONE 'UTC') AS now`
	return row!.now
}

// Rows written in a transaction that started before the watermark but committed after it carry
// an older updatedAt; reading a little behind the watermark catches them (re-adding is idempotent).
const OVERLAP_MS = 5 * 60_000

async function build(): Promise<State> {
	const started = Date.now()
	const watermark = await databaseNow()
	const s: State = { matcher: createMatcher(), watermark, backed: new Set(), demandQueries: new Map(), offerQueries: new Map(), info: new Map(), versions: new Map() }
	await each((c) => loadOffers({ status: 'PUBLISHED' }, c), (o) => applyOffer(s, o))
	await each((c) => loadDemands({ status: 'PUBLISHED' }, c), (d) => applyDemand(s, d))
	await each((c) => loadTaskResults({}, c), (t) => applyTaskResult(s, t))
	await each((c) => loadExperts({}, c), (e) => applyExpert(s, e))
	logger.info(
		{ ms: Date.now() - started, offers: s.matcher.size(COLLECTIONS.offer), demands: s.matcher.size(COLLECTIONS.demand), taskResults: s.matcher.size(COLLECTIONS.taskResult), experts: s.matcher.size(COLLECTIONS.expert) },
		'matching corpus built',
	)
	return s
}

async function sync(s: State): Promise<State> {
	const next = await databaseNow()
	const since = new Date(s.watermark.getTime() - OVERLAP_MS)
	const changed = { updatedAt: { gt: since } }
	await each((c) => loadOffers(changed, c), (o) => applyOffer(s, o))
	await each((c) => loadDemands(changed, c), (d) => applyDemand(s, d))
	await each((c) => loadTaskResults(changed, c), (t) => applyTaskResult(s, t))
	await each((c) => loadExperts(changed, c), (e) => applyExpert(s, e))
	// Linking evidence changes an offer's items and whether a task result is latent, without
	// touching either row.
	const links = await prisma.offerTaskResult.findMany({ where: { updatedAt: { gt: since } }, select: { offerId: true, taskResultId: true } })
	if (links.length > 0) {
		await each((c) => loadOffers({ id: { in: links.map((l) => l.offerId) } }, c), (o) => applyOffer(s, o, true))
		await each((c) => loadTaskResults({ id: { in: links.map((l) => l.taskResultId) } }, c), (t) => applyTaskResult(s, t, true))
	}
	s.watermark = next
	return s
}

/**
 * The matcher, built on first use and brought up to date with the database. Calls are serialised.
 * `maxAgeMs`: a page that only reads may take a state synced that recently without syncing again.
 */
export function currentCorpus(options: { maxAgeMs?: number } = {}): Promise<State> {
	const h = holder()
	// Another database (a test worker moving to its next file's): what is held describes the old one.
	if (h.url !== process.env.DATABASE_URL) {
		resetCorpus()
		h.url = process.env.DATABASE_URL
	}
	if (options.maxAgeMs && h.state && h.syncedAt && Date.now() - h.syncedAt < options.maxAgeMs) return Promise.resolve(h.state)
	const generation = h.generation ?? 0
	const run = (async () => {
		await h.pending?.catch(() => undefined)
		const next = h.state ? await sync(h.state) : await build()
		// A reset meanwhile (another database) makes this result stale: it is returned, not kept.
		if ((h.generation ?? 0) !== generation) return next
		h.state = next
		h.syncedAt = Date.now()
		return next
	})()
	h.pending = run
	return run
}

/**
 * For pages: the corpus if it has been built (synced when older than `maxAgeMs`), else null and
 * the build starts in the background. Building a large market takes minutes; a page must not wait.
 */
export async function corpusIfReady(maxAgeMs: number): Promise<State | null> {
	const h = holder()
	if (!h.state) {
		if (!h.pending) void currentCorpus().catch((error: unknown) => logger.error({ err: error }, 'matching corpus build failed'))
		return null
	}
	return currentCorpus({ maxAgeMs })
}

/**
 * Forgets candidates the database no longer has or shows (deleted with their organisation, say):
 * sync only sees rows that still exist. Returns the ids that are still valid.
 */
export async function keepExisting(s: State, collection: Collection, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set()
	const rows =
		collection === COLLECTIONS.offer
			? await prisma.offer.findMany({ where: { id: { in: ids }, status: 'PUBLISHED' }, select: { id: true } })
			: collection === COLLECTIONS.demand
				? await prisma.demand.findMany({ where: { id: { in: ids }, status: 'PUBLISHED' }, select: { id: true } })
				: collection === COLLECTIONS.taskResult
					? await prisma.taskResult.findMany({ where: { id: { in: ids } }, select: { id: true } })
					: await prisma.expert.findMany({ where: { id: { in: ids } }, select: { id: true } })
	const valid = new Set(rows.map((r) => r.id))
	for (const id of ids) if (!valid.has(id)) forget(s, collection, id)
	return valid
}

/**
 * A listing's query side as of today: recency is measured from the start of the current UTC day,
 * so it ages with the calendar (not with when the listing was loaded) and a pair scores the same
 * from either side on the same day.
 */
export function queryOf(s: State, type: 'offer' | 'demand', id: string): MatchQuery | undefined {
	const q = (type === 'demand' ? s.demandQueries : s.offerQueries).get(id)
	if (!q) return undefined
	const now = new Date()
	now.setUTCHours(0, 0, 0, 0)
	return { ...q, requirements: { ...q.requirements, now: now.getTime() } }
}

/** Drops the in-process matcher (tests that recreate the database). */
export function resetCorpus() {
	const h = holder()
	h.state = undefined
	h.pending = undefined
	h.syncedAt = undefined
	h.generation = (h.generation ?? 0) + 1
}

export type Corpus = State
