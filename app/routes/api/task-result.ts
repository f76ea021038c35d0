import { taskResultItemApi } from '~/api/research.server'

// GET one registered task result (public) (app/api/research.server.ts).
const api = taskResultItemApi()

export const loader = api.loader
export const action = api.action
