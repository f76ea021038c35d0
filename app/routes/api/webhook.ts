import { webhookApi } from '~/api/webhooks.server'

// The organisation's webhooks (app/api/webhooks.server.ts).
export const loader = webhookApi.loader
export const action = webhookApi.action
