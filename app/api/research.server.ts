// The JSON API of registered task results and the expert directory: public lists and records
// (/api/v1/task-results, /api/v1/experts). The queries are the pages' own (app/task-results,
// app/experts); this module checks the query strictly and shapes the JSON. Bulk writes are in
// research-bulk.server.ts.
import { z } from 'zod'
import { expertCardSelect, expertWhere, getExpert, type ExpertCard, type ExpertDetail, type ExpertFilters } from '~/experts/query.server'
import { ACADEMIC_TITLES, DEGREES } from '~/models/expert-schema'
import { TASK_LEVELS } from '~/models/task-result-schema'
import {
	COUNT_CAP,
	getTaskResult,
	taskResultCardSelect,
	taskResultWhere,
	type TaskResultCard,
	type TaskResultDetail,
	type TaskResultFilters,
} from '~/task-results/query.server'
import { prisma } from '~/utils/db.server'
import { msg } from '~/utils/validation'
import { getApiPrincipal, operatorActorId } from './auth.server'
import { notFound } from './errors.server'
import { apiRoute } from './handler.server'
import {
	cursorPaged,
	keysetAfter,
	keysetOrderBy,
	paged,
	readListPaging,
	updatedSinceQuery,
	type KeysetOrder,
	type ListPaging,
} from './pagination.server'
import { revalidatedJson, spendPublicRead } from './responses.server'
import { commonListQueryFields, parseQuery } from './validation.server'

// ---------------------------------------------------------------------------------------------
// Query schemas. The pages drop a filter that does not parse; the API answers it with a 400 naming
// the parameter, so an integration's typo does not silently widen its results.
// ---------------------------------------------------------------------------------------------

export const YEAR_RANGE = { min: 1900, max: 2200 } as const

const yearQuery = z.coerce
	.number({ error: msg('api.research.year', YEAR_RANGE) })
	.int(msg('api.research.year', YEAR_RANGE))
	.min(YEAR_RANGE.min, msg('api.research.year', YEAR_RANGE))
	.max(YEAR_RANGE.max, msg('api.research.year', YEAR_RANGE))

const text = (max: number) =>
	z
		.string()
		.trim()
		.min(1, msg('validation.required'))
		.max(max, msg('validation.tooLong', { max }))

const commonQuery = {
	...commonListQueryFields,
	organisation: z.string().trim().regex(/^[\w-]{1,40}$/, msg('api.research.organisationId')).optional(),
	level: z.enum(TASK_LEVELS, { error: msg('validation.choose') }).optional(),
	yearFrom: yearQuery.optional(),
	yearTo: yearQuery.optional(),
	updatedSince: updatedSinceQuery.optional(),
}

const yearOrder = (v: { yearFrom?: number; yearTo?: number }, ctx: z.RefinementCtx) => {
	if (v.yearFrom !== undefined && v.yearTo !== undefined && v.yearFrom > v.yearTo) {
		ctx.addIssue({ code: 'custom', path: ['yearTo'], message: msg('api.research.yearOrder') })
	}
}

export const TASK_RESULT_SORTS = ['newest', 'oldest', 'title'] as const satisfies ReadonlyArray<TaskResultFilters['sort']>
export const EXPERT_SORTS = ['name', 'newest'] as const satisfies ReadonlyArray<ExpertFilters['sort']>
export const EXPERT_AVAILABILITY = ['appraisal', 'consulting'] as const satisfies ReadonlyArray<NonNullable<ExpertFilters['available']>>

// The pages say yes/no; the rest of the API says true/false: both are understood.
const hasOfferQuery = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: msg('api.errors.booleanExpected') })
	.transform((v): 'yes' | 'no' => (v === 'true' || v === '1' || v === 'yes' ? 'yes' : 'no'))

export const TaskResultListQuery = z
	.object({
		...commonQuery,
		host: text(200).optional(),
		hasOffer: hasOfferQuery.optional(),
		sort: z.enum(TASK_RESULT_SORTS, { error: msg('validation.choose') }).default('newest'),
	})
	.superRefine(yearOrder)

export const ExpertListQuery = z
	.object({
		...commonQuery,
		organisationName: text(200).optional(),
		title: z.enum(ACADEMIC_TITLES, { error: msg('validation.choose') }).optional(),
		degree: z.enum(DEGREES, { error: msg('validation.choose') }).optional(),
		available: z.enum(EXPERT_AVAILABILITY, { error: msg('validation.choose') }).optional(),
		sort: z.enum(EXPERT_SORTS, { error: msg('validation.choose') }).default('name'),
	})
	.superRefine(yearOrder)

