import { paymentConfirmApi } from '~/api/deals.server'

// POST: an operator confirms a bank transfer arrived (app/api/deals.server.ts).
export const loader = paymentConfirmApi.loader
export const action = paymentConfirmApi.action
