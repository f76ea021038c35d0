import { prisma } from '~/utils/db.server'

/**
 * Whether a viewer is admitted to a listing's confidential parts through a deal: for an offer, a
 * member of the buyer on a deal about it; for a demand, a member of the seller. Admission needs
 * both sides' NDA acceptance, and a cancelled deal admits no one.
 */
export async function admittedThroughDeal(viewer: { memberships: ReadonlyArray<{ organisation: { id: string } }> } | null | undefined, kind: 'offer' | 'demand', listingId: string) {
	const orgIds = viewer?.memberships.map((m) => m.organisation.id) ?? []
	if (orgIds.length === 0) return false
	const rows =
		kind === 'offer'
			? await prisma.$queryRaw<unknown[]>`
				SELECT 1 FROM "Deal" d
				WHERE d."offerId" = ${listingId} AND d."buyerOrgId" = ANY(${orgIds}) AND d.stage <> 'CANCELLED'
					AND EXISTS (SELECT 1 FROM "NdaAcceptance" a WHERE a."dealId" = d.id AND a."organisationId" = d."buyerOrgId")
					AND EXISTS (SELECT 1 FROM "NdaAcceptance" a WHERE a."dealId" = d.id AND a."organisationId" = d."sellerOrgId")
				LIMIT 1`
			: await prisma.$queryRaw<unknown[]>`
				SELECT 1 FROM "Deal" d
				WHERE d."demandId" = ${listingId} AND d."sellerOrgId" = ANY(${orgIds}) AND d.stage <> 'CANCELLED'
					AND EXISTS (SELECT 1 FROM "NdaAcceptance" a WHERE a."dealId" = d.id AND a."organisationId" = d."buyerOrgId")
					AND EXISTS (SELECT 1 FROM "NdaAcceptance" a WHERE a."dealId" = d.id AND a."organisationId" = d."sellerOrgId")
				LIMIT 1`
	return rows.length > 0
}
