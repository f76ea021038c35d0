/**
 * What offers and demands share: who may see and change them, their lifecycle
 * (draft -> submitted -> published | returned -> archived, expiring after 12 months),
 * review of material edits, audit and change events. offer.server.ts and demand.server.ts
 * bind it to their table; routes and the API call those modules, never this one directly.
 */
import { addDays, addMonths } from 'date-fns'
import { diffChars } from 'diff'
import { Prisma } from '~/generated/prisma/client'
import {
	demandSubmitIssues,
	MATERIAL_FIELDS,
	offerSubmitIssues,
	type DemandDraft,
	type ListingKind,
	type ListingStatusValue,
	type OfferDraft,
} from '~/models/listing-schema'
import { recordAudit } from '~/models/audit.server'
import { notify, type NotificationKind } from '~/models/notification.server'
import { hasRole, type SessionUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { inTransaction, type Tx, type Unit } from '~/utils/transaction.server'

export const LISTING_LIFETIME_MONTHS = 12
export const EXPIRY_REMINDER_DAYS = 30

/** A refusal the user can understand: an i18n code, an HTTP status and, for incomplete listings, field errors. */
export class ListingError extends Error {
	constructor(
		public readonly code: string,
		public readonly status = 400,
		public readonly fields: Record<string, string[]> = {},
	) {
		super(code)
	}
}

export type Actor = Pick<SessionUser, 'id' | 'roles' | 'memberships'>
export type Draft<K extends ListingKind> = K extends 'offer' ? OfferDraft : DemandDraft

type Row = {
	id: string
	organisationId: string
	status: ListingStatusValue
	title: string
	version: number
	pendingChanges: Prisma.JsonValue
	pendingSince: Date | null
	createdById: string | null
	contactUserId: string | null
	publishedAt: Date | null
	expiresAt: Date | null
	[column: string]: unknown
}

// The two tables have the same lifecycle columns; this is the slice of Prisma's delegate we use.
type Delegate = {
	findUnique(args: { where: { id: string } }): Promise<Row | null>
	create(args: { data: Record<string, unknown>; select: { id: true } }): Promise<{ id: string }>
	update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<Row>
	updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>
	findMany(args: Record<string, unknown>): Promise<Row[]>
}

export function table(tx: Tx, kind: ListingKind): Delegate {
	return (kind === 'offer' ? tx.offer : tx.demand) as unknown as Delegate
}

const ENTITY = { offer: 'Offer', demand: 'Demand' } as const

export function isOperator(user: Pick<SessionUser, 'roles'> | null | undefined) {
	return hasRole(user, 'OPERATOR', 'ADMIN')
}

export function isMemberOf(user: Pick<SessionUser, 'memberships'> | null | undefined, organisationId: string) {
	return Boolean(user?.memberships.some((m) => m.organisation.id === organisationId))
}

/** What a viewer may do with a listing. Published listings are public; everything else stays inside the organisation and the operators. */
export function listingAccess(user: Actor | null, listing: { organisationId: string; status: string }) {
	const member = isMemberOf(user, listing.organisationId)
	const operator = isOperator(user)
	return {
		canView: listing.status === 'PUBLISHED' || member || operator,
		canEdit: member && listing.status !== 'ARCHIVED',
		canModerate: operator,
		isMember: member,
	}
}

/** A field code with its ancestors: "20201" -> ["2", "202", "20201"] (codes are 1, 3 and 5 digits). */
export function fieldPaths(codes: readonly string[]) {
	const out = new Set<string>()
	for (const code of codes) {
		out.add(code.slice(0, 1))
		if (code.length >= 3) out.add(code.slice(0, 3))
		if (code.length >= 5) out.add(code.slice(0, 5))
	}
	return [...out].sort()
}

/** Column values for a draft, with money as BigInt and empty optionals as null. */
export function toColumns(kind: ListingKind, draft: OfferDraft | DemandDraft): Record<string, unknown> {
	const big = (n: number | undefined) => (n === undefined ? null : BigInt(n))
	if (kind === 'offer') {
		const d = draft as OfferDraft
		return {
			title: d.title,
			summary: d.summary ?? '',
			description: d.description ?? '',
			confidential: d.confidential ?? '',
			fieldCodes: d.fieldCodes,
			fieldPaths: fieldPaths(d.fieldCodes),
			keywords: d.keywords,
			trl: d.trl ?? null,
			ipStatus: d.ipStatus ?? 'NONE',
			ipNumbers: d.ipNumbers ?? '',
			transferModes: d.transferModes,
			priceMin: big(d.priceMin),
			priceMax: big(d.priceMax),
			priceNegotiable: d.priceNegotiable,
			provinceCode: d.provinceCode ?? null,
		}
	}
	const d = draft as DemandDraft
	return {
		title: d.title,
		problem: d.problem ?? '',
		desiredOutcome: d.desiredOutcome ?? '',
		fieldCodes: d.fieldCodes,
		fieldPaths: fieldPaths(d.fieldCodes),
		keywords: d.keywords,
		minTrl: d.minTrl ?? null,
		budgetMin: big(d.budgetMin),
		budgetMax: big(d.budgetMax),
		budgetUndisclosed: d.budgetUndisclosed,
		deadline: d.deadline ?? null,
		transferModes: d.transferModes,
		provinceCode: d.provinceCode ?? null,
	}
}

// JSON cannot hold BigInt or Date; pending changes are stored with these tags and read back.
function toJson(value: unknown): Prisma.InputJsonValue | null {
	if (typeof value === 'bigint') return { $bigint: value.toString() }
	if (value instanceof Date) return { $date: value.toISOString() }
	return value as Prisma.InputJsonValue | null
}

function fromJson(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const v = value as Record<string, unknown>
		if (typeof v.$bigint === 'string') return BigInt(v.$bigint)
		if (typeof v.$date === 'string') return new Date(v.$date)
	}
	return value
}

