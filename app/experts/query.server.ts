/**
 * Reading the expert directory: the filters of /experts (shared by the JSON API and the exports),
 * the list query and the public profile. Read-only; writes live in ~/models/expert.server.
 *
 * An expert's e-mail is never part of what these return: it is the address a claim is proven with,
 * not a public contact. `maskEmail` gives the hint a claim page may show.
 */
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { ACADEMIC_TITLES, DEGREES } from '~/models/expert-schema'
import { TASK_LEVELS } from '~/models/task-result-schema'
import { COUNT_CAP, keywordVariants, orderYears, PAGE_SIZE, searchText, yearOverlap } from '~/task-results/query.server'
import { prisma } from '~/utils/db.server'
import { maskEmail } from '~/utils/text'

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined)
const year = z.coerce.number().int().min(1900).max(2200)

// A URL anyone can edit: values that do not parse are dropped, never answered with an error page.
export const ExpertFiltersSchema = z.object({
	q: optional(z.string().trim().max(200)),
	field: optional(z.string().regex(/^\d{1,5}$/)),
	province: optional(z.string().regex(/^\d{2}$/)),
	organisation: optional(z.string().trim().regex(/^[\w-]{1,40}$/)),
	organisationName: optional(z.string().trim().min(1).max(200)),
	title: optional(z.enum(ACADEMIC_TITLES)),
	degree: optional(z.enum(DEGREES)),
	available: optional(z.enum(['appraisal', 'consulting'])),
	level: optional(z.enum(TASK_LEVELS)),
	yearFrom: optional(year),
	yearTo: optional(year),
	sort: z.enum(['name', 'newest']).default('name').catch('name'),
	page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})

export type ExpertFilters = z.infer<typeof ExpertFiltersSchema>

/** The filters in a URL; blank inputs mean "any", a reversed year range is read the right way round. */
export function parseExpertFilters(search: URLSearchParams): ExpertFilters {
	return orderYears(ExpertFiltersSchema.parse(Object.fromEntries([...search].filter(([, value]) => value.trim() !== ''))))
}

/** The Prisma where-clause for these filters (shared by the pages, the exports and the API). */
export function expertWhere(f: Omit<ExpertFilters, 'sort' | 'page'> & Partial<Pick<ExpertFilters, 'sort' | 'page'>>): Prisma.ExpertWhereInput {
	const and: Prisma.ExpertWhereInput[] = []
	if (f.q) {
		const q = searchText(f.q)
		and.push({
			OR: [
				{ fullName: { contains: q, mode: 'insensitive' } },
				{ keywords: { hasSome: keywordVariants(q) } },
				{ organisationName: { contains: q, mode: 'insensitive' } },
			],
		})
	}
	if (f.field) and.push({ fieldPaths: { has: f.field } })
	if (f.province) and.push({ provinceCode: f.province })
	if (f.organisation) and.push({ organisationId: f.organisation })
	if (f.organisationName) and.push({ organisationName: { contains: searchText(f.organisationName), mode: 'insensitive' } })
	if (f.title) and.push({ academicTitle: f.title })
	if (f.degree) and.push({ degree: f.degree })
	if (f.available === 'appraisal') and.push({ availableForAppraisal: true })
	if (f.available === 'consulting') and.push({ availableForConsulting: true })
	// Level and years go through one task: an expert of a national task in 2010 and a provincial one in 2022 is not "national, 2020-2024".
	const task: Prisma.TaskResultWhereInput[] = [...(f.level ? [{ level: f.level }] : []), ...yearOverlap(f.yearFrom, f.yearTo)]
	if (task.length > 0) and.push({ tasks: { some: { taskResult: { AND: task } } } })
	return and.length > 0 ? { AND: and } : {}
}

export function expertOrderBy(sort: ExpertFilters['sort']): Prisma.ExpertOrderByWithRelationInput[] {
	return sort === 'newest' ? [{ createdAt: 'desc' }, { id: 'desc' }] : [{ fullName: 'asc' }, { id: 'asc' }]
}

/** What a card of the list shows (never the e-mail). */
export const expertCardSelect = {
	id: true,
	fullName: true,
	academicTitle: true,
	degree: true,
	organisationName: true,
	organisation: { select: { id: true, slug: true, name: true } },
	province: { select: { code: true, nameVi: true, nameEn: true } },
	fieldCodes: true,
	keywords: true,
	availableForAppraisal: true,
	availableForConsulting: true,
	claimedAt: true,
	_count: { select: { tasks: true, publications: true } },
} satisfies Prisma.ExpertSelect

/** One page of experts; the count stops at COUNT_CAP (`more` says there are more). */
export async function listExperts(filters: ExpertFilters, { skip, take }: { skip?: number; take?: number } = {}) {
	const where = expertWhere(filters)
	const size = take ?? PAGE_SIZE
	const [count, items] = await Promise.all([
		prisma.expert.count({ where, take: COUNT_CAP + 1 }),
		prisma.expert.findMany({ where, select: expertCardSelect, orderBy: expertOrderBy(filters.sort), skip: skip ?? (filters.page - 1) * size, take: size }),
	])
	const total = Math.min(count, COUNT_CAP)
	return { total, more: count > COUNT_CAP, pages: Math.max(1, Math.ceil(total / size)), items }
}

export type ExpertCard = Awaited<ReturnType<typeof listExperts>>['items'][number]

const expertDetailSelect = {
	id: true,
	fullName: true,
	academicTitle: true,
	degree: true,
	organisationName: true,
	organisation: { select: { id: true, slug: true, name: true, verifiedAt: true } },
	province: { select: { code: true, nameVi: true, nameEn: true } },
	fieldCodes: true,
	keywords: true,
	bio: true,
	availableForAppraisal: true,
	availableForConsulting: true,
	availabilityNote: true,
	claimedAt: true,
	source: true,
	updatedAt: true,
	publications: { select: { id: true, title: true, year: true, venue: true }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
	tasks: {
		select: {
			role: true,
			taskResult: {
				select: {
					id: true,
					taskCode: true,
					title: true,
					level: true,
					hostName: true,
					startYear: true,
					endYear: true,
					fieldCodes: true,
					keywords: true,
					registrationNumber: true,
				},
			},
		},
		// Ongoing tasks (no end year yet) first, then the most recently ended.
		orderBy: [{ taskResult: { endYear: { sort: 'desc', nulls: 'first' } } }, { taskResult: { id: 'desc' } }],
	},
} satisfies Prisma.ExpertSelect

/**
 * The public profile: publications in their order, task participation with the task results,
 * the organisation. No e-mail; `emailHint` is the masked address ("n•••@vnu.edu.vn") a claim
 * would be sent to, or null when there is none.
 */
export async function getExpert(id: string) {
	if (!id || id.length > 40) return null
	const [expert, email] = await Promise.all([
		prisma.expert.findUnique({ where: { id }, select: expertDetailSelect }),
		prisma.expert.findUnique({ where: { id }, select: { email: true } }),
	])
	if (!expert) return null
	return { ...expert, emailHint: email?.email ? maskEmail(email.email) : null }
}

export type ExpertDetail = NonNullable<Awaited<ReturnType<typeof getExpert>>>

