/**
 * The statistics' raw counts, one SQL query per figure, read-only. Periods are Vietnamese calendar
 * months; a listing belongs to its own province, or its organisation's when it names none; a deal
 * belongs to the provinces of both its organisations; a field filter takes the field and
 * everything under it (fieldPaths). Shaping into tables lives in ./figures.server.
 */
import { Prisma } from '~/generated/prisma/client'
import { MATCH_THRESHOLD } from '~/matching/rank.server'
import { prisma } from '~/utils/db.server'
import { addMonths, type StatsFilters } from './filters'

export type Scope = Pick<StatsFilters, 'from' | 'to' | 'province' | 'field'>

const VN_OFFSET_MS = 7 * 3600_000 // Vietnam keeps UTC+7 all year

/** The instant a Vietnamese calendar month starts. */
export function monthStart(month: string) {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return new Date(Date.UTC(y, m - 1, 1) - VN_OFFSET_MS)
}

/** [start, end) of the filters' period. */
export function periodRange(scope: Pick<Scope, 'from' | 'to'>) {
	return { start: monthStart(scope.from), end: monthStart(addMonths(scope.to, 1)) }
}

/**
 * Runs one statistics statement without PostgreSQL's JIT compiler: their correlated subqueries
 * look expensive enough to be compiled on every call, which cost more than running them
 * (bench/stats.ts: two thirds of the slow figures' time).
 */
