// The OpenAPI 3.1 document of /api/v1, assembled from one capability per area of the API.
// Adding an area (listings, search, deals): describe it in app/api/capabilities/<area>.server.ts
// with the helpers of openapi-kit.server.ts and add it to CAPABILITIES below. The route test checks
// that every route under api/v1 in app/routes.ts is described and that every $ref resolves.
import { changesCapability } from './capabilities/changes.server'
import { chatCapability } from './capabilities/chat.server'
import { dealsCapability } from './capabilities/deals.server'
import { listingsCapability } from './capabilities/listings.server'
import { meCapability } from './capabilities/me.server'
import { metaCapability } from './capabilities/meta.server'
import { notificationsCapability } from './capabilities/notifications.server'
import { organisationsCapability } from './capabilities/organisations.server'
import { referenceCapability } from './capabilities/reference.server'
import { researchCapability } from './capabilities/research.server'
import { searchCapability } from './capabilities/search.server'
import { statsCapability } from './capabilities/stats.server'
import { webhooksCapability } from './capabilities/webhooks.server'
import { coreComponents, type ApiCapability, type HttpMethod, type JsonSchema, type PathItem } from './openapi-kit.server'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.server'
import { BULK_MAX_BYTES } from './research-bulk.server'
import { MAX_BODY_BYTES } from './validation.server'

export { defineCapability, type ApiCapability } from './openapi-kit.server'

export const API_BASE_PATH = '/api/v1'
export const API_VERSION = '1.0.0'

export const CAPABILITIES: readonly ApiCapability[] = [
	metaCapability,
	meCapability,
	organisationsCapability,
	referenceCapability,
	notificationsCapability,
	listingsCapability,
	researchCapability,
	searchCapability,
	dealsCapability,
	chatCapability,
	changesCapability,
	statsCapability,
	webhooksCapability,
]

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete']

/**
 * Merges capabilities into one document. Two capabilities claiming the same operation, schema
 * name or operationId is a programming error and throws, rather than one silently winning.
 */
export function buildOpenApiDocument(capabilities: readonly ApiCapability[] = CAPABILITIES) {
	const core = coreComponents({ maxPageSize: MAX_PAGE_SIZE, defaultPageSize: DEFAULT_PAGE_SIZE, maxBodyBytes: MAX_BODY_BYTES })
	const paths: Record<string, PathItem> = {}
	const schemas: Record<string, JsonSchema> = { ...core.schemas }
	const tags: Array<{ name: string; description: string }> = []
	const operationIds = new Set<string>()

	for (const capability of capabilities) {
		for (const [path, item] of Object.entries(capability.paths)) {
			const merged: PathItem = (paths[path] ??= {})
			if (item.summary) merged.summary = item.summary
			if (item.parameters) merged.parameters = [...(merged.parameters ?? []), ...item.parameters]
			for (const method of METHODS) {
				const operation = item[method]
				if (!operation) continue
				if (merged[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice (${capability.name})`)
				if (operationIds.has(operation.operationId)) throw new Error(`OpenAPI: operationId ${operation.operationId} is used twice (${capability.name})`)
				operationIds.add(operation.operationId)
				merged[method] = operation
			}
		}
		for (const [name, schema] of Object.entries(capability.schemas ?? {})) {
			if (schemas[name]) throw new Error(`OpenAPI: schema ${name} is defined twice (${capability.name})`)
			schemas[name] = schema
		}
		for (const tag of capability.tags ?? []) if (!tags.some((t) => t.name === tag.name)) tags.push(tag)
	}

	return {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
		info: {
			title: 'Cầu Nối API',
			version: API_VERSION,
			summary: "Open API of Cầu Nối, Vietnam's technology supply and demand exchange.",
			description: [
				'Answers are JSON: `{ "data": ... }` on success; lists add `meta` and `links`: the public lists page by cursor (`meta.nextCursor`, `links.next`), the others by number (page, pageSize, total, pageCount).',
				'Errors share one shape, `{ "error": { "code", "message", "fields"? } }`, with messages in the language of `Accept-Language` (vi or en; else the site language cookie; else Vietnamese).',
				'Authenticate with an organisation API key (`Authorization: Bearer ck_…`, created on the organisation page) or, from the web site, the session cookie.',
				`Request bodies are JSON (\`Content-Type: application/json\`), at most ${MAX_BODY_BYTES} bytes (the bulk pushes of task results and experts: ${BULK_MAX_BYTES}).`,
			].join('\n\n'),
		},
		servers: [{ url: API_BASE_PATH, description: 'This server' }],
		tags,
		security: [{ apiKey: [] }, { sessionCookie: [] }],
		paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
		components: {
			schemas,
			responses: core.responses,
			parameters: core.parameters,
			securitySchemes: core.securitySchemes,
		},
	}
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>

let cached: OpenApiDocument | undefined

/** The document of the running server: built once, it changes only with a deploy. */
export function openApiDocument() {
	cached ??= buildOpenApiDocument()
	return cached
}
