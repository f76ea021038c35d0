import { dealPaymentApi } from '~/api/deals.server'

// GET one payment and how to pay it while pending (app/api/deals.server.ts).
export const loader = dealPaymentApi.loader
export const action = dealPaymentApi.action
