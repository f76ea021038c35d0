import { getApiPrincipal, requireApiPrincipal } from '~/api/auth.server'
import { forbidden } from '~/api/errors.server'
import { apiRoute } from '~/api/handler.server'
import { organisationInputOf, requireOrganisation } from '~/api/organisations.server'
import { ok } from '~/api/responses.server'
import { organisationPatchSchema } from '~/api/schemas.server'
import { parseJsonBody } from '~/api/validation.server'
import { canManage, membershipRole, updateOrganisation } from '~/models/organisation.server'

const api = apiRoute<{ id: string }>({
	GET: async ({ request, params }) => {
		await getApiPrincipal(request)
		return ok(await requireOrganisation(params.id))
	},

	PATCH: async ({ request, params }) => {
		const principal = await requireApiPrincipal(request)
		const organisation = await requireOrganisation(params.id)
		let actorId: string
		if (principal.kind === 'apiKey') {
			if (principal.organisation.id !== organisation.id) throw forbidden('api.errors.otherOrganisation')
			// A key acts for the manager who created it, so the audit log names a person and a key
			// stops changing the organisation once that person no longer manages it.
			const creator = principal.apiKey.createdById
			if (!creator || !canManage(await membershipRole(creator, organisation.id))) throw forbidden('api.errors.keyActorGone')
			actorId = creator
		} else {
			actorId = principal.user.id
		}
		// Checked before reading the body, so outsiders learn nothing from validation messages.
		if (principal.kind === 'user' && !canManage(await membershipRole(actorId, organisation.id))) throw forbidden()
		const patch = await parseJsonBody(request, organisationPatchSchema(organisation.id))
		const current = await organisationInputOf(organisation.id)
		// updateOrganisation writes every field: what the request leaves out stays as stored.
		const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as typeof patch
		await updateOrganisation(actorId, organisation.id, { ...current, ...changes })
		return ok(await requireOrganisation(organisation.id))
	},
})

export const loader = api.loader
export const action = api.action
