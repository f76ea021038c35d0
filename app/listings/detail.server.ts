import { dealEntry } from '~/deals/page.server'
import { data, redirect, type RouterContextProvider } from 'react-router'
import { z } from 'zod'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { listAttachments } from '~/models/attachment.server'
import { getDemand } from '~/models/demand.server'
import { runListingAction } from '~/models/listing-actions.server'
import { listEvidence } from '~/models/offer-evidence.server'
import { ListingError, recordView } from '~/models/listing.server'
import type { ListingKind } from '~/models/listing-schema'
import { getOffer } from '~/models/offer.server'
import { fieldNames } from '~/models/reference.server'
import { getUser, requireUser } from '~/utils/auth.server'
import { clientIp, invariantResponse, safeRedirectPath } from '~/utils/http.server'
import { consume, hit } from '~/utils/rate-limit.server'

type Args = { request: Request; params: { id?: string }; context: Readonly<RouterContextProvider> }

/** One offer or demand as the viewer may see it; 404 when it does not exist or is not theirs to see. */
export async function listingDetailLoader(kind: ListingKind, { request, params, context }: Args) {
	const locale = getLocale(context) as AppLocale
	const user = await getUser(request)
	const id = params.id ?? ''
	const found = kind === 'offer' ? await getOffer(id, user) : await getDemand(id, user)
	invariantResponse(found, 'errors.notFound', { status: 404 })
	const listing = 'offer' in found ? found.offer : found.demand
	const insider = found.access.isMember || found.access.canModerate
	const [names, attachments, evidence, deal] = await Promise.all([
		fieldNames(listing.fieldCodes, locale),
		listAttachments({ kind, id }, user),
		kind === 'offer' ? listEvidence(listing.id) : Promise.resolve([]),
		user && !insider && listing.status === 'PUBLISHED' ? dealEntry(user, kind, listing.id) : Promise.resolve(null),
	])
	const url = new URL(request.url)
	return {
		kind,
		locale,
		listing,
		access: found.access,
		admitted: 'admitted' in found ? found.admitted : false,
		deal,
		pendingFields: Object.keys(found.pending),
		fieldNames: names,
		attachments,
		evidence,
		canonicalUrl: `${process.env.APP_URL ?? url.origin}/${kind}s/${id}`,
		done: url.searchParams.get('done'),
	}
}

const ActionSchema = z.object({ intent: z.enum(['view', 'submit', 'archive', 'restore', 'renew']), redirectTo: z.string().max(500).optional() })

/** Owner actions from the detail page (submit, archive, restore, renew) and the view-count beacon. */
export async function listingDetailAction(kind: ListingKind, { request, params }: Args) {
	const id = params.id ?? ''
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	invariantResponse(parsed.success, 'errors.badRequest', { status: 400 })
	const { intent } = parsed.data
	if (intent === 'view') {
		// A POST from the page after it loaded: crawlers and prefetches do not count, and one
		// address cannot inflate the count beyond its budget.
		if ((await hit('viewIp', clientIp(request))) === null) await recordView(kind, id)
		return { error: null, viewed: true }
	}
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	try {
		await runListingAction(kind, intent, user, id)
	} catch (error) {
		if (error instanceof ListingError) {
			if (error.code === 'listings.errors.incomplete') throw redirect(`/${kind}s/${id}/edit?step=review`)
			return data({ error: error.code, viewed: false }, { status: error.status })
		}
		throw error
	}
	const done = { submit: 'submitted', archive: 'archived', restore: 'restored', renew: 'renewed' }[intent]
	// Lists such as /me/listings post here and want to come back to themselves.
	const back = safeRedirectPath(parsed.data.redirectTo, `/${kind}s/${id}`)
	return redirect(`${back}${back.includes('?') ? '&' : '?'}done=${done}`)
}

export type ListingDetailData = Awaited<ReturnType<typeof listingDetailLoader>>
