/** Technology demands: the one module that writes them (lifecycle in listing.server.ts). */
import type { Prisma } from '~/generated/prisma/client'
import { DemandDraftSchema, type DemandDraft } from '~/models/listing-schema'
import { COUNT_CAP, listCardSelect, orderBy, PAGE_SIZE, publishedWhere, type ListingFilters } from '~/models/listing-query.server'
import {
	archiveListing,
	createDraft,
	listingAccess,
	pendingColumns,
	publishListing,
	renewListing,
	restoreListing,
	returnListing,
	submitListing,
	updateListing,
	type Actor,
} from '~/models/listing.server'
import { prisma } from '~/utils/db.server'

const demandDetailSelect = {
	id: true,
	organisationId: true,
	status: true,
	title: true,
	problem: true,
	desiredOutcome: true,
	fieldCodes: true,
	keywords: true,
	minTrl: true,
	budgetMin: true,
	budgetMax: true,
	budgetUndisclosed: true,
	deadline: true,
	transferModes: true,
	provinceCode: true,
	pendingChanges: true,
	pendingSince: true,
	returnReason: true,
	submittedAt: true,
	publishedAt: true,
	expiresAt: true,
	archivedAt: true,
	viewCount: true,
	version: true,
	createdAt: true,
	updatedAt: true,
	province: { select: { code: true, nameVi: true, nameEn: true } },
	organisation: { select: { id: true, slug: true, name: true, type: true, verifiedAt: true, provinceCode: true, website: true } },
	contactUser: { select: { id: true, name: true, email: true, phone: true } },
} satisfies Prisma.DemandSelect

/** The form's values for a demand row (money as numbers, pending edits merged for its editors). */
export function demandDraftValues(row: Record<string, unknown>, withPending = true): DemandDraft {
	const merged = withPending ? { ...row, ...pendingColumns(row as { pendingChanges: Prisma.JsonValue }) } : row
	const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v))
	return {
		title: String(merged.title ?? ''),
		problem: (merged.problem as string) || undefined,
		desiredOutcome: (merged.desiredOutcome as string) || undefined,
		fieldCodes: (merged.fieldCodes as string[]) ?? [],
		keywords: (merged.keywords as string[]) ?? [],
		minTrl: num(merged.minTrl),
		budgetMin: num(merged.budgetMin),
		budgetMax: num(merged.budgetMax),
		budgetUndisclosed: Boolean(merged.budgetUndisclosed),
		deadline: merged.deadline ? new Date(merged.deadline as string | Date) : undefined,
		transferModes: (merged.transferModes as DemandDraft['transferModes']) ?? [],
		provinceCode: (merged.provinceCode as string) ?? undefined,
	}
}

export const parseDemandDraft = (input: unknown) => DemandDraftSchema.safeParse(input)

export const createDemand = (actor: Actor, organisationId: string, draft: DemandDraft, meta?: { ip?: string | null }) =>
	createDraft('demand', actor, organisationId, draft, meta)
export const updateDemand = (actor: Actor, id: string, draft: DemandDraft, options?: { expectedVersion?: number; ip?: string | null; contactUserId?: string }) =>
	updateListing('demand', actor, id, draft, options)
export const submitDemand = (actor: Actor, id: string) => submitListing('demand', actor, id, (row) => demandDraftValues(row, false))
export const publishDemand = (actor: Actor, id: string) => publishListing('demand', actor, id)
export const returnDemand = (actor: Actor, id: string, reason: string) => returnListing('demand', actor, id, reason)
export const archiveDemand = (actor: Actor, id: string) => archiveListing('demand', actor, id)
export const restoreDemand = (actor: Actor, id: string) => restoreListing('demand', actor, id)
export const renewDemand = (actor: Actor, id: string) => renewListing('demand', actor, id)

/** A demand as the viewer may see it, or null (also when it exists but is not theirs to see). */
export async function getDemand(id: string, viewer: Actor | null) {
	const row = await prisma.demand.findUnique({ where: { id }, select: demandDetailSelect })
	if (!row) return null
	const access = listingAccess(viewer, row)
	if (!access.canView) return null
	const insider = access.isMember || access.canModerate
	return {
		demand: insider ? row : { ...row, pendingChanges: null, returnReason: null },
		access,
		pending: insider ? pendingColumns(row) : {},
	}
}

/** One page of published demands with the total. */
export async function listDemands(filters: ListingFilters, pageSize = PAGE_SIZE) {
	const where = publishedWhere('demand', filters) as Prisma.DemandWhereInput
	const [total, items] = await Promise.all([
		prisma.demand.count({ where, take: COUNT_CAP + 1 }),
		prisma.demand.findMany({
			where,
			select: listCardSelect.demand,
			orderBy: orderBy('demand', filters.sort) as Prisma.DemandOrderByWithRelationInput[],
			skip: (filters.page - 1) * pageSize,
			take: pageSize,
		}),
	])
	return { total: Math.min(total, COUNT_CAP), more: total > COUNT_CAP, items, pages: Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / pageSize)) }
}
