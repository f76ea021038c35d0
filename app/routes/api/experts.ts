import { expertCollectionApi } from '~/api/research.server'

// GET the expert directory (public; e-mails for operators only) (app/api/research.server.ts).
const api = expertCollectionApi()

export const loader = api.loader
export const action = api.action
