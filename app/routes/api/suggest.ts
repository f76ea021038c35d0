import { suggestApi } from '~/api/search.server'

// GET as-you-type suggestions (app/api/search.server.ts).
const api = suggestApi()

export const loader = api.loader
export const action = api.action
