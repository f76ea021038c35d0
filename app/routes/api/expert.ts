import { expertItemApi } from '~/api/research.server'

// GET one expert profile (public; the e-mail for operators only) (app/api/research.server.ts).
const api = expertItemApi()

export const loader = api.loader
export const action = api.action
