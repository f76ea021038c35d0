import { searchApi } from '~/api/search.server'

// GET the search across offers, demands, task results and experts (app/api/search.server.ts).
const api = searchApi()

export const loader = api.loader
export const action = api.action
