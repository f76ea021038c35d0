import { dealPaymentsApi } from '~/api/deals.server'

// GET a deal's payments with their split (app/api/deals.server.ts).
export const loader = dealPaymentsApi.loader
export const action = dealPaymentsApi.action