async function query<T>(sql: Prisma.Sql): Promise<T> {
	const [, rows] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL jit = off`, prisma.$queryRaw<T>(sql)])
	return rows
}

const num = (value: bigint | number | null | undefined) => (value === null || value === undefined ? 0 : Number(value))
const numOrNull = (value: bigint | number | null | undefined) => (value === null || value === undefined ? null : Number(value))

const LISTING_TABLES = { offer: Prisma.raw('"Offer"'), demand: Prisma.raw('"Demand"') } as const
export type ListingKind = keyof typeof LISTING_TABLES

// Columns are UTC timestamps without a zone; the bounds are made the same, whatever the session's TimeZone.
const utc = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`

// `@>` rather than `= ANY(...)`: the GIN indexes on fieldPaths answer containment only.
const hasField = (column: string, field: string) => Prisma.sql`${Prisma.raw(column)} @> ARRAY[${field}]::text[]`

const inPeriod = (column: Prisma.Sql, scope: Scope) => {
	const { start, end } = periodRange(scope)
	return Prisma.sql`${column} >= ${utc(start)} AND ${column} < ${utc(end)}`
}

/** Conditions on a listing `l` of organisation `org`: published at some time, in the period and scope. */
function listingWhere(scope: Scope) {
	return Prisma.sql`l."publishedAt" IS NOT NULL AND ${inPeriod(Prisma.raw('l."publishedAt"'), scope)}
		${scope.province ? Prisma.sql`AND COALESCE(l."provinceCode", org."provinceCode") = ${scope.province}` : Prisma.empty}
		${scope.field ? Prisma.sql`AND ${hasField('l."fieldPaths"', scope.field)}` : Prisma.empty}`
}

const listingFrom = (kind: ListingKind) => Prisma.sql`${LISTING_TABLES[kind]} l JOIN "Organisation" org ON org.id = l."organisationId"`

const toMap = (rows: Array<{ key: string | null; count: bigint }>) => new Map(rows.map((r) => [r.key ?? '', num(r.count)]))

/** Offers or demands first published per month ("YYYY-MM"). Columns hold UTC without a zone: read as UTC, then shown in Vietnam. */
export async function listingsPerMonth(kind: ListingKind, scope: Scope) {
	const rows = await query<Array<{ key: string; count: bigint }>>(Prisma.sql`
		SELECT to_char((l."publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS key, count(*) AS count
		FROM ${listingFrom(kind)} WHERE ${listingWhere(scope)} GROUP BY 1`)
	return toMap(rows)
}

/**
 * The fields a breakdown shows: the children of the filtered field (the field itself when it has
 * none), or the top-level fields.
 */
export async function breakdownFields(field: string | undefined) {
	const select = { code: true, nameVi: true, nameEn: true } as const
	if (!field) return prisma.scienceField.findMany({ where: { level: 1 }, orderBy: { code: 'asc' }, select })
	const children = await prisma.scienceField.findMany({ where: { parentCode: field }, orderBy: { code: 'asc' }, select })
	return children.length > 0 ? children : prisma.scienceField.findMany({ where: { code: field }, select })
}

/** Listings per breakdown field; a listing under two of them counts in both. */
export async function listingsPerField(kind: ListingKind, scope: Scope, codes: string[]) {
	if (codes.length === 0) return new Map<string, number>()
	const rows = await query<Array<{ key: string; count: bigint }>>(Prisma.sql`
		SELECT p.code AS key, count(DISTINCT l.id) AS count
		FROM ${listingFrom(kind)} CROSS JOIN LATERAL unnest(l."fieldPaths") AS p(code)
		WHERE ${listingWhere(scope)} AND p.code = ANY(${codes}::text[]) GROUP BY 1`)
	return toMap(rows)
}

/** Listings per province (the listing's own, else its organisation's). */
export async function listingsPerProvince(kind: ListingKind, scope: Scope) {
	const rows = await query<Array<{ key: string; count: bigint }>>(Prisma.sql`
		SELECT COALESCE(l."provinceCode", org."provinceCode") AS key, count(*) AS count
		FROM ${listingFrom(kind)} WHERE ${listingWhere(scope)} GROUP BY 1`)
	return toMap(rows)
}

/** Offers per TRL or demands per minimum TRL ("" for none given). */
export async function listingsPerTrl(kind: ListingKind, scope: Scope) {
	const column = kind === 'offer' ? Prisma.raw('l.trl') : Prisma.raw('l."minTrl"')
	const rows = await query<Array<{ key: string | null; count: bigint }>>(Prisma.sql`
		SELECT ${column}::text AS key, count(*) AS count FROM ${listingFrom(kind)} WHERE ${listingWhere(scope)} GROUP BY 1`)
	return toMap(rows)
}

/** Offers per IP status. */
export async function offersPerIpStatus(scope: Scope) {
	const rows = await query<Array<{ key: string; count: bigint }>>(Prisma.sql`
		SELECT l."ipStatus"::text AS key, count(*) AS count FROM ${listingFrom('offer')} WHERE ${listingWhere(scope)} GROUP BY 1`)
	return toMap(rows)
}

/** Listings per transfer mode they name; a listing naming two counts in both. */
export async function listingsPerTransferMode(kind: ListingKind, scope: Scope) {
	const rows = await query<Array<{ key: string; count: bigint }>>(Prisma.sql`
		SELECT mode::text AS key, count(*) AS count
		FROM ${listingFrom(kind)} CROSS JOIN LATERAL unnest(l."transferModes") AS mode
		WHERE ${listingWhere(scope)} GROUP BY 1`)
	return toMap(rows)
}

// ─── Deals ────────────────────────────────────────────────────────────────────

/** Deals started in the period whose buyer or seller is in the province and whose listing is in the field. */
function dealScope(scope: Scope) {
	return Prisma.sql`
		FROM "Deal" d
		JOIN "Organisation" b ON b.id = d."buyerOrgId"
		JOIN "Organisation" s ON s.id = d."sellerOrgId"
		LEFT JOIN "Offer" o ON o.id = d."offerId"
		LEFT JOIN "Demand" dm ON dm.id = d."demandId"
		LEFT JOIN "Match" mt ON mt.id = d."matchId"
		WHERE true
		${scope.province ? Prisma.sql`AND (b."provinceCode" = ${scope.province} OR s."provinceCode" = ${scope.province})` : Prisma.empty}
		${scope.field ? Prisma.sql`AND (${hasField('o."fieldPaths"', scope.field)} OR ${hasField('dm."fieldPaths"', scope.field)})` : Prisma.empty}`
}

// A step is reached when the deal first moved to it or past it (an off-platform close reaches them all).
const REACHED = {
	nda: ['NDA', 'NEGOTIATION', 'AGREEMENT', 'PAYMENT', 'TRANSFERRED', 'CLOSED'],
	agreement: ['AGREEMENT', 'PAYMENT', 'TRANSFERRED', 'CLOSED'],
	paid: ['PAYMENT', 'TRANSFERRED', 'CLOSED'],
	transferred: ['TRANSFERRED', 'CLOSED'],
} as const

const reachedAt = (stages: readonly string[]) =>
	Prisma.sql`(SELECT min(e."createdAt") FROM "DealEvent" e WHERE e."dealId" = d.id AND e."toStage"::text = ANY(${[...stages]}::text[]))`

export type FunnelCounts = {
	matches: number
	interest: number
	interestFromMatch: number
	nda: number
	agreement: number
	paid: number
	transferred: number
	/** Median seconds from the previous step, null when no deal made the step. */
	medians: { interest: number | null; nda: number | null; agreement: number | null; paid: number | null; transferred: number | null }
}

const median = (expression: Prisma.Sql) => Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${expression}))`

/** Matches proposed and deals started in the period, and how far those deals got. */
export async function funnel(scope: Scope): Promise<FunnelCounts> {
	const [matchRow] = await query<Array<{ count: bigint }>>(Prisma.sql`
		SELECT count(*) AS count FROM "Match" m
		JOIN "Offer" o ON o.id = m."offerId" JOIN "Organisation" so ON so.id = o."organisationId"
		JOIN "Demand" dm ON dm.id = m."demandId" JOIN "Organisation" bo ON bo.id = dm."organisationId"
		WHERE m.kind = 'OFFER_DEMAND' AND m.score >= ${MATCH_THRESHOLD} AND ${inPeriod(Prisma.raw('m."createdAt"'), scope)}
		${scope.province ? Prisma.sql`AND (so."provinceCode" = ${scope.province} OR bo."provinceCode" = ${scope.province})` : Prisma.empty}
		${scope.field ? Prisma.sql`AND (${hasField('o."fieldPaths"', scope.field)} OR ${hasField('dm."fieldPaths"', scope.field)})` : Prisma.empty}`)
	const [row] = await query<
		Array<{
			interest: bigint
			from_match: bigint
			nda: bigint
			agreement: bigint
			paid: bigint
			transferred: bigint
			m_interest: number | null
			m_nda: number | null
			m_agreement: number | null
			m_paid: number | null
			m_transferred: number | null
		}>
	>(Prisma.sql`
		WITH steps AS (
			SELECT d.id, d."createdAt" AS interest, mt."createdAt" AS matched,
				${reachedAt(REACHED.nda)} AS nda, ${reachedAt(REACHED.agreement)} AS agreement,
				${reachedAt(REACHED.paid)} AS paid, ${reachedAt(REACHED.transferred)} AS transferred
			${dealScope(scope)} AND ${inPeriod(Prisma.raw('d."createdAt"'), scope)}
		)
		SELECT count(*) AS interest, count(matched) AS from_match, count(nda) AS nda, count(agreement) AS agreement,
			count(paid) AS paid, count(transferred) AS transferred,
			${median(Prisma.raw('interest - matched'))} AS m_interest,
			${median(Prisma.raw('nda - interest'))} AS m_nda,
			${median(Prisma.raw('agreement - nda'))} AS m_agreement,
			${median(Prisma.raw('paid - agreement'))} AS m_paid,
			${median(Prisma.raw('transferred - paid'))} AS m_transferred
		FROM steps`)
	return {
		matches: num(matchRow?.count),
		interest: num(row?.interest),
		interestFromMatch: num(row?.from_match),
		nda: num(row?.nda),
		agreement: num(row?.agreement),
		paid: num(row?.paid),
		transferred: num(row?.transferred),
		medians: {
			interest: numOrNull(row?.m_interest),
			nda: numOrNull(row?.m_nda),
			agreement: numOrNull(row?.m_agreement),
			paid: numOrNull(row?.m_paid),
			transferred: numOrNull(row?.m_transferred),
		},
	}
}

export type ValueRow = { deals: number; total: number; median: number | null }

/** Agreed (signed on the platform), paid through the platform, and recorded off-platform, in the period. */
export async function dealValues(scope: Scope): Promise<{ agreed: ValueRow; paid: ValueRow; offPlatform: ValueRow }> {
	type Raw = { deals: bigint; total: bigint | null; median: number | null }
	const [agreed] = await query<Raw[]>(Prisma.sql`
		WITH scoped AS (SELECT d.id ${dealScope(scope)} AND NOT d."offPlatform"),
		signed AS (
			SELECT DISTINCT ON (sd.id) sd.id, a."priceVnd" AS value
			FROM scoped sd JOIN "DealAgreement" a ON a."dealId" = sd.id
			WHERE a."buyerSignedAt" IS NOT NULL AND a."sellerSignedAt" IS NOT NULL
			AND ${inPeriod(Prisma.raw('GREATEST(a."buyerSignedAt", a."sellerSignedAt")'), scope)}
			ORDER BY sd.id, a.version DESC
		)
		SELECT count(*) AS deals, sum(value) AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median FROM signed`)
	const [paid] = await query<Raw[]>(Prisma.sql`
		WITH scoped AS (SELECT d.id ${dealScope(scope)}),
		paid AS (
			SELECT sd.id, sum(p.amount - p."refundedAmount") AS value
			FROM scoped sd JOIN "Payment" p ON p."dealId" = sd.id
			WHERE p."paidAt" IS NOT NULL AND p.status IN ('PAID', 'REFUNDED') AND ${inPeriod(Prisma.raw('p."paidAt"'), scope)}
			GROUP BY sd.id
		)
		SELECT count(*) AS deals, sum(value) AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median FROM paid`)
	const [offPlatform] = await query<Raw[]>(Prisma.sql`
		SELECT count(*) AS deals, sum(d."outcomeValue") AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY d."outcomeValue") AS median
		${dealScope(scope)} AND d."offPlatform" AND d."outcomeValue" IS NOT NULL AND ${inPeriod(Prisma.raw('d."outcomeDate"'), scope)}`)
	const shape = (r: Raw | undefined): ValueRow => ({ deals: num(r?.deals), total: num(r?.total), median: numOrNull(r?.median) })
	return { agreed: shape(agreed), paid: shape(paid), offPlatform: shape(offPlatform) }
}

// ─── Response signals ─────────────────────────────────────────────────────────

/**
 * Every enquiry an organisation received in the period, with when it was first answered (null:
 * never): an expression of interest (a deal one side started) is answered by the other side's
 * first step or first line in the deal's room; a direct conversation by the recipient's first
 * reply. The recipient of a conversation is the organisation of the listing it was opened from,
 * else the recipient's first organisation. Columns: channel, recipient, asked, answered.
 */
function enquiries(scope: Scope, organisationId?: string) {
	// Used only when a field is filtered on.
	const fieldOf = (table: string, id: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(table)} x WHERE x.id = ${id} AND ${hasField('x."fieldPaths"', scope.field!)})`
	return Prisma.sql`
		WITH interest AS (
			SELECT d.id, d."createdAt" AS asked,
				CASE WHEN EXISTS (SELECT 1 FROM "Membership" mb WHERE mb."userId" = d."createdById" AND mb."organisationId" = d."buyerOrgId") THEN d."sellerOrgId"
					WHEN EXISTS (SELECT 1 FROM "Membership" mb WHERE mb."userId" = d."createdById" AND mb."organisationId" = d."sellerOrgId") THEN d."buyerOrgId" END AS recipient
			${dealScope({ ...scope, province: undefined })} AND ${inPeriod(Prisma.raw('d."createdAt"'), scope)}
			${organisationId ? Prisma.sql`AND (d."buyerOrgId" = ${organisationId} OR d."sellerOrgId" = ${organisationId})` : Prisma.empty}
		),
		first_lines AS (
			SELECT r.id, r."contextType", r."contextId", m."senderId" AS asker, m."createdAt" AS asked, m.seq
			FROM "ChatRoom" r
			JOIN LATERAL (SELECT cm."senderId", cm."createdAt", cm.seq FROM "ChatMessage" cm WHERE cm."roomId" = r.id AND cm.kind = 'TEXT' ORDER BY cm.seq LIMIT 1) m ON true
			WHERE r.kind = 'DIRECT' AND ${inPeriod(Prisma.raw('m."createdAt"'), scope)}
			-- A room written to before the period ends and again since it began is the only kind whose first line can fall in it.
			AND r."createdAt" < ${utc(periodRange(scope).end)} AND r."lastMessageAt" >= ${utc(periodRange(scope).start)}
			${
				// One organisation's page: only rooms it can be the recipient of (a member in it, or opened from its listing).
				organisationId
					? Prisma.sql`AND (EXISTS (SELECT 1 FROM "ChatMember" cmb JOIN "Membership" mb ON mb."userId" = cmb."userId" WHERE cmb."roomId" = r.id AND mb."organisationId" = ${organisationId})
						OR r."contextId" IN (SELECT o.id FROM "Offer" o WHERE o."organisationId" = ${organisationId} UNION ALL SELECT x.id FROM "Demand" x WHERE x."organisationId" = ${organisationId}))`
					: Prisma.empty
			}
			${
				scope.field
					? Prisma.sql`AND ((r."contextType" = 'offer' AND ${fieldOf('"Offer"', Prisma.raw('r."contextId"'))}) OR (r."contextType" = 'demand' AND ${fieldOf('"Demand"', Prisma.raw('r."contextId"'))}))`
					: Prisma.empty
			}
		),
		conversations AS (
			SELECT f.id, f.asked, f.seq, member."userId" AS recipient_user,
				COALESCE(
					CASE f."contextType" WHEN 'offer' THEN (SELECT o."organisationId" FROM "Offer" o WHERE o.id = f."contextId")
						WHEN 'demand' THEN (SELECT x."organisationId" FROM "Demand" x WHERE x.id = f."contextId") END,
					(SELECT mb."organisationId" FROM "Membership" mb WHERE mb."userId" = member."userId" AND mb.status = 'ACTIVE' ORDER BY mb."createdAt" LIMIT 1)
				) AS recipient
			FROM first_lines f JOIN "ChatMember" member ON member."roomId" = f.id AND member."userId" <> f.asker AND member.source = 'DIRECT'
		),
		all_enquiries AS (
			SELECT 'interest' AS channel, q.recipient, q.asked,
				LEAST(
					(SELECT min(e."createdAt") FROM "DealEvent" e JOIN "Membership" mb ON mb."userId" = e."actorId" AND mb."organisationId" = q.recipient WHERE e."dealId" = q.id AND e.kind <> 'created'),
					(SELECT min(cm."createdAt") FROM "ChatRoom" r JOIN "ChatMessage" cm ON cm."roomId" = r.id JOIN "Membership" mb ON mb."userId" = cm."senderId" AND mb."organisationId" = q.recipient WHERE r."dealId" = q.id AND cm.kind = 'TEXT')
				) AS answered
			FROM interest q WHERE q.recipient IS NOT NULL
			UNION ALL
			SELECT 'message' AS channel, c.recipient, c.asked,
				(SELECT min(cm."createdAt") FROM "ChatMessage" cm WHERE cm."roomId" = c.id AND cm."senderId" = c.recipient_user AND cm.kind = 'TEXT' AND cm.seq > c.seq) AS answered
			FROM conversations c WHERE c.recipient IS NOT NULL
		)
		SELECT a.channel, a.recipient, a.asked, a.answered, org.type::text AS type
		FROM all_enquiries a JOIN "Organisation" org ON org.id = a.recipient
		${scope.province ? Prisma.sql`WHERE org."provinceCode" = ${scope.province}` : Prisma.empty}`
}