/** Pending material changes of a published listing, as column values. */
export function pendingColumns(row: { pendingChanges: Prisma.JsonValue }): Record<string, unknown> {
	const raw = row.pendingChanges
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {}
	return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, fromJson(v)]))
}

function same(a: unknown, b: unknown) {
	if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
	if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b)
	return a === b
}

/**
 * A typo fix needs no second review: a few characters changed in a long text, no digit touched
 * (prices, patent numbers and dates live in digits).
 */
export function isTypoLevel(before: unknown, after: unknown) {
	if (typeof before !== 'string' || typeof after !== 'string' || before === after) return before === after
	let changed = 0
	for (const part of diffChars(before, after)) {
		if (!part.added && !part.removed) continue
		if (/\d/.test(part.value)) return false
		changed += part.value.length
	}
	return changed <= Math.max(3, Math.floor(before.length * 0.01)) && changed <= 12
}

async function notifyOwners(unit: Unit, row: Row, kind: ListingKind, notification: NotificationKind, params: Record<string, string | number> = {}) {
	const recipients = new Set([row.createdById, row.contactUserId].filter((v): v is string => Boolean(v)))
	if (recipients.size === 0) {
		const managers = await unit.tx.membership.findMany({
			where: { organisationId: row.organisationId, status: 'ACTIVE', role: { in: ['OWNER', 'ADMIN'] } },
			select: { userId: true },
		})
		for (const m of managers) recipients.add(m.userId)
	}
	for (const userId of recipients) {
		await notify(unit, { userId, kind: notification, params: { title: row.title, ...params }, link: `/${kind}s/${row.id}` })
	}
}

async function event(tx: Tx, kind: ListingKind, entityId: string, name: string) {
	await tx.listingEvent.create({ data: { entityType: ENTITY[kind], entityId, event: name } })
}

async function load(tx: Tx, kind: ListingKind, id: string) {
	const row = await table(tx, kind).findUnique({ where: { id } })
	if (!row) throw new ListingError('errors.notFound', 404)
	return row
}

function requireEdit(actor: Actor, row: Row) {
	const access = listingAccess(actor, row)
	if (!access.canView) throw new ListingError('errors.notFound', 404)
	if (!access.isMember) throw new ListingError('errors.forbidden', 403)
	if (!access.canEdit) throw new ListingError('listings.errors.archived', 409)
}

function requireModerator(actor: Actor) {
	if (!isOperator(actor)) throw new ListingError('errors.forbidden', 403)
}

/** Field codes and the province must exist in the reference tables; reported as field errors. */
async function checkReferences(tx: Tx, draft: OfferDraft | DemandDraft) {
	const fields: Record<string, string[]> = {}
	if (draft.fieldCodes.length > 0) {
		const found = await tx.scienceField.count({ where: { code: { in: draft.fieldCodes } } })
		if (found !== new Set(draft.fieldCodes).size) fields.fieldCodes = ['listings.validation.field']
	}
	if (draft.provinceCode && !(await tx.province.findUnique({ where: { code: draft.provinceCode }, select: { code: true } }))) {
		fields.provinceCode = ['validation.province']
	}
	if (Object.keys(fields).length > 0) throw new ListingError('validation.fixBelow', 400, fields)
}

