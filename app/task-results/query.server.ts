/**
 * Reading registered task results: the filters of /task-results (and of the JSON API and the
 * exports, which share them), the list query and the public record. Read-only; writes live in
 * ~/models/task-result.server.
 */
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { COUNT_CAP, PAGE_SIZE } from '~/models/listing-query.server'
import { TASK_LEVELS } from '~/models/task-result-schema'
import { prisma } from '~/utils/db.server'

export { COUNT_CAP, PAGE_SIZE }

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined)
const year = z.coerce.number().int().min(1900).max(2200)

// A URL anyone can edit: values that do not parse are dropped, never answered with an error page.
export const TaskResultFiltersSchema = z.object({
	q: optional(z.string().trim().max(200)),
	field: optional(z.string().regex(/^\d{1,5}$/)),
	level: optional(z.enum(TASK_LEVELS)),
	yearFrom: optional(year),
	yearTo: optional(year),
	host: optional(z.string().trim().min(1).max(200)),
	organisation: optional(z.string().trim().regex(/^[\w-]{1,40}$/)),
	province: optional(z.string().regex(/^\d{2}$/)),
	hasOffer: optional(z.enum(['yes', 'no'])),
	sort: z.enum(['newest', 'oldest', 'title']).default('newest').catch('newest'),
	page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})

export type TaskResultFilters = z.infer<typeof TaskResultFiltersSchema>

/** Blank inputs (the form sends `yearFrom=`) mean "any"; a reversed year range is read the right way round. */
export function parseTaskResultFilters(search: URLSearchParams): TaskResultFilters {
	const filters = TaskResultFiltersSchema.parse(Object.fromEntries([...search].filter(([, value]) => value.trim() !== '')))
	return orderYears(filters)
}

export function orderYears<T extends { yearFrom?: number; yearTo?: number }>(filters: T): T {
	if (filters.yearFrom !== undefined && filters.yearTo !== undefined && filters.yearFrom > filters.yearTo) {
		return { ...filters, yearFrom: filters.yearTo, yearTo: filters.yearFrom }
	}
	return filters
}

/** The text of a search box as stored text is written: NFC, single spaces. */
export function searchText(q: string) {
	return q.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * Keywords are stored as written; an array has no case-insensitive "has", so a query matches the
 * spellings people use: as typed, lower case, and first letter upper case.
 */
export function keywordVariants(q: string) {
	const lower = q.toLocaleLowerCase('vi')
	return [...new Set([q, lower, lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)])]
}

/**
 * A task runs from startYear to endYear; it overlaps [from, to] when it neither ended before `from`
 * nor started after `to`. A task with one year known counts as that year; with none, it matches no
 * year range. Also used for the expert filter through their task participation.
 */
export function yearOverlap(from: number | undefined, to: number | undefined): Prisma.TaskResultWhereInput[] {
	const and: Prisma.TaskResultWhereInput[] = []
	if (from !== undefined) and.push({ OR: [{ endYear: { gte: from } }, { endYear: null, startYear: { gte: from } }] })
	if (to !== undefined) and.push({ OR: [{ startYear: { lte: to } }, { startYear: null, endYear: { lte: to } }] })
	return and
}

const publishedOffer = { offer: { status: 'PUBLISHED' } } as const

/** The Prisma where-clause for these filters (shared by the pages, the exports and the API). */
export function taskResultWhere(f: Omit<TaskResultFilters, 'sort' | 'page'> & Partial<Pick<TaskResultFilters, 'sort' | 'page'>>): Prisma.TaskResultWhereInput {
	const and: Prisma.TaskResultWhereInput[] = []
	if (f.q) {
		const q = searchText(f.q)
		and.push({
			OR: [
				{ title: { contains: q, mode: 'insensitive' } },
				{ taskCode: { contains: q, mode: 'insensitive' } },
				{ registrationNumber: { contains: q, mode: 'insensitive' } },
				{ keywords: { hasSome: keywordVariants(q) } },
			],
		})
	}
	// fieldPaths holds every chosen code with its ancestors: "4" finds results filed under "40501" (GIN index).
	if (f.field) and.push({ fieldPaths: { has: f.field } })
	if (f.level) and.push({ level: f.level })
	and.push(...yearOverlap(f.yearFrom, f.yearTo))
	if (f.host) and.push({ hostName: { contains: searchText(f.host), mode: 'insensitive' } })
	if (f.organisation) and.push({ hostOrganisationId: f.organisation })
	if (f.province) and.push({ provinceCode: f.province })
	// Only published offers are public: a result backed by a draft is still "not offered yet".
	if (f.hasOffer === 'yes') and.push({ offers: { some: publishedOffer } })
	if (f.hasOffer === 'no') and.push({ offers: { none: publishedOffer } })
	return and.length > 0 ? { AND: and } : {}
}