export type SignalRow = { key: string; channel: 'interest' | 'message'; received: number; answered: number; medianSeconds: number | null }

/** Enquiries received and answered per organisation type (or per organisation), by channel. */
export async function responseSignals(scope: Scope, by: 'type' | 'organisation' = 'type', organisationId?: string): Promise<SignalRow[]> {
	const key = by === 'type' ? Prisma.raw('type') : Prisma.raw('recipient')
	const rows = await query<Array<{ key: string; channel: 'interest' | 'message'; received: bigint; answered: bigint; median: number | null }>>(Prisma.sql`
		SELECT ${key} AS key, channel, count(*) AS received, count(answered) AS answered,
			${median(Prisma.raw('answered - asked'))} AS median
		FROM (${enquiries(scope, organisationId)}) AS e
		${organisationId ? Prisma.sql`WHERE recipient = ${organisationId}` : Prisma.empty}
		GROUP BY 1, 2`)
	return rows.map((r) => ({ key: r.key, channel: r.channel, received: num(r.received), answered: num(r.answered), medianSeconds: numOrNull(r.median) }))
}

// ─── Gaps ─────────────────────────────────────────────────────────────────────

// A demand is unmet when no published offer matches it above the threshold; it still counts when
// it expired so (the need was not met), not when it was withdrawn (archived) or never published.
const UNMET = Prisma.sql`l.status IN ('PUBLISHED', 'EXPIRED') AND NOT EXISTS (
	SELECT 1 FROM "Match" m JOIN "Offer" o ON o.id = m."offerId"
	WHERE m."demandId" = l.id AND m.kind = 'OFFER_DEMAND' AND m.score >= ${MATCH_THRESHOLD} AND o.status = 'PUBLISHED')`

