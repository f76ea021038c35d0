import { requireApiPrincipal, requireApiUser, requireBelongsTo, userRoleIn } from '~/api/auth.server'
import { forbidden } from '~/api/errors.server'
import { apiRoute } from '~/api/handler.server'
import { listMembers, requireMember, requireOrganisation } from '~/api/organisations.server'
import { paged, readPage } from '~/api/pagination.server'
import { apiJson, created, noContent, ok } from '~/api/responses.server'
import { MemberAddSchema, MemberListQuery, MemberRemoveSchema, MemberRoleSchema } from '~/api/schemas.server'
import { parseJsonBody, parseQuery, readJsonObject, validate } from '~/api/validation.server'
import { addMemberByEmail, canManage, changeMemberRole, removeMember } from '~/models/organisation.server'
import { normalizeEmail } from '~/utils/text'

/** The body, with `?membershipId=` filling in when the body does not name one (DELETE often has no body). */
async function withMembershipId(request: Request, url: URL, optional: boolean) {
	const body = (await readJsonObject(request, { optional })) ?? {}
	const fromQuery = url.searchParams.get('membershipId')
	return fromQuery && body.membershipId === undefined ? { ...body, membershipId: fromQuery } : body
}

// Member changes are for people only: a leaked key must not be able to make its holder an owner.
const api = apiRoute<{ id: string }>({
	GET: async ({ request, params, url }) => {
		const principal = await requireApiPrincipal(request)
		const organisation = await requireOrganisation(params.id)
		requireBelongsTo(principal, organisation.id)
		const manager = principal.kind === 'apiKey' || canManage(userRoleIn(principal, organisation.id))
		const { status = manager ? 'ALL' : 'ACTIVE' } = await parseQuery(url, MemberListQuery)
		// Who asked to join is the managers' business.
		if (status !== 'ACTIVE' && !manager) throw forbidden()
		const page = readPage(url)
		const { items, total } = await listMembers(organisation.id, status, page)
		return apiJson(paged(url, items, total, page))
	},

	POST: async ({ request, params, url }) => {
		const principal = await requireApiUser(request)
		const organisation = await requireOrganisation(params.id)
		if (!canManage(userRoleIn(principal, organisation.id))) throw forbidden()
		const input = await parseJsonBody(request, MemberAddSchema)
		await addMemberByEmail(principal.user.id, organisation.id, input.email, input.role)
		const member = await requireMember(organisation.id, { user: { email: normalizeEmail(input.email) } })
		return created(member, `${url.pathname}?membershipId=${encodeURIComponent(member.id)}`)
	},

	PATCH: async ({ request, params, url }) => {
		const principal = await requireApiUser(request)
		const organisation = await requireOrganisation(params.id)
		if (!canManage(userRoleIn(principal, organisation.id))) throw forbidden()
		const input = await validate(MemberRoleSchema, await withMembershipId(request, url, false))
		await changeMemberRole(principal.user.id, organisation.id, input.membershipId, input.role)
		return ok(await requireMember(organisation.id, { id: input.membershipId }))
	},

	DELETE: async ({ request, params, url }) => {
		const principal = await requireApiUser(request)
		const organisation = await requireOrganisation(params.id)
		// Members may leave; removing others is checked by the model (owners and admins).
		requireBelongsTo(principal, organisation.id)
		const input = await validate(MemberRemoveSchema, await withMembershipId(request, url, true))
		await removeMember(principal.user.id, organisation.id, input.membershipId)
		return noContent()
	},
})

export const loader = api.loader
export const action = api.action
