// What a subscription can ask for; shared by the pages (checkboxes), the API schemas and the relay.

/** The events a subscription may choose, in the order the pages list them. */
export const WEBHOOK_EVENT_TYPES = ['listing.published', 'taskResult.added', 'deal.stageChanged'] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** Sent by "send a test event" only, to the one subscription asked; never chosen. */
export const PING_EVENT = 'ping'

/** Public events (any organisation may subscribe; filters by field and province apply). deal.stageChanged goes only to the deal's sides. */
export const PUBLIC_EVENT_TYPES: readonly WebhookEventType[] = ['listing.published', 'taskResult.added']

export function isWebhookEventType(value: string): value is WebhookEventType {
	return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value)
}

/** Webhooks per organisation: enough for every integration, few enough to review. */
export const MAX_WEBHOOKS = 10
export const WEBHOOK_URL_MAX = 2000
export const WEBHOOK_DESCRIPTION_MAX = 200
export const WEBHOOK_FIELD_CODES_MAX = 20

/** Header names of a delivery. */
export const SIGNATURE_HEADER = 'Cau-Noi-Signature'
export const EVENT_HEADER = 'Cau-Noi-Event'
export const DELIVERY_HEADER = 'Cau-Noi-Delivery'
export const USER_AGENT = 'CauNoi-Webhooks/1'