/** Creates a draft for one of the actor's organisations. */
export async function createDraft(kind: ListingKind, actor: Actor, organisationId: string, draft: OfferDraft | DemandDraft, meta: { ip?: string | null } = {}) {
	if (!isMemberOf(actor, organisationId)) throw new ListingError('errors.forbidden', 403)
	const membership = actor.memberships.find((m) => m.organisation.id === organisationId)
	if (membership?.organisation.type === 'AGENCY') throw new ListingError('listings.errors.agency', 403)
	return inTransaction(async ({ tx }) => {
		await checkReferences(tx, draft)
		const created = await table(tx, kind).create({
			data: { ...toColumns(kind, draft), organisationId, createdById: actor.id, contactUserId: actor.id, status: 'DRAFT' },
			select: { id: true },
		})
		await recordAudit(tx, { actorId: actor.id, organisationId, action: `${kind}.create`, entityType: ENTITY[kind], entityId: created.id, ip: meta.ip })
		await event(tx, kind, created.id, 'created')
		return created
	})
}

/**
 * Saves the whole form. Drafts and returned listings change at once. On a published listing,
 * material changes (title, texts, IP, price or budget) wait for review in `pendingChanges` while the
 * public keeps seeing the approved version; typo fixes and other fields apply at once.
 */
export async function updateListing(
	kind: ListingKind,
	actor: Actor,
	id: string,
	draft: OfferDraft | DemandDraft,
	options: { expectedVersion?: number; ip?: string | null; contactUserId?: string } = {},
) {
	return inTransaction(async ({ tx }) => {
		const row = await load(tx, kind, id)
		requireEdit(actor, row)
		await checkReferences(tx, draft)
		// The contact person must be an active member of the listing's organisation.
		if (options.contactUserId !== undefined && options.contactUserId !== row.contactUserId) {
			const member = await tx.membership.findFirst({ where: { userId: options.contactUserId, organisationId: row.organisationId, status: 'ACTIVE' }, select: { id: true } })
			if (!member) throw new ListingError('validation.fixBelow', 400, { contactUserId: ['validation.choose'] })
		}
		if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
			throw new ListingError('listings.errors.stale', 409)
		}
		const next = { ...toColumns(kind, draft), ...(options.contactUserId ? { contactUserId: options.contactUserId } : {}) }
		const apply: Record<string, unknown> = {}
		let pending = row.status === 'PUBLISHED' ? pendingColumns(row) : {}
		const changed: string[] = []
		for (const [column, value] of Object.entries(next)) {
			const current = row[column]
			const material = (MATERIAL_FIELDS[kind] as readonly string[]).includes(column)
			if (row.status === 'PUBLISHED' && material) {
				if (same(current, value) || isTypoLevel(current, value)) {
					if (!same(current, value)) {
						apply[column] = value
						changed.push(column)
					}
					delete pending[column]
				} else if (!same(pending[column], value)) {
					pending = { ...pending, [column]: value }
					changed.push(column)
				}
			} else if (!same(current, value)) {
				apply[column] = value
				changed.push(column)
			}
		}
		const hasPending = Object.keys(pending).length > 0
		const pendingData =
			row.status === 'PUBLISHED'
				? {
						// Prisma writes SQL NULL into a Json column only through its DbNull sentinel.
						pendingChanges: hasPending ? Object.fromEntries(Object.entries(pending).map(([k, v]) => [k, toJson(v)])) : Prisma.DbNull,
						pendingSince: hasPending ? (changed.some((c) => c in pending) ? new Date() : row.pendingSince) : null,
					}
				: {}
		// Conditional on the version read above, so two saves racing from the same form cannot both win.
		const written = await table(tx, kind).updateMany({
			where: { id, version: row.version },
			data: { ...apply, ...pendingData, version: { increment: 1 } },
		})
		if (written.count !== 1) throw new ListingError('listings.errors.stale', 409)
		const updated = { status: row.status, version: row.version + 1 }
		if (changed.length > 0) {
			await recordAudit(tx, {
				actorId: actor.id,
				organisationId: row.organisationId,
				action: `${kind}.update`,
				entityType: ENTITY[kind],
				entityId: id,
				data: { changed, pending: Object.keys(pending) },
				ip: options.ip,
			})
			if (row.status === 'PUBLISHED' && Object.keys(apply).length > 0) await event(tx, kind, id, 'updated')
		}
		return { status: updated.status, version: updated.version, pendingFields: Object.keys(pending), changed }
	})
}

