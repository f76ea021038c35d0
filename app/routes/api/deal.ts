import { dealItemApi } from '~/api/deals.server'

// GET one deal with its timeline, agreement, milestones and payments (app/api/deals.server.ts).
export const loader = dealItemApi.loader
export const action = dealItemApi.action
