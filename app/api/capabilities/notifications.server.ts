import { NotificationsReadSchema } from '../schemas.server'
import { dataOf, defineCapability, errors, fromZod, jsonBody, jsonResponse, pageParameters, ref, security } from '../openapi-kit.server'

export const notificationsCapability = defineCapability({
	name: 'notifications',
	tags: [{ name: 'Notifications', description: "The signed-in person's notifications. They belong to people: API keys get 403." }],
	schemas: {
		Notification: {
			type: 'object',
			required: ['id', 'kind', 'params', 'title', 'body', 'link', 'readAt', 'createdAt'],
			properties: {
				id: { type: 'string' },
				kind: { type: 'string', examples: ['membership.added'] },
				params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
				title: { type: 'string', description: 'In the language of the request.' },
				body: { type: 'string', description: 'In the language of the request.' },
				link: { type: ['string', 'null'], description: 'A path on the web site.' },
				readAt: { type: ['string', 'null'], format: 'date-time' },
				createdAt: { type: 'string', format: 'date-time' },
			},
		},
		NotificationPage: {
			type: 'object',
			required: ['data', 'meta', 'links'],
			properties: {
				data: { type: 'array', items: ref('Notification') },
				meta: {
					allOf: [ref('PageMeta')],
					type: 'object',
					required: ['unread'],
					properties: { unread: { type: 'integer', minimum: 0 } },
				},
				links: ref('PageLinks'),
			},
		},
		NotificationsRead: fromZod(NotificationsReadSchema),
	},
	paths: {
		'/notifications': {
			get: {
				operationId: 'listNotifications',
				summary: 'My notifications, newest first',
				tags: ['Notifications'],
				security: security.user,
				parameters: pageParameters,
				responses: { '200': jsonResponse('A page of notifications.', ref('NotificationPage')), ...errors(400, 401, 403) },
			},
			post: {
				operationId: 'markNotificationsRead',
				summary: 'Mark notifications read',
				description: 'Ids of notifications that are not yours, or already read, are ignored.',
				tags: ['Notifications'],
				security: security.user,
				requestBody: jsonBody(ref('NotificationsRead')),
				responses: {
					'200': jsonResponse(
						'How many changed, and what is left unread.',
						dataOf({ type: 'object', required: ['marked', 'unread'], properties: { marked: { type: 'integer' }, unread: { type: 'integer' } } }),
					),
					...errors(400, 401, 403, 413, 415, 429),
				},
			},
		},
	},
})
