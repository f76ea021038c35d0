// The JSON API of registered task results and the expert directory: public lists and records
// (/api/v1/task-results, /api/v1/experts). The queries are the pages' own (app/task-results,
// app/experts); this module checks the query strictly and shapes the JSON. Bulk writes are in
// research-bulk.server.ts.
import { z } from 'zod'
import { getExpert, listExperts, type ExpertCard, type ExpertDetail, type ExpertFilters } from '~/experts/query.server'
import { ACADEMIC_TITLES, DEGREES } from '~/models/expert-schema'
import { TASK_LEVELS } from '~/models/task-result-schema'
import { getTaskResult, listTaskResults, type TaskResultCard, type TaskResultDetail, type TaskResultFilters } from '~/task-results/query.server'
import { prisma } from '~/utils/db.server'
import { msg } from '~/utils/validation'
import { getApiPrincipal, operatorActorId } from './auth.server'
import { notFound } from './errors.server'
import { apiRoute } from './handler.server'
import { paged, readPage } from './pagination.server'
import { apiJson } from './responses.server'
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
			await getApiPrincipal(request)
			const query = await parseQuery(url, TaskResultListQuery)
			const page = readPage(url)
			const { total, items } = await listTaskResults({ ...query, page: page.page }, { skip: page.skip, take: page.take })
			return apiJson(paged(url, items.map(taskResultSummary), total, page))
		},
	})
}

/** GET /task-results/:id */
export function taskResultItemApi() {
	return apiRoute<{ id: string }>({
		GET: async ({ request, params }) => {
			await getApiPrincipal(request)
			const row = await getTaskResult(idOf(params, 'api.errors.taskResultUnknown'))
			if (!row) throw notFound('api.errors.taskResultUnknown')
			return apiJson({ data: taskResultResource(row) })
		},
	})
}

/** GET /experts */
export function expertCollectionApi() {
	return apiRoute({
		GET: async ({ request, url }) => {
			const operator = await seesEmails(request)
			const query = await parseQuery(url, ExpertListQuery)
			const page = readPage(url)
			const { total, items } = await listExperts({ ...query, page: page.page }, { skip: page.skip, take: page.take })
			const emails = operator ? await emailsOf(items.map((i) => i.id)) : null
			return apiJson(paged(url, items.map((card) => expertSummary(card, emails ? (emails.get(card.id) ?? null) : undefined)), total, page))
		},
	})
}

/** GET /experts/:id */
export function expertItemApi() {
	return apiRoute<{ id: string }>({
		GET: async ({ request, params }) => {
			const operator = await seesEmails(request)
			const id = idOf(params, 'api.errors.expertUnknown')
			const row = await getExpert(id)
			if (!row) throw notFound('api.errors.expertUnknown')
			const email = operator ? ((await emailsOf([id])).get(id) ?? null) : undefined
			return apiJson({ data: expertResource(row, email) })
		},
	})
}
