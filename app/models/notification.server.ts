import { getFixedT, type Translate } from '~/emails/i18n.server'
import type { NotificationChannel, Prisma } from '~/generated/prisma/client'
import { enqueueEmail } from '~/jobs/email.server'
import { nudgeWorker } from '~/jobs/queue.server'
import type vi from '~/locales/vi/notifications'
import { isUserOnline, pushToUser } from '~/realtime/registry.server'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { inTransaction, type Unit } from '~/utils/transaction.server'

export type KindSpec = {
	/** The channel used until the user chooses one on the settings page. */
	defaultChannel: NotificationChannel
	/** Security notices: the user may pick the channel but not NONE. */
	required?: boolean
	/** Parameters holding a code that is shown translated under this prefix, e.g. role BROKER as roles.BROKER. */
	translate?: Readonly<Record<string, 'roles' | 'membershipRoles' | 'deals.stages' | 'deals.paymentEvents'>>
}

type KindTexts = typeof vi.kinds
// Every kind with texts in the Vietnamese source; `satisfies` below then fails to compile when a
// registry entry has no texts or texts have no registry entry.
type KindsWithTexts = { [G in keyof KindTexts & string]: `${G}.${keyof KindTexts[G] & string}` }[keyof KindTexts & string]

/**
 * Every notification kind. Adding one: an entry here, plus title, body and setting texts under
 * notifications.kinds in app/locales/{vi,en}/notifications.ts. Its e-mail template is derived.
 */
export const NOTIFICATION_KINDS = {
	'account.welcome': { defaultChannel: 'IN_APP' },
	'account.password-changed': { defaultChannel: 'BOTH', required: true },
	'account.role-granted': { defaultChannel: 'BOTH', required: true, translate: { role: 'roles' } },
	'membership.requested': { defaultChannel: 'BOTH' },
	'membership.accepted': { defaultChannel: 'BOTH' },
	'membership.declined': { defaultChannel: 'IN_APP' },
	'membership.removed': { defaultChannel: 'BOTH' },
	'membership.added': { defaultChannel: 'BOTH' },
	'membership.role-changed': { defaultChannel: 'IN_APP', translate: { role: 'membershipRoles' } },
	'organisation.verified': { defaultChannel: 'BOTH' },
	'organisation.unverified': { defaultChannel: 'BOTH' },
	'listing.submitted': { defaultChannel: 'IN_APP' },
	'listing.published': { defaultChannel: 'BOTH' },
	'listing.changes-approved': { defaultChannel: 'IN_APP' },
	'listing.returned': { defaultChannel: 'BOTH' },
	'listing.expiring': { defaultChannel: 'BOTH' },
	'listing.expired': { defaultChannel: 'BOTH' },
	'import.validated': { defaultChannel: 'IN_APP' },
	'import.applied': { defaultChannel: 'IN_APP' },
	'import.failed': { defaultChannel: 'IN_APP' },
	'expert.claimed': { defaultChannel: 'BOTH' },
	'search.match': { defaultChannel: 'BOTH' },
	'search.digest': { defaultChannel: 'BOTH' },
	'matching.new': { defaultChannel: 'BOTH' },
	'matching.interest': { defaultChannel: 'BOTH' },
	'deal.started': { defaultChannel: 'BOTH' },
	'deal.stage': { defaultChannel: 'BOTH', translate: { stage: 'deals.stages' } },
	'deal.nda-accepted': { defaultChannel: 'IN_APP' },
	'deal.terms-proposed': { defaultChannel: 'BOTH' },
	'deal.terms-signed': { defaultChannel: 'BOTH' },
	'deal.broker': { defaultChannel: 'IN_APP' },
	'deal.payment': { defaultChannel: 'BOTH', translate: { status: 'deals.paymentEvents' } },
	// The digest of messages that waited while the person was away; the message itself is the live push.
	'chat.unread': { defaultChannel: 'EMAIL' },
	// Webhooks: the relay turned a subscription off (410 Gone, or failing for days).
	'webhook.gone': { defaultChannel: 'BOTH' },
	'webhook.failing': { defaultChannel: 'BOTH' },
} as const satisfies Record<KindsWithTexts, KindSpec>

export type NotificationKind = keyof typeof NOTIFICATION_KINDS
export type NotificationParams = Record<string, string | number>

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL', 'BOTH', 'NONE'] as const satisfies readonly NotificationChannel[]

export function isNotificationKind(kind: string): kind is NotificationKind {
	return Object.hasOwn(NOTIFICATION_KINDS, kind)
}

