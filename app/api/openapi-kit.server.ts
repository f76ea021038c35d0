// Building blocks for the OpenAPI 3.1 document: each capability (app/api/capabilities/) describes
// its paths and schemas with these, and app/api/openapi.server.ts assembles them.
import { z } from 'zod'

export type JsonSchema = { [key: string]: unknown }

export type Parameter = {
	name: string
	in: 'query' | 'path' | 'header' | 'cookie'
	description?: string
	required?: boolean
	schema: JsonSchema
}

export type Reference = { $ref: string }

export type ResponseObject = {
	description: string
	headers?: Record<string, { description?: string; schema: JsonSchema } | Reference>
	content?: Record<string, { schema: JsonSchema }>
}

export type Operation = {
	operationId: string
	summary: string
	description?: string
	tags: string[]
	security: SecurityRequirements
	parameters?: Array<Parameter | Reference>
	requestBody?: { required?: boolean; description?: string; content: Record<string, { schema: JsonSchema }> }
	responses: Record<string, ResponseObject | Reference>
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

export type PathItem = { summary?: string; parameters?: Array<Parameter | Reference> } & Partial<Record<HttpMethod, Operation>>

/** One area of the API: its tag, paths (relative to /api/v1) and component schemas. */
export type ApiCapability = {
	name: string
	tags?: Array<{ name: string; description: string }>
	paths: Record<string, PathItem>
	schemas?: Record<string, JsonSchema>
}

export function defineCapability(capability: ApiCapability) {
	return capability
}

export const ref = (schema: string): Reference => ({ $ref: `#/components/schemas/${schema}` })

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), from the input side: what clients send. */
export function fromZod(schema: z.ZodType): JsonSchema {
	const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
	return rest
}

/** Query parameters from a zod object schema, each with its own JSON Schema. */
export function queryFromZod(schema: z.ZodObject, descriptions: Record<string, string> = {}): Parameter[] {
	const json = fromZod(schema) as { properties?: Record<string, JsonSchema>; required?: string[] }
	return Object.entries(json.properties ?? {}).map(([name, property]) => ({
		name,
		in: 'query' as const,
		required: json.required?.includes(name) ?? false,
		...(descriptions[name] ? { description: descriptions[name] } : {}),
		schema: property,
	}))
}

export const jsonBody = (schema: JsonSchema, description?: string) => ({
	required: true,
	...(description ? { description } : {}),
	content: { 'application/json': { schema } },
})

/** `{ "data": <schema> }`, the envelope of every successful answer. */
export const dataOf = (schema: JsonSchema): JsonSchema => ({
	type: 'object',
	required: ['data'],
	properties: { data: schema },
})

/** A page: `{ data: [...], meta, links }`. */
export const pageOf = (item: JsonSchema): JsonSchema => ({
	type: 'object',
	required: ['data', 'meta', 'links'],
	properties: { data: { type: 'array', items: item }, meta: ref('PageMeta'), links: ref('PageLinks') },
})

export const jsonResponse = (description: string, schema: JsonSchema, headers?: ResponseObject['headers']): ResponseObject => ({
	description,
	...(headers ? { headers } : {}),
	content: { 'application/json': { schema } },
})

// Statuses answered with the error shape, and the shared response each one points at.
const ERROR_RESPONSES = {
	400: 'BadRequest',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'NotFound',
	405: 'MethodNotAllowed',
	409: 'Conflict',
	413: 'PayloadTooLarge',
	415: 'UnsupportedMediaType',
	429: 'TooManyRequests',
	500: 'InternalError',
} as const

export type ErrorStatus = keyof typeof ERROR_RESPONSES

