import { dealCollectionApi } from '~/api/deals.server'

// GET the caller's deals, POST a new one (app/api/deals.server.ts).
export const loader = dealCollectionApi.loader
export const action = dealCollectionApi.action
