import { getApiPrincipal, requireApiUser } from '~/api/auth.server'
import { apiRoute } from '~/api/handler.server'
import { listPublicOrganisations, requireOrganisation } from '~/api/organisations.server'
import { paged, readPage } from '~/api/pagination.server'
import { apiJson, created } from '~/api/responses.server'
import { organisationCreateSchema, OrganisationListQuery } from '~/api/schemas.server'
import { parseJsonBody, parseQuery } from '~/api/validation.server'
import { createOrganisation } from '~/models/organisation.server'

const api = apiRoute({
	GET: async ({ request, url }) => {
		// Public, but a key that is sent must be valid: a typo should not pass unnoticed.
		await getApiPrincipal(request)
		const filters = await parseQuery(url, OrganisationListQuery)
		const page = readPage(url)
		const { items, total } = await listPublicOrganisations(filters, page)
		return apiJson(paged(url, items, total, page))
	},

	POST: async ({ request, url }) => {
		const { user } = await requireApiUser(request)
		const input = await parseJsonBody(request, organisationCreateSchema())
		const organisation = await createOrganisation({ ...input, ownerId: user.id })
		return created(await requireOrganisation(organisation.id), `${url.pathname}/${organisation.id}`)
	},
})

export const loader = api.loader
export const action = api.action
