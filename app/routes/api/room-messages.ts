import { roomMessagesApi } from '~/api/chat.server'

// GET a room's history by sequence cursors or search, POST a message once per idempotency key (app/api/chat.server.ts).
export const loader = roomMessagesApi.loader
export const action = roomMessagesApi.action