/** Orders ending in the id, so pages (and export chunks) never repeat or skip a row. */
export function taskResultOrderBy(sort: TaskResultFilters['sort']): Prisma.TaskResultOrderByWithRelationInput[] {
	switch (sort) {
		case 'oldest':
			return [{ endYear: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]
		case 'title':
			return [{ title: 'asc' }, { id: 'asc' }]
		default:
			// Served by the (endYear DESC, id) index.
			return [{ endYear: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }]
	}
}

/** What a card of the list shows. */
export const taskResultCardSelect = {
	id: true,
	taskCode: true,
	title: true,
	level: true,
	hostName: true,
	hostOrganisation: { select: { id: true, slug: true, name: true } },
	province: { select: { code: true, nameVi: true, nameEn: true } },
	principalInvestigator: true,
	startYear: true,
	endYear: true,
	fieldCodes: true,
	keywords: true,
	applicationStatus: true,
	registrationNumber: true,
	registrationDate: true,
	_count: { select: { offers: { where: publishedOffer }, experts: true } },
} satisfies Prisma.TaskResultSelect

/** One page of task results; the count stops at COUNT_CAP (`more` says there are more). */
export async function listTaskResults(filters: TaskResultFilters, { skip, take }: { skip?: number; take?: number } = {}) {
	const where = taskResultWhere(filters)
	const size = take ?? PAGE_SIZE
	const [count, items] = await Promise.all([
		prisma.taskResult.count({ where, take: COUNT_CAP + 1 }),
		prisma.taskResult.findMany({
			where,
			select: taskResultCardSelect,
			orderBy: taskResultOrderBy(filters.sort),
			skip: skip ?? (filters.page - 1) * size,
			take: size,
		}),
	])
	const total = Math.min(count, COUNT_CAP)
	return { total, more: count > COUNT_CAP, pages: Math.max(1, Math.ceil(total / size)), items }
}

export type TaskResultCard = Awaited<ReturnType<typeof listTaskResults>>['items'][number]

const taskResultDetailSelect = {
	id: true,
	taskCode: true,
	title: true,
	level: true,
	managingAgency: true,
	hostName: true,
	hostOrganisation: { select: { id: true, slug: true, name: true, website: true, email: true, phone: true, verifiedAt: true } },
	province: { select: { code: true, nameVi: true, nameEn: true } },
	principalInvestigator: true,
	members: true,
	startYear: true,
	endYear: true,
	fieldCodes: true,
	keywords: true,
	abstract: true,
	products: true,
	applicationStatus: true,
	registrationNumber: true,
	registrationDate: true,
	source: true,
	updatedAt: true,
	experts: {
		select: {
			role: true,
			expert: { select: { id: true, fullName: true, academicTitle: true, degree: true, organisationName: true } },
		},
		orderBy: [{ role: 'asc' }, { expert: { fullName: 'asc' } }],
	},
	offers: {
		where: publishedOffer,
		select: {
			offer: {
				select: { id: true, title: true, summary: true, trl: true, organisation: { select: { slug: true, name: true } } },
			},
		},
		orderBy: { offer: { publishedAt: 'desc' } },
	},
} satisfies Prisma.TaskResultSelect

/** The public record of a task result: host, province, linked experts with their roles and the published offers it backs; null when unknown. */
export async function getTaskResult(id: string) {
	if (!id || id.length > 40) return null
	return prisma.taskResult.findUnique({ where: { id }, select: taskResultDetailSelect })
}

export type TaskResultDetail = NonNullable<Awaited<ReturnType<typeof getTaskResult>>>
