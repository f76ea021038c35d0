import { listingItemApi } from '~/api/listings.server'

// GET one offer, PATCH its fields (app/api/listings.server.ts).
const api = listingItemApi('offer')

export const loader = api.loader
export const action = api.action
