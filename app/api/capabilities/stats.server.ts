import { BUCKETS } from '~/stats/filters'
import { PUBLIC_FIGURES } from '~/stats/figures.server'
import { defineCapability, ref, security } from '../openapi-kit.server'
import { publicReadResponses, publicRecordNotes, publicRecordParameters } from './meta.server'

const string = { type: 'string' }

export const statsCapability = defineCapability({
	name: 'stats',
	tags: [{ name: 'Statistics', description: 'The public statistics of the exchange (the figures of /stats), for the country or one province, as tables with the note saying how each is computed.' }],
	schemas: {
		StatTable: {
			type: 'object',
			required: ['id', 'title', 'note', 'columns', 'rows'],
			properties: {
				id: { type: 'string', enum: [...PUBLIC_FIGURES] },
				title: string,
				note: { ...string, description: 'How the figure is computed.' },
				columns: {
					type: 'array',
					items: {
						type: 'object',
						required: ['key', 'label', 'kind'],
						properties: {
							key: string,
							label: string,
							kind: { type: 'string', enum: ['label', 'count', 'share', 'vnd', 'days', 'hours', 'text'], description: '`share`: 0 to 1; `vnd`: whole đồng; `days`/`hours`: medians.' },
						},
					},
				},
				rows: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] }, description: 'One value per column key; null where nothing can be computed (no deal made the step).' } },
			},
		},
	},
	paths: {
		'/stats': {
			get: {
				operationId: 'getStats',
				summary: 'The public statistics: supply and demand over time, by field, province, TRL, IP status and transfer mode; the deal funnel',
				description: ['Periods are calendar months in Vietnam time; the texts are in the language of Accept-Language (vi, en).', publicRecordNotes()].join('\n\n'),
				tags: ['Statistics'],
				security: security.public,
				parameters: [
					{ name: 'from', in: 'query', required: false, description: 'First month, YYYY-MM (default: 11 months before `to`).', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } },
					{ name: 'to', in: 'query', required: false, description: 'Last month, YYYY-MM, included (default: this month). At most 120 months.', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } },
					{ name: 'bucket', in: 'query', required: false, description: 'Time series by month, quarter or year (default from the period length).', schema: { type: 'string', enum: [...BUCKETS] } },
					{ name: 'province', in: 'query', required: false, description: 'Two-digit province code (GET /reference/provinces).', schema: { type: 'string', pattern: '^\\d{2}$' } },
					{ name: 'field', in: 'query', required: false, description: 'S&T field code; includes its sub-fields (GET /reference/fields).', schema: { type: 'string', pattern: '^\\d{1,5}$' } },
					{ name: 'figure', in: 'query', required: false, description: 'Only this figure.', schema: { type: 'string', enum: [...PUBLIC_FIGURES] } },
					...publicRecordParameters(),
				],
				responses: publicReadResponses(
					'The figures, in page order.',
					{
						type: 'object',
						required: ['data', 'meta'],
						properties: {
							data: { type: 'array', items: ref('StatTable') },
							meta: {
								type: 'object',
								required: ['filters', 'locale'],
								properties: {
									filters: {
										type: 'object',
										required: ['from', 'to', 'bucket'],
										properties: { from: string, to: string, bucket: { type: 'string', enum: [...BUCKETS] }, province: string, field: string },
									},
									locale: { type: 'string', enum: ['vi', 'en'] },
								},
							},
						},
					},
					{ statuses: [401, 404] },
				),
			},
		},
	},
})
