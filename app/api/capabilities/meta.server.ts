import { defineCapability, errors, jsonResponse, security } from '../openapi-kit.server'

export const metaCapability = defineCapability({
	name: 'meta',
	tags: [{ name: 'Meta', description: 'This description of the API.' }],
	paths: {
		'/openapi.json': {
			get: {
				operationId: 'getOpenApiDocument',
				summary: 'This OpenAPI 3.1 document',
				tags: ['Meta'],
				security: security.public,
				responses: {
					'200': jsonResponse('The OpenAPI document.', { type: 'object', required: ['openapi', 'info', 'paths'] }),
					...errors(),
				},
			},
		},
	},
})
