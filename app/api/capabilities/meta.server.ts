import { COUNT_CAP } from '~/models/listing-query.server'
import { LIMITS } from '~/utils/rate-limit.server'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination.server'
import {
	defineCapability,
	errors,
	jsonResponse,
	pageOf,
	ref,
	security,
	type JsonSchema,
	type Parameter,
	type ResponseObject,
} from '../openapi-kit.server'

// ---------------------------------------------------------------------------------------------
// What every public read shares (the lists and records of offers, demands, task results and
// experts): paging by cursor or by number, revalidation by ETag, and the budget without credentials.
// ---------------------------------------------------------------------------------------------

const perMinute = (limit: { points: number; duration: number }) => Math.round((limit.points * 60) / limit.duration).toLocaleString('en')

/** The budgets of public reads, as the operations' descriptions state them. */
export const PUBLIC_READ_BUDGETS =
	`Without credentials, one address may make ${perMinute(LIMITS.publicReadIp)} requests a minute, shared by the lists and records of offers, demands, task results and experts; ` +
	`an API key has a budget of its own, ${perMinute(LIMITS.publicReadKey)} a minute; a signed-in session is not counted. ` +
	'Beyond it: 429 with Retry-After (seconds). Conditional requests count too.'

const REVALIDATION =
	'Answers carry an ETag: send it back in If-None-Match and an unchanged answer is a 304 without a body. ' +
	'Cache-Control is `public, max-age=0, must-revalidate` when the answer is the same for everyone, `private, …` when it depends on the caller.'

const PAGING = [
	'Pages by cursor: follow `links.next` (or send `meta.nextCursor` back as `cursor`, with the same filters and sort) until it is null.',
	'A cursor holds the position of the last item (its sort key and id), so items inserted or removed meanwhile never make a walk repeat or skip the others;',
	'an item whose sort key itself changes during the walk may be met twice or not at all (mirror with GET /changes for that).',
	`\`page\`/\`pageSize\` still give numbered pages as before cursors (with \`meta.total\`, which stops at ${COUNT_CAP}); they shift when items are inserted.`,
].join(' ')

/** The paragraphs a public list's description ends with. */
export const publicListNotes = (offsetOnly: string[] = []) =>
	[
		PAGING + (offsetOnly.length > 0 ? ` sort=${offsetOnly.join(', ')} pages by number only (its key changes while people read).` : ''),
		REVALIDATION,
		PUBLIC_READ_BUDGETS,
	].join('\n\n')

/** The paragraphs a public record's description ends with. */
export const publicRecordNotes = () => [REVALIDATION, PUBLIC_READ_BUDGETS].join('\n\n')

const pagingParameters: Array<Parameter & { deprecated?: boolean }> = [
	{
		name: 'cursor',
		in: 'query',
		required: false,
		description: 'Opaque: `meta.nextCursor` of the previous page of this list, with the same sort. Omitted: the first page. A malformed cursor, or one of another list or sort, is a 400 invalid_cursor.',
		schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: 2048 },
	},
	{
		name: 'limit',
		in: 'query',
		required: false,
		description: `Items per page; values above ${MAX_PAGE_SIZE} are lowered to it.`,
		schema: { type: 'integer', minimum: 1, default: DEFAULT_PAGE_SIZE },
	},
	{
		name: 'page',
		in: 'query',
		required: false,
		deprecated: true,
		description: 'Numbered pages, as before cursors: page number from 1. Sending it (or pageSize without limit) answers a numbered page; not with cursor.',
		schema: { type: 'integer', minimum: 1, default: 1 },
	},
	{
		name: 'pageSize',
		in: 'query',
		required: false,
		deprecated: true,
		description: `Numbered pages: items per page; values above ${MAX_PAGE_SIZE} are lowered to it.`,
		schema: { type: 'integer', minimum: 1, default: DEFAULT_PAGE_SIZE },
	},
]

const ifNoneMatch: Parameter = {
	name: 'If-None-Match',
	in: 'header',
	required: false,
	description: 'ETags of copies the client holds; when one is current the answer is 304 without a body.',
	schema: { type: 'string' },
}

/** Query and header parameters every public list takes besides its filters. */
export const publicListParameters = (): Parameter[] => [...pagingParameters, ifNoneMatch]

/** Header parameters every public record takes. */
export const publicRecordParameters = (): Parameter[] => [ifNoneMatch]

const revalidationHeaders = (etag: string): ResponseObject['headers'] => ({
	ETag: { description: etag, schema: { type: 'string' } },
	'Cache-Control': { description: '`public, max-age=0, must-revalidate`, or `private, max-age=0, must-revalidate` when the answer depends on the caller.', schema: { type: 'string' } },
})

/** A page of a public list: by cursor (the default) or numbered (page/pageSize). */
export const publicPageOf = (item: JsonSchema): JsonSchema => ({
	oneOf: [
		{
			type: 'object',
			required: ['data', 'meta', 'links'],
			properties: { data: { type: 'array', items: item }, meta: ref('CursorPageMeta'), links: ref('CursorPageLinks') },
		},
		pageOf(item),
	],
})

/** The 200 and 304 of a public read, and its errors (always 429: the budget). */
export function publicReadResponses(description: string, schema: JsonSchema, { etag = 'Weak validator over the content of the answer.', statuses = [400, 401] as Array<400 | 401 | 404> } = {}) {
	return {
		'200': jsonResponse(description, schema, revalidationHeaders(etag)),
		'304': { description: 'Not modified: the ETag sent in If-None-Match is current.', headers: revalidationHeaders(etag) },
		...errors(...statuses, 429),
	}
}

export const metaCapability = defineCapability({
	name: 'meta',
	tags: [{ name: 'Meta', description: 'This description of the API.' }],
	schemas: {
		CursorPageMeta: {
			type: 'object',
			required: ['limit', 'hasMore', 'nextCursor'],
			properties: {
				limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
				hasMore: { type: 'boolean', description: 'Whether items follow this page.' },
				nextCursor: { type: ['string', 'null'], description: 'Send back as `cursor` for the next page; null on the last.' },
			},
		},
		CursorPageLinks: {
			type: 'object',
			required: ['self', 'first', 'next'],
			properties: {
				self: { type: 'string' },
				first: { type: 'string', description: 'The first page, same filters, sort and limit.' },
				next: { type: ['string', 'null'], description: 'The next page (filters, sort, limit and cursor), or null on the last.' },
			},
		},
	},
	paths: {
		'/openapi.json': {
			get: {
				operationId: 'getOpenApiDocument',
				summary: 'This OpenAPI 3.1 document',
				tags: ['Meta'],
				security: security.public,
				responses: {
					'200': jsonResponse('The OpenAPI document.', { type: 'object', required: ['openapi', 'info', 'paths'] }, {
						ETag: { description: 'Send it back in If-None-Match to get 304 when nothing changed.', schema: { type: 'string' } },
					}),
					'304': { description: 'Not modified since the ETag sent.' },
					...errors(),
				},
			},
		},
	},
})
