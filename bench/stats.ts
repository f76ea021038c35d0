/**
 * Statistics benchmark (issue 9, docs/decisions/015-statistics.md): the figures of /stats and
 * /operator/stats computed from the live tables of a national-scale exchange, against the /offers
 * list loader measured in the same run.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:stats -- [--reps N] [--scale F] [--keep]
 *
 * It creates the database `caunoi_bench_stats` on that server (dropping an older one), migrates it,
 * seeds it with bulk SQL (INSERT … SELECT over generate_series, triggers off for the session), runs
 * VACUUM ANALYZE, measures, then drops the database (also on failure; `--keep` leaves it for EXPLAIN
 * sessions). Volumes at scale 1: 2,000 organisations with members, 30,000 offers and 30,000 demands
 * over three years, 60,000 offer–demand matches, 5,000 deals with their stage histories, agreements,
 * milestones and payments, 20,000 direct conversations, 20,000 task results.
 *
 * Everything is timed warm, one call at a time, `--reps` times (default 7) after two warm-up
 * rounds, in a rotating order; the tables print medians and the ratio to the baseline's median:
 * - baseline: `listingListLoader('offer', …)`, the loader of /offers (count, first page, reference lists);
 * - `buildFigures('public' | 'operator', filters, 'vi')` for the country, one province and one field
 *   (the last 12 months), and each operator figure alone;
 * - `statsPageData` (the whole page loader: figures, charts, the unmet demands list);
 * - `organisationSignals` of the busiest organisation;
 * - drawing every operator figure's chart (`renderChartSvg`): a first draw and a cached one.
 * Then every operator figure's statements under EXPLAIN ANALYZE with the server's JIT setting and with
 * `jit = off`, the full EXPLAIN (ANALYZE, BUFFERS) of the slowest figure's slowest statement, the two
 * slowest figures' statements with candidate indexes created inside a transaction that is rolled
 * back, and the loaders again with `ALTER DATABASE … SET jit = off`, with the most useful candidate
 * index created in the scratch database, and with both. Nothing is migrated. See bench/README.md.
 */
import os from 'node:os'
import pg from 'pg'
import type { Prisma } from '../app/generated/prisma/client.ts'
import type { FigureId, StatTable } from '../app/stats/table.ts'
import type { StatsFilters } from '../app/stats/filters.ts'
import { selfTimes, type PlanNode } from './plan'

const DATABASE = 'caunoi_bench_stats'

