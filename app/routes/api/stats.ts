import { statsApi } from '~/api/stats.server'

// GET the public statistics (app/api/stats.server.ts).
const api = statsApi()

export const loader = api.loader
export const action = api.action
