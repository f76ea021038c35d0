import { listingCollectionApi } from '~/api/listings.server'

// GET the published demands, POST a new draft (app/api/listings.server.ts).
const api = listingCollectionApi('demand')

export const loader = api.loader
export const action = api.action