/** The pages' orders (taskResultOrderBy, expertOrderBy) as keyset orders: every sort here pages by cursor. */
export const TASK_RESULT_ORDERS: Record<TaskResultFilters['sort'], KeysetOrder> = {
	newest: [{ field: 'endYear', dir: 'desc', type: 'int', nulls: 'last' }, { field: 'id', dir: 'desc', type: 'string' }],
	oldest: [{ field: 'endYear', dir: 'asc', type: 'int', nulls: 'last' }, { field: 'id', dir: 'asc', type: 'string' }],
	title: [{ field: 'title', dir: 'asc', type: 'string' }, { field: 'id', dir: 'asc', type: 'string' }],
}

export const EXPERT_ORDERS: Record<ExpertFilters['sort'], KeysetOrder> = {
	name: [{ field: 'fullName', dir: 'asc', type: 'string' }, { field: 'id', dir: 'asc', type: 'string' }],
	newest: [{ field: 'createdAt', dir: 'desc', type: 'date' }, { field: 'id', dir: 'desc', type: 'string' }],
}

type Reader<R> = (args: { where: object; orderBy: object[]; skip?: number; take: number }) => Promise<R[]>

/**
 * One page of a list in either paging mode: by cursor (rows after the cursor, one extra to know
 * whether there are more) or by number (with the count, capped like the pages' counts).
 */
async function listPage<R extends Record<string, unknown>, T>(
	url: URL,
	paging: ListPaging,
	{ where, scope, order, read, count, shape }: { where: object; scope: string; order: KeysetOrder; read: Reader<R>; count: (where: object) => Promise<number>; shape: (row: R) => T },
) {
	const orderBy = keysetOrderBy(order)
	if (paging.mode === 'cursor') {
		const after = paging.after ? { AND: [where, keysetAfter(order, paging.after)] } : where
		return cursorPaged(url, await read({ where: after, orderBy, take: paging.limit + 1 }), { limit: paging.limit, scope, order, shape })
	}
	const [total, rows] = await Promise.all([count(where), read({ where, orderBy, skip: paging.skip, take: paging.take })])
	return paged(url, rows.map(shape), Math.min(total, COUNT_CAP), paging)
}

const since = (updatedSince: Date | undefined) => (updatedSince ? [{ updatedAt: { gte: updatedSince } }] : [])

// ---------------------------------------------------------------------------------------------
// Answers.
// ---------------------------------------------------------------------------------------------

/** A calendar date column (stored as UTC midnight) as YYYY-MM-DD. */
const day = (value: Date | null) => (value && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : null)
const iso = (value: Date | null) => (value && !Number.isNaN(value.getTime()) ? value.toISOString() : null)

function taskResultSummary(card: TaskResultCard) {
	const { _count, registrationDate, ...rest } = card
	return { ...rest, registrationDate: day(registrationDate), offerCount: _count.offers, expertCount: _count.experts }
}

function taskResultResource(row: TaskResultDetail) {
	const { hostOrganisation, registrationDate, updatedAt, experts, offers, ...rest } = row
	return {
		...rest,
		registrationDate: day(registrationDate),
		hostOrganisation: hostOrganisation && {
			id: hostOrganisation.id,
			slug: hostOrganisation.slug,
			name: hostOrganisation.name,
			website: hostOrganisation.website,
			email: hostOrganisation.email,
			phone: hostOrganisation.phone,
			verified: hostOrganisation.verifiedAt !== null,
		},
		experts: experts.map((e) => ({ role: e.role, ...e.expert })),
		offers: offers.map((o) => o.offer),
		updatedAt: iso(updatedAt),
	}
}

// The e-mail is how a claim of the profile is proven, not a public contact: only operators see it.
function expertSummary(card: ExpertCard, email?: string | null) {
	const { _count, claimedAt, ...rest } = card
	return { ...rest, claimed: claimedAt !== null, taskCount: _count.tasks, publicationCount: _count.publications, ...(email !== undefined ? { email } : {}) }
}

function expertResource(row: ExpertDetail, email?: string | null) {
	// emailHint is for the claim page; the API leaves it out too.
	const { emailHint: _hint, organisation, claimedAt, updatedAt, tasks, ...rest } = row
	return {
		...rest,
		organisation: organisation && { id: organisation.id, slug: organisation.slug, name: organisation.name, verified: organisation.verifiedAt !== null },
		claimed: claimedAt !== null,
		claimedAt: iso(claimedAt),
		tasks: tasks.map((t) => ({ role: t.role, taskResult: t.taskResult })),
		updatedAt: iso(updatedAt),
		...(email !== undefined ? { email } : {}),
	}
}

