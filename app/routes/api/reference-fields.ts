import { notFound } from '~/api/errors.server'
import { apiRoute } from '~/api/handler.server'
import { cacheableJson } from '~/api/responses.server'
import { FieldsQuery } from '~/api/schemas.server'
import { parseQuery } from '~/api/validation.server'
import { prisma } from '~/utils/db.server'

// Reference data changes only with a migration.
const MAX_AGE = 24 * 60 * 60

type Field = { code: string; parentCode: string | null; level: number; nameVi: string; nameEn: string }
type Node = Field & { children: Node[] }

function buildTree(fields: Field[], rootCode: string | null, maxLevel = 3): Node[] {
	const byParent = new Map<string | null, Field[]>()
	for (const field of fields) {
		const siblings = byParent.get(field.parentCode) ?? []
		siblings.push(field)
		byParent.set(field.parentCode, siblings)
	}
	const grow = (parent: string | null): Node[] =>
		(byParent.get(parent) ?? []).map((field) => ({ ...field, children: field.level < maxLevel ? grow(field.code) : [] }))
	return grow(rootCode)
}

const api = apiRoute({
	GET: async ({ request }) => {
		const query = await parseQuery(request, FieldsQuery)
		// The whole classification is about 200 rows: filtering in memory keeps one cacheable query.
		const fields = await prisma.scienceField.findMany({
			select: { code: true, parentCode: true, level: true, nameVi: true, nameEn: true },
			orderBy: { code: 'asc' },
		})
		if (query.parent && !fields.some((f) => f.code === query.parent)) throw notFound('api.errors.unknownScienceField')
		let data: Field[] | Node[]
		if (query.format === 'tree') {
			data = buildTree(fields, query.parent ?? null, query.level)
		} else {
			data = fields.filter(
				(f) => (query.parent === undefined || f.parentCode === query.parent) && (query.level === undefined || f.level === query.level),
			)
		}
		return cacheableJson(request, { data }, MAX_AGE)
	},
})

export const loader = api.loader
export const action = api.action
