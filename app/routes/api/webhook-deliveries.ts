import { webhookDeliveriesApi } from '~/api/webhooks.server'

// The organisation's webhooks (app/api/webhooks.server.ts).
export const loader = webhookDeliveriesApi.loader
export const action = webhookDeliveriesApi.action
