import { CHAT_LIMITS } from '~/models/chat.server'
import { HistoryQuery, MessagePostSchema, ReadSchema, RoomOpenSchema } from '../chat.server'
import { dataOf, defineCapability, errors, fromZod, jsonBody, jsonResponse, pathParameter, queryFromZod, ref, security, type JsonSchema } from '../openapi-kit.server'

const string = { type: 'string' }
const nullableString = { type: ['string', 'null'] }
const person: JsonSchema = {
	type: 'object',
	required: ['id', 'name'],
	properties: { id: string, name: string },
}

const message: JsonSchema = {
	type: 'object',
	required: ['id', 'roomId', 'seq', 'clientMsgId', 'kind', 'body', 'sender', 'createdAt'],
	properties: {
		id: string,
		roomId: string,
		seq: {
			type: 'integer',
			minimum: 1,
			description: "The message's place in the room: 1, 2, 3, … without gaps. Order by it.",
		},
		clientMsgId: { type: 'string', format: 'uuid' },
		kind: { type: 'string', enum: ['TEXT', 'SYSTEM'] },
		body: {
			...string,
			description:
				'TEXT: Markdown-lite (render links, bold and lists; never raw HTML). SYSTEM: JSON `{ "key", "params" }`, a line under chat.system (member joined, deal stage changed). Empty when deleted.',
		},
		sender: { oneOf: [person, { type: 'null' }] },
		replyTo: {
			type: ['object', 'null'],
			properties: {
				id: string,
				seq: { type: 'integer' },
				excerpt: string,
				senderName: nullableString,
			},
		},
		attachment: {
			type: ['object', 'null'],
			properties: {
				id: string,
				fileName: string,
				mimeType: string,
				size: { type: 'integer' },
			},
		},
		editedAt: { ...nullableString, format: 'date-time' },
		deletedAt: { ...nullableString, format: 'date-time' },
		createdAt: { type: 'string', format: 'date-time' },
	},
}

const room: JsonSchema = {
	type: 'object',
	required: ['id', 'kind', 'title', 'lastSeq', 'lastReadSeq', 'unread'],
	properties: {
		id: string,
		kind: { type: 'string', enum: ['DEAL', 'DIRECT'] },
		title: string,
		dealId: nullableString,
		dealCode: nullableString,
		others: { type: 'array', items: person },
		lastSeq: { type: 'integer' },
		lastReadSeq: { type: 'integer' },
		unread: { type: 'integer', minimum: 0 },
		lastMessageAt: { ...nullableString, format: 'date-time' },
		isOwner: { type: 'boolean', description: 'May add and remove members.' },
		members: {
			type: 'array',
			description: 'In GET /rooms/{id} only.',
			items: {
				type: 'object',
				properties: {
					id: string,
					name: string,
					isOwner: { type: 'boolean' },
					source: string,
					lastReadSeq: { type: 'integer' },
				},
			},
		},
	},
}

const roomId = pathParameter('id', 'The room id.')

export const chatCapability = defineCapability({
	name: 'chat',
	tags: [
		{
			name: 'Chat',
			description:
				"Deal rooms (the buyer's and seller's members and the broker) and direct conversations. The same rooms as the site's live chat: what is posted here reaches open sockets. Signed-in people only; a room that is not yours answers 404.",
		},
	],
	schemas: {
		ChatRoom: room,
		ChatMessage: message,
		ChatRoomOpen: fromZod(RoomOpenSchema),
		ChatMessagePost: fromZod(MessagePostSchema),
		ChatRead: fromZod(ReadSchema),
	},
	paths: {
		'/rooms': {
			get: {
				operationId: 'listRooms',
				summary: 'Your rooms, the most recently active first, with unread counts',
				tags: ['Chat'],
				security: security.user,
				responses: {
					'200': jsonResponse('The rooms.', dataOf({ type: 'array', items: ref('ChatRoom') })),
					...errors(401, 403),
				},
			},
			post: {
				operationId: 'openRoom',
				summary: "Open a deal's room or a direct conversation",
				description: 'An existing room is returned with 200; a new one with 201.',
				tags: ['Chat'],
				security: security.user,
				requestBody: jsonBody(ref('ChatRoomOpen')),
				responses: {
					'200': jsonResponse('The room, already there.', dataOf(ref('ChatRoom'))),
					'201': jsonResponse('The new room.', dataOf(ref('ChatRoom'))),
					...errors(400, 401, 403, 404, 413, 415, 429),
				},
			},
		},
		'/rooms/{id}': {
			parameters: [roomId],
			get: {
				operationId: 'getRoom',
				summary: 'One room with its members',
				tags: ['Chat'],
				security: security.user,
				responses: {
					'200': jsonResponse('The room.', dataOf(ref('ChatRoom'))),
					...errors(401, 403, 404),
				},
			},
		},
		'/rooms/{id}/messages': {
			parameters: [roomId],
			get: {
				operationId: 'listRoomMessages',
				summary: 'History by sequence cursors (oldest first), or search with q',
				description: `Without cursors: the newest ${CHAT_LIMITS.historyPage} (or \`limit\`). \`before\`: older ones (use \`meta.before\`). \`after\`: everything newer, to catch up (use \`meta.after\`, repeat while \`meta.hasMore\`).`,
				tags: ['Chat'],
				security: security.user,
				parameters: queryFromZod(HistoryQuery),
				responses: {
					'200': jsonResponse('A page of messages.', {
						type: 'object',
						required: ['data'],
						properties: {
							data: { type: 'array', items: ref('ChatMessage') },
							meta: {
								type: 'object',
								properties: {
									hasMore: { type: 'boolean' },
									lastReadSeq: { type: 'integer' },
									before: { type: ['integer', 'null'] },
									after: { type: ['integer', 'null'] },
								},
							},
						},
					}),
					...errors(400, 401, 403, 404),
				},
			},
			post: {
				operationId: 'postRoomMessage',
				summary: 'Post a message, once per idempotency key',
				description:
					'Give a UUID as `clientMsgId` or the `Idempotency-Key` header. The first request stores the message with the next sequence number (201); a retry with the same key returns the stored message (200, `meta.duplicate`), whatever its body says.',
				tags: ['Chat'],
				security: security.user,
				parameters: [
					{
						name: 'Idempotency-Key',
						in: 'header',
						required: false,
						schema: { type: 'string', format: 'uuid' },
					},
				],
				requestBody: jsonBody(ref('ChatMessagePost')),
				responses: {
					'200': jsonResponse('Already stored: the same message.', {
						type: 'object',
						properties: {
							data: ref('ChatMessage'),
							meta: {
								type: 'object',
								properties: { duplicate: { const: true } },
							},
						},
					}),
					'201': jsonResponse('Stored.', {
						type: 'object',
						properties: {
							data: ref('ChatMessage'),
							meta: {
								type: 'object',
								properties: { duplicate: { const: false } },
							},
						},
					}),
					...errors(400, 401, 403, 404, 413, 415, 429),
				},
			},
		},
		'/rooms/{id}/read': {
			parameters: [roomId],
			post: {
				operationId: 'markRoomRead',
				summary: 'You have read the room up to a sequence number',
				description: 'Never moves backwards, never past the last message.',
				tags: ['Chat'],
				security: security.user,
				requestBody: jsonBody(ref('ChatRead')),
				responses: {
					'200': jsonResponse(
						'How far you have read now.',
						dataOf({
							type: 'object',
							properties: { lastReadSeq: { type: 'integer' } },
						}),
					),
					...errors(400, 401, 403, 404, 413, 415),
				},
			},
		},
	},
})
