import { CHANGE_TYPES, CHANGES_DEFAULT_LIMIT, CHANGES_MAX_LIMIT } from '../changes.server'
import { defineCapability, errors, jsonResponse, ref, security } from '../openapi-kit.server'

const string = { type: 'string' }

export const changesCapability = defineCapability({
	name: 'changes',
	tags: [
		{
			name: 'Open data',
			description:
				'Mirroring the public data: every create, update and removal of a published offer or demand, a task result or an expert, in order. Read from the start to build a copy, then poll with the last cursor.',
		},
	],
	schemas: {
		Change: {
			type: 'object',
			required: ['cursor', 'type', 'id', 'action', 'changedAt', 'resource'],
			properties: {
				cursor: { ...string, description: 'Opaque; send it back as `since` to continue after this change.' },
				type: { type: 'string', enum: Object.values(CHANGE_TYPES) },
				id: { ...string, description: 'The id under /offers, /demands, /task-results or /experts.' },
				action: { type: 'string', enum: ['upsert', 'delete'], description: '`upsert`: store `resource` under type and id. `delete`: the entity is no longer public; remove it.' },
				changedAt: { type: 'string', format: 'date-time', description: 'When the change was written.' },
				resource: {
					type: ['object', 'null'],
					description:
						'The entity as GET /<type>/<id> answers a caller without an account, **as it is now** (not as it was at the change), without `viewCount` and `updatedAt`; null for `delete`. An entity may appear several times; applying the entries in order always ends in the current data.',
				},
			},
		},
	},
	paths: {
		'/changes': {
			get: {
				operationId: 'listChanges',
				summary: 'The public change feed, for mirroring the exchange incrementally',
				description:
					'Changes come in the order their transactions began, and only once every earlier transaction has ended, so a change committed late is never behind a cursor already handed out. A change rewritten later may be compacted away: the latest change of each entity is always kept. Without credentials, 120 requests a minute per address; an API key or a session lifts that.',
				tags: ['Open data'],
				security: security.public,
				parameters: [
					{ name: 'since', in: 'query', required: false, description: 'A `cursor` from an earlier answer (`meta.cursor`); omitted or empty: from the start.', schema: { type: 'string', pattern: '^\\d{1,19}-\\d{1,19}$' } },
					{ name: 'limit', in: 'query', required: false, description: `At most this many changes; above ${CHANGES_MAX_LIMIT} is lowered to it.`, schema: { type: 'integer', minimum: 1, default: CHANGES_DEFAULT_LIMIT } },
				],
				responses: {
					'200': jsonResponse('The changes after `since`, oldest first.', {
						type: 'object',
						required: ['data', 'meta', 'links'],
						properties: {
							data: { type: 'array', items: ref('Change') },
							meta: {
								type: 'object',
								required: ['cursor', 'hasMore', 'limit'],
								properties: {
									cursor: { type: ['string', 'null'], description: 'Where the next request continues: the last change of this page, else `since` (null before the first change).' },
									hasMore: { type: 'boolean', description: 'True when more changes are ready now; false means poll again later.' },
									limit: { type: 'integer' },
								},
							},
							links: { type: 'object', required: ['self', 'next'], properties: { self: string, next: string } },
						},
					}),
					...errors(400, 401, 429),
				},
			},
		},
	},
})
