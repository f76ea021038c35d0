import { dealActionApi } from '~/api/deals.server'

// POST a step of a deal's pipeline: open-nda, accept-nda, propose-terms, sign-terms, ... (app/api/deals.server.ts).
export const loader = dealActionApi.loader
export const action = dealActionApi.action