const argv = process.argv.slice(2)
function option(name: string, fallback: number) {
	const at = argv.indexOf(name)
	if (at < 0) return fallback
	const value = Number(argv[at + 1])
	if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`)
	return value
}
const REPS = Math.round(option('--reps', 7))
const WARMUP_REPS = 2
const SCALE = option('--scale', 1)
const KEEP = argv.includes('--keep')
const n = (base: number) => Math.max(10, Math.round(base * SCALE))
const VOLUME = {
	organisations: n(2_000),
	offers: n(30_000),
	demands: n(30_000),
	matches: n(60_000),
	deals: n(5_000),
	rooms: n(20_000),
	taskResults: n(20_000),
	evidence: n(6_000),
}
/** The province and the field measured alone: the busiest province, and the broadest field (engineering, level 1). */
const PROVINCE = '01'
const FIELD = '2'

const log = (message: string) => console.log(`[bench] ${message}`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const admin = process.env.DATABASE_URL
if (!admin) {
	console.error('Set DATABASE_URL to a PostgreSQL server (the benchmark makes its own database there).')
	process.exit(1)
}

function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

async function adminQuery(sql: string) {
	const client = new pg.Client({ connectionString: admin })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

// ─── Seeding ─────────────────────────────────────────────────────────────────
// One session, `session_replication_role = replica`: the search outbox, public change and webhook
// triggers (and the foreign-key triggers) do not fire, so the rows are made consistent here. Random
// draws come from a seeded random(); every draw a row uses twice is taken once in a MATERIALIZED CTE.
// Rows go in in time order (listings by publication, messages by sending), as an exchange writes
// them, so the tables' physical order follows their timestamps as it would in production.

/** Keywords of the listings (the unmet topics figure groups by them). */
const KEYWORDS = [
	'nuôi tôm', 'thủy sản', 'chế biến thực phẩm', 'sấy lạnh', 'bảo quản sau thu hoạch', 'phân bón vi sinh', 'giống lúa', 'chịu mặn',
	'nuôi cấy mô', 'thuốc trừ sâu sinh học', 'IoT', 'cảm biến', 'trí tuệ nhân tạo', 'thị giác máy tính', 'blockchain', 'truy xuất nguồn gốc',
	'năng lượng mặt trời', 'lưu trữ năng lượng', 'biogas', 'điện gió', 'xử lý nước thải', 'xử lý khí thải', 'tái chế nhựa', 'vật liệu composite',
	'vật liệu nano', 'sơn chống ăn mòn', 'bê tông geopolymer', 'in 3D', 'robot công nghiệp', 'tự động hóa', 'CNC', 'máy nông nghiệp',
	'dược liệu', 'chiết xuất', 'vaccine thú y', 'chẩn đoán nhanh', 'thiết bị y tế', 'telemedicine', 'phần mềm quản lý', 'ERP',
	'chuyển đổi số', 'an ninh mạng', 'big data', 'GIS', 'viễn thám', 'quan trắc môi trường', 'cảnh báo thiên tai', 'xây dựng xanh',
	'tiết kiệm năng lượng', 'pin lithium', 'xe điện', 'logistics', 'chuỗi lạnh', 'dệt may', 'da giày', 'gỗ', 'cao su', 'cà phê',
	'hồ tiêu', 'sầu riêng', 'thanh long', 'nước mắm', 'men vi sinh', 'enzyme', 'probiotic', 'aquaculture', 'food safety', 'HACCP',
]

const NOW = `(now() AT TIME ZONE 'UTC')`
const DAY = (expr: string) => `make_interval(secs => 86400 * (${expr}))`
const HOUR = (expr: string) => `make_interval(secs => 3600 * (${expr}))`
/** An age in days over three years: half uniform, half weighted to recent months (the exchange grows). */
const AGE_DAYS = (mix: string, r: string) => `(1095 * CASE WHEN ${mix} < 0.5 THEN ${r} ELSE 1 - sqrt(${r}) END)`
const STAGES = `ARRAY['INTEREST','NDA','NEGOTIATION','AGREEMENT','PAYMENT','TRANSFERRED','CLOSED']::"DealStage"[]`
const member = (idx: string, members: string) => `'usr-' || ${idx} || '-' || (1 + floor(random() * ${members})::int)`
const modes = (g: string) => `ARRAY(SELECT DISTINCT m FROM (SELECT (enum_range(NULL::"TransferMode"))[1 + floor(random() * 8)::int] AS m FROM generate_series(1, 1 + ${g} % 3)) x ORDER BY m)`
const keywords = (g: string) => `ARRAY(SELECT ($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int] FROM generate_series(1, 3 + ${g} % 3))`
const leaf = (r: string) => `($2::text[])[1 + floor(${r} * array_length($2::text[], 1))::int]`
const IP = (r: string) =>
	`(CASE WHEN ${r} < 0.18 THEN 'PATENT_GRANTED' WHEN ${r} < 0.35 THEN 'PATENT_PENDING' WHEN ${r} < 0.47 THEN 'UTILITY_SOLUTION' WHEN ${r} < 0.52 THEN 'INDUSTRIAL_DESIGN' WHEN ${r} < 0.58 THEN 'PLANT_VARIETY' WHEN ${r} < 0.85 THEN 'KNOW_HOW' ELSE 'NONE' END)::"IpStatus"`

type Step = { label: string; sql: string; params?: unknown[] }

function seedSteps(v: typeof VOLUME): Step[] {
	const listing = (kind: 'offer' | 'demand') => {
		const offer = kind === 'offer'
		const pool = offer ? 'b_org_offer' : 'b_org_demand'
		const prefix = offer ? 'off' : 'dem'
		const columns = offer
			? `summary, description, trl, "ipStatus", "priceMin", "priceMax", "priceNegotiable"`
			: `problem, "desiredOutcome", "minTrl", "budgetMin", "budgetMax", "budgetUndisclosed", deadline`
		const values = offer
			? `bench_text(t.g || 's', 6), bench_text(t.g || 'd', 36), 1 + floor((t.r_trl1 + t.r_trl2 + t.r_trl3) / 3 * 9)::int, ${IP('t.r_ip')},
				CASE WHEN t.r_price < 0.6 THEN ((50 + floor(t.r_price2 * t.r_price2 * 5000)) * 1000000)::bigint END,
				CASE WHEN t.r_price < 0.6 THEN ((50 + floor(t.r_price2 * t.r_price2 * 5000)) * 2000000)::bigint END, t.r_neg < 0.4`
			: `bench_text(t.g || 'p', 24), bench_text(t.g || 'o', 8), CASE WHEN t.r_trl1 < 0.3 THEN NULL ELSE 3 + floor(t.r_trl2 * 6)::int END,
				CASE WHEN t.r_price < 0.6 THEN ((30 + floor(t.r_price2 * t.r_price2 * 3000)) * 1000000)::bigint END,
				CASE WHEN t.r_price < 0.6 THEN ((30 + floor(t.r_price2 * t.r_price2 * 3000)) * 1500000)::bigint END, t.r_price >= 0.6 AND t.r_neg < 0.5,
				CASE WHEN t.published IS NOT NULL AND t.r_neg < 0.5 THEN t.published + ${DAY('90 + t.r_trl3 * 275')} END`
		return {
			label: `${kind}s`,
			params: [KEYWORDS],
			sql: `
			INSERT INTO "${offer ? 'Offer' : 'Demand'}" (id, "organisationId", "createdById", "contactUserId", status, title, "fieldCodes", "fieldPaths", keywords,
				"transferModes", "provinceCode", "submittedAt", "publishedAt", "expiresAt", "createdAt", "updatedAt", ${columns})
			WITH s AS MATERIALIZED (
				SELECT g, random() AS r_org, random() AS r_mix, random() AS r_age, random() AS r_state, random() AS r_state2, random() AS r_f1, random() AS r_f2,
					random() AS r_two, random() AS r_prov, random() AS r_prov2, random() AS r_trl1, random() AS r_trl2, random() AS r_trl3, random() AS r_ip,
					random() AS r_price, random() AS r_price2, random() AS r_neg, random() AS r_created, random() AS r_kw
				FROM generate_series(1, ${offer ? v.offers : v.demands}) g
			), o AS MATERIALIZED (
				SELECT s.*, p.id AS org_id, p.idx AS org_idx, p.province AS org_province, ${NOW} - ${DAY(AGE_DAYS('s.r_mix', 's.r_age'))} AS at
				FROM s JOIN ${pool} p ON p.rank = 1 + least((SELECT count(*) FROM ${pool}) - 1, floor((SELECT count(*) FROM ${pool}) * s.r_org * s.r_org))::int
			), t AS MATERIALIZED (
				SELECT o.*, CASE WHEN o.r_state < 0.03 THEN 'DRAFT' WHEN o.r_state < 0.06 THEN 'SUBMITTED'
						WHEN o.at < ${NOW} - interval '365 days' THEN (CASE WHEN o.r_state2 < 0.5 THEN 'EXPIRED' WHEN o.r_state2 < 0.6 THEN 'ARCHIVED' ELSE 'PUBLISHED' END)
						ELSE (CASE WHEN o.r_state2 < 0.05 THEN 'ARCHIVED' ELSE 'PUBLISHED' END) END AS status,
					CASE WHEN o.r_state >= 0.06 THEN o.at END AS published,
					CASE WHEN o.r_two < 0.25 AND ${leaf('o.r_f2')} <> ${leaf('o.r_f1')} THEN ARRAY[${leaf('o.r_f1')}, ${leaf('o.r_f2')}] ELSE ARRAY[${leaf('o.r_f1')}] END AS fields
				FROM o
			)
			SELECT '${prefix}-' || lpad(t.g::text, 6, '0'), t.org_id, 'usr-' || t.org_idx || '-1', 'usr-' || t.org_idx || '-1', t.status::"ListingStatus",
				'${offer ? 'Công nghệ' : 'Cần giải pháp'} ' || ($1::text[])[1 + floor(t.r_kw * array_length($1::text[], 1))::int] || ' số ' || t.g,
				t.fields, bench_paths(t.fields), ${keywords('t.g')}, ${modes('t.g')},
				CASE WHEN t.r_prov < 0.4 THEN NULL WHEN t.r_prov < 0.85 THEN t.org_province ELSE ($3::text[])[1 + floor(t.r_prov2 * array_length($3::text[], 1))::int] END,
				t.published - interval '2 days', t.published, t.published + interval '365 days',
				COALESCE(t.published, t.at) - ${DAY('t.r_created * 30')}, COALESCE(t.published, t.at), ${values}
			FROM t ORDER BY COALESCE(t.published, t.at)`,
		}
	}
	return [
		{
			label: 'helpers',
			sql: `
			CREATE FUNCTION bench_path(c text) RETURNS text[] IMMUTABLE LANGUAGE sql AS $$
				SELECT CASE length(c) WHEN 5 THEN ARRAY[left(c, 1), left(c, 3), c] WHEN 3 THEN ARRAY[left(c, 1), c] ELSE ARRAY[c] END $$;
			CREATE FUNCTION bench_paths(codes text[]) RETURNS text[] IMMUTABLE LANGUAGE sql AS $$
				SELECT ARRAY(SELECT DISTINCT p FROM unnest(codes) c, unnest(bench_path(c)) p ORDER BY p) $$;
			-- Words that do not compress, so rows weigh what real listings do (about 1 kB of text in line).
			CREATE FUNCTION bench_text(seed text, words int) RETURNS text IMMUTABLE LANGUAGE sql AS $$
				SELECT string_agg(md5(seed || ':' || k), ' ') FROM generate_series(1, words) k $$;
			CREATE TEMP TABLE b_now AS SELECT ${NOW} AS t`,
		},
		{
			label: 'organisations',
			params: [v.organisations],
			sql: `
			CREATE TEMP TABLE b_org AS
			WITH s AS MATERIALIZED (SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5 FROM generate_series(1, $1::int) i)
			SELECT i AS idx, 'org-' || lpad(i::text, 5, '0') AS id,
				CASE WHEN r1 < 0.55 THEN 'ENTERPRISE' WHEN r1 < 0.73 THEN 'RESEARCH_INSTITUTE' WHEN r1 < 0.87 THEN 'UNIVERSITY' WHEN r1 < 0.95 THEN 'BROKER_FIRM' ELSE 'AGENCY' END AS type,
				CASE WHEN r2 < 0.22 THEN '01' WHEN r2 < 0.42 THEN '79' WHEN r2 < 0.48 THEN '48' WHEN r2 < 0.53 THEN '31' WHEN r2 < 0.57 THEN '92'
					ELSE (SELECT array_agg(code ORDER BY code) FROM "Province")[1 + floor(r3 * 34)::int] END AS province,
				-- The first organisations are the large institutes, universities and corporations: more members, more listings.
				CASE WHEN i <= 40 THEN 12 + i % 9 ELSE 1 + floor(r4 * 6)::int END AS members,
				r5 < 0.8 AS verified
			FROM s;
			CREATE UNIQUE INDEX ON b_org (id);
			CREATE TEMP TABLE b_org_offer AS SELECT row_number() OVER (ORDER BY idx)::int AS rank, * FROM b_org WHERE type IN ('RESEARCH_INSTITUTE', 'UNIVERSITY', 'ENTERPRISE');
			CREATE UNIQUE INDEX ON b_org_offer (rank);
			CREATE TEMP TABLE b_org_demand AS SELECT row_number() OVER (ORDER BY idx)::int AS rank, * FROM b_org WHERE type IN ('ENTERPRISE', 'AGENCY');
			CREATE UNIQUE INDEX ON b_org_demand (rank);
			INSERT INTO "Organisation" (id, slug, name, type, "provinceCode", "verifiedAt", "createdAt", "updatedAt")
			SELECT id, 'bench-' || idx, 'Tổ chức ' || idx, type::"OrganisationType", province, CASE WHEN verified THEN ${NOW} - interval '400 days' END,
				${NOW} - interval '1200 days', ${NOW} FROM b_org;
			INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
			SELECT 'usr-' || o.idx || '-' || k, 'u' || o.idx || '.' || k || '@bench.example', 'Thành viên ' || o.idx || '.' || k, '!bench', ${NOW} - interval '1200 days', ${NOW}
			FROM b_org o, generate_series(1, o.members) k;
			INSERT INTO "Membership" (id, "userId", "organisationId", role, status, "createdAt", "updatedAt")
			SELECT 'mb-' || o.idx || '-' || k, 'usr-' || o.idx || '-' || k, o.id, (CASE k WHEN 1 THEN 'OWNER' WHEN 2 THEN 'ADMIN' ELSE 'MEMBER' END)::"MembershipRole",
				(CASE WHEN k > 2 AND random() < 0.04 THEN 'PENDING' ELSE 'ACTIVE' END)::"MembershipStatus", ${NOW} - interval '1200 days' + k * interval '1 day', ${NOW}
			FROM b_org o, generate_series(1, o.members) k`,
		},
		{ ...listing('offer'), params: [KEYWORDS, null, null] },
		{ ...listing('demand'), params: [KEYWORDS, null, null] },
		{
			label: 'matches',
			params: [v.matches],
			sql: `
			CREATE TEMP TABLE b_pub_demand AS SELECT row_number() OVER (ORDER BY id)::int AS n, id, "organisationId" AS org_id, "publishedAt" AS pub, "fieldCodes"[1] AS field
				FROM "Demand" WHERE "publishedAt" IS NOT NULL;
			CREATE UNIQUE INDEX ON b_pub_demand (n);
			CREATE TEMP TABLE b_pub_offer AS SELECT row_number() OVER (ORDER BY id)::int AS n, id, "organisationId" AS org_id, "publishedAt" AS pub
				FROM "Offer" WHERE "publishedAt" IS NOT NULL;
			CREATE UNIQUE INDEX ON b_pub_offer (n);
			-- Pairs share a field: each demand's first field, an offer filed under it.
			CREATE TEMP TABLE b_offer_field AS SELECT f.code AS field, row_number() OVER (PARTITION BY f.code ORDER BY o.id)::int AS k, o.id, o."publishedAt" AS pub
				FROM "Offer" o CROSS JOIN LATERAL unnest(o."fieldCodes") AS f(code) WHERE o."publishedAt" IS NOT NULL;
			CREATE UNIQUE INDEX ON b_offer_field (field, k);
			CREATE TEMP TABLE b_field_count AS SELECT field, count(*)::int AS cnt FROM b_offer_field GROUP BY field;
			INSERT INTO "Match" (id, kind, "pairKey", "demandId", "offerId", score, components, explanation, "createdAt", "updatedAt")
			WITH s AS MATERIALIZED (
				SELECT g, 1 + floor(random() * (SELECT count(*) FROM b_pub_demand))::int AS dn, random() AS r_o, random() AS r_score, random() AS r_t
				FROM generate_series(1, ($1::int * 1.15)::int) g
			), c AS (
				SELECT s.*, d.id AS demand_id, d.pub AS dpub, fo.id AS offer_id, fo.pub AS opub
				FROM s JOIN b_pub_demand d ON d.n = s.dn JOIN b_field_count fc ON fc.field = d.field
				JOIN b_offer_field fo ON fo.field = d.field AND fo.k = 1 + floor(s.r_o * fc.cnt)::int
			), u AS (SELECT DISTINCT ON (offer_id, demand_id) * FROM c ORDER BY offer_id, demand_id, g)
			SELECT 'mt-' || lpad(g::text, 7, '0'), 'OFFER_DEMAND', 'offer:' || offer_id || '|demand:' || demand_id, demand_id, offer_id,
				round((0.45 + 0.5 * power(r_score, 1.6))::numeric, 4)::float8,
				'[]'::jsonb, '{}'::jsonb, least(${NOW}, greatest(dpub, opub) + ${DAY('r_t * 10')}), least(${NOW}, greatest(dpub, opub) + ${DAY('r_t * 10')})
			FROM (SELECT * FROM u ORDER BY g LIMIT $1::int) x ORDER BY 9`,
		},
		{
			label: 'deals',
			params: [v.deals],
			sql: `
			CREATE TEMP TABLE b_match AS SELECT row_number() OVER (ORDER BY id)::int AS n, id, "offerId", "demandId", "createdAt" FROM "Match";
			CREATE UNIQUE INDEX ON b_match (n);
			-- Where each deal came from: a match (40%), an interest in an offer (45%), a proposal for a demand (15%).
			CREATE TEMP TABLE b_deal_src AS
			WITH s AS MATERIALIZED (
				SELECT g, random() AS r_kind, random() AS r_pick, random() AS r_other, random() AS r_side, random() AS r_t FROM generate_series(1, ($1::int * 1.1)::int) g
			)
			SELECT s.g, s.r_kind, s.r_t, 'match' AS source, m.id AS match_id, m."offerId" AS offer_id, m."demandId" AS demand_id, dm."organisationId" AS buyer_id, o."organisationId" AS seller_id,
				CASE WHEN s.r_side < 0.5 THEN 'buyer' ELSE 'seller' END AS creator_side, m."createdAt" AS since
			FROM s JOIN b_match m ON m.n = 1 + floor(s.r_pick * (SELECT count(*) FROM b_match))::int
			JOIN "Offer" o ON o.id = m."offerId" JOIN "Demand" dm ON dm.id = m."demandId" WHERE s.r_kind < 0.4
			UNION ALL
			SELECT s.g, s.r_kind, s.r_t, 'offer', NULL, o.id, NULL, b.id, o.org_id, 'buyer', o.pub
			FROM s JOIN b_pub_offer o ON o.n = 1 + floor(s.r_pick * (SELECT count(*) FROM b_pub_offer))::int
			JOIN b_org_demand b ON b.rank = 1 + least((SELECT count(*) FROM b_org_demand) - 1, floor((SELECT count(*) FROM b_org_demand) * s.r_other * s.r_other))::int
			WHERE s.r_kind >= 0.4 AND s.r_kind < 0.85
			UNION ALL
			SELECT s.g, s.r_kind, s.r_t, 'demand', NULL, NULL, d.id, d.org_id, b.id, 'seller', d.pub
			FROM s JOIN b_pub_demand d ON d.n = 1 + floor(s.r_pick * (SELECT count(*) FROM b_pub_demand))::int
			JOIN b_org_offer b ON b.rank = 1 + least((SELECT count(*) FROM b_org_offer) - 1, floor((SELECT count(*) FROM b_org_offer) * s.r_other * s.r_other))::int
			WHERE s.r_kind >= 0.85;
			CREATE TEMP TABLE b_deal AS
			WITH d AS MATERIALIZED (
				SELECT row_number() OVER (ORDER BY x.g)::int AS n, x.*, bo.idx AS buyer_idx, bo.members AS buyer_members, so.idx AS seller_idx, so.members AS seller_members,
					least(x.since + ${DAY('1 + x.r_t * 60')}, ${NOW} - interval '1 hour') AS created,
					random() AS r_target, 2 + random() * 18 AS gap, random() AS r_cancel, random() AS r_off, random() AS r_creator
				FROM (SELECT * FROM b_deal_src WHERE buyer_id <> seller_id ORDER BY g LIMIT $1::int) x
				JOIN b_org bo ON bo.id = x.buyer_id JOIN b_org so ON so.id = x.seller_id
			), t AS MATERIALIZED (
				SELECT d.*, CASE WHEN r_target < 0.30 THEN 0 WHEN r_target < 0.48 THEN 1 WHEN r_target < 0.65 THEN 2 WHEN r_target < 0.75 THEN 3
					WHEN r_target < 0.83 THEN 4 WHEN r_target < 0.88 THEN 5 ELSE 6 END AS target
				FROM d
			), r AS MATERIALIZED (
				-- Step k happens gap × k days after the interest; steps still in the future have not happened yet.
				SELECT t.*, (SELECT coalesce(max(k), 0) FROM generate_series(1, t.target) k WHERE t.created + ${DAY('t.gap * k')} < ${NOW} - interval '1 hour') AS reached
				FROM t
			)
			SELECT r.*, 'deal-' || lpad(r.n::text, 6, '0') AS id,
				CASE WHEN r.creator_side = 'buyer' THEN ${member('r.buyer_idx', 'r.buyer_members')} ELSE ${member('r.seller_idx', 'r.seller_members')} END AS creator,
				r.r_cancel < 0.12 AND r.reached < 5 AND r.created + ${DAY('r.gap * (r.reached + 0.5)')} < ${NOW} AS cancelled,
				r.r_cancel >= 0.12 AND r.r_off < 0.06 AND r.reached <= 2 AND r.created + ${DAY('r.gap * (r.reached + 1)')} < ${NOW} AS off
			FROM r;
			CREATE UNIQUE INDEX ON b_deal (id);
			-- The timeline: created, each step (answered first by the side that did not start the deal), a side event with each step, a cancellation or an off-platform close.
			CREATE TEMP TABLE b_event AS
			SELECT d.id AS deal_id, d.n, 0 AS k, 'created' AS kind, NULL::"DealStage" AS from_stage, 'INTEREST'::"DealStage" AS to_stage, d.creator AS actor, d.created AS at FROM b_deal d
			UNION ALL
			SELECT d.id, d.n, k, 'stage', (${STAGES})[k], (${STAGES})[k + 1],
				CASE WHEN (k % 2 = 1) = (d.creator_side = 'buyer') THEN ${member('d.seller_idx', 'd.seller_members')} ELSE ${member('d.buyer_idx', 'd.buyer_members')} END,
				d.created + ${DAY('d.gap * k')}
			FROM b_deal d, generate_series(1, d.reached) k
			UNION ALL
			SELECT d.id, d.n, 100 + k, (ARRAY['nda.accepted', 'agreement.proposed', 'agreement.signed', 'payment.paid', 'transfer.confirmed', 'deal.closed'])[k], NULL, NULL,
				CASE WHEN (k % 2 = 0) = (d.creator_side = 'buyer') THEN ${member('d.seller_idx', 'd.seller_members')} ELSE ${member('d.buyer_idx', 'd.buyer_members')} END,
				least(d.created + ${DAY('d.gap * k')} + interval '3 hours', ${NOW})
			FROM b_deal d, generate_series(1, d.reached) k
			UNION ALL
			SELECT d.id, d.n, 200, 'stage', (${STAGES})[d.reached + 1], 'CANCELLED', ${member('d.buyer_idx', 'd.buyer_members')}, d.created + ${DAY('d.gap * (d.reached + 0.5)')}
			FROM b_deal d WHERE d.cancelled
			UNION ALL
			SELECT d.id, d.n, 300, 'outcome.recorded', (${STAGES})[d.reached + 1], 'CLOSED', ${member('d.seller_idx', 'd.seller_members')}, d.created + ${DAY('d.gap * (d.reached + 1)')}
			FROM b_deal d WHERE d.off;
			CREATE INDEX ON b_event (deal_id);
			INSERT INTO "Deal" (id, code, title, stage, "offerId", "demandId", "matchId", "buyerOrgId", "sellerOrgId", "createdById", message, "offPlatform",
				"outcomeValue", "outcomeMode", "outcomeDate", "stageChangedAt", "closedAt", "createdAt", "updatedAt")
			SELECT d.id, 'GD-B-' || lpad(d.n::text, 6, '0'), 'Giao dịch ' || d.n,
				CASE WHEN d.cancelled THEN 'CANCELLED' WHEN d.off THEN 'CLOSED' ELSE (${STAGES})[d.reached + 1] END::"DealStage",
				d.offer_id, d.demand_id, d.match_id, d.buyer_id, d.seller_id, d.creator, 'Chúng tôi quan tâm', d.off,
				CASE WHEN d.off THEN ((100 + floor(d.r_off * 40000)) * 1000000)::bigint END, CASE WHEN d.off THEN 'LICENSING'::"TransferMode" END,
				CASE WHEN d.off THEN d.created + ${DAY('d.gap * (d.reached + 1)')} END,
				(SELECT max(e.at) FROM b_event e WHERE e.deal_id = d.id AND e.to_stage IS NOT NULL),
				CASE WHEN d.off OR (NOT d.cancelled AND d.reached = 6) THEN (SELECT max(e.at) FROM b_event e WHERE e.deal_id = d.id) END,
				d.created, (SELECT max(e.at) FROM b_event e WHERE e.deal_id = d.id)
			FROM b_deal d ORDER BY d.created;
			INSERT INTO "DealEvent" (id, "dealId", kind, "fromStage", "toStage", "actorId", data, "createdAt")
			SELECT 'de-' || n || '-' || k, deal_id, kind, from_stage, to_stage, actor, '{}'::jsonb, at FROM b_event ORDER BY at`,
		},
		{
			label: 'agreements, milestones, payments',
			sql: `
			-- Terms signed when the deal reached AGREEMENT (step 3); three in ten signed a second version after a first one was superseded.
			CREATE TEMP TABLE b_agreement AS
			SELECT d.id AS deal_id, d.n, d.reached, d.gap, d.created, d.creator, v, v = nv AS signed, d.created + ${DAY('d.gap * 3')} AS signed_at,
				((100 + floor(random() * random() * 4900)) * 1000000)::bigint AS price, 1 + d.n % 3 AS milestones, d.buyer_idx, d.buyer_members, d.seller_idx, d.seller_members
			FROM b_deal d CROSS JOIN LATERAL (SELECT CASE WHEN d.n % 10 < 3 THEN 2 ELSE 1 END AS nv) x, generate_series(1, x.nv) v
			WHERE d.reached >= 3 AND NOT d.off;
			INSERT INTO "DealAgreement" (id, "dealId", version, "transferMode", "priceVnd", "platformFeeBps", milestones, "proposedById", "buyerSignedAt", "buyerSignedById",
				"sellerSignedAt", "sellerSignedById", "supersededAt", "createdAt")
			SELECT 'ag-' || n || '-' || v, deal_id, v, (enum_range(NULL::"TransferMode"))[1 + n % 4], price, 300, '[]'::jsonb, creator,
				CASE WHEN signed THEN signed_at - interval '3 hours' END, CASE WHEN signed THEN ${member('buyer_idx', 'buyer_members')} END,
				CASE WHEN signed THEN signed_at END, CASE WHEN signed THEN ${member('seller_idx', 'seller_members')} END,
				CASE WHEN NOT signed THEN signed_at - interval '2 days' END, signed_at - interval '5 days' + v * interval '2 days'
			FROM b_agreement;
			-- Milestones of the signed version; paid from step 4 (PAYMENT: the first one; TRANSFERRED and later: all).
			CREATE TEMP TABLE b_milestone AS
			SELECT a.deal_id, a.n, a.v, p AS position, a.price / a.milestones AS amount,
				a.reached >= 4 AND (a.reached >= 5 OR p = 1) AS paid,
				least(a.created + ${DAY('a.gap * 4')} + (p - 1) * interval '6 days', ${NOW} - interval '1 minute') AS paid_at, a.signed_at
			FROM b_agreement a, generate_series(1, a.milestones) p WHERE a.signed;
			INSERT INTO "DealMilestone" (id, "dealId", "agreementId", position, title, amount, "dueDate", status, "paidAt", "paidPaymentId", "createdAt", "updatedAt")
			SELECT 'ms-' || n || '-' || position, deal_id, 'ag-' || n || '-' || v, position, 'Đợt ' || position, amount, signed_at + position * interval '30 days',
				(CASE WHEN paid THEN 'PAID' ELSE 'DUE' END)::"MilestoneStatus", CASE WHEN paid THEN paid_at END, CASE WHEN paid THEN 'pay-' || n || '-' || position || '-1' END, signed_at, signed_at
			FROM b_milestone;
			-- One payment per paid milestone (2% refunded), an earlier failed attempt for one in ten, a pending one for some due milestones.
			INSERT INTO "Payment" (id, "dealId", "milestoneId", provider, status, amount, "platformFee", "brokerShare", "sellerNet", reference, "providerRef", "paidAt",
				"refundedAt", "refundedAmount", "createdAt", "updatedAt")
			SELECT 'pay-' || m.n || '-' || m.position || '-' || attempt, m.deal_id, 'ms-' || m.n || '-' || m.position,
				(CASE WHEN m.n % 5 = 0 THEN 'STRIPE' ELSE 'BANK_TRANSFER' END)::"PaymentProviderName",
				(CASE WHEN NOT m.paid THEN 'PENDING' WHEN attempt = 0 THEN 'FAILED' WHEN m.n % 50 = 7 THEN 'REFUNDED' ELSE 'PAID' END)::"PaymentStatus",
				m.amount, m.amount * 3 / 100, 0, m.amount - m.amount * 3 / 100, 'CN' || lpad((m.n * 100 + m.position * 10 + attempt)::text, 8, '0'),
				CASE WHEN m.n % 5 = 0 THEN 'cs_bench_' || m.n || '_' || m.position || '_' || attempt END,
				CASE WHEN m.paid AND attempt = 1 THEN m.paid_at END, CASE WHEN m.paid AND attempt = 1 AND m.n % 50 = 7 THEN m.paid_at + interval '10 days' END,
				CASE WHEN m.paid AND attempt = 1 AND m.n % 50 = 7 THEN m.amount ELSE 0 END, m.paid_at - interval '1 day', m.paid_at
			FROM b_milestone m, generate_series(0, 1) attempt
			WHERE (m.paid AND (attempt = 1 OR m.n % 10 = 3)) OR (NOT m.paid AND attempt = 1 AND m.n % 3 = 0)`,
		},
		{
			label: 'deal rooms',
			sql: `
			-- Seven in ten deals past the interest have a room: the first two members of each side, a system line, then lines from both sides.
			CREATE TEMP TABLE b_deal_room AS SELECT d.*, 2 + floor(random() * 7)::int AS lines FROM b_deal d WHERE d.reached >= 1 AND random() < 0.7;
			INSERT INTO "ChatRoom" (id, kind, "dealId", title, "createdById", "createdAt", "updatedAt")
			SELECT 'room-' || id, 'DEAL', id, 'Giao dịch ' || n, creator, created, created FROM b_deal_room ORDER BY created;
			INSERT INTO "ChatMember" (id, "roomId", "userId", source, "joinedAt")
			SELECT 'cmb-' || d.id || '-' || side || k, 'room-' || d.id, 'usr-' || (CASE side WHEN 'b' THEN d.buyer_idx ELSE d.seller_idx END) || '-' || k, 'DEAL_SIDE', d.created
			FROM b_deal_room d, unnest(ARRAY['b', 's']) side, generate_series(1, 2) k
			WHERE k <= (CASE side WHEN 'b' THEN d.buyer_members ELSE d.seller_members END);
			CREATE TEMP TABLE b_deal_line AS
			SELECT d.id AS deal_id, i, CASE WHEN i = 0 THEN NULL WHEN (i % 2 = 1) = (d.creator_side = 'buyer') THEN 'usr-' || d.seller_idx || '-1' ELSE 'usr-' || d.buyer_idx || '-1' END AS sender,
				d.created + ${DAY('d.gap * 0.8 * i / d.lines')} + ${HOUR('random() * 6')} AS at
			FROM b_deal_room d, generate_series(0, d.lines) i;
			DELETE FROM b_deal_line WHERE at > ${NOW} AND i > 0`,
		},
		{
			label: 'direct conversations',
			params: [v.rooms],
			sql: `
			-- Opened from an offer (50%: the recipient is a member of its organisation), a demand (20%) or elsewhere (30%: an expert, a match).
			CREATE TEMP TABLE b_room_src AS
			WITH s AS MATERIALIZED (
				SELECT g, random() AS r_ctx, random() AS r_pick, random() AS r_asker, random() AS r_am, random() AS r_rm, random() AS r_t, random() AS r_mix,
					random() AS r_ans, random() AS r_n, random() AS r_delay, random() AS r_slow
				FROM generate_series(1, ($1::int * 1.2)::int) g
			)
			SELECT s.*, 'offer' AS context_type, o.id AS context_id, o.pub + (${NOW} - o.pub) * s.r_t AS asked,
				ro.idx AS r_idx, CASE WHEN s.r_rm < 0.7 THEN 1 ELSE 1 + floor(s.r_rm * ro.members)::int END AS r_k, a.idx AS a_idx, 1 + floor(s.r_am * a.members)::int AS a_k
			FROM s JOIN b_pub_offer o ON o.n = 1 + floor(s.r_pick * (SELECT count(*) FROM b_pub_offer))::int JOIN b_org ro ON ro.id = o.org_id
			JOIN b_org_demand a ON a.rank = 1 + least((SELECT count(*) FROM b_org_demand) - 1, floor((SELECT count(*) FROM b_org_demand) * s.r_asker * s.r_asker))::int
			WHERE s.r_ctx < 0.5
			UNION ALL
			SELECT s.*, 'demand', d.id, d.pub + (${NOW} - d.pub) * s.r_t,
				ro.idx, CASE WHEN s.r_rm < 0.7 THEN 1 ELSE 1 + floor(s.r_rm * ro.members)::int END, a.idx, 1 + floor(s.r_am * a.members)::int
			FROM s JOIN b_pub_demand d ON d.n = 1 + floor(s.r_pick * (SELECT count(*) FROM b_pub_demand))::int JOIN b_org ro ON ro.id = d.org_id
			JOIN b_org_offer a ON a.rank = 1 + least((SELECT count(*) FROM b_org_offer) - 1, floor((SELECT count(*) FROM b_org_offer) * s.r_asker * s.r_asker))::int
			WHERE s.r_ctx >= 0.5 AND s.r_ctx < 0.7
			UNION ALL
			SELECT s.*, CASE WHEN s.r_ctx < 0.85 THEN 'expert' END, NULL, ${NOW} - ${DAY(AGE_DAYS('s.r_mix', 's.r_t'))},
				ro.idx, 1 + floor(s.r_rm * ro.members)::int, a.idx, 1 + floor(s.r_am * a.members)::int
			FROM s JOIN b_org ro ON ro.idx = 1 + least((SELECT count(*) FROM b_org) - 1, floor((SELECT count(*) FROM b_org) * s.r_pick * s.r_pick))::int
			JOIN b_org a ON a.idx = 1 + floor(s.r_asker * (SELECT count(*) FROM b_org))::int
			WHERE s.r_ctx >= 0.7;
			CREATE TEMP TABLE b_room AS
			SELECT row_number() OVER (ORDER BY g)::int AS n, x.* FROM (
				SELECT DISTINCT ON (direct_key) * FROM (
					SELECT r.*, 'usr-' || a_idx || '-' || a_k AS asker, 'usr-' || r_idx || '-' || r_k AS recipient,
						least('usr-' || a_idx || '-' || a_k, 'usr-' || r_idx || '-' || r_k) || '|' || greatest('usr-' || a_idx || '-' || a_k, 'usr-' || r_idx || '-' || r_k) AS direct_key,
						-- Six in ten are answered: after a few hours mostly, after days for one in ten.
						r_ans < 0.62 AS answered, ${HOUR('-ln(1 - r_delay * 0.999) * 8 * CASE WHEN r_slow < 0.1 THEN 12 ELSE 1 END')} AS delay
					FROM b_room_src r WHERE a_idx <> r_idx
				) y ORDER BY direct_key, g
			) x ORDER BY g LIMIT $1::int;
			INSERT INTO "ChatRoom" (id, kind, "directKey", title, "contextType", "contextId", "createdById", "createdAt", "updatedAt")
			SELECT 'dm-' || n, 'DIRECT', direct_key, 'Trao đổi ' || n, context_type, context_id, asker, asked, asked FROM b_room ORDER BY asked;
			INSERT INTO "ChatMember" (id, "roomId", "userId", source, "isOwner", "joinedAt")
			SELECT 'dmm-' || n || '-a', 'dm-' || n, asker, 'DIRECT'::"ChatMemberSource", true, asked FROM b_room
			UNION ALL SELECT 'dmm-' || n || '-r', 'dm-' || n, recipient, 'DIRECT', false, asked FROM b_room;
			CREATE TEMP TABLE b_direct_line AS
			SELECT r.n, i, CASE WHEN r.answered AND i % 2 = 0 THEN r.recipient ELSE r.asker END AS sender,
				CASE WHEN i = 1 THEN r.asked WHEN r.answered THEN r.asked + r.delay + ${HOUR('(i - 2) * random() * 5')} ELSE r.asked + ${HOUR('i * random() * 30')} END AS at
			FROM b_room r, generate_series(1, CASE WHEN r.answered THEN 2 + floor(r.r_n * 10)::int ELSE 1 + floor(r.r_n * 2)::int END) i;
			DELETE FROM b_direct_line WHERE at > ${NOW} AND i > 1`,
		},
		{
			label: 'chat messages',
			sql: `
			INSERT INTO "ChatMessage" (id, "roomId", seq, "clientMsgId", "senderId", kind, body, "createdAt")
			SELECT 'msg-' || room_id || '-' || i, room_id, row_number() OVER (PARTITION BY room_id ORDER BY at, i)::int, gen_random_uuid(), sender,
				(CASE WHEN sender IS NULL THEN 'SYSTEM' ELSE 'TEXT' END)::"ChatMessageKind",
				CASE WHEN sender IS NULL THEN '{"key":"chat.system.dealOpened"}' ELSE 'Xin chào, về ' || md5(room_id || i) END, at
			FROM (SELECT 'room-' || deal_id AS room_id, i, sender, at FROM b_deal_line UNION ALL SELECT 'dm-' || n, i, sender, at FROM b_direct_line) l ORDER BY at;
			UPDATE "ChatRoom" r SET "lastSeq" = m.seq, "lastMessageAt" = m.at FROM (SELECT "roomId", max(seq) AS seq, max("createdAt") AS at FROM "ChatMessage" GROUP BY 1) m
			WHERE m."roomId" = r.id`,
		},
		{
			label: 'task results',
			params: [KEYWORDS, null, null, v.taskResults, v.evidence],
			sql: `
			INSERT INTO "TaskResult" (id, "taskCode", "taskCodeKey", title, level, "managingAgency", "hostName", "hostOrganisationId", "provinceCode", "principalInvestigator",
				members, "startYear", "endYear", "fieldCodes", "fieldPaths", keywords, abstract, "applicationStatus", "registrationNumber", "registrationKey", source, "createdAt", "updatedAt")
			WITH s AS MATERIALIZED (
				SELECT g, random() AS r_host, random() AS r_org, random() AS r_prov, random() AS r_level, random() AS r_year, random() AS r_f1, random() AS r_f2, random() AS r_two,
					random() AS r_app, random() AS r_reg FROM generate_series(1, $4::int) g
			), t AS MATERIALIZED (
				SELECT s.*, o.id AS org_id, o.province AS org_province, o.idx AS org_idx,
					CASE WHEN s.r_two < 0.3 AND ${leaf('s.r_f2')} <> ${leaf('s.r_f1')} THEN ARRAY[${leaf('s.r_f1')}, ${leaf('s.r_f2')}] ELSE ARRAY[${leaf('s.r_f1')}] END AS fields,
					2008 + floor(s.r_year * 17)::int AS start_year
				FROM s JOIN b_org_offer o ON o.rank = 1 + least((SELECT count(*) FROM b_org_offer) - 1, floor((SELECT count(*) FROM b_org_offer) * s.r_org * s.r_org))::int
			)
			SELECT 'tr-' || lpad(g::text, 6, '0'), 'ĐT.' || g || '/' || start_year, 'dt' || g || start_year, 'Kết quả nhiệm vụ ' || g,
				(CASE WHEN r_level < 0.15 THEN 'NATIONAL' WHEN r_level < 0.35 THEN 'MINISTERIAL' WHEN r_level < 0.8 THEN 'PROVINCIAL' ELSE 'GRASSROOTS' END)::"TaskLevel",
				'Sở Khoa học và Công nghệ', 'Tổ chức ' || org_idx, CASE WHEN r_host < 0.6 THEN org_id END,
				CASE WHEN r_prov < 0.7 THEN org_province END, 'Chủ nhiệm ' || g, ARRAY['Thành viên A', 'Thành viên B'], start_year, start_year + 1 + g % 3,
				fields, bench_paths(fields), ${keywords('g')}, bench_text(g || 'a', 18),
				(enum_range(NULL::"ApplicationStatus"))[1 + floor(r_app * 5)::int], CASE WHEN r_reg < 0.7 THEN 'ĐK-' || g END, CASE WHEN r_reg < 0.7 THEN 'dk' || g END,
				'IMPORT', ${NOW} - interval '300 days', ${NOW} - interval '300 days'
			FROM t;
			CREATE TEMP TABLE b_all_offer AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM "Offer";
			CREATE UNIQUE INDEX ON b_all_offer (n);
			INSERT INTO "OfferTaskResult" ("offerId", "taskResultId", "createdAt", "updatedAt")
			SELECT DISTINCT ON (o.id, t) o.id, 'tr-' || lpad(t::text, 6, '0'), ${NOW}, ${NOW}
			FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM b_all_offer))::int AS on_, 1 + floor(random() * $4::int)::int AS t FROM generate_series(1, $5::int) OFFSET 0) x
			JOIN b_all_offer o ON o.n = x.on_
			ORDER BY o.id, t`,
		},
	]
}

async function seed(url: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query(`SET session_replication_role = replica`)
		await client.query(`SELECT setseed(0.2026)`)
		const { rows: leaves } = await client.query<{ code: string }>(
			`SELECT f.code FROM "ScienceField" f WHERE NOT EXISTS (SELECT 1 FROM "ScienceField" c WHERE c."parentCode" = f.code) ORDER BY f.code`,
		)
		const { rows: provinces } = await client.query<{ code: string }>(`SELECT code FROM "Province" ORDER BY code`)
		if (provinces.length !== 34) throw new Error(`expected the 34 provinces in the reference data, found ${provinces.length}`)
		const leafCodes = leaves.map((l) => l.code)
		const provinceCodes = provinces.map((p) => p.code)
		const started = performance.now()
		for (const step of seedSteps(VOLUME)) {
			const at = performance.now()
			// Statements with parameters run one at a time, each given only the parameters it names (renumbered);
			// a null in the list's second and third places stands for the field leaves and the provinces.
			const params = step.params?.map((p, i) => (p === null && i === 1 ? leafCodes : p === null && i === 2 ? provinceCodes : p))
			if (params) {
				for (const statement of splitStatements(step.sql)) {
					const used = [...new Set([...statement.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b)
					const text = statement.replace(/\$(\d+)/g, (_, d: string) => `$${used.indexOf(Number(d)) + 1}`)
					await client.query(text, used.map((i) => params[i - 1]))
				}
			} else await client.query(step.sql)
			log(`  ${step.label}: ${seconds(performance.now() - at)}`)
		}
		const inserted = performance.now() - started
		const at = performance.now()
		await client.query('VACUUM ANALYZE')
		log(`seeded in ${seconds(inserted)}, VACUUM ANALYZE in ${seconds(performance.now() - at)}`)
	} finally {
		await client.end()
	}
}

/** A step's SQL as separate statements, comments dropped (no string here holds a semicolon; the functions' $$ bodies are kept whole). */
function splitStatements(sql: string) {
	const out: string[] = []
	let current = ''
	let dollar = false
	const code = sql.replace(/^\s*--.*$/gm, '')
	for (const part of code.split(/(\$\$|;)/)) {
		if (part === '$$') dollar = !dollar
		if (part === ';' && !dollar) {
			if (current.trim()) out.push(current)
			current = ''
		} else current += part
	}
	if (current.trim()) out.push(current)
	return out
}

// ─── Measuring ───────────────────────────────────────────────────────────────

function median(values: number[]) {
	if (values.length === 0) return Number.NaN
	const s = [...values].sort((a, b) => a - b)
	const mid = (s.length - 1) / 2
	return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2
}

type Case = { key: string; label: string; run: () => Promise<unknown> }

/** Each case warm, one call at a time; each round starts one case further on, so no case always runs on the cache another just warmed. */
async function measure(cases: Case[], reps = REPS) {
	const samples = new Map(cases.map((c) => [c.key, [] as number[]]))
	for (let i = 0; i < WARMUP_REPS; i++) for (const c of cases) await c.run()
	for (let i = 0; i < reps; i++) {
		for (let k = 0; k < cases.length; k++) {
			const c = cases[(i + k) % cases.length]!
			const t = performance.now()
			await c.run()
			samples.get(c.key)!.push(performance.now() - t)
		}
	}
	return samples
}

function table(header: string[], lines: string[][], leftColumns = 1) {
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
	const format = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
	console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
	for (const line of lines) console.log(format(line))
}

const ms = (value: number) => (!Number.isFinite(value) ? '-' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))
const times = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`

