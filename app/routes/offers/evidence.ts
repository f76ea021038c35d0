import { data, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/evidence'
import { ListingError } from '~/models/listing.server'
import { EVIDENCE_ERRORS, linkTaskResult, unlinkTaskResult } from '~/models/offer-evidence.server'
import { requireUser } from '~/utils/auth.server'
import { clientIp } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'

/** The editor step that holds the evidence panel; the query string keeps the search the user typed. */
export function evidencePagePath(offerId: string, extra: Record<string, string | null | undefined> = {}) {
	const params = new URLSearchParams({ step: 'technical' })
	for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value)
	return `/offers/${encodeURIComponent(offerId)}/edit?${params.toString()}#evidence`
}

const EvidenceForm = z.object({
	intent: z.enum(['link', 'unlink']),
	taskResultId: z.string().min(1).max(64),
	evidenceQuery: z.string().max(200).optional(),
})

/** Nothing to show here: a GET (a reload, a bookmark) goes to the editor's panel. */
export async function loader({ params }: Route.LoaderArgs) {
	return redirect(evidencePagePath(params.id))
}

/**
 * intent=link or intent=unlink with `taskResultId`, from plain forms on the editor. Answers with a
 * 303 back to the panel, carrying `evidenceDone` or `evidenceError`, so it works without JavaScript.
 * Someone who may not see the offer gets a 404, a viewer outside its organisation a 403.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const offerId = params.id
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const parsed = EvidenceForm.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return redirect(evidencePagePath(offerId, { evidenceError: 'errors.badRequest' }), { status: 303 })
	const { intent, taskResultId, evidenceQuery } = parsed.data
	try {
		if (intent === 'link') await linkTaskResult(user, offerId, taskResultId, { ip: clientIp(request) })
		else await unlinkTaskResult(user, offerId, taskResultId, { ip: clientIp(request) })
	} catch (error) {
		if (!(error instanceof ListingError)) throw error
		if (!(EVIDENCE_ERRORS as readonly string[]).includes(error.code)) throw data({ message: error.code }, { status: error.status })
		return redirect(evidencePagePath(offerId, { evidenceQuery, evidenceError: error.code }), { status: 303 })
	}
	return redirect(evidencePagePath(offerId, { evidenceQuery, evidenceDone: intent === 'link' ? 'linked' : 'unlinked' }), { status: 303 })
}
