/** The lifecycle actions of either kind by name, for the pages and the API that dispatch on them. */
import { archiveDemand, publishDemand, renewDemand, restoreDemand, returnDemand, submitDemand } from '~/models/demand.server'
import type { Actor } from '~/models/listing.server'
import type { ListingKind } from '~/models/listing-schema'
import { archiveOffer, publishOffer, renewOffer, restoreOffer, returnOffer, submitOffer } from '~/models/offer.server'

export const LISTING_ACTIONS = ['submit', 'publish', 'return', 'archive', 'restore', 'renew'] as const
export type ListingAction = (typeof LISTING_ACTIONS)[number]

const ACTIONS = {
	offer: { submit: submitOffer, publish: publishOffer, return: returnOffer, archive: archiveOffer, restore: restoreOffer, renew: renewOffer },
	demand: { submit: submitDemand, publish: publishDemand, return: returnDemand, archive: archiveDemand, restore: restoreDemand, renew: renewDemand },
} satisfies Record<ListingKind, Record<ListingAction, unknown>>

/** Runs one lifecycle action; `reason` is used by `return` only. */
export function runListingAction(kind: ListingKind, action: ListingAction, actor: Actor, id: string, reason = '') {
	if (action === 'return') return ACTIONS[kind].return(actor, id, reason)
	return ACTIONS[kind][action](actor, id)
}
