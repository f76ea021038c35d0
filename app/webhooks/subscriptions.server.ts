// The one place that writes webhook subscriptions: every function checks that the actor is an
// owner or admin of the organisation (an outsider is told "not found", a plain member "forbidden"),
// writes in one transaction with its audit entry, and wakes the relay when something is to be sent.
import type { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/models/audit.server'
import { canManage, membershipRole, OrganisationError } from '~/models/organisation.server'
import { prisma } from '~/utils/db.server'
import { cleanLine } from '~/utils/text'
import { inTransaction, type Tx } from '~/utils/transaction.server'
import { msg } from '~/utils/validation'
import { MAX_WEBHOOKS, PING_EVENT } from './events'
import { checkWebhookUrl, defaultGuardPolicy, type GuardPolicy } from './guard.server'
import { nudgeWebhookRelay } from './relay.server'
import type { WebhookInput } from './schema'
import { newWebhookSecret, ROTATION_OVERLAP_MS, SECRET_PREFIX } from './signature.server'

/** 404 for people outside the organisation (its webhooks are not theirs to learn of), 403 for plain members. */
export async function requireWebhookManager(actorId: string, organisationId: string) {
	const role = await membershipRole(actorId, organisationId)
	if (!role) throw new OrganisationError('errors.notFound', 404)
	if (!canManage(role)) throw new OrganisationError('errors.forbidden', 403)
	return role
}

type Checked = { url?: string; fieldCodes?: string[]; provinceCode?: string | null }

/**
 * The server's checks as a zod refinement, so they report on their field like any other error:
 * the URL's scheme and resolved addresses (the SSRF guard), known S&T field and province codes.
 */
export function webhookChecks<S extends z.ZodType<Checked>>(schema: S, policy: GuardPolicy = defaultGuardPolicy()) {
	return schema.superRefine(async (value, ctx) => {
		if (value.url) {
			const checked = await checkWebhookUrl(value.url, policy)
			if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: msg(`webhooks.errors.url.${checked.reason}`) })
		}
		if (value.fieldCodes && value.fieldCodes.length > 0) {
			const known = await prisma.scienceField.findMany({ where: { code: { in: value.fieldCodes } }, select: { code: true } })
			const missing = value.fieldCodes.filter((code) => !known.some((k) => k.code === code))
			if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['fieldCodes'], message: msg('webhooks.errors.fieldUnknown', { codes: missing.join(', ') }) })
		}
		if (value.provinceCode) {
			const province = await prisma.province.findUnique({ where: { code: value.provinceCode }, select: { code: true } })
			if (!province) ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: msg('validation.choose') })
		}
	})
}

const viewSelect = {
	id: true,
	url: true,
	description: true,
	events: true,
	fieldCodes: true,
	provinceCode: true,
	secret: true,
	previousSecretExpiresAt: true,
	active: true,
	disabledAt: true,
	disabledReason: true,
	failureStreak: true,
	failingSince: true,
	createdAt: true,
	updatedAt: true,
	createdBy: { select: { name: true } },
} as const satisfies Prisma.WebhookSubscriptionSelect

type Row = Prisma.WebhookSubscriptionGetPayload<{ select: typeof viewSelect }>

/** A subscription as pages and the API show it: never its secret, only the secret's first characters. */
function toView(row: Row, now = new Date()) {
	const { secret, createdBy, previousSecretExpiresAt, ...rest } = row
	return {
		...rest,
		secretHint: `${secret.slice(0, SECRET_PREFIX.length + 4)}…`,
		// The previous secret still signs until then (two v1 signatures).
		rotationEndsAt: previousSecretExpiresAt && previousSecretExpiresAt > now ? previousSecretExpiresAt : null,
		createdBy: createdBy?.name ?? null,
	}
}

export type WebhookView = ReturnType<typeof toView>

// Inside a transaction, pass its client: the embedded database has one connection, which the
// transaction holds, so a query on the pool would wait for it forever.
async function findOwned(organisationId: string, webhookId: string, client: Tx | typeof prisma = prisma) {
	const row = await client.webhookSubscription.findFirst({ where: { id: webhookId, organisationId }, select: viewSelect })
	if (!row) throw new OrganisationError('webhooks.errors.notFound', 404)
	return row
}

