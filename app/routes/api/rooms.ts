import { roomsApi } from '~/api/chat.server'

// GET the caller's chat rooms, POST open a deal's room or a direct conversation (app/api/chat.server.ts).
export const loader = roomsApi.loader
export const action = roomsApi.action