// ─── Main ────────────────────────────────────────────────────────────────────

await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
await adminQuery(`CREATE DATABASE "${DATABASE}"`)
const url = withDatabase(admin, DATABASE)
process.env.DATABASE_URL = url
process.env.LOG_LEVEL = 'warn'

let dropped = false
async function dropDatabase() {
	if (dropped) return
	dropped = true
	if (KEEP) {
		log(`--keep: the database stays at ${url}; drop it with DROP DATABASE "${DATABASE}"`)
		return
	}
	await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`).catch((error: unknown) => console.error('[bench] dropping the database failed', error))
}
process.once('SIGINT', () => void dropDatabase().then(() => process.exit(130)))

const { migrate } = await import('../app/utils/migrate.server.ts')
const { prisma, disconnectPrisma } = await import('../app/utils/db.server.ts')
const { PrismaClient } = await import('../app/generated/prisma/client.ts')
const { PrismaPg } = await import('@prisma/adapter-pg')
const { buildFigure, buildFigures, OPERATOR_FIGURES } = await import('../app/stats/figures.server.ts')
const { parseStatsFilters } = await import('../app/stats/filters.ts')
const { organisationSignals } = await import('../app/stats/signals.server.ts')
const { renderChartSvg } = await import('../app/stats/chart.server.ts')
const { statsPageData } = await import('../app/stats/page.server.ts')
const { listingListLoader } = await import('../app/listings/list.server.ts')
const { RouterContextProvider } = await import('react-router')
const { i18nextMiddleware } = await import('../app/middleware/i18next.server.ts')

const started = performance.now()
let failed = false
const client = new pg.Client({ connectionString: url })
// Dropping the database at the end (WITH FORCE) ends this session from the server's side.
client.on('error', () => {})
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')
try {
	log(
		`scale ${SCALE}: ${Object.entries(VOLUME).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}; ${REPS} measured runs after ${WARMUP_REPS} warm-up; ` +
			`${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${load()}`,
	)
	await migrate(url, { log: () => {} })
	await client.connect()
	const { rows: settings } = await client.query<{ name: string; setting: string; unit: string | null }>(
		`SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'effective_cache_size', 'random_page_cost') ORDER BY name`,
	)
	log(`PostgreSQL: ${settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', ')}`)

	await seed(url)

	// ─── What was seeded ───
	const { rows: counts } = await client.query<{ name: string; rows: string; size: string }>(`
		SELECT c.relname AS name, c.reltuples::bigint::text AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
		FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
		WHERE ns.nspname = 'public' AND c.relkind = 'r' AND c.relname IN ('Organisation', 'User', 'Membership', 'Offer', 'Demand', 'Match', 'Deal', 'DealEvent',
			'DealAgreement', 'DealMilestone', 'Payment', 'ChatRoom', 'ChatMember', 'ChatMessage', 'TaskResult', 'OfferTaskResult')
		ORDER BY c.relname`)
	log(`rows (with indexes): ${counts.map((c) => `${c.name} ${Number(c.rows).toLocaleString('en')} (${c.size})`).join(', ')}`)

	const national = parseStatsFilters(new URLSearchParams())
	const province: StatsFilters = { ...national, province: PROVINCE }
	const field: StatsFilters = { ...national, field: FIELD }
	const { rows: shape } = await client.query<Record<string, string>>(
		`SELECT
			(SELECT count(*) FROM "Offer" WHERE status = 'PUBLISHED')::text AS published_offers,
			(SELECT count(*) FROM "Offer" WHERE "publishedAt" >= $1::timestamptz AT TIME ZONE 'UTC')::text AS offers_in_period,
			(SELECT count(*) FROM "Demand" WHERE "publishedAt" >= $1::timestamptz AT TIME ZONE 'UTC')::text AS demands_in_period,
			(SELECT count(*) FROM "Deal" WHERE "createdAt" >= $1::timestamptz AT TIME ZONE 'UTC')::text AS deals_in_period,
			(SELECT count(*) FROM "ChatRoom" WHERE kind = 'DIRECT' AND "createdAt" >= $1::timestamptz AT TIME ZONE 'UTC')::text AS rooms_in_period,
			(SELECT round(avg(((SELECT count(*) FROM "ChatMessage" m WHERE m."roomId" = r.id AND m.seq > 1 AND m."senderId" <> r."createdById") > 0)::int)::numeric, 2)
				FROM "ChatRoom" r WHERE r.kind = 'DIRECT')::text AS rooms_answered,
			(SELECT string_agg(stage || ' ' || c, ', ' ORDER BY stage) FROM (SELECT stage, count(*) AS c FROM "Deal" GROUP BY 1) s) AS deal_stages`,
		[(await import('../app/stats/queries.server.ts')).periodRange(national).start.toISOString()],
	)
	log(`floor: ${Object.entries(shape[0]!).map(([k, v]) => `${k} ${v}`).join('; ')}`)

	const { rows: busy } = await client.query<{ id: string; deals: string; rooms: string }>(`
		SELECT o.id, (SELECT count(*) FROM "Deal" d WHERE d."buyerOrgId" = o.id OR d."sellerOrgId" = o.id)::text AS deals,
			(SELECT count(*) FROM "ChatRoom" r WHERE r.kind = 'DIRECT' AND (r."contextId" IN (SELECT id FROM "Offer" WHERE "organisationId" = o.id UNION ALL SELECT id FROM "Demand" WHERE "organisationId" = o.id)))::text AS rooms
		FROM "Organisation" o ORDER BY (SELECT count(*) FROM "Deal" d WHERE d."buyerOrgId" = o.id OR d."sellerOrgId" = o.id) DESC, o.id LIMIT 1`)
	const busiest = busy[0]!
	const signals = await organisationSignals(busiest.id)
	log(
		`busiest organisation ${busiest.id}: ${busiest.deals} deals, ${busiest.rooms} conversations opened from its listings; ` +
			`last 12 months: ${signals.received} enquiries received, ${signals.answered} answered`,
	)

	// ─── The loaders ───
	const ORIGIN = 'http://localhost'
	/** A request with the context the i18n middleware made for it, as the app builds them (not timed). */
	async function requestWithContext(path: string) {
		const request = new Request(`${ORIGIN}${path}`, { headers: { 'accept-language': 'vi' } })
		const context = new RouterContextProvider()
		await i18nextMiddleware({ request, context, params: {}, unstable_pattern: '' } as never, async () => new Response())
		return { request, context }
	}
	const offersPage = await requestWithContext('/offers')
	const publicStats = await requestWithContext('/stats')
	const operatorStats = await requestWithContext('/operator/stats')
	const provinceStats = await requestWithContext(`/operator/stats?province=${PROVINCE}`)

	// The first drawing in the process, before any page has drawn one (Vega's code not yet run).
	const tables = await buildFigures('operator', national, 'vi')
	const drawAll = (list: StatTable[]) => Promise.all(list.map((t) => renderChartSvg(t, 'vi')))
	// The cache is keyed by the table's digest: relabelling the category column (an axis without a title, so the drawing is the same) makes a table it has not drawn.
	const fresh = (run: number) =>
		tables.map((t) => ({ ...t, columns: t.columns.map((c) => (t.chart && c.key === t.chart.x ? { ...c, label: `${c.label} #${run}` } : c)) }))
	let at = performance.now()
	const drawnCold = await drawAll(fresh(-1))
	const coldMs = performance.now() - at
	const charts = drawnCold.filter((svg) => svg !== null).length

	const main: Case[] = [
		{ key: 'base', label: '/offers loader (baseline)', run: () => listingListLoader('offer', offersPage) },
		{ key: 'count', label: 'count(*) of published offers', run: () => prisma.$queryRaw`SELECT count(*) FROM "Offer" WHERE status = 'PUBLISHED'` },
		{ key: 'pub-nat', label: "buildFigures('public'), country", run: () => buildFigures('public', national, 'vi') },
		{ key: 'pub-prov', label: `buildFigures('public'), province ${PROVINCE}`, run: () => buildFigures('public', province, 'vi') },
		{ key: 'pub-field', label: `buildFigures('public'), field ${FIELD}`, run: () => buildFigures('public', field, 'vi') },
		{ key: 'op-nat', label: "buildFigures('operator'), country", run: () => buildFigures('operator', national, 'vi') },
		{ key: 'op-prov', label: `buildFigures('operator'), province ${PROVINCE}`, run: () => buildFigures('operator', province, 'vi') },
		{ key: 'op-field', label: `buildFigures('operator'), field ${FIELD}`, run: () => buildFigures('operator', field, 'vi') },
		{ key: 'page-pub', label: '/stats page data (statsPageData, public)', run: () => statsPageData(publicStats.request, publicStats.context, { audience: 'public', user: null, lockedProvince: null }) },
		{
			key: 'page-op',
			label: '/operator/stats page data (operator, country)',
			run: () => statsPageData(operatorStats.request, operatorStats.context, { audience: 'operator', user: null, lockedProvince: null }),
		},
		{
			key: 'page-prov',
			label: `/operator/stats page data (provincial operator, ${PROVINCE})`,
			run: () => statsPageData(provinceStats.request, provinceStats.context, { audience: 'operator', user: null, lockedProvince: PROVINCE }),
		},
		{ key: 'signals', label: `organisationSignals (busiest organisation)`, run: () => organisationSignals(busiest.id) },
	]
	at = performance.now()
	const mainSamples = await measure(main)
	log(`measured ${main.length} calls × ${REPS} in ${seconds(performance.now() - at)}, load ${load()}`)
	const base = median(mainSamples.get('base')!)

	// ─── Each operator figure alone ───
	const scopes = [
		{ key: 'nat', label: 'country', filters: national },
		{ key: 'prov', label: `province ${PROVINCE}`, filters: province },
		{ key: 'field', label: `field ${FIELD}`, filters: field },
	]
	const figureCases: Case[] = OPERATOR_FIGURES.flatMap((id) => scopes.map((s) => ({ key: `${id}:${s.key}`, label: id, run: () => buildFigure(id, s.filters, 'vi') })))
	at = performance.now()
	const figureSamples = await measure(figureCases)
	log(`measured ${figureCases.length} figure × scope calls × ${REPS} in ${seconds(performance.now() - at)}, load ${load()}`)

	// ─── Charts ───
	const chartSamples = { first: [] as number[], cached: [] as number[] }
	for (let i = 0; i < WARMUP_REPS + REPS; i++) {
		const variant = fresh(i)
		let t = performance.now()
		await drawAll(variant)
		const first = performance.now() - t
		t = performance.now()
		await drawAll(variant)
		const cached = performance.now() - t
		if (i >= WARMUP_REPS) {
			chartSamples.first.push(first)
			chartSamples.cached.push(cached)
		}
	}

	// ─── Report ───
	console.log(`\n### Loaders and figures (ms, median of ${REPS}; ratio = median ÷ the /offers loader's median, same run)`)
	table(
		['what', 'median ms', 'min ms', 'max ms', '× /offers'],
		main.map((c) => {
			const s = mainSamples.get(c.key)!
			return [c.label, ms(median(s)), ms(Math.min(...s)), ms(Math.max(...s)), times(median(s) / base)]
		}),
	)
	const figureRows = OPERATOR_FIGURES.map((id) => ({ id, medians: scopes.map((s) => median(figureSamples.get(`${id}:${s.key}`)!)) }))
	console.log(`\n### Each operator figure alone (buildFigure, ms, median of ${REPS}; ratio to the /offers loader)`)
	table(
		['figure', ...scopes.flatMap((s) => [`${s.label} ms`, '×'])],
		figureRows.map((r) => [r.id, ...r.medians.flatMap((m) => [ms(m), Number.isFinite(m) ? times(m / base) : '-'])]),
	)
	const sums = scopes.map((_, i) => figureRows.reduce((sum, r) => sum + (r.medians[i] ?? 0), 0))
	console.log(`sum of the figures alone: ${scopes.map((s, i) => `${s.label} ${ms(sums[i]!)} ms`).join(', ')} (buildFigures runs them concurrently on the pool)`)
	console.log(`\n### Charts: all ${charts} operator charts of the country (renderChartSvg, Vega-Lite to SVG, ms)`)
	table(
		['draw', 'median ms', 'per chart ms', '× /offers'],
		[
			['first in the process (code cold)', ms(coldMs), ms(coldMs / charts), times(coldMs / base)],
			['first draw of a table (warm)', ms(median(chartSamples.first)), ms(median(chartSamples.first) / charts), times(median(chartSamples.first) / base)],
			['cached (same tables again)', ms(median(chartSamples.cached)), ms(median(chartSamples.cached) / charts), times(median(chartSamples.cached) / base)],
		],
	)

	// ─── Why the slow figures are slow ───
	// The app's client, swapped for one that reports its statements (same pool size), to capture each figure's SQL.
	await disconnectPrisma()
	const captured: Array<{ query: string; params: unknown[] }> = []
	const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: 'event', level: 'query' }] })
	logging.$on('query', (e: Prisma.QueryEvent) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }))
	const store = globalThis as { __caunoiPrisma?: unknown }
	store.__caunoiPrisma = { url, client: logging }
	const statements: Array<{ figure: FigureId; query: string; params: unknown[] }> = []
	for (const id of OPERATOR_FIGURES) {
		captured.length = 0
		await buildFigure(id, national, 'vi')
		// Only the figures' reads: the app wraps each in a transaction that sets `jit = off` (BEGIN, SET LOCAL, COMMIT are captured too).
		for (const c of captured) if (/^\s*(SELECT|WITH)\b/i.test(c.query)) statements.push({ figure: id, ...c })
	}
	await logging.$disconnect()
	store.__caunoiPrisma = undefined

	type Explained = { executionMs: number; jitMs: number; cost: number; plan: PlanNode; text: string[] }
	/** One statement explained with the server's JIT setting (`default`) or with JIT off for the session. */
	async function explain(query: string, params: unknown[], jit: 'default' | 'off', text = false): Promise<Explained> {
		await client.query(jit === 'off' ? 'SET jit = off' : 'RESET jit')
		type Json = { Plan: PlanNode & { 'Total Cost': number }; 'Execution Time': number; JIT?: { Timing: { Total: number } } }
		const { rows } = await client.query<{ 'QUERY PLAN': Json[] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`, params)
		const top = rows[0]!['QUERY PLAN'][0]!
		const lines = text ? (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params)).rows.map((r) => r['QUERY PLAN']) : []
		await client.query('RESET jit')
		return { executionMs: top['Execution Time'], jitMs: top.JIT?.Timing.Total ?? 0, cost: top.Plan['Total Cost'], plan: top.Plan, text: lines }
	}
	const jitSetting = (await client.query<{ jit: string; jit_above_cost: string }>(`SELECT current_setting('jit') AS jit, current_setting('jit_above_cost') AS jit_above_cost`)).rows[0]!
	const perStatement: Array<(typeof statements)[number] & { on: Explained; off: Explained }> = []
	for (const st of statements) {
		// Each setting twice, the second kept: the first may read pages the other left out of the cache.
		await explain(st.query, st.params, 'default')
		const on = await explain(st.query, st.params, 'default')
		await explain(st.query, st.params, 'off')
		const off = await explain(st.query, st.params, 'off')
		perStatement.push({ ...st, on, off })
	}
	console.log(
		`\n### The operator figures' statements, country: EXPLAIN ANALYZE with the server's settings (jit=${jitSetting.jit}, jit_above_cost=${jitSetting.jit_above_cost}) and with jit = off`,
	)
	table(
		['figure', 'statements', 'execution ms', 'of which JIT ms', 'jit = off ms', 'largest planner cost'],
		OPERATOR_FIGURES.map((id) => {
			const list = perStatement.filter((x) => x.figure === id)
			const sum = (f: (x: (typeof list)[number]) => number) => list.reduce((total, x) => total + f(x), 0)
			return [id, String(list.length), ms(sum((x) => x.on.executionMs)), ms(sum((x) => x.on.jitMs)), ms(sum((x) => x.off.executionMs)), Math.round(Math.max(...list.map((x) => x.on.cost))).toLocaleString('en')]
		}),
	)

	const slowest = [...figureRows].sort((a, b) => b.medians[0]! - a.medians[0]!)[0]!
	const byTime = [...perStatement].sort((a, b) => b.on.executionMs - a.on.executionMs)
	const worst = byTime.find((x) => x.figure === slowest.id) ?? byTime[0]!
	const worstPlan = await explain(worst.query, worst.params, 'default', true)
	console.log(`\n### EXPLAIN (ANALYZE, BUFFERS): the slowest figure, ${slowest.id} (country, ${ms(slowest.medians[0]!)} ms alone), its slowest statement`)
	console.log(`${worst.query.replace(/\s+/g, ' ').trim()}\n  params: ${JSON.stringify(worst.params)}`)
	for (const line of worstPlan.text) console.log(`  ${line}`)
	const worstOff = await explain(worst.query, worst.params, 'off')
	console.log(`\nWith jit = off: ${ms(worstOff.executionMs)} ms. Where that time goes (own time of each node, summed over its loops):`)
	for (const node of selfTimes(worstOff.plan).slice(0, 10)) console.log(`  ${ms(node.self).padStart(8)} ms  ${node.label} (${node.rows.toLocaleString('en')} rows, ${node.loops.toLocaleString('en')} loops)`)

	// ─── Candidate indexes, tried and rolled back ───
	const CANDIDATES: Array<{ name: string; sql: string }> = [
		{ name: 'ChatMessage (roomId, senderId, seq)', sql: `CREATE INDEX bench_msg_sender ON "ChatMessage" ("roomId", "senderId", seq)` },
		{ name: "ChatMessage (roomId, seq) WHERE kind = 'TEXT'", sql: `CREATE INDEX bench_msg_text ON "ChatMessage" ("roomId", seq) WHERE kind = 'TEXT'` },
		{ name: 'ChatRoom (kind, createdAt)', sql: `CREATE INDEX bench_room_created ON "ChatRoom" (kind, "createdAt")` },
		{ name: 'Membership (userId, status, createdAt)', sql: `CREATE INDEX bench_membership_first ON "Membership" ("userId", status, "createdAt")` },
		{ name: 'DealEvent (dealId, toStage, createdAt)', sql: `CREATE INDEX bench_event_stage ON "DealEvent" ("dealId", "toStage", "createdAt")` },
		{ name: 'Deal (createdAt)', sql: `CREATE INDEX bench_deal_created ON "Deal" ("createdAt")` },
	]
	// The slowest statements of the two slowest figures.
	const targets = byTime.filter((x, i) => byTime.findIndex((y) => y.figure === x.figure) === i).slice(0, 2)
	const timeStatement = async (st: (typeof targets)[number], jit: 'default' | 'off') => {
		const runs: number[] = []
		for (let i = 0; i < 3; i++) runs.push((await explain(st.query, st.params, jit)).executionMs)
		return median(runs)
	}
	const without = await Promise.all(targets.map(async (t) => ({ on: await timeStatement(t, 'default'), off: await timeStatement(t, 'off') })))
	const tried: Array<{ name: string; results: Array<{ on: number; off: number; used: boolean }> }> = []
	for (const candidate of [...CANDIDATES.map((c) => [c]), CANDIDATES]) {
		await client.query('BEGIN')
		try {
			for (const c of candidate) await client.query(c.sql)
			await client.query('ANALYZE "ChatMessage", "ChatRoom", "Membership", "DealEvent", "Deal"')
			const results = []
			for (const t of targets) {
				const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${t.query}`, t.params)
				results.push({ on: await timeStatement(t, 'default'), off: await timeStatement(t, 'off'), used: rows.some((r) => r['QUERY PLAN'].includes('bench_')) })
			}
			tried.push({ name: candidate.length > 1 ? 'all of them' : candidate[0]!.name, results })
		} finally {
			await client.query('ROLLBACK')
		}
	}
	console.log(`\n### Candidate indexes (each created in a transaction, ANALYZEd, the statement timed by EXPLAIN ANALYZE ×3, rolled back; ms, jit as configured / jit = off)`)
	table(
		['index', ...targets.flatMap((t) => [`${t.figure} ms`, 'jit = off ms', 'used'])],
		[
			['(none: the migrations as they are)', ...without.flatMap((w) => [ms(w.on), ms(w.off), '-'])],
			...tried.map((t) => [t.name, ...t.results.flatMap((r) => [ms(r.on), ms(r.off), r.used ? 'yes' : 'no'])]),
		],
	)

	// ─── The loaders again: JIT off, the most useful candidate index, both (settings and a scratch index, no migration) ───
	const againCases = main.filter((c) => ['base', 'pub-nat', 'op-nat', 'op-prov', 'op-field', 'page-op', 'signals'].includes(c.key))
	const best = tried
		.filter((t) => t.name !== 'all of them')
		.map((t) => ({ ...t, gain: t.results.reduce((sum, r, i) => sum + (without[i]!.on - r.on), 0) }))
		.sort((a, b) => b.gain - a.gain)[0]
	const bestIndex = best && best.gain > 0 ? CANDIDATES.find((c) => c.name === best.name) : undefined
	/** Measures againCases on a fresh pool, with the database's jit setting as given. */
	async function measureAgain(label: string, jit: 'default' | 'off') {
		await disconnectPrisma()
		await client.query(jit === 'off' ? `ALTER DATABASE "${DATABASE}" SET jit = off` : `ALTER DATABASE "${DATABASE}" RESET jit`)
		const t = performance.now()
		const samples = await measure(againCases)
		log(`measured ${againCases.length} calls × ${REPS} (${label}) in ${seconds(performance.now() - t)}, load ${load()}`)
		await disconnectPrisma()
		await client.query(`ALTER DATABASE "${DATABASE}" RESET jit`)
		return samples
	}
	const phases: Array<{ label: string; samples: Map<string, number[]> }> = [{ label: 'as configured', samples: mainSamples }]
	phases.push({ label: 'jit = off', samples: await measureAgain('jit = off', 'off') })
	if (bestIndex) {
		await client.query(bestIndex.sql)
		await client.query('ANALYZE "ChatMessage", "ChatRoom", "Membership", "DealEvent", "Deal"')
		phases.push({ label: `+ index`, samples: await measureAgain(bestIndex.name, 'default') })
		phases.push({ label: `+ index, jit = off`, samples: await measureAgain(`${bestIndex.name}, jit = off`, 'off') })
	}
	console.log(
		`\n### The loaders again (ms, median of ${REPS}; × = ratio to the /offers loader measured in the same phase)` +
			(bestIndex ? `; index: ${bestIndex.name}, created in the scratch database only` : ''),
	)
	table(
		['what', ...phases.flatMap((ph) => [`${ph.label} ms`, '×'])],
		againCases.map((c) => [
			c.label,
			...phases.flatMap((ph) => {
				const value = median(ph.samples.get(c.key)!)
				return [ms(value), times(value / median(ph.samples.get('base')!))]
			}),
		]),
	)

	console.log(
		JSON.stringify({
			bench: 'stats',
			date: new Date().toISOString().slice(0, 10),
			cpus: os.cpus().length,
			scale: SCALE,
			reps: REPS,
			baselineMs: +base.toFixed(2),
			main: Object.fromEntries(main.map((c) => [c.key, { ms: +median(mainSamples.get(c.key)!).toFixed(2), ratio: +(median(mainSamples.get(c.key)!) / base).toFixed(2) }])),
			phases: phases.map((ph) => ({
				label: ph.label,
				loaders: Object.fromEntries(againCases.map((c) => [c.key, { ms: +median(ph.samples.get(c.key)!).toFixed(2), ratio: +(median(ph.samples.get(c.key)!) / median(ph.samples.get('base')!)).toFixed(2) }])),
			})),
			figures: Object.fromEntries(figureRows.map((r) => [r.id, Object.fromEntries(scopes.map((s, i) => [s.key, +r.medians[i]!.toFixed(2)]))])),
			charts: { count: charts, coldMs: +coldMs.toFixed(1), firstMs: +median(chartSamples.first).toFixed(1), cachedMs: +median(chartSamples.cached).toFixed(2) },
			slowest: { figure: slowest.id, executionMs: +worstPlan.executionMs.toFixed(1), jitMs: +worstPlan.jitMs.toFixed(1), jitOffMs: +worstOff.executionMs.toFixed(1) },
			indexes: tried.map((t) => ({ name: t.name, results: t.results.map((r, i) => ({ figure: targets[i]!.figure, on: +r.on.toFixed(1), off: +r.off.toFixed(1), used: r.used })) })),
		}),
	)
} catch (error) {
	failed = true
	console.error(error)
} finally {
	await client.end().catch(() => {})
	await disconnectPrisma().catch(() => {})
	await dropDatabase()
	log(`done in ${seconds(performance.now() - started)}`)
}
process.exit(failed ? 1 : 0)
