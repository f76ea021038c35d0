import { MePatchSchema } from '../schemas.server'
import { dataOf, defineCapability, errors, fromZod, jsonBody, jsonResponse, ref, security } from '../openapi-kit.server'

export const meCapability = defineCapability({
	name: 'me',
	tags: [{ name: 'Me', description: 'The caller: the signed-in person, or the organisation an API key belongs to.' }],
	schemas: {
		MeUser: {
			type: 'object',
			required: ['type', 'id', 'email', 'name', 'locale', 'roles', 'organisations'],
			properties: {
				type: { const: 'user' },
				id: { type: 'string' },
				email: { type: 'string', format: 'email' },
				name: { type: 'string' },
				locale: { type: 'string', enum: ['vi', 'en'] },
				roles: { type: 'array', items: { type: 'string', enum: ['MEMBER', 'BROKER', 'OPERATOR', 'ADMIN'] } },
				organisations: {
					type: 'array',
					description: 'Active memberships.',
					items: {
						type: 'object',
						required: ['id', 'slug', 'name', 'role'],
						properties: {
							id: { type: 'string' },
							slug: { type: 'string' },
							name: { type: 'string' },
							role: ref('MembershipRole'),
						},
					},
				},
			},
		},
		MeApiKey: {
			type: 'object',
			required: ['type', 'apiKey', 'organisation'],
			properties: {
				type: { const: 'apiKey' },
				apiKey: {
					type: 'object',
					required: ['id', 'name', 'prefix'],
					properties: { id: { type: 'string' }, name: { type: 'string' }, prefix: { type: 'string', description: 'The first characters of the key.' } },
				},
				organisation: ref('Organisation'),
			},
		},
		Me: {
			oneOf: [ref('MeUser'), ref('MeApiKey')],
			discriminator: { propertyName: 'type', mapping: { user: '#/components/schemas/MeUser', apiKey: '#/components/schemas/MeApiKey' } },
		},
		MePatch: fromZod(MePatchSchema),
	},
	paths: {
		'/me': {
			get: {
				operationId: 'getMe',
				summary: 'Who is calling',
				tags: ['Me'],
				security: security.any,
				responses: { '200': jsonResponse('The caller.', dataOf(ref('Me'))), ...errors(401) },
			},
			patch: {
				operationId: 'updateMe',
				summary: "Change the signed-in person's name or language",
				tags: ['Me'],
				security: security.user,
				requestBody: jsonBody(ref('MePatch')),
				responses: { '200': jsonResponse('The updated person.', dataOf(ref('MeUser'))), ...errors(400, 401, 403, 413, 415, 429) },
			},
		},
	},
})
