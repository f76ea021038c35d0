import { roomApi } from '~/api/chat.server'

// GET one chat room with its members (app/api/chat.server.ts).
export const loader = roomApi.loader
export const action = roomApi.action
