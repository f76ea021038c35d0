import { webhookTestApi } from '~/api/webhooks.server'

// The organisation's webhooks (app/api/webhooks.server.ts).
export const loader = webhookTestApi.loader
export const action = webhookTestApi.action
