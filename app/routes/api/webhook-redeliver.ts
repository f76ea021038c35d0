import { webhookRedeliverApi } from '~/api/webhooks.server'

// The organisation's webhooks (app/api/webhooks.server.ts).
export const loader = webhookRedeliverApi.loader
export const action = webhookRedeliverApi.action