/** Sends a draft or returned listing to the operators, or asks again for review of returned edits. */
export async function submitListing(kind: ListingKind, actor: Actor, id: string, parse: (row: Row) => OfferDraft | DemandDraft) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const row = await load(tx, kind, id)
		requireEdit(actor, row)
		if (row.status === 'PUBLISHED') {
			if (!row.pendingChanges) throw new ListingError('listings.errors.nothingToReview', 409)
			await table(tx, kind).update({ where: { id }, data: { pendingSince: new Date(), returnReason: null, version: { increment: 1 } } })
		} else {
			if (row.status !== 'DRAFT' && row.status !== 'RETURNED') throw new ListingError('listings.errors.transition', 409)
			const draft = parse(row)
			const issues = kind === 'offer' ? offerSubmitIssues(draft as OfferDraft) : demandSubmitIssues(draft as DemandDraft)
			if (issues.length > 0) {
				const fields: Record<string, string[]> = {}
				for (const issue of issues) (fields[issue.path] ??= []).push(issue.message)
				throw new ListingError('listings.errors.incomplete', 400, fields)
			}
			await table(tx, kind).update({ where: { id }, data: { status: 'SUBMITTED', submittedAt: new Date(), returnReason: null, version: { increment: 1 } } })
		}
		await recordAudit(tx, { actorId: actor.id, organisationId: row.organisationId, action: `${kind}.submit`, entityType: ENTITY[kind], entityId: id })
		const operators = await tx.user.findMany({ where: { roles: { hasSome: ['OPERATOR', 'ADMIN'] }, disabledAt: null }, select: { id: true } })
		for (const operator of operators) {
			await notify(unit, { userId: operator.id, kind: 'listing.submitted', params: { title: row.title }, link: `/operator/review/${kind}/${id}` })
		}
	})
}

/** Operator approval: publishes a submitted listing, or applies the pending edits of a published one. */
export async function publishListing(kind: ListingKind, actor: Actor, id: string) {
	requireModerator(actor)
	return inTransaction(async (unit) => {
		const { tx } = unit
		const row = await load(tx, kind, id)
		const now = new Date()
		if (row.status === 'SUBMITTED') {
			await table(tx, kind).update({
				where: { id },
				data: {
					status: 'PUBLISHED',
					publishedAt: row.publishedAt ?? now,
					expiresAt: addMonths(now, LISTING_LIFETIME_MONTHS),
					expiryNotifiedAt: null,
					reviewedById: actor.id,
					returnReason: null,
					version: { increment: 1 },
				},
			})
			await event(tx, kind, id, 'published')
			await notifyOwners(unit, row, kind, 'listing.published')
		} else if (row.status === 'PUBLISHED' && row.pendingChanges && row.pendingSince) {
			await table(tx, kind).update({
				where: { id },
				data: { ...pendingColumns(row), pendingChanges: Prisma.DbNull, pendingSince: null, returnReason: null, reviewedById: actor.id, version: { increment: 1 } },
			})
			await event(tx, kind, id, 'updated')
			await notifyOwners(unit, row, kind, 'listing.changes-approved')
		} else {
			throw new ListingError('listings.errors.transition', 409)
		}
		await recordAudit(tx, { actorId: actor.id, organisationId: row.organisationId, action: `${kind}.publish`, entityType: ENTITY[kind], entityId: id })
	})
}

/** Operator decision to send a listing, or its pending edits, back with a reason the owner sees. */
export async function returnListing(kind: ListingKind, actor: Actor, id: string, reason: string) {
	requireModerator(actor)
	return inTransaction(async (unit) => {
		const { tx } = unit
		const row = await load(tx, kind, id)
		if (row.status === 'SUBMITTED') {
			await table(tx, kind).update({ where: { id }, data: { status: 'RETURNED', returnReason: reason, reviewedById: actor.id, version: { increment: 1 } } })
		} else if (row.status === 'PUBLISHED' && row.pendingChanges && row.pendingSince) {
			await table(tx, kind).update({ where: { id }, data: { pendingSince: null, returnReason: reason, reviewedById: actor.id, version: { increment: 1 } } })
		} else {
			throw new ListingError('listings.errors.transition', 409)
		}
		await recordAudit(tx, { actorId: actor.id, organisationId: row.organisationId, action: `${kind}.return`, entityType: ENTITY[kind], entityId: id, data: { reason } })
		await notifyOwners(unit, row, kind, 'listing.returned', { reason })
	})
}