/** Whether the caller may see experts' e-mails. A sent key must be valid even here (401 otherwise). */
async function seesEmails(request: Request) {
	return (await operatorActorId(await getApiPrincipal(request))) !== null
}

async function emailsOf(ids: string[]) {
	const rows = await prisma.expert.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
	return new Map(rows.map((r) => [r.id, r.email]))
}

const MAX_ID = 40

const idOf = (params: { id?: string }, key: string) => {
	const id = params.id
	if (!id || id.length > MAX_ID) throw notFound(key)
	return id
}

/** The public resource of a task result, as GET /task-results/:id answers it; null when there is none. */
export async function publicTaskResultResource(id: string) {
	const row = await getTaskResult(id)
	return row ? taskResultResource(row) : null
}

/** The public resource of an expert, as GET /experts/:id answers a caller who is not an operator; null when there is none. */
export async function publicExpertResource(id: string) {
	const row = await getExpert(id)
	return row ? expertResource(row) : null
}

// ---------------------------------------------------------------------------------------------
// The resources.
// ---------------------------------------------------------------------------------------------

/** GET /task-results */
export function taskResultCollectionApi() {
	return apiRoute({
		GET: async ({ request, url }) => {
			// Public, but a key that is sent must be valid: a typo should not pass unnoticed.
			await spendPublicRead(request, await getApiPrincipal(request))
			const { updatedSince, ...query } = await parseQuery(url, TaskResultListQuery)
			const order = TASK_RESULT_ORDERS[query.sort]
			const scope = `task-results:${query.sort}`
			const body = await listPage(url, readListPaging(url, scope, order), {
				where: { AND: [taskResultWhere(query), ...since(updatedSince)] },
				scope,
				order,
				read: (args) => prisma.taskResult.findMany({ ...args, select: taskResultCardSelect }),
				count: (where) => prisma.taskResult.count({ where, take: COUNT_CAP + 1 }),
				shape: taskResultSummary,
			})
			return revalidatedJson(request, body, { shared: true })
		},
	})
}

/** GET /task-results/:id */
export function taskResultItemApi() {
	return apiRoute<{ id: string }>({
		GET: async ({ request, params }) => {
			await spendPublicRead(request, await getApiPrincipal(request))
			const row = await getTaskResult(idOf(params, 'api.errors.taskResultUnknown'))
			if (!row) throw notFound('api.errors.taskResultUnknown')
			return revalidatedJson(request, { data: taskResultResource(row) }, { shared: true })
		},
	})
}

/** GET /experts */
export function expertCollectionApi() {
	return apiRoute({
		GET: async ({ request, url }) => {
			await spendPublicRead(request, await getApiPrincipal(request))
			const operator = await seesEmails(request)
			const { updatedSince, ...query } = await parseQuery(url, ExpertListQuery)
			const order = EXPERT_ORDERS[query.sort]
			const scope = `experts:${query.sort}`
			const body = await listPage(url, readListPaging(url, scope, order), {
				where: { AND: [expertWhere(query), ...since(updatedSince)] },
				scope,
				order,
				// createdAt is the key of the newest-first order; the card does not show it.
				read: (args) => prisma.expert.findMany({ ...args, select: { ...expertCardSelect, createdAt: true } }),
				count: (where) => prisma.expert.count({ where, take: COUNT_CAP + 1 }),
				shape: ({ createdAt: _key, ...card }) => card,
			})
			const emails = operator ? await emailsOf(body.data.map((card) => card.id)) : null
			const data = body.data.map((card) => expertSummary(card, emails ? (emails.get(card.id) ?? null) : undefined))
			// Operators see e-mails: their answer is theirs alone.
			return revalidatedJson(request, { ...body, data }, { shared: !operator })
		},
	})
}

/** GET /experts/:id */
export function expertItemApi() {
	return apiRoute<{ id: string }>({
		GET: async ({ request, params }) => {
			await spendPublicRead(request, await getApiPrincipal(request))
			const operator = await seesEmails(request)
			const id = idOf(params, 'api.errors.expertUnknown')
			const row = await getExpert(id)
			if (!row) throw notFound('api.errors.expertUnknown')
			const email = operator ? ((await emailsOf([id])).get(id) ?? null) : undefined
			return revalidatedJson(request, { data: expertResource(row, email) }, { shared: !operator })
		},
	})
}
