import { MAX_WEBHOOKS, PING_EVENT, WEBHOOK_EVENT_TYPES } from '~/webhooks/events'
import { DISABLE_AFTER_FAILURES, RETRY_DELAYS_MS } from '~/webhooks/relay.server'
import { WebhookCreateSchema, WebhookPatchSchema } from '~/webhooks/schema'
import { dataOf, defineCapability, errors, fromZod, jsonBody, jsonResponse, pageOf, pageParameters, pathParameter, ref, security } from '../openapi-kit.server'

const string = { type: 'string' }
const nullableString = { type: ['string', 'null'] }
const dateTime = { type: 'string', format: 'date-time' }
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' }

const organisationId = pathParameter('id', 'The organisation id, or its slug.')
const webhookId = pathParameter('webhookId', 'The webhook id.')
const deliveryId = pathParameter('deliveryId', 'The delivery id (the Cau-Noi-Delivery header of its requests).')

const retries = RETRY_DELAYS_MS.map((ms) => (ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`)).join(', ')
const who =
	'Owners and admins of the organisation (signed in), or its own API key acting for the manager who created it. Anyone else gets 404.'

const webhookProperties = {
	id: string,
	url: { ...string, description: 'https only; private, loopback, link-local and metadata addresses are refused when saved and when sending.' },
	description: string,
	events: { type: 'array', items: ref('WebhookEventType') },
	fieldCodes: { type: 'array', items: string, description: 'Public events only for these S&T fields (a broad code includes narrower ones); empty: all.' },
	provinceCode: { ...nullableString, description: 'Public events only for this province; null: all.' },
	active: { type: 'boolean' },
	disabledAt: nullableDateTime,
	disabledReason: { type: ['string', 'null'], enum: ['manual', 'gone', 'failing', null], description: 'manual: turned off by a manager; gone: the endpoint answered 410; failing: attempts failed without a break for more than 3 days.' },
	failureStreak: { type: 'integer', minimum: 0, description: `Failed attempts since the last success; the webhook is turned off at ${DISABLE_AFTER_FAILURES} or more once the first is 3 days old.` },
	failingSince: nullableDateTime,
	secretHint: { ...string, description: 'The first characters of the secret, to tell secrets apart. The secret itself is only in the answers of creation and rotation.' },
	rotationEndsAt: { ...nullableDateTime, description: 'Until then the previous secret also signs (a second v1).' },
	createdBy: nullableString,
	createdAt: dateTime,
	updatedAt: dateTime,
}

export const webhooksCapability = defineCapability({
	name: 'webhooks',
	tags: [
		{
			name: 'Webhooks',
			description: [
				'Signed HTTP POSTs to an organisation\'s endpoint when something happens: `listing.published` (an offer or demand is published), `taskResult.added` (a task result is registered), `deal.stageChanged` (a deal of the organisation moves; sent only to the buyer\'s and the seller\'s webhooks), and `ping` (the test event).',
				'The body is `{ "id", "type", "createdAt", "data" }` (see WebhookEventBody). Headers: `Cau-Noi-Event` (the type), `Cau-Noi-Delivery` (the delivery id, the same on every attempt: use it to skip duplicates), `User-Agent: CauNoi-Webhooks/1` and `Cau-Noi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>`; during the 24 hours after a rotation a second `v1`, made with the previous secret, is added. Verify against the raw body and refuse a `t` older than 5 minutes.',
				`A 2xx answer within 10 seconds is a success; redirects are not followed. Failures are retried after ${retries}, then the delivery is FAILED. 410 Gone turns the webhook off at once. At most ${MAX_WEBHOOKS} webhooks per organisation.`,
			].join('\n\n'),
		},
	],
	schemas: {
		WebhookEventType: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] },
		Webhook: { type: 'object', required: Object.keys(webhookProperties), properties: webhookProperties },
		WebhookWithSecret: {
			type: 'object',
			required: [...Object.keys(webhookProperties), 'secret'],
			properties: { ...webhookProperties, secret: { ...string, pattern: '^whsec_', description: 'The signing secret, in this answer only: store it now.' } },
		},
		WebhookCreate: fromZod(WebhookCreateSchema),
		WebhookPatch: fromZod(WebhookPatchSchema),
		WebhookAttempt: {
			type: 'object',
			required: ['id', 'at', 'durationMs', 'statusCode', 'error', 'responseExcerpt'],
			properties: {
				id: string,
				at: dateTime,
				durationMs: { type: 'integer', minimum: 0 },
				statusCode: { type: ['integer', 'null'], description: 'null: no answer (timeout, connection refused, blocked address).' },
				error: { ...nullableString, description: 'null on success; else timeout, status, network: <code>, blocked: <address>, redirect: <location>, refused: <reason>.' },
				responseExcerpt: { ...nullableString, description: 'At most 1 KB of the answer\'s body.' },
			},
		},
		WebhookDelivery: {
			type: 'object',
			required: ['id', 'status', 'attempts', 'nextAttemptAt', 'lastStatusCode', 'lastError', 'deliveredAt', 'createdAt', 'event', 'recentAttempts'],
			properties: {
				id: string,
				status: { type: 'string', enum: ['PENDING', 'SUCCEEDED', 'FAILED', 'DISCARDED'], description: 'DISCARDED: not sent because the webhook was turned off first.' },
				attempts: { type: 'integer', minimum: 0 },
				nextAttemptAt: { ...dateTime, description: 'When a PENDING delivery is tried next.' },
				lastStatusCode: { type: ['integer', 'null'] },
				lastError: nullableString,
				deliveredAt: nullableDateTime,
				createdAt: dateTime,
				event: { type: 'object', required: ['id', 'type', 'createdAt'], properties: { id: string, type: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES, PING_EVENT] }, createdAt: dateTime } },
				recentAttempts: { type: 'array', items: ref('WebhookAttempt'), description: 'The latest 10 attempts, newest first.' },
			},
		},
		WebhookEventBody: {
			type: 'object',
			description: 'What a webhook receives (not an answer of this API). `data.url` and `data.apiUrl` are absolute; public events carry public data only.',
			required: ['id', 'type', 'createdAt', 'data'],
			properties: {
				id: { ...string, description: 'The event id; the same event reaches each webhook once (one delivery per webhook).' },
				type: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES, PING_EVENT] },
				createdAt: dateTime,
				data: {
					type: 'object',
					description:
						'listing.published: id, kind (offer|demand), title, summary, fieldCodes, keywords, trl, minTrl, transferModes, province, organisation, publishedAt, url, apiUrl. taskResult.added: id, taskCode, title, level, hostName, hostOrganisation, province, fieldCodes, keywords, startYear, endYear, applicationStatus, registrationNumber, url, apiUrl. deal.stageChanged: id, code, title, fromStage, toStage, at, buyer, seller, url, apiUrl. ping: message, webhook, organisation.',
				},
			},
		},
	},
	paths: {
		'/organisations/{id}/webhooks': {
			parameters: [organisationId],
			get: {
				operationId: 'listWebhooks',
				summary: "An organisation's webhooks",
				description: who,
				tags: ['Webhooks'],
				security: security.any,
				responses: { '200': jsonResponse('The webhooks, newest first.', dataOf({ type: 'array', items: ref('Webhook') })), ...errors(401, 403, 404) },
			},
			post: {
				operationId: 'createWebhook',
				summary: 'Add a webhook',
				description: `${who} The answer holds the signing secret, once.`,
				tags: ['Webhooks'],
				security: security.any,
				requestBody: jsonBody(ref('WebhookCreate')),
				responses: {
					'201': jsonResponse('The webhook with its secret.', dataOf(ref('WebhookWithSecret')), { Location: { description: 'Its address in the API.', schema: string } }),
					...errors(400, 401, 403, 404, 409, 413, 415, 429),
				},
			},
		},
		'/organisations/{id}/webhooks/{webhookId}': {
			parameters: [organisationId, webhookId],
			get: {
				operationId: 'getWebhook',
				summary: 'One webhook',
				description: who,
				tags: ['Webhooks'],
				security: security.any,
				responses: { '200': jsonResponse('The webhook.', dataOf(ref('Webhook'))), ...errors(401, 403, 404) },
			},
			patch: {
				operationId: 'updateWebhook',
				summary: 'Change a webhook, or turn it on or off',
				description: `${who} \`active: true\` clears the failure streak; \`active: false\` discards the deliveries waiting.`,
				tags: ['Webhooks'],
				security: security.any,
				requestBody: jsonBody(ref('WebhookPatch')),
				responses: { '200': jsonResponse('The webhook as changed.', dataOf(ref('Webhook'))), ...errors(400, 401, 403, 404, 413, 415, 429) },
			},
			delete: {
				operationId: 'deleteWebhook',
				summary: 'Delete a webhook and its delivery log',
				description: who,
				tags: ['Webhooks'],
				security: security.any,
				responses: { '204': { description: 'Deleted.' }, ...errors(401, 403, 404, 429) },
			},
		},
		'/organisations/{id}/webhooks/{webhookId}/rotate': {
			parameters: [organisationId, webhookId],
			post: {
				operationId: 'rotateWebhookSecret',
				summary: 'Create a new signing secret',
				description: `${who} The previous secret keeps signing (a second v1) for 24 hours; rotating again within them ends the older one at once.`,
				tags: ['Webhooks'],
				security: security.any,
				responses: { '200': jsonResponse('The webhook with its new secret, once.', dataOf(ref('WebhookWithSecret'))), ...errors(401, 403, 404, 429) },
			},
		},
		'/organisations/{id}/webhooks/{webhookId}/test': {
			parameters: [organisationId, webhookId],
			post: {
				operationId: 'testWebhook',
				summary: 'Send a ping event to this webhook',
				description: `${who} It goes through the same queue as real events (also when the webhook is off) and shows in the deliveries.`,
				tags: ['Webhooks'],
				security: security.any,
				responses: {
					'202': jsonResponse(
						'Queued.',
						dataOf({ type: 'object', required: ['eventId', 'type'], properties: { eventId: string, type: { type: 'string', enum: [PING_EVENT] } } }),
					),
					...errors(401, 403, 404, 429),
				},
			},
		},
		'/organisations/{id}/webhooks/{webhookId}/deliveries': {
			parameters: [organisationId, webhookId],
			get: {
				operationId: 'listWebhookDeliveries',
				summary: "A webhook's delivery log",
				description: who,
				tags: ['Webhooks'],
				security: security.any,
				parameters: [...pageParameters],
				responses: { '200': jsonResponse('Deliveries, newest first, each with its latest attempts.', pageOf(ref('WebhookDelivery'))), ...errors(400, 401, 403, 404) },
			},
		},
		'/organisations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver': {
			parameters: [organisationId, webhookId, deliveryId],
			post: {
				operationId: 'redeliverWebhook',
				summary: 'Send a delivery again, once',
				description: `${who} One attempt with the same delivery id, whatever the delivery's state except PENDING; not while the webhook is off.`,
				tags: ['Webhooks'],
				security: security.any,
				responses: {
					'202': jsonResponse('Queued.', dataOf({ type: 'object', required: ['id', 'status'], properties: { id: string, status: { type: 'string', enum: ['PENDING'] } } })),
					...errors(401, 403, 404, 409, 429),
				},
			},
		},
	},
})
