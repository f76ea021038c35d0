import { listingCollectionApi } from '~/api/listings.server'

// GET the published offers, POST a new draft (app/api/listings.server.ts).
const api = listingCollectionApi('offer')

export const loader = api.loader
export const action = api.action
