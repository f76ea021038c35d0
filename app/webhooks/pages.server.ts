// What the organisation's webhooks pages share on the server: who may open them.
import { canManage, getOrganisationBySlug, membershipRole } from '~/models/organisation.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'

/**
 * The signed-in owner or admin of the organisation in the URL. Visitors are sent to log in,
 * people outside the organisation get 404 (its webhooks are not theirs to learn of), plain members 403.
 */
export async function requireWebhookPage(request: Request, slug: string) {
	const user = await requireUser(request)
	const organisation = await getOrganisationBySlug(slug)
	invariantResponse(organisation, 'errors.notFound', { status: 404 })
	const role = await membershipRole(user.id, organisation.id)
	invariantResponse(role, 'errors.notFound', { status: 404 })
	invariantResponse(canManage(role), 'errors.forbidden', { status: 403 })
	return { user, organisation }
}
