import { bulkApi } from '~/api/research-bulk.server'

// POST experts in bulk (operators; app/api/research-bulk.server.ts).
const api = bulkApi('experts')

export const loader = api.loader
export const action = api.action