export function kindSpec(kind: string): KindSpec | undefined {
	return isNotificationKind(kind) ? (NOTIFICATION_KINDS[kind] as KindSpec) : undefined
}

/** The channel that applies: the user's choice, except that a required kind never resolves to NONE. */
export function effectiveChannel(spec: KindSpec, chosen: NotificationChannel | null | undefined): NotificationChannel {
	if (!chosen || (chosen === 'NONE' && spec.required)) return spec.defaultChannel
	return chosen
}

/** Title and body of a notification in the language of `t`; kinds no longer known get a neutral text. */
export function renderNotificationText(t: Translate, kind: string, params: NotificationParams) {
	const spec = kindSpec(kind)
	if (!spec) return { title: t('notifications.unknownKind'), body: '' }
	const values: Record<string, unknown> = { ...params }
	for (const [name, prefix] of Object.entries(spec.translate ?? {})) {
		const raw = params[name]
		if (raw !== undefined) values[name] = t(`${prefix}.${raw}`, { defaultValue: String(raw) })
	}
	const base = `notifications.kinds.${kind}`
	return { title: t(`${base}.title`, values), body: t(`${base}.body`, values) }
}

/** Parameters as stored (JSON) back to the flat record they were written as; anything else is dropped. */
export function toParams(json: Prisma.JsonValue): NotificationParams {
	if (!json || typeof json !== 'object' || Array.isArray(json)) return {}
	const params: NotificationParams = {}
	for (const [key, value] of Object.entries(json)) {
		if (typeof value === 'string' || typeof value === 'number') params[key] = value
	}
	return params
}

export type NotificationInput = {
	userId: string
	kind: NotificationKind
	params?: NotificationParams
	/** A path inside the site (`/organisations/x`); e-mails make it absolute. */
	link?: string | null
	/** The channel the user chose for this very thing (a saved search's alerts), over their setting for the kind. */
	channel?: NotificationChannel
}

/**
 * Notifies a user in the caller's transaction, by the channel their preference gives the kind:
 * an in-app row (pushed live after commit), an e-mail job, both or nothing.
 * Returns the in-app notification's id, or null when none was written.
 */
export async function notify(unit: Unit, input: NotificationInput): Promise<{ id: string } | null> {
	const spec = kindSpec(input.kind)
	if (!spec) throw new Error(`Unknown notification kind: ${input.kind}`)
	const { userId, kind } = input
	const params = input.params ?? {}
	const link = input.link ?? null

	// The recipient's row is locked against deletion until the caller's transaction ends: a user
	// deleted meanwhile (say, between listing the operators and writing to each) is skipped instead
	// of failing the whole change on the foreign key.
	const [recipient] = await unit.tx.$queryRaw<Array<{ email: string; name: string; locale: 'vi' | 'en'; disabledAt: Date | null; channel: NotificationChannel | null }>>`
		SELECT u.email, u.name, u.locale::text AS locale, u."disabledAt", p.channel::text AS channel
		FROM "User" u LEFT JOIN "NotificationPreference" p ON p."userId" = u.id AND p.kind = ${kind}
		WHERE u.id = ${userId}
		FOR KEY SHARE OF u`
	if (!recipient) return null
	const channel = input.channel ?? effectiveChannel(spec, recipient.channel)
	if (channel === 'NONE') return null

	let created: { id: string; createdAt: Date } | null = null
	if (channel === 'IN_APP' || channel === 'BOTH') {
		created = await unit.tx.notification.create({
			data: { userId, kind, params, link },
			select: { id: true, createdAt: true },
		})
		const row = created
		unit.afterCommit(() => pushNew(userId, { id: row.id, kind, params, link, createdAt: row.createdAt }))
	}

	if (channel === 'EMAIL' || channel === 'BOTH') {
		if (!recipient.disabledAt) {
			await enqueueEmail(unit.tx, {
				to: recipient.email,
				locale: recipient.locale,
				template: kind,
				params: { ...params, recipientName: recipient.name, ...(link ? { link } : {}) },
			})
			unit.afterCommit(nudgeWorker)
		}
	}
	return created ? { id: created.id } : null
}

async function pushNew(
	userId: string,
	n: { id: string; kind: string; params: NotificationParams; link: string | null; createdAt: Date },
) {
	// Nobody to tell (offline, or no socket server in tests and scripts): skip the queries.
	if (!(await isUserOnline(userId))) return
	const [user, unread] = await Promise.all([
		prisma.user.findUnique({ where: { id: userId }, select: { locale: true } }),
		unreadCount(userId),
	])
	const { title } = renderNotificationText(getFixedT(user?.locale ?? 'vi'), n.kind, n.params)
	await pushToUser(userId, 'notification:new', {
		id: n.id,
		kind: n.kind,
		title,
		link: n.link,
		createdAt: n.createdAt.toISOString(),
		unread,
	})
}

