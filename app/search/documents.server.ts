// What each entity looks like to search: the rows that are public, read straight from the tables
// (the source of truth), and a content hash of the searchable columns, computed by the same SQL
// for indexing and for reconcile, so drift is found exactly and nothing else is re-indexed.
import { prisma } from '~/utils/db.server'
import { documentId, type SearchDocument, type SearchType } from './types'

type Row = {
	entityId: string
	title: string
	subtitle: string | null
	summary: string | null
	keywords: string[] | null
	body: string | null
	fieldPaths: string[] | null
	provinceCode: string | null
	trl: number | null
	transferModes: string[] | null
	ipStatus: string | null
	price: bigint | null
	year: number | null
	publishedAt: Date | null
	version: string
}

const arr = (col: string) => `array_to_string(${col}, ' ')`

// One SELECT per type: the document's columns and `version`, from rows that may be shown publicly.
const SOURCES: Record<SearchType, string> = {
	offer: `
		SELECT o.id AS "entityId", o.title, concat_ws(' · ', org.name, org."shortName") AS subtitle, o.summary,
			o.keywords, o.description AS body, o."fieldPaths", o."provinceCode", o.trl,
			o."transferModes"::text[] AS "transferModes", o."ipStatus"::text AS "ipStatus", o."priceMin" AS price,
			extract(year FROM o."publishedAt")::int AS year, o."publishedAt",
			md5(concat_ws('|', o.title, o.summary, o.description, ${arr('o.keywords')}, ${arr('o."fieldPaths"')}, o."provinceCode", o.trl,
				${arr('o."transferModes"::text[]')}, o."ipStatus", o."priceMin", o."publishedAt", org.name, org."shortName")) AS version
		FROM "Offer" o JOIN "Organisation" org ON org.id = o."organisationId"
		WHERE o.status = 'PUBLISHED'`,
	demand: `
		SELECT d.id AS "entityId", d.title, concat_ws(' · ', org.name, org."shortName") AS subtitle, d.problem AS summary,
			d.keywords, d."desiredOutcome" AS body, d."fieldPaths", d."provinceCode", d."minTrl" AS trl,
			d."transferModes"::text[] AS "transferModes", NULL::text AS "ipStatus", d."budgetMin" AS price,
			extract(year FROM d."publishedAt")::int AS year, d."publishedAt",
			md5(concat_ws('|', d.title, d.problem, d."desiredOutcome", ${arr('d.keywords')}, ${arr('d."fieldPaths"')}, d."provinceCode", d."minTrl",
				${arr('d."transferModes"::text[]')}, d."budgetMin", d."publishedAt", org.name, org."shortName")) AS version
		FROM "Demand" d JOIN "Organisation" org ON org.id = d."organisationId"
		WHERE d.status = 'PUBLISHED'`,
	'task-result': `
		SELECT t.id AS "entityId", t.title, t."hostName" AS subtitle, t.abstract AS summary, t.keywords,
			concat_ws(' ', t."taskCode", t."managingAgency", t."principalInvestigator", ${arr('t.members')},
				(SELECT string_agg(p->>'description', ' ') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.products) = 'array' THEN t.products ELSE '[]'::jsonb END) p)) AS body,
			t."fieldPaths", t."provinceCode", NULL::int AS trl, '{}'::text[] AS "transferModes", NULL::text AS "ipStatus",
			NULL::bigint AS price, t."endYear" AS year, coalesce(t."registrationDate"::timestamp, t."createdAt") AS "publishedAt",
			md5(concat_ws('|', t.title, t."hostName", t.abstract, ${arr('t.keywords')}, t."taskCode", t."managingAgency", t."principalInvestigator",
				${arr('t.members')}, t.products::text, ${arr('t."fieldPaths"')}, t."provinceCode", t."endYear", t."registrationDate", t."createdAt")) AS version
		FROM "TaskResult" t
		WHERE true`,
	expert: `
		SELECT e.id AS "entityId", e."fullName" AS title, e."organisationName" AS subtitle, e.bio AS summary, e.keywords,
			pubs.titles AS body, e."fieldPaths", e."provinceCode", NULL::int AS trl, '{}'::text[] AS "transferModes",
			NULL::text AS "ipStatus", NULL::bigint AS price, NULL::int AS year, e."createdAt" AS "publishedAt",
			md5(concat_ws('|', e."fullName", e."organisationName", e.bio, ${arr('e.keywords')}, pubs.titles, ${arr('e."fieldPaths"')},
				e."provinceCode", e."createdAt")) AS version
		FROM "Expert" e
		LEFT JOIN LATERAL (
			SELECT string_agg(concat_ws(' ', p.title, p.venue, p.year), ' ' ORDER BY p.position, p.id) AS titles
			FROM "ExpertPublication" p WHERE p."expertId" = e.id
		) pubs ON true
		WHERE true`,
}

const ALIAS: Record<SearchType, string> = { offer: 'o', demand: 'd', 'task-result': 't', expert: 'e' }

function toDocument(type: SearchType, r: Row): SearchDocument {
	return {
		id: documentId(type, r.entityId),
		type,
		entityId: r.entityId,
		title: r.title,
		subtitle: r.subtitle ?? '',
		summary: r.summary ?? '',
		// Array columns written by raw SQL may be NULL.
		keywords: r.keywords ?? [],
		body: r.body ?? '',
		fieldPaths: r.fieldPaths ?? [],
		provinceCode: r.provinceCode,
		trl: r.trl,
		transferModes: r.transferModes ?? [],
		ipStatus: r.ipStatus,
		price: r.price,
		year: r.year,
		publishedAt: r.publishedAt,
		version: r.version,
	}
}

/** The documents of these entities that are public now; an id missing from the result must leave the index. */
export async function loadDocuments(type: SearchType, entityIds: string[]): Promise<SearchDocument[]> {
	if (entityIds.length === 0) return []
	const rows = await prisma.$queryRawUnsafe<Row[]>(`${SOURCES[type]} AND ${ALIAS[type]}.id = ANY($1::text[])`, entityIds)
	return rows.map((r) => toDocument(type, r))
}

/** Public entities in pages of ids (id order), for rebuilds. */
export async function* allDocuments(type: SearchType, batch = 500): AsyncGenerator<SearchDocument[]> {
	let after = ''
	for (;;) {
		const rows = await prisma.$queryRawUnsafe<Row[]>(
			`${SOURCES[type]} AND ${ALIAS[type]}.id > $1 ORDER BY ${ALIAS[type]}.id LIMIT ${Number(batch)}`,
			after,
		)
		if (rows.length === 0) return
		yield rows.map((r) => toDocument(type, r))
		after = rows.at(-1)!.entityId
	}
}

/** Public entities to index, by type. */
export async function countDocuments(): Promise<Record<SearchType, number>> {
	const out = {} as Record<SearchType, number>
	for (const type of Object.keys(SOURCES) as SearchType[]) {
		const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM (${SOURCES[type]}) s`)
		out[type] = Number(row?.n ?? 0)
	}
	return out
}

/** Every public document id with the version it should have in the index. */
export async function expectedVersions(): Promise<Map<string, string>> {
	const out = new Map<string, string>()
	for (const type of Object.keys(SOURCES) as SearchType[]) {
		const rows = await prisma.$queryRawUnsafe<Array<{ entityId: string; version: string }>>(
			`SELECT "entityId", version FROM (${SOURCES[type]}) s`,
		)
		for (const r of rows) out.set(documentId(type, r.entityId), r.version)
	}
	return out
}

