import { FieldsQuery } from '../schemas.server'
import { dataOf, defineCapability, errors, jsonResponse, queryFromZod, ref, security } from '../openapi-kit.server'

const cached = {
	'Cache-Control': { description: 'Public, cacheable for a day.', schema: { type: 'string' } },
	ETag: { description: 'Send it back in If-None-Match to get 304 when nothing changed.', schema: { type: 'string' } },
}

export const referenceCapability = defineCapability({
	name: 'reference',
	tags: [{ name: 'Reference', description: 'Reference data shared by every form and filter: S&T fields and provinces. Cacheable.' }],
	schemas: {
		ScienceField: {
			type: 'object',
			required: ['code', 'parentCode', 'level', 'nameVi', 'nameEn'],
			properties: {
				code: { type: 'string', description: '1, 101 or 10101: one, three or five digits by level.' },
				parentCode: { type: ['string', 'null'] },
				level: { type: 'integer', minimum: 1, maximum: 3 },
				nameVi: { type: 'string' },
				nameEn: { type: 'string' },
			},
		},
		ScienceFieldNode: {
			allOf: [ref('ScienceField')],
			type: 'object',
			required: ['children'],
			properties: { children: { type: 'array', items: ref('ScienceFieldNode') } },
		},
		Province: {
			type: 'object',
			required: ['code', 'nameVi', 'nameEn', 'kind', 'region', 'formerProvinces'],
			properties: {
				code: { type: 'string', pattern: '^\\d{2}$' },
				nameVi: { type: 'string' },
				nameEn: { type: 'string' },
				kind: { type: 'string', enum: ['CITY', 'PROVINCE'], description: 'CITY: a centrally governed city.' },
				region: { type: 'string', description: 'Socio-economic region key.' },
				formerProvinces: {
					type: 'array',
					description: 'The provinces before 1 July 2025 merged into this one.',
					items: {
						type: 'object',
						required: ['code', 'nameVi'],
						properties: { code: { type: 'string' }, nameVi: { type: 'string' } },
					},
				},
			},
		},
	},
	paths: {
		'/reference/fields': {
			get: {
				operationId: 'listScienceFields',
				summary: 'S&T fields (Decision 12/2008/QĐ-BKHCN)',
				tags: ['Reference'],
				security: security.public,
				parameters: queryFromZod(FieldsQuery, {
					level: 'flat: only fields of this level; tree: nodes down to this level.',
					parent: 'Only the descendants of this field: its children (flat), or its subtree (tree).',
					format: 'flat: a list ordered by code; tree: top fields with nested children.',
				}),
				responses: {
					'200': jsonResponse(
						'The fields.',
						dataOf({ oneOf: [{ type: 'array', items: ref('ScienceField') }, { type: 'array', items: ref('ScienceFieldNode') }] }),
						cached,
					),
					'304': { description: 'Not modified since the ETag sent.' },
					...errors(400, 404),
				},
			},
		},
		'/reference/provinces': {
			get: {
				operationId: 'listProvinces',
				summary: 'The 34 provinces and cities, with the former provinces merged into each',
				tags: ['Reference'],
				security: security.public,
				responses: {
					'200': jsonResponse('The provinces, by code.', dataOf({ type: 'array', items: ref('Province') }), cached),
					'304': { description: 'Not modified since the ETag sent.' },
					...errors(),
				},
			},
		},
	},
})
