import { milestonePaymentsApi } from '~/api/deals.server'

// POST: the buyer starts paying a milestone (app/api/deals.server.ts).
export const loader = milestonePaymentsApi.loader
export const action = milestonePaymentsApi.action
