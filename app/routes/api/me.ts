import { requireApiPrincipal, requireApiUser } from '~/api/auth.server'
import { apiRoute } from '~/api/handler.server'
import { requireOrganisation } from '~/api/organisations.server'
import { ok } from '~/api/responses.server'
import { MePatchSchema } from '~/api/schemas.server'
import { parseJsonBody } from '~/api/validation.server'
import { updateProfile } from '~/models/user.server'
import type { SessionUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { cleanLine } from '~/utils/text'

function meUser(user: SessionUser) {
	return {
		type: 'user' as const,
		id: user.id,
		email: user.email,
		name: user.name,
		locale: user.locale,
		roles: user.roles,
		organisations: user.memberships.map((m) => ({ id: m.organisation.id, slug: m.organisation.slug, name: m.organisation.name, role: m.role })),
	}
}

const api = apiRoute({
	GET: async ({ request }) => {
		const principal = await requireApiPrincipal(request)
		if (principal.kind === 'user') return ok(meUser(principal.user))
		return ok({
			type: 'apiKey',
			apiKey: { id: principal.apiKey.id, name: principal.apiKey.name, prefix: principal.apiKey.prefix },
			organisation: await requireOrganisation(principal.organisation.id),
		})
	},

	PATCH: async ({ request }) => {
		const { user } = await requireApiUser(request)
		const patch = await parseJsonBody(request, MePatchSchema)
		// updateProfile writes the whole profile; what the request leaves out stays as stored.
		const current = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, phone: true, locale: true } })
		const next = { name: patch.name ?? current.name, phone: current.phone, locale: patch.locale ?? current.locale }
		await updateProfile(user.id, next)
		return ok(meUser({ ...user, name: cleanLine(next.name), locale: next.locale }))
	},
})

export const loader = api.loader
export const action = api.action
