import { webhooksApi } from '~/api/webhooks.server'

// The organisation's webhooks (app/api/webhooks.server.ts).
export const loader = webhooksApi.loader
export const action = webhooksApi.action
