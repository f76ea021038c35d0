import { webhookRotateApi } from '~/api/webhooks.server'

// The organisation's webhooks (app/api/webhooks.server.ts).
export const loader = webhookRotateApi.loader
export const action = webhookRotateApi.action