/** Demands (published or expired: total) and unmet demands (gap) per breakdown field. */
export async function unmetPerField(scope: Scope, codes: string[]) {
	if (codes.length === 0) return new Map<string, { total: number; gap: number }>()
	const rows = await query<Array<{ key: string; demands: bigint; unmet: bigint }>>(Prisma.sql`
		SELECT p.code AS key, count(DISTINCT l.id) AS demands, count(DISTINCT l.id) FILTER (WHERE ${UNMET}) AS unmet
		FROM ${listingFrom('demand')} CROSS JOIN LATERAL unnest(l."fieldPaths") AS p(code)
		WHERE ${listingWhere(scope)} AND l.status IN ('PUBLISHED', 'EXPIRED') AND p.code = ANY(${codes}::text[]) GROUP BY 1`)
	return new Map(rows.map((r) => [r.key, { total: num(r.demands), gap: num(r.unmet) }]))
}

/** The keywords unmet demands name most, with how many demands name each (case folded). */
export async function unmetTopics(scope: Scope, limit = 20) {
	const rows = await query<Array<{ key: string; count: bigint }>>(Prisma.sql`
		SELECT lower(k) AS key, count(DISTINCT l.id) AS count
		FROM ${listingFrom('demand')} CROSS JOIN LATERAL unnest(l.keywords) AS k
		WHERE ${listingWhere(scope)} AND ${UNMET} AND btrim(k) <> ''
		GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`)
	return rows.map((r) => ({ keyword: r.key, demands: num(r.count) }))
}