/** The organisation's webhooks, newest first, each with its latest delivery's outcome. */
export async function listWebhooks(actorId: string, organisationId: string) {
	await requireWebhookManager(actorId, organisationId)
	const rows = await prisma.webhookSubscription.findMany({
		where: { organisationId },
		select: { ...viewSelect, deliveries: { select: { status: true, lastStatusCode: true, updatedAt: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
		orderBy: { createdAt: 'desc' },
	})
	return rows.map(({ deliveries, ...row }) => ({ ...toView(row), lastDelivery: deliveries[0] ?? null }))
}

export async function getWebhook(actorId: string, organisationId: string, webhookId: string) {
	await requireWebhookManager(actorId, organisationId)
	return toView(await findOwned(organisationId, webhookId))
}

function inputData(input: Partial<WebhookInput>) {
	return {
		...(input.url !== undefined ? { url: input.url.trim() } : {}),
		...(input.description !== undefined ? { description: cleanLine(input.description) } : {}),
		...(input.events !== undefined ? { events: input.events } : {}),
		...(input.fieldCodes !== undefined ? { fieldCodes: input.fieldCodes } : {}),
		...(input.provinceCode !== undefined ? { provinceCode: input.provinceCode || null } : {}),
	}
}

/** Creates a webhook; the secret is in the result and shown once (it can be rotated, never read again). */
export async function createWebhook(actorId: string, organisationId: string, input: WebhookInput) {
	await requireWebhookManager(actorId, organisationId)
	const secret = newWebhookSecret()
	const row = await inTransaction(async ({ tx }) => {
		// Counted under the organisation's row lock, so two parallel creations cannot both pass the limit.
		await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`
		const count = await tx.webhookSubscription.count({ where: { organisationId } })
		if (count >= MAX_WEBHOOKS) throw new OrganisationError('webhooks.errors.tooMany', 409)
		const created = await tx.webhookSubscription.create({
			data: { organisationId, createdById: actorId, secret, url: input.url.trim(), ...inputData(input) },
			select: viewSelect,
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'webhook.create',
			entityType: 'WebhookSubscription',
			entityId: created.id,
			data: { url: created.url, events: created.events },
		})
		return created
	})
	return { webhook: toView(row), secret }
}

/** Changes a webhook; `active` turns it on (clearing the failure streak) or off (discarding what waits). */
export async function updateWebhook(actorId: string, organisationId: string, webhookId: string, patch: Partial<WebhookInput> & { active?: boolean }) {
	await requireWebhookManager(actorId, organisationId)
	const row = await inTransaction(async ({ tx }) => {
		const before = await findOwned(organisationId, webhookId, tx)
		const now = new Date()
		const toggled = patch.active !== undefined && patch.active !== before.active
		const data: Prisma.WebhookSubscriptionUpdateInput = {
			...inputData(patch),
			...(toggled && patch.active ? { active: true, disabledAt: null, disabledReason: null, failureStreak: 0, failingSince: null } : {}),
			...(toggled && !patch.active ? { active: false, disabledAt: now, disabledReason: 'manual' } : {}),
		}
		const updated = await tx.webhookSubscription.update({ where: { id: webhookId }, data, select: viewSelect })
		if (toggled && !patch.active) {
			// What waits would only be sent to an endpoint its owners turned off; the log keeps it for a redelivery.
			await tx.webhookDelivery.updateMany({
				where: { subscriptionId: webhookId, status: 'PENDING', OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
				data: { status: 'DISCARDED', lastError: 'disabled' },
			})
		}
		const action = toggled ? (patch.active ? 'webhook.enable' : 'webhook.disable') : 'webhook.update'
		await recordAudit(tx, {
			actorId,
			organisationId,
			action,
			entityType: 'WebhookSubscription',
			entityId: webhookId,
			data: { url: updated.url, events: updated.events, ...(toggled ? { reason: patch.active ? null : 'manual' } : {}) },
		})
		return updated
	})
	return toView(row)
}

/**
 * A new secret; the previous one keeps signing (a second v1) for 24 hours so receivers can switch
 * without missing a delivery. Rotating again within the overlap ends the older secret at once.
 */
export async function rotateWebhookSecret(actorId: string, organisationId: string, webhookId: string, now = new Date()) {
	await requireWebhookManager(actorId, organisationId)
	const secret = newWebhookSecret()
	const row = await inTransaction(async ({ tx }) => {
		const before = await tx.webhookSubscription.findFirst({ where: { id: webhookId, organisationId }, select: { secret: true } })
		if (!before) throw new OrganisationError('webhooks.errors.notFound', 404)
		const updated = await tx.webhookSubscription.update({
			where: { id: webhookId },
			data: { secret, previousSecret: before.secret, previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS) },
			select: viewSelect,
		})
		await recordAudit(tx, { actorId, organisationId, action: 'webhook.rotate', entityType: 'WebhookSubscription', entityId: webhookId, data: { url: updated.url } })
		return updated
	})
	return { webhook: toView(row, now), secret }
}

export async function deleteWebhook(actorId: string, organisationId: string, webhookId: string) {
	await requireWebhookManager(actorId, organisationId)
	return inTransaction(async ({ tx }) => {
		const before = await findOwned(organisationId, webhookId, tx)
		// Deliveries, attempts and pings go with it (cascade); a delivery in flight finds nothing to record.
		await tx.webhookSubscription.delete({ where: { id: webhookId } })
		await recordAudit(tx, { actorId, organisationId, action: 'webhook.delete', entityType: 'WebhookSubscription', entityId: webhookId, data: { url: before.url } })
		return { id: webhookId, url: before.url }
	})
}

/** Queues a `ping` event for this webhook alone; it goes through the relay like any event and shows in the log. */
export async function sendTestEvent(actorId: string, organisationId: string, webhookId: string) {
	await requireWebhookManager(actorId, organisationId)
	return inTransaction(async ({ tx, afterCommit }) => {
		const webhook = await findOwned(organisationId, webhookId, tx)
		const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, slug: true, name: true } })
		const event = await tx.webhookEvent.create({
			data: {
				type: PING_EVENT,
				subscriptionId: webhookId,
				payload: { message: 'Cầu Nối webhook test / Thử webhook Cầu Nối', webhook: { id: webhook.id, url: webhook.url, events: webhook.events }, organisation },
			},
			select: { id: true },
		})
		await recordAudit(tx, { actorId, organisationId, action: 'webhook.test', entityType: 'WebhookSubscription', entityId: webhookId, data: { eventId: event.id } })
		afterCommit(nudgeWebhookRelay)
		return { eventId: event.id }
	})
}

/**
 * Sends a delivery again, once (no retries after this attempt), with the same delivery id so the
 * receiver can recognise it. Not while it is still pending, nor to a webhook that is off.
 */
export async function redeliver(actorId: string, organisationId: string, webhookId: string, deliveryId: string) {
	await requireWebhookManager(actorId, organisationId)
	return inTransaction(async ({ tx, afterCommit }) => {
		const webhook = await findOwned(organisationId, webhookId, tx)
		const delivery = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, subscriptionId: webhookId }, select: { id: true, status: true, event: { select: { type: true } } } })
		if (!delivery) throw new OrganisationError('webhooks.errors.deliveryNotFound', 404)
		if (!webhook.active && delivery.event.type !== PING_EVENT) throw new OrganisationError('webhooks.errors.redeliverDisabled', 409)
		const { count } = await tx.webhookDelivery.updateMany({
			where: { id: delivery.id, status: { not: 'PENDING' } },
			data: { status: 'PENDING', nextAttemptAt: new Date(), lockedUntil: null, oneOff: true },
		})
		if (count === 0) throw new OrganisationError('webhooks.errors.alreadyPending', 409)
		await recordAudit(tx, { actorId, organisationId, action: 'webhook.redeliver', entityType: 'WebhookDelivery', entityId: delivery.id, data: { webhookId } })
		afterCommit(nudgeWebhookRelay)
		return { id: delivery.id }
	})
}

export const DELIVERIES_PER_PAGE = 25

const deliverySelect = {
	id: true,
	status: true,
	attempts: true,
	nextAttemptAt: true,
	lastStatusCode: true,
	lastError: true,
	deliveredAt: true,
	createdAt: true,
	event: { select: { id: true, type: true, createdAt: true } },
	attemptLog: { select: { id: true, at: true, durationMs: true, statusCode: true, error: true, responseExcerpt: true }, orderBy: { at: 'desc' }, take: 10 },
} as const satisfies Prisma.WebhookDeliverySelect

export type DeliveryView = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>

/** The delivery log, newest first, each delivery with its latest attempts. */
export async function listDeliveries(actorId: string, organisationId: string, webhookId: string, page: { skip: number; take: number } = { skip: 0, take: DELIVERIES_PER_PAGE }) {
	await requireWebhookManager(actorId, organisationId)
	await findOwned(organisationId, webhookId)
	const where = { subscriptionId: webhookId }
	const [items, total] = await Promise.all([
		prisma.webhookDelivery.findMany({ where, select: deliverySelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: page.skip, take: page.take }),
		prisma.webhookDelivery.count({ where }),
	])
	return { items, total }
}
