import { dealMilestonesApi } from '~/api/deals.server'

// GET a deal's signed milestones (app/api/deals.server.ts).
export const loader = dealMilestonesApi.loader
export const action = dealMilestonesApi.action
