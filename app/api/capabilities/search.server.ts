import { IP_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'
import { MAX_PAGE, MAX_VALUES } from '~/search/request'
import { MAX_QUERY_CHARS } from '~/search/query'
import { PRICE_BUCKET_KEYS, SEARCH_TYPES, SORTS } from '~/search/types'
import { defineCapability, errors, jsonResponse, ref, security, type JsonSchema, type Parameter } from '../openapi-kit.server'

const string = { type: 'string' }
const runs: JsonSchema = {
	type: 'array',
	description: 'The text cut into runs; `match` marks the words the query matched (render them highlighted, as text, never as HTML).',
	items: { type: 'object', required: ['text', 'match'], properties: { text: string, match: { type: 'boolean' } } },
}
const facetList: JsonSchema = {
	type: 'array',
	items: { type: 'object', required: ['value', 'count'], properties: { value: string, count: { type: 'integer', minimum: 0 } } },
}
const many = (name: string, items: JsonSchema, description: string): Parameter => ({
	name,
	in: 'query',
	required: false,
	description: `${description} Repeat the parameter (or separate values with commas) for several, at most ${MAX_VALUES}; a result matches any of them.`,
	schema: { type: 'array', items },
	style: 'form',
	explode: true,
} as Parameter)

const unavailable = {
	description: 'The search engine did not answer (Meilisearch unreachable). Retry after the time given.',
	headers: { 'Retry-After': { schema: { type: 'integer' } } },
	content: { 'application/json': { schema: ref('Error') } },
}

export const searchCapability = defineCapability({
	name: 'search',
	tags: [{ name: 'Search', description: 'One search over offers, demands, registered task results and experts: diacritics optional, typos tolerated, phrases in quotes.' }],
	schemas: {
		SearchHit: {
			type: 'object',
			required: ['id', 'type', 'entityId', 'title', 'subtitle', 'snippet', 'keywords', 'fieldPaths', 'provinceCode', 'trl', 'transferModes', 'ipStatus', 'price', 'year', 'publishedAt', 'score'],
			properties: {
				id: { ...string, description: '"<type>:<entityId>".' },
				type: { type: 'string', enum: [...SEARCH_TYPES] },
				entityId: { ...string, description: 'The id under /offers, /demands, /task-results or /experts.' },
				title: runs,
				subtitle: { ...string, description: 'Organisation, host or affiliation.' },
				snippet: runs,
				keywords: { type: 'array', items: string },
				fieldPaths: { type: 'array', items: string, description: 'S&T field codes with their ancestors.' },
				provinceCode: { type: ['string', 'null'] },
				trl: { type: ['integer', 'null'], description: 'An offer\'s TRL, a demand\'s minimum TRL.' },
				transferModes: { type: 'array', items: { type: 'string', enum: [...TRANSFER_MODES] } },
				ipStatus: { type: ['string', 'null'], enum: [...IP_STATUSES, null] },
				price: { type: ['string', 'null'], description: 'VND as a decimal string: an offer\'s lowest price, a demand\'s lowest budget.' },
				year: { type: ['integer', 'null'], description: 'Publication year of a listing, end year of a task result.' },
				publishedAt: { type: ['string', 'null'], format: 'date-time' },
				score: { type: 'number', description: 'Relevance as the engine computes it; compare only within one response.' },
			},
		},
		Suggestion: {
			oneOf: [
				{
					type: 'object',
					required: ['kind', 'id', 'type', 'entityId', 'title', 'subtitle'],
					properties: { kind: { const: 'document' }, id: string, type: { type: 'string', enum: [...SEARCH_TYPES] }, entityId: string, title: runs, subtitle: string },
				},
				{ type: 'object', required: ['kind', 'code', 'name'], properties: { kind: { const: 'field' }, code: string, name: string } },
			],
		},
	},
	paths: {
		'/search': {
			get: {
				operationId: 'search',
				summary: 'Search offers, demands, task results and experts, with facet counts',
				tags: ['Search'],
				security: security.public,
				parameters: [
					{ name: 'q', in: 'query', required: false, description: `The words, with or without diacritics; "a phrase" in quotes; the last word is completed as a prefix. Cut at ${MAX_QUERY_CHARS} characters. Empty: everything, newest first.`, schema: { type: 'string' } },
					{ name: 'type', in: 'query', required: false, description: 'One type only; facet `type` still counts every type.', schema: { type: 'string', enum: [...SEARCH_TYPES] } },
					many('field', { type: 'string', pattern: '^\\d{1,5}$' }, 'S&T field code at any level (a broad field finds its narrower ones).'),
					many('province', { type: 'string', pattern: '^\\d{2}$' }, 'Province code.'),
					many('trl', { type: 'integer', minimum: 1, maximum: 9 }, 'TRL.'),
					many('mode', { type: 'string', enum: [...TRANSFER_MODES] }, 'Transfer mode.'),
					many('ip', { type: 'string', enum: [...IP_STATUSES] }, 'IP status.'),
					many('price', { type: 'string', enum: [...PRICE_BUCKET_KEYS] }, 'Price (or budget) range in VND: lt100m, 100m-500m, 500m-1b, 1b-5b, gte5b.'),
					many('year', { type: 'integer', minimum: 1900, maximum: 2100 }, 'Year.'),
					{ name: 'sort', in: 'query', required: false, schema: { type: 'string', enum: [...SORTS], default: 'relevance' } },
					{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 } },
					{ name: 'perPage', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
				],
				responses: {
					'200': jsonResponse('One page of results, best first (or in the order asked), with facet counts over all matches (estimated when `meta.approximate`).', {
						type: 'object',
						required: ['data', 'facets', 'correctedText', 'meta'],
						properties: {
							data: { type: 'array', items: ref('SearchHit') },
							facets: {
								type: 'object',
								description: 'Counts of the matches by value. `type` ignores the type parameter (it counts the tabs); `field` lists the top fields, or the children of the one field asked for.',
								required: ['type', 'field', 'province', 'trl', 'transferMode', 'ipStatus', 'price', 'year'],
								properties: { type: facetList, field: facetList, province: facetList, trl: facetList, transferMode: facetList, ipStatus: facetList, price: facetList, year: facetList },
							},
							correctedText: { type: ['string', 'null'], description: 'The query with misspelt words replaced by the near ones also searched for.' },
							meta: {
								type: 'object',
								required: ['total', 'approximate', 'page', 'perPage', 'pages'],
								properties: {
									total: { type: 'integer' },
									approximate: {
										type: 'boolean',
										description: 'True when the search matches more than about 10,000 documents: `total` and the facet counts are then estimated from a fixed 1% slices sample of the index, to two significant figures.',
									},
									page: { type: 'integer' },
									perPage: { type: 'integer' },
									pages: { type: 'integer' },
								},
							},
						},
					}),
					...errors(400, 429),
					'503': unavailable,
				},
			},
		},
		'/suggest': {
			get: {
				operationId: 'suggest',
				summary: 'As-you-type suggestions: S&T fields and documents whose title or keywords match',
				tags: ['Search'],
				security: security.public,
				parameters: [{ name: 'q', in: 'query', required: true, description: 'What has been typed so far (2 to 100 characters; shorter gives an empty list).', schema: { type: 'string', maxLength: 100 } }],
				responses: {
					'200': jsonResponse('Up to 8 suggestions, fields first.', { type: 'object', required: ['data'], properties: { data: { type: 'array', items: ref('Suggestion') } } }),
					...errors(400, 429),
					'503': unavailable,
				},
			},
		},
	},
})
