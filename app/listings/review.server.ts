import { redirect, data } from 'react-router'
import { z } from 'zod'
import { listAttachments } from '~/models/attachment.server'
import { publishDemand, returnDemand } from '~/models/demand.server'
import { ListingError, pendingColumns } from '~/models/listing.server'
import { MATERIAL_FIELDS, ReturnReasonSchema, type ListingKind } from '~/models/listing-schema'
import { publishOffer, returnOffer } from '~/models/offer.server'
import type { SessionUser } from '~/utils/auth.server'
import { nearDuplicates } from '~/matching/duplicates.server'
import { prisma } from '~/utils/db.server'
import { invariantResponse } from '~/utils/http.server'

const queueSelect = {
	id: true,
	title: true,
	status: true,
	submittedAt: true,
	pendingSince: true,
	organisation: { select: { name: true, slug: true, verifiedAt: true } },
} as const

/** New submissions and pending edits of published listings, both kinds, oldest first. */
export async function reviewQueue() {
	const where = { OR: [{ status: 'SUBMITTED' as const }, { status: 'PUBLISHED' as const, pendingSince: { not: null } }] }
	const [offers, demands] = await Promise.all([
		prisma.offer.findMany({ where, select: queueSelect, take: 500 }),
		prisma.demand.findMany({ where, select: queueSelect, take: 500 }),
	])
	const since = (r: { submittedAt: Date | null; pendingSince: Date | null; status: string }) => (r.status === 'SUBMITTED' ? r.submittedAt : r.pendingSince) ?? new Date(0)
	return [...offers.map((o) => ({ ...o, kind: 'offer' as const })), ...demands.map((d) => ({ ...d, kind: 'demand' as const }))]
		.map((r) => ({ ...r, since: since(r), edits: r.status === 'PUBLISHED' }))
		.sort((a, b) => a.since.getTime() - b.since.getTime())
}

const REVIEW_FIELDS = {
	offer: ['title', 'summary', 'description', 'confidential', 'fieldCodes', 'keywords', 'trl', 'ipStatus', 'ipNumbers', 'transferModes', 'priceMin', 'priceMax', 'priceNegotiable', 'provinceCode'],
	demand: ['title', 'problem', 'desiredOutcome', 'fieldCodes', 'keywords', 'minTrl', 'budgetMin', 'budgetMax', 'budgetUndisclosed', 'deadline', 'transferModes', 'provinceCode'],
} as const

function show(value: unknown): string {
	if (value === null || value === undefined || value === '') return ''
	if (Array.isArray(value)) return value.join(', ')
	if (value instanceof Date) return value.toISOString().slice(0, 10)
	return String(value)
}

/** One item to review: every field, as public now and as proposed (identical for a new listing's fields). */
export async function reviewItem(kind: ListingKind, id: string, viewer: SessionUser) {
	const row = (kind === 'offer' ? await prisma.offer.findUnique({ where: { id }, include: { organisation: true } }) : await prisma.demand.findUnique({ where: { id }, include: { organisation: true } })) as
		| (Record<string, unknown> & { id: string; title: string; status: string; pendingChanges: never; pendingSince: Date | null; organisation: { name: string; slug: string; verifiedAt: Date | null } })
		| null
	invariantResponse(row, 'errors.notFound', { status: 404 })
	const edits = row.status === 'PUBLISHED'
	const pending = pendingColumns(row)
	const rows = REVIEW_FIELDS[kind].map((field) => {
		const current = show(row[field])
		const proposed = field in pending ? show(pending[field]) : current
		return { field, current: edits ? current : '', proposed, changed: edits ? current !== proposed : true, material: (MATERIAL_FIELDS[kind] as readonly string[]).includes(field) }
	})
	const history = await prisma.auditLog.findMany({
		where: { entityId: id },
		orderBy: { createdAt: 'desc' },
		take: 20,
		select: { id: true, action: true, createdAt: true, data: true, actor: { select: { name: true } } },
	})
	return {
		kind,
		id,
		title: row.title,
		status: row.status,
		edits,
		awaiting: row.status === 'SUBMITTED' || (edits && row.pendingSince !== null),
		organisation: row.organisation,
		rows,
		attachments: await listAttachments({ kind, id }, viewer),
		history,
		duplicates: await reviewDuplicates(kind, id, { ...row, ...pending }),
	}
}

/** Published listings of the same kind that read almost like the version under review. */
function reviewDuplicates(kind: ListingKind, id: string, v: Record<string, unknown>) {
	const str = (x: unknown) => (typeof x === 'string' ? x : '')
	const text = kind === 'offer' ? `${str(v.summary)}\n${str(v.description)}` : `${str(v.problem)}\n${str(v.desiredOutcome)}`
	const keywords = Array.isArray(v.keywords) ? v.keywords.filter((k): k is string => typeof k === 'string') : []
	return nearDuplicates({ title: str(v.title), keywords, text }, { types: [kind], self: `${kind}:${id}` })
}

const ReviewActionSchema = z.discriminatedUnion('intent', [z.object({ intent: z.literal('approve') }), z.object({ intent: z.literal('return'), reason: ReturnReasonSchema })])

/** Approve or return with a reason; errors come back to the form, the reason typed is kept. */
export async function reviewAction(kind: ListingKind, id: string, user: SessionUser, form: FormData) {
	const parsed = ReviewActionSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) {
		return data({ error: null, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, reason: String(form.get('reason') ?? '') }, { status: 400 })
	}
	const title = (kind === 'offer' ? await prisma.offer.findUnique({ where: { id }, select: { title: true } }) : await prisma.demand.findUnique({ where: { id }, select: { title: true } }))?.title ?? ''
	try {
		if (parsed.data.intent === 'approve') await (kind === 'offer' ? publishOffer(user, id) : publishDemand(user, id))
		else await (kind === 'offer' ? returnOffer(user, id, parsed.data.reason) : returnDemand(user, id, parsed.data.reason))
	} catch (error) {
		if (error instanceof ListingError) return data({ error: error.code, fieldErrors: {}, reason: String(form.get('reason') ?? '') }, { status: error.status })
		throw error
	}
	return redirect(`/operator/review?done=${parsed.data.intent === 'approve' ? 'approved' : 'returned'}&title=${encodeURIComponent(title)}`)
}
