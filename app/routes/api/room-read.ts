import { roomReadApi } from '~/api/chat.server'

// POST: the caller has read a room up to a sequence number (app/api/chat.server.ts).
export const loader = roomReadApi.loader
export const action = roomReadApi.action
