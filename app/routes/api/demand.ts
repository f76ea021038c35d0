import { listingItemApi } from '~/api/listings.server'

// GET one demand, PATCH its fields (app/api/listings.server.ts).
const api = listingItemApi('demand')

export const loader = api.loader
export const action = api.action
