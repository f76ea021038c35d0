import { bulkApi } from '~/api/research-bulk.server'

// POST task results in bulk (operators; app/api/research-bulk.server.ts).
const api = bulkApi('taskResults')

export const loader = api.loader
export const action = api.action
