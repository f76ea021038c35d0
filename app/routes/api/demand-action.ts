import { listingActionApi } from '~/api/listings.server'

// POST a lifecycle step of one demand: submit, publish, return, archive, restore, renew (app/api/listings.server.ts).
const api = listingActionApi('demand')

export const loader = api.loader
export const action = api.action
