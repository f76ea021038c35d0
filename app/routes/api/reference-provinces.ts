import { apiRoute } from '~/api/handler.server'
import { cacheableJson } from '~/api/responses.server'
import { prisma } from '~/utils/db.server'

// Reference data changes only with a migration.
const MAX_AGE = 24 * 60 * 60

const api = apiRoute({
	GET: async ({ request }) => {
		const provinces = await prisma.province.findMany({
			select: {
				code: true,
				nameVi: true,
				nameEn: true,
				kind: true,
				region: true,
				formerProvinces: { select: { code: true, nameVi: true }, orderBy: { code: 'asc' } },
			},
			orderBy: { code: 'asc' },
		})
		return cacheableJson(request, { data: provinces }, MAX_AGE)
	},
})

export const loader = api.loader
export const action = api.action