async function pushUnread(userId: string) {
	if (!(await isUserOnline(userId))) return
	await pushToUser(userId, 'notification:unread', { unread: await unreadCount(userId) })
}

export function unreadCount(userId: string) {
	return prisma.notification.count({ where: { userId, readAt: null } })
}

export const NOTIFICATIONS_PER_PAGE = 20

/** One page of a user's notifications, newest first, with the totals a pager needs. */
export async function listNotifications(userId: string, { page = 1, perPage = NOTIFICATIONS_PER_PAGE }: { page?: number; perPage?: number } = {}) {
	const [total, unread] = await Promise.all([prisma.notification.count({ where: { userId } }), unreadCount(userId)])
	const pages = Math.max(1, Math.ceil(total / perPage))
	const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages)
	const rows = await prisma.notification.findMany({
		where: { userId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		skip: (current - 1) * perPage,
		take: perPage,
		select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
	})
	return {
		items: rows.map((row) => ({ ...row, params: toParams(row.params) })),
		total,
		unread,
		page: current,
		pages,
	}
}

/**
 * Marks notifications read. Only the caller's own unread rows match, so ids of someone else's
 * notifications are ignored rather than trusted. Returns how many changed.
 */
export async function markRead(userId: string, ids: string[] | 'all') {
	if (ids !== 'all' && ids.length === 0) return 0
	return inTransaction(async ({ tx, afterCommit }) => {
		const { count } = await tx.notification.updateMany({
			where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { in: ids } }) },
			data: { readAt: new Date() },
		})
		// The user's other tabs follow the count.
		if (count > 0) afterCommit(() => pushUnread(userId))
		return count
	})
}

export type NotificationPreferenceView = {
	kind: NotificationKind
	group: string
	channel: NotificationChannel
	defaultChannel: NotificationChannel
	required: boolean
}

/** The channel that applies to every kind for a user, in registry order. */
export async function getPreferences(userId: string): Promise<NotificationPreferenceView[]> {
	const rows = await prisma.notificationPreference.findMany({ where: { userId }, select: { kind: true, channel: true } })
	const chosen = new Map(rows.map((row) => [row.kind, row.channel]))
	return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => {
		const spec = NOTIFICATION_KINDS[kind] as KindSpec
		return {
			kind,
			group: kind.split('.')[0] ?? kind,
			channel: effectiveChannel(spec, chosen.get(kind)),
			defaultChannel: spec.defaultChannel,
			required: Boolean(spec.required),
		}
	})
}

export class NotificationPreferenceError extends Error {
	override name = 'NotificationPreferenceError'
	constructor(
		message: string,
		readonly kind: string,
	) {
		super(message)
	}
}

/**
 * Saves channel choices (kinds left out keep theirs). A choice equal to the default is stored as
 * "no choice", so a later change of default reaches users who never deviated from it.
 * Throws NotificationPreferenceError for an unknown kind or NONE on a required one.
 */
export async function setPreferences(userId: string, prefs: Partial<Record<string, NotificationChannel>>) {
	const entries = Object.entries(prefs).filter((entry): entry is [string, NotificationChannel] => entry[1] !== undefined)
	for (const [kind, channel] of entries) {
		const spec = kindSpec(kind)
		if (!spec) throw new NotificationPreferenceError(`Unknown notification kind: ${kind}`, kind)
		if (!NOTIFICATION_CHANNELS.includes(channel)) throw new NotificationPreferenceError(`Unknown channel: ${channel}`, kind)
		if (channel === 'NONE' && spec.required) throw new NotificationPreferenceError(`${kind} cannot be turned off`, kind)
	}
	await inTransaction(async ({ tx }) => {
		for (const [kind, channel] of entries) {
			if (channel === kindSpec(kind)?.defaultChannel) {
				await tx.notificationPreference.deleteMany({ where: { userId, kind } })
			} else {
				await tx.notificationPreference.upsert({
					where: { userId_kind: { userId, kind } },
					create: { userId, kind, channel },
					update: { channel },
				})
			}
		}
	})
	logger.debug({ userId, kinds: entries.map(([kind]) => kind) }, 'notification preferences saved')
	return getPreferences(userId)
}
