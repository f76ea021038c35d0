// What a webhook form and the API accept (client-safe: the page validates with it too). Checks that
// need the network or the database (the URL's addresses, known field and province codes) are added
// on the server by webhookChecks() in subscriptions.server.ts.
import { z } from 'zod'
import { msg } from '~/utils/validation'
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_EVENT_TYPES, WEBHOOK_FIELD_CODES_MAX, WEBHOOK_URL_MAX } from './events'

const FIELD_CODE = /^\d{1,5}$/

export const WebhookUrlSchema = z
	.string({ error: msg('validation.required') })
	.trim()
	.min(1, msg('validation.required'))
	.max(WEBHOOK_URL_MAX, msg('validation.tooLong', { max: WEBHOOK_URL_MAX }))

const description = z
	.string()
	.trim()
	.max(WEBHOOK_DESCRIPTION_MAX, msg('validation.tooLong', { max: WEBHOOK_DESCRIPTION_MAX }))

const events = z
	.array(z.enum(WEBHOOK_EVENT_TYPES, { error: msg('webhooks.errors.eventUnknown') }), { error: msg('webhooks.errors.eventsRequired') })
	.min(1, msg('webhooks.errors.eventsRequired'))
	.transform((list) => WEBHOOK_EVENT_TYPES.filter((type) => list.includes(type)))

const fieldCodeList = z
	.array(z.string().regex(FIELD_CODE, msg('webhooks.errors.fieldCode')))
	.max(WEBHOOK_FIELD_CODES_MAX, msg('webhooks.errors.tooManyFields', { max: WEBHOOK_FIELD_CODES_MAX }))
	.transform((codes) => [...new Set(codes)])

const provinceCode = z.string().regex(/^\d{2}$/, msg('validation.choose'))

/** The page's form: events as checkboxes, S&T field codes typed as "2, 405", an optional province. */
export const WebhookFormSchema = z.object({
	url: WebhookUrlSchema,
	description: description.optional(),
	events,
	fieldCodes: z
		.string()
		.max(400, msg('validation.tooLong', { max: 400 }))
		.optional()
		.transform((text) => (text ?? '').split(/[\s,;]+/).filter(Boolean))
		.pipe(fieldCodeList),
	provinceCode: provinceCode.optional(),
})

export type WebhookFormInput = z.output<typeof WebhookFormSchema>

/** POST /organisations/{id}/webhooks. */
export const WebhookCreateSchema = z.strictObject({
	url: WebhookUrlSchema,
	description: description.optional(),
	events,
	fieldCodes: fieldCodeList.optional(),
	provinceCode: provinceCode.nullable().optional(),
})

/** PATCH /organisations/{id}/webhooks/{webhookId}: any subset; `active` turns it on or off. */
export const WebhookPatchSchema = z.strictObject({
	url: WebhookUrlSchema.optional(),
	description: description.optional(),
	events: events.optional(),
	fieldCodes: fieldCodeList.optional(),
	provinceCode: provinceCode.nullable().optional(),
	active: z.boolean({ error: msg('validation.invalid') }).optional(),
})

export type WebhookInput = { url: string; description: string; events: string[]; fieldCodes: string[]; provinceCode: string | null }
