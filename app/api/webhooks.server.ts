// /api/v1/organisations/{id}/webhooks…: the organisation's webhooks for its owners and admins
// (signed in) and for its own API keys (acting for the manager who created the key, who must still
// manage it). Outsiders are told "not found". The model (app/webhooks/subscriptions.server.ts)
// checks the role again and writes the audit log.
import { canManage, membershipRole } from '~/models/organisation.server'
import { PING_EVENT } from '~/webhooks/events'
import { WebhookCreateSchema, WebhookPatchSchema } from '~/webhooks/schema'
import {
	createWebhook,
	deleteWebhook,
	getWebhook,
	listDeliveries,
	listWebhooks,
	redeliver,
	rotateWebhookSecret,
	sendTestEvent,
	updateWebhook,
	webhookChecks,
} from '~/webhooks/subscriptions.server'
import { requireApiPrincipal, userRoleIn } from './auth.server'
import { forbidden, notFound } from './errors.server'
import { apiRoute } from './handler.server'
import { requireOrganisation } from './organisations.server'
import { paged, readPage } from './pagination.server'
import { apiJson, created, noContent, ok } from './responses.server'
import { parseJsonBody } from './validation.server'

type Params = { id: string; webhookId?: string; deliveryId?: string }

/** The person the request acts as, for an organisation it may manage webhooks of. */
async function requireWebhookActor(request: Request, idOrSlug: string | undefined) {
	const principal = await requireApiPrincipal(request)
	const organisation = await requireOrganisation(idOrSlug)
	if (principal.kind === 'apiKey') {
		if (principal.organisation.id !== organisation.id) throw notFound('webhooks.errors.notFound')
		const creator = principal.apiKey.createdById
		if (!creator || !canManage(await membershipRole(creator, organisation.id))) throw forbidden('api.errors.keyActorGone')
		return { actorId: creator, organisationId: organisation.id }
	}
	const role = userRoleIn(principal, organisation.id)
	if (!role) throw notFound('webhooks.errors.notFound')
	if (!canManage(role)) throw forbidden()
	return { actorId: principal.user.id, organisationId: organisation.id }
}

const defined = <T extends Record<string, unknown>>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>

export const webhooksApi = apiRoute<Params>({
	GET: async ({ request, params }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		return ok((await listWebhooks(actorId, organisationId)).map(({ lastDelivery: _, ...hook }) => hook))
	},
	POST: async ({ request, params, url }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		const input = await parseJsonBody(request, webhookChecks(WebhookCreateSchema))
		const { webhook, secret } = await createWebhook(actorId, organisationId, {
			url: input.url,
			description: input.description ?? '',
			events: input.events,
			fieldCodes: input.fieldCodes ?? [],
			provinceCode: input.provinceCode ?? null,
		})
		return created({ ...webhook, secret }, `${url.pathname}/${webhook.id}`)
	},
})

export const webhookApi = apiRoute<Params>({
	GET: async ({ request, params }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		return ok(await getWebhook(actorId, organisationId, params.webhookId ?? ''))
	},
	PATCH: async ({ request, params }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		const patch = await parseJsonBody(request, webhookChecks(WebhookPatchSchema))
		return ok(await updateWebhook(actorId, organisationId, params.webhookId ?? '', defined(patch)))
	},
	DELETE: async ({ request, params }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		await deleteWebhook(actorId, organisationId, params.webhookId ?? '')
		return noContent()
	},
})

export const webhookRotateApi = apiRoute<Params>({
	POST: async ({ request, params }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		const { webhook, secret } = await rotateWebhookSecret(actorId, organisationId, params.webhookId ?? '')
		return ok({ ...webhook, secret })
	},
})

export const webhookTestApi = apiRoute<Params>({
	POST: async ({ request, params }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		const { eventId } = await sendTestEvent(actorId, organisationId, params.webhookId ?? '')
		return apiJson({ data: { eventId, type: PING_EVENT } }, { status: 202 })
	},
})

export const webhookDeliveriesApi = apiRoute<Params>({
	GET: async ({ request, params, url }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		const page = readPage(url)
		const { items, total } = await listDeliveries(actorId, organisationId, params.webhookId ?? '', page)
		return apiJson(paged(url, items.map(({ attemptLog, ...delivery }) => ({ ...delivery, recentAttempts: attemptLog })), total, page))
	},
})

export const webhookRedeliverApi = apiRoute<Params>({
	POST: async ({ request, params }) => {
		const { actorId, organisationId } = await requireWebhookActor(request, params.id)
		const { id } = await redeliver(actorId, organisationId, params.webhookId ?? '', params.deliveryId ?? '')
		return apiJson({ data: { id, status: 'PENDING' } }, { status: 202 })
	},
})