/** Takes a listing off the floor; its organisation or an operator may do it. */
export async function archiveListing(kind: ListingKind, actor: Actor, id: string) {
	return inTransaction(async ({ tx }) => {
		const row = await load(tx, kind, id)
		const access = listingAccess(actor, row)
		if (!access.canView) throw new ListingError('errors.notFound', 404)
		if (!access.isMember && !access.canModerate) throw new ListingError('errors.forbidden', 403)
		if (row.status === 'ARCHIVED') throw new ListingError('listings.errors.transition', 409)
		await table(tx, kind).update({ where: { id }, data: { status: 'ARCHIVED', archivedAt: new Date(), pendingChanges: Prisma.DbNull, pendingSince: null, version: { increment: 1 } } })
		await recordAudit(tx, { actorId: actor.id, organisationId: row.organisationId, action: `${kind}.archive`, entityType: ENTITY[kind], entityId: id, data: { from: row.status } })
		if (row.status === 'PUBLISHED') await event(tx, kind, id, 'archived')
	})
}

/** Brings an archived listing back as a draft, to be submitted again. */
export async function restoreListing(kind: ListingKind, actor: Actor, id: string) {
	return inTransaction(async ({ tx }) => {
		const row = await load(tx, kind, id)
		if (!isMemberOf(actor, row.organisationId)) throw new ListingError(listingAccess(actor, row).canView ? 'errors.forbidden' : 'errors.notFound', listingAccess(actor, row).canView ? 403 : 404)
		if (row.status !== 'ARCHIVED') throw new ListingError('listings.errors.transition', 409)
		await table(tx, kind).update({ where: { id }, data: { status: 'DRAFT', archivedAt: null, version: { increment: 1 } } })
		await recordAudit(tx, { actorId: actor.id, organisationId: row.organisationId, action: `${kind}.restore`, entityType: ENTITY[kind], entityId: id })
	})
}

/** Keeps a published listing (or brings back an expired one) for another 12 months. */
export async function renewListing(kind: ListingKind, actor: Actor, id: string) {
	return inTransaction(async ({ tx }) => {
		const row = await load(tx, kind, id)
		requireEdit(actor, row)
		if (row.status !== 'PUBLISHED' && row.status !== 'EXPIRED') throw new ListingError('listings.errors.transition', 409)
		await table(tx, kind).update({
			where: { id },
			data: { status: 'PUBLISHED', expiresAt: addMonths(new Date(), LISTING_LIFETIME_MONTHS), expiryNotifiedAt: null, version: { increment: 1 } },
		})
		await recordAudit(tx, { actorId: actor.id, organisationId: row.organisationId, action: `${kind}.renew`, entityType: ENTITY[kind], entityId: id })
		if (row.status === 'EXPIRED') await event(tx, kind, id, 'published')
	})
}

/** The daily expiry run: reminds owners 30 days ahead, then expires. Returns how many of each. */
export async function runExpiry(kind: ListingKind, now = new Date()) {
	const t = table(prisma as unknown as Tx, kind)
	const due = await t.findMany({ where: { status: 'PUBLISHED', expiresAt: { lte: now } }, select: { id: true }, take: 500 })
	let expired = 0
	for (const { id } of due) {
		await inTransaction(async (unit) => {
			const claimed = await table(unit.tx, kind).updateMany({ where: { id, status: 'PUBLISHED', expiresAt: { lte: now } }, data: { status: 'EXPIRED' } })
			if (claimed.count === 0) return
			const row = await load(unit.tx, kind, id)
			await event(unit.tx, kind, id, 'expired')
			await notifyOwners(unit, row, kind, 'listing.expired')
			expired++
		})
	}
	const soon = await t.findMany({
		where: { status: 'PUBLISHED', expiryNotifiedAt: null, expiresAt: { lte: addDays(now, EXPIRY_REMINDER_DAYS), gt: now } },
		select: { id: true },
		take: 500,
	})
	let reminded = 0
	for (const { id } of soon) {
		await inTransaction(async (unit) => {
			// The conditional update makes a reminder go out once even when two nodes run the job.
			const claimed = await table(unit.tx, kind).updateMany({ where: { id, expiryNotifiedAt: null }, data: { expiryNotifiedAt: now } })
			if (claimed.count === 0) return
			const row = await load(unit.tx, kind, id)
			await notifyOwners(unit, row, kind, 'listing.expiring', { days: EXPIRY_REMINDER_DAYS })
			reminded++
		})
	}
	return { expired, reminded }
}

/** Counts a view of a published listing (called by a POST beacon, never by a GET). */
export async function recordView(kind: ListingKind, id: string) {
	await table(prisma as unknown as Tx, kind).updateMany({ where: { id, status: 'PUBLISHED' }, data: { viewCount: { increment: 1 } } })
}
