import { taskResultCollectionApi } from '~/api/research.server'

// GET the registered task results (public) (app/api/research.server.ts).
const api = taskResultCollectionApi()

export const loader = api.loader
export const action = api.action
