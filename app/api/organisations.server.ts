import type { OrganisationType, Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { notFound } from './errors.server'

/** What anyone may read about an organisation through the API (no verifier, no internal timestamps). */
export const publicOrganisationSelect = {
	id: true,
	slug: true,
	name: true,
	shortName: true,
	type: true,
	taxCode: true,
	address: true,
	website: true,
	email: true,
	phone: true,
	description: true,
	verifiedAt: true,
	createdAt: true,
	province: { select: { code: true, nameVi: true, nameEn: true } },
} satisfies Prisma.OrganisationSelect

type PublicRow = Prisma.OrganisationGetPayload<{ select: typeof publicOrganisationSelect }>

export function toPublicOrganisation(row: PublicRow) {
	return { ...row, verified: row.verifiedAt !== null }
}

export type PublicOrganisation = ReturnType<typeof toPublicOrganisation>

/** An organisation by id or, failing that, by slug; 404 otherwise. */
export async function requireOrganisation(idOrSlug: string | undefined) {
	if (!idOrSlug || idOrSlug.length > 100) throw notFound('api.errors.organisationUnknown')
	const row =
		(await prisma.organisation.findUnique({ where: { id: idOrSlug }, select: publicOrganisationSelect })) ??
		(await prisma.organisation.findUnique({ where: { slug: idOrSlug }, select: publicOrganisationSelect }))
	if (!row) throw notFound('api.errors.organisationUnknown')
	return toPublicOrganisation(row)
}

// Vietnamese letters with their base letter, for matching "vien cong nghe" with "Viện Công nghệ"
// without the unaccent extension (not installed everywhere): translate() is core Postgres.
const VIETNAMESE_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'

/** Lower case without diacritics: "Đà Nẵng" -> "da nang". */
export function foldDiacritics(value: string) {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
}

const FOLD_FROM = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toUpperCase()
const FOLD_TO = [...FOLD_FROM].map(foldDiacritics).join('')

function likePattern(text: string) {
	return `%${foldDiacritics(text).replace(/[\\%_]/g, '\\$&')}%`
}

export type OrganisationFilters = {
	type?: OrganisationType
	province?: string
	verified?: boolean
	q?: string
}

/** Ids of organisations whose name, short name or tax code contains the text, ignoring case and diacritics. */
async function idsMatching(q: string) {
	const pattern = likePattern(q)
	const rows = await prisma.$queryRaw<Array<{ id: string }>>`
		SELECT "id" FROM "Organisation"
		WHERE lower(translate("name", ${FOLD_FROM}, ${FOLD_TO})) LIKE ${pattern}
			OR lower(translate(coalesce("shortName", ''), ${FOLD_FROM}, ${FOLD_TO})) LIKE ${pattern}
			OR coalesce("taxCode", '') LIKE ${pattern}`
	return rows.map((row) => row.id)
}

/** A page of organisations matching the filters, by name. */
export async function listPublicOrganisations(filters: OrganisationFilters, page: { skip: number; take: number }) {
	const where: Prisma.OrganisationWhereInput = {
		...(filters.type ? { type: filters.type } : {}),
		...(filters.province ? { provinceCode: filters.province } : {}),
		...(filters.verified === undefined ? {} : { verifiedAt: filters.verified ? { not: null } : null }),
	}
	if (filters.q) where.id = { in: await idsMatching(filters.q) }
	const [rows, total] = await Promise.all([
		prisma.organisation.findMany({ where, select: publicOrganisationSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
		prisma.organisation.count({ where }),
	])
	return { items: rows.map(toPublicOrganisation), total }
}

/** The fields updateOrganisation needs in full, as stored now: a PATCH changes only what it names. */
export function organisationInputOf(organisationId: string) {
	return prisma.organisation.findUniqueOrThrow({
		where: { id: organisationId },
		select: {
			name: true,
			shortName: true,
			type: true,
			taxCode: true,
			provinceCode: true,
			address: true,
			website: true,
			email: true,
			phone: true,
			description: true,
		},
	})
}

/** One membership of the organisation, as the members endpoints show it; 404 when it is not there. */
export async function requireMember(organisationId: string, where: Prisma.MembershipWhereInput) {
	const member = await prisma.membership.findFirst({ where: { ...where, organisationId }, select: memberSelect })
	if (!member) throw notFound('api.errors.membershipUnknown')
	return member
}

export const memberSelect = {
	id: true,
	role: true,
	status: true,
	createdAt: true,
	user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MembershipSelect

export async function listMembers(organisationId: string, status: 'ACTIVE' | 'PENDING' | 'ALL', page: { skip: number; take: number }) {
	const where: Prisma.MembershipWhereInput = { organisationId, ...(status === 'ALL' ? {} : { status }) }
	const [items, total] = await Promise.all([
		prisma.membership.findMany({ where, select: memberSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
		prisma.membership.count({ where }),
	])
	return { items, total }
}