export const UNMET_LIST_MAX = 500

/** The unmet demands themselves, newest first: what an operator picks a task proposal from (`only`: among these ids). */
export async function unmetDemands(scope: Scope, limit = UNMET_LIST_MAX, only?: string[]) {
	return query<Array<{ id: string; title: string; fieldCodes: string[]; keywords: string[]; publishedAt: Date; organisationName: string; provinceCode: string | null }>>(Prisma.sql`
		SELECT l.id, l.title, l."fieldCodes", l.keywords, l."publishedAt", org.name AS "organisationName", COALESCE(l."provinceCode", org."provinceCode") AS "provinceCode"
		FROM ${listingFrom('demand')} WHERE ${listingWhere(scope)} AND ${UNMET}
		${only ? Prisma.sql`AND l.id = ANY(${only}::text[])` : Prisma.empty}
		ORDER BY l."publishedAt" DESC, l.id LIMIT ${limit}`)
}

/**
 * Registered task results (total) per breakdown field, and those no offer was ever published on (gap; all
 * registered results: a result is a gap however long ago it was registered, so no period).
 */
export async function unofferedPerField(scope: Scope, codes: string[]) {
	if (codes.length === 0) return new Map<string, { total: number; gap: number }>()
	const rows = await query<Array<{ key: string; results: bigint; unoffered: bigint }>>(Prisma.sql`
		SELECT p.code AS key, count(DISTINCT t.id) AS results,
			count(DISTINCT t.id) FILTER (WHERE NOT EXISTS (
				SELECT 1 FROM "OfferTaskResult" x JOIN "Offer" o ON o.id = x."offerId" WHERE x."taskResultId" = t.id AND o."publishedAt" IS NOT NULL)) AS unoffered
		FROM "TaskResult" t LEFT JOIN "Organisation" org ON org.id = t."hostOrganisationId"
		CROSS JOIN LATERAL unnest(t."fieldPaths") AS p(code)
		WHERE p.code = ANY(${codes}::text[])
		${scope.province ? Prisma.sql`AND COALESCE(t."provinceCode", org."provinceCode") = ${scope.province}` : Prisma.empty}
		${scope.field ? Prisma.sql`AND ${hasField('t."fieldPaths"', scope.field)}` : Prisma.empty}
		GROUP BY 1`)
	return new Map(rows.map((r) => [r.key, { total: num(r.results), gap: num(r.unoffered) }]))
}
