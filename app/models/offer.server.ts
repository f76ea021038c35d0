/** Technology offers: the one module that writes them (lifecycle in listing.server.ts). */
import { admittedThroughDeal } from '~/deals/access.server'
import type { Prisma } from '~/generated/prisma/client'
import { OfferDraftSchema, type OfferDraft } from '~/models/listing-schema'
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

const offerDetailSelect = {
	id: true,
	organisationId: true,
	status: true,
	title: true,
	summary: true,
	description: true,
	confidential: true,
	fieldCodes: true,
	keywords: true,
	trl: true,
	ipStatus: true,
	ipNumbers: true,
	transferModes: true,
	priceMin: true,
	priceMax: true,
	priceNegotiable: true,
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
} satisfies Prisma.OfferSelect

/** The form's values for an offer row (money as numbers, pending edits merged for its editors). */
export function offerDraftValues(row: Record<string, unknown>, withPending = true): OfferDraft {
	const merged = withPending ? { ...row, ...pendingColumns(row as { pendingChanges: Prisma.JsonValue }) } : row
	const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v))
	return {
		title: String(merged.title ?? ''),
		summary: (merged.summary as string) || undefined,
		description: (merged.description as string) || undefined,
		confidential: (merged.confidential as string) || undefined,
		fieldCodes: (merged.fieldCodes as string[]) ?? [],
		keywords: (merged.keywords as string[]) ?? [],
		trl: num(merged.trl),
		ipStatus: (merged.ipStatus as OfferDraft['ipStatus']) ?? 'NONE',
		ipNumbers: (merged.ipNumbers as string) || undefined,
		transferModes: (merged.transferModes as OfferDraft['transferModes']) ?? [],
		priceMin: num(merged.priceMin),
		priceMax: num(merged.priceMax),
		priceNegotiable: Boolean(merged.priceNegotiable),
		provinceCode: (merged.provinceCode as string) ?? undefined,
	}
}

export const parseOfferDraft = (input: unknown) => OfferDraftSchema.safeParse(input)

export const createOffer = (actor: Actor, organisationId: string, draft: OfferDraft, meta?: { ip?: string | null }) =>
	createDraft('offer', actor, organisationId, draft, meta)
export const updateOffer = (actor: Actor, id: string, draft: OfferDraft, options?: { expectedVersion?: number; ip?: string | null; contactUserId?: string }) =>
	updateListing('offer', actor, id, draft, options)
export const submitOffer = (actor: Actor, id: string) => submitListing('offer', actor, id, (row) => offerDraftValues(row, false))
export const publishOffer = (actor: Actor, id: string) => publishListing('offer', actor, id)
export const returnOffer = (actor: Actor, id: string, reason: string) => returnListing('offer', actor, id, reason)
export const archiveOffer = (actor: Actor, id: string) => archiveListing('offer', actor, id)
export const restoreOffer = (actor: Actor, id: string) => restoreListing('offer', actor, id)
export const renewOffer = (actor: Actor, id: string) => renewListing('offer', actor, id)

/**
 * An offer as the viewer may see it, or null (also when it exists but is not theirs to see).
 * The confidential section is removed for everyone outside the owning organisation and operators,
 * except the buyer's members on a deal about it once both sides accepted the NDA (`admitted`).
 */
export async function getOffer(id: string, viewer: Actor | null) {
	const row = await prisma.offer.findUnique({ where: { id }, select: offerDetailSelect })
	if (!row) return null
	const access = listingAccess(viewer, row)
	if (!access.canView) return null
	const insider = access.isMember || access.canModerate
	const admitted = !insider && (await admittedThroughDeal(viewer, 'offer', row.id))
	return {
		offer: insider ? row : { ...row, confidential: admitted ? row.confidential : '', pendingChanges: null, returnReason: null },
		access,
		admitted,
		pending: insider ? pendingColumns(row) : {},
	}
}

/** One page of published offers with the total. */
export async function listOffers(filters: ListingFilters, pageSize = PAGE_SIZE) {
	const where = publishedWhere('offer', filters) as Prisma.OfferWhereInput
	const [total, items] = await Promise.all([
		prisma.offer.count({ where, take: COUNT_CAP + 1 }),
		prisma.offer.findMany({
			where,
			select: listCardSelect.offer,
			orderBy: orderBy('offer', filters.sort) as Prisma.OfferOrderByWithRelationInput[],
			skip: (filters.page - 1) * pageSize,
			take: pageSize,
		}),
	])
	return { total: Math.min(total, COUNT_CAP), more: total > COUNT_CAP, items, pages: Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / pageSize)) }
}