/** Error responses of an operation; 500 is always added. */
export function errors(...statuses: ErrorStatus[]): Record<string, Reference> {
	const all = Array.from(new Set<ErrorStatus>([...statuses, 500]))
	return Object.fromEntries(all.map((status) => [String(status), { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` }]))
}

type SecurityRequirements = Array<Record<string, string[]>>

/** Who may call an operation. */
export const security: Record<'public' | 'any' | 'user', SecurityRequirements> = {
	/** Anyone; credentials are used when sent (an invalid key is still refused with 401). */
	public: [{}, { apiKey: [] }, { sessionCookie: [] }],
	/** A signed-in person or an organisation's API key. */
	any: [{ apiKey: [] }, { sessionCookie: [] }],
	/** A signed-in person only; API keys get 403. */
	user: [{ sessionCookie: [] }],
}

export const pageParameters: Reference[] = [{ $ref: '#/components/parameters/Page' }, { $ref: '#/components/parameters/PageSize' }]

export const pathParameter = (name: string, description: string): Parameter => ({
	name,
	in: 'path',
	required: true,
	description,
	schema: { type: 'string' },
})

const errorResponse = (description: string, headers?: ResponseObject['headers']): ResponseObject =>
	jsonResponse(description, ref('Error'), headers)

/** The parts every document shares: the error shape, paging, security schemes. */
export function coreComponents(limits: { maxPageSize: number; defaultPageSize: number; maxBodyBytes: number }) {
	return {
		schemas: {
			Error: {
				type: 'object',
				required: ['error'],
				properties: {
					error: {
						type: 'object',
						required: ['code', 'message'],
						properties: {
							code: {
								type: 'string',
								description: 'Stable machine-readable code, e.g. not_found, validation_failed, invalid_api_key.',
								examples: ['not_found'],
							},
							message: { type: 'string', description: 'Human-readable message in the language of the request (Accept-Language vi or en).' },
							fields: {
								type: 'object',
								description: 'Translated messages per invalid field (dotted path); "$" holds those about the body as a whole.',
								additionalProperties: { type: 'array', items: { type: 'string' } },
							},
							requestId: { type: 'string', description: 'Present on 500 answers: quote it when reporting the problem.' },
						},
					},
				},
				examples: [{ error: { code: 'validation_failed', message: 'Dữ liệu gửi lên không hợp lệ.', fields: { email: ['Địa chỉ email không hợp lệ'] } } }],
			},
			PageMeta: {
				type: 'object',
				required: ['page', 'pageSize', 'total', 'pageCount'],
				properties: {
					page: { type: 'integer', minimum: 1 },
					pageSize: { type: 'integer', minimum: 1, maximum: limits.maxPageSize },
					total: { type: 'integer', minimum: 0 },
					pageCount: { type: 'integer', minimum: 1 },
				},
			},
			PageLinks: {
				type: 'object',
				required: ['self', 'first', 'prev', 'next', 'last'],
				properties: {
					self: { type: 'string' },
					first: { type: 'string' },
					prev: { type: ['string', 'null'] },
					next: { type: ['string', 'null'] },
					last: { type: 'string' },
				},
			},
		} satisfies Record<string, JsonSchema>,
		responses: {
			BadRequest: errorResponse('Invalid request: validation_failed (see error.fields), invalid_json or bad_request.'),
			Unauthorized: errorResponse('No credentials, or an unknown or revoked API key (invalid_api_key).', {
				'WWW-Authenticate': { description: 'Bearer challenge (RFC 6750).', schema: { type: 'string' } },
			}),
			Forbidden: errorResponse('The caller may not do this.'),
			NotFound: errorResponse('No such resource.'),
			MethodNotAllowed: errorResponse('The path exists but not with this method.', {
				Allow: { description: 'The methods the path accepts.', schema: { type: 'string' } },
			}),
			Conflict: errorResponse('The request conflicts with the current state.'),
			PayloadTooLarge: errorResponse(`The body exceeds ${limits.maxBodyBytes} bytes.`),
			UnsupportedMediaType: errorResponse('The body is not application/json.'),
			TooManyRequests: errorResponse('Rate limit reached.', {
				'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
			}),
			InternalError: errorResponse('Unexpected server error; the answer carries a request id.'),
		} satisfies Record<string, ResponseObject>,
		parameters: {
			Page: { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
			PageSize: {
				name: 'pageSize',
				in: 'query',
				description: `Items per page; values above ${limits.maxPageSize} are lowered to it.`,
				schema: { type: 'integer', minimum: 1, default: limits.defaultPageSize },
			},
		} satisfies Record<string, Parameter>,
		securitySchemes: {
			apiKey: {
				type: 'http',
				scheme: 'bearer',
				bearerFormat: 'ck_<43 characters>',
				description: "An organisation's API key, created by its owners or admins on the organisation's API keys page. Acts for the organisation.",
			},
			sessionCookie: {
				type: 'apiKey',
				in: 'cookie',
				name: '__session',
				description: 'The session of a signed-in person (the web site). Cross-site writes with it are refused.',
			},
		},
	}
}
