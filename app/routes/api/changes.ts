import { changesApi } from '~/api/changes.server'

// GET the public change feed (app/api/changes.server.ts).
const api = changesApi()

export const loader = api.loader
export const action = api.action
