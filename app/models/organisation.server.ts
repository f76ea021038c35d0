import { leaveDealRoomsOf } from '~/models/chat.server'
import type { MembershipRole, OrganisationType } from '~/generated/prisma/client'
import { addDays } from 'date-fns'
import { enqueueEmail } from '~/jobs/email.server'
import { recordAudit } from '~/models/audit.server'
import { relinkAffiliatedExperts } from '~/models/expert.server'
import { relinkHostedTaskResults } from '~/models/task-result.server'
import { canManage } from '~/models/organisation-schema'
import { notify } from '~/models/notification.server'
import { randomToken, sha256Hex } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import type { SessionMeta } from '~/models/session.server'
import { cleanLine, normalizeEmail, slugify } from '~/utils/text'
import { inTransaction, type Unit } from '~/utils/transaction.server'

/** A failure the user can fix, carrying an i18n key; routes turn it into a 4xx with the translated message. */
export class OrganisationError extends Error {
	constructor(
		public readonly code: string,
		public readonly status = 400,
	) {
		super(code)
	}
}

export type OrganisationInput = {
	name: string
	shortName?: string | null
	type: OrganisationType
	taxCode?: string | null
	provinceCode: string
	address?: string | null
	website?: string | null
	email?: string | null
	phone?: string | null
	description?: string | null
}

function organisationData(input: OrganisationInput) {
	const opt = (v: string | null | undefined) => (v ? cleanLine(v) : null)
	return {
		name: cleanLine(input.name),
		shortName: opt(input.shortName),
		type: input.type,
		taxCode: opt(input.taxCode),
		provinceCode: input.provinceCode,
		address: opt(input.address),
		website: opt(input.website),
		email: input.email ? normalizeEmail(input.email) : null,
		phone: opt(input.phone),
		description: input.description ? input.description.normalize('NFC').trim() : null,
	}
}

async function uniqueSlug(unit: Unit, name: string) {
	const base = slugify(name) || 'to-chuc'
	for (let i = 0; ; i++) {
		const candidate = i === 0 ? base : `${base}-${i + 1}`
		const taken = await unit.tx.organisation.findUnique({ where: { slug: candidate }, select: { id: true } })
		if (!taken) return candidate
	}
}

/** Creates an unverified organisation with its creator as OWNER, inside the caller's transaction. */
export async function createOrganisationInTx(unit: Unit, input: OrganisationInput & { ownerId: string }) {
	const organisation = await unit.tx.organisation.create({
		data: { ...organisationData(input), slug: await uniqueSlug(unit, input.name) },
		select: { id: true, slug: true, name: true },
	})
	await unit.tx.membership.create({
		data: { userId: input.ownerId, organisationId: organisation.id, role: 'OWNER', status: 'ACTIVE' },
	})
	await recordAudit(unit.tx, {
		actorId: input.ownerId,
		organisationId: organisation.id,
		action: 'organisation.create',
		entityType: 'Organisation',
		entityId: organisation.id,
	})
	return organisation
}

export function createOrganisation(input: OrganisationInput & { ownerId: string }) {
	return inTransaction((unit) => createOrganisationInTx(unit, input))
}

/** The caller's active membership role in an organisation, or null. */
export async function membershipRole(userId: string, organisationId: string): Promise<MembershipRole | null> {
	const membership = await prisma.membership.findUnique({
		where: { userId_organisationId: { userId, organisationId } },
		select: { role: true, status: true },
	})
	return membership?.status === 'ACTIVE' ? membership.role : null
}

export { canManage }

async function requireManager(userId: string, organisationId: string) {
	const role = await membershipRole(userId, organisationId)
	if (!canManage(role)) throw new OrganisationError('errors.forbidden', 403)
	return role as MembershipRole
}

export async function updateOrganisation(actorId: string, organisationId: string, input: OrganisationInput) {
	await requireManager(actorId, organisationId)
	return inTransaction(async ({ tx }) => {
		const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { taxCode: true, name: true, verifiedAt: true } })
		const data = organisationData(input)
		// A new legal identity must be checked again by an operator.
		const identityChanged = before.verifiedAt && (before.taxCode !== data.taxCode || before.name !== data.name)
		await tx.organisation.update({
			where: { id: organisationId },
			data: { ...data, ...(identityChanged ? { verifiedAt: null, verifiedById: null } : {}) },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'organisation.update',
			entityType: 'Organisation',
			entityId: organisationId,
			data: { identityChanged: Boolean(identityChanged) },
		})
	})
}

/** Operator decision on an organisation's identity. */
export async function setOrganisationVerified(actorId: string, organisationId: string, verified: boolean, meta: SessionMeta = {}) {
	await inTransaction(async (unit) => {
		const organisation = await unit.tx.organisation.update({
			where: { id: organisationId },
			data: verified ? { verifiedAt: new Date(), verifiedById: actorId } : { verifiedAt: null, verifiedById: null },
			select: { id: true, name: true, shortName: true, slug: true },
		})
		// Registered R&D and experts under its name follow the verification.
		await relinkHostedTaskResults(unit.tx, organisation, verified)
		await relinkAffiliatedExperts(unit.tx, organisation, verified)
		await recordAudit(unit.tx, {
			actorId,
			organisationId,
			action: verified ? 'organisation.verify' : 'organisation.unverify',
			entityType: 'Organisation',
			entityId: organisationId,
			ip: meta.ip,
		})
		for (const userId of await managerIds(unit, organisationId)) {
			await notify(unit, {
				userId,
				kind: verified ? 'organisation.verified' : 'organisation.unverified',
				params: { organisationName: organisation.name },
				link: `/organisations/${organisation.slug}`,
			})
		}
	})
}

/** Active owners and admins of an organisation: who hears about its requests and decisions. */
async function managerIds(unit: Unit, organisationId: string) {
	const rows = await unit.tx.membership.findMany({
		where: { organisationId, status: 'ACTIVE', role: { in: ['OWNER', 'ADMIN'] } },
		select: { userId: true },
	})
	return rows.map((r) => r.userId)
}

/** A pending membership for the user, inside the caller's transaction; owners and admins are notified. */
export async function requestToJoinInTx(unit: Unit, userId: string, organisationId: string) {
	const existing = await unit.tx.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } })
	if (existing) throw new OrganisationError(existing.status === 'ACTIVE' ? 'organisations.errors.alreadyMember' : 'organisations.errors.alreadyRequested', 409)
	const [user, organisation] = await Promise.all([
		unit.tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }),
		unit.tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, slug: true } }),
	])
	await unit.tx.membership.create({ data: { userId, organisationId, role: 'MEMBER', status: 'PENDING' } })
	for (const managerId of await managerIds(unit, organisationId)) {
		await notify(unit, {
			userId: managerId,
			kind: 'membership.requested',
			params: { userName: user.name, organisationName: organisation.name },
			link: `/organisations/${organisation.slug}/members`,
		})
	}
	await recordAudit(unit.tx, { actorId: userId, organisationId, action: 'membership.request', entityType: 'Organisation', entityId: organisationId })
}

/** A signed-in user asks to join; owners and admins are notified. */
export function requestToJoin(userId: string, organisationId: string) {
	return inTransaction((unit) => requestToJoinInTx(unit, userId, organisationId))
}

async function activeOwnerCount(unit: Unit, organisationId: string) {
	return unit.tx.membership.count({ where: { organisationId, status: 'ACTIVE', role: 'OWNER' } })
}

async function loadTarget(unit: Unit, organisationId: string, membershipId: string) {
	const target = await unit.tx.membership.findFirst({
		where: { id: membershipId, organisationId },
		select: { id: true, userId: true, role: true, status: true, organisation: { select: { name: true, slug: true } } },
	})
	if (!target) throw new OrganisationError('errors.notFound', 404)
	return target
}

/** Owner or admin accepts or declines a pending join request. */
export async function decideJoinRequest(actorId: string, organisationId: string, membershipId: string, accept: boolean) {
	await requireManager(actorId, organisationId)
	await inTransaction(async (unit) => {
		const target = await loadTarget(unit, organisationId, membershipId)
		if (target.status !== 'PENDING') throw new OrganisationError('organisations.errors.notPending', 409)
		if (accept) {
			await unit.tx.membership.update({ where: { id: target.id }, data: { status: 'ACTIVE' } })
		} else {
			await unit.tx.membership.delete({ where: { id: target.id } })
		}
		await recordAudit(unit.tx, {
			actorId,
			organisationId,
			action: accept ? 'membership.accept' : 'membership.decline',
			entityType: 'Membership',
			entityId: target.id,
			data: { userId: target.userId },
		})
		await notify(unit, {
			userId: target.userId,
			kind: accept ? 'membership.accepted' : 'membership.declined',
			params: { organisationName: target.organisation.name },
			link: `/organisations/${target.organisation.slug}`,
		})
	})
}

/** Changes a member's role. Only owners grant or take OWNER and ADMIN; the last owner stays an owner. */
export async function changeMemberRole(actorId: string, organisationId: string, membershipId: string, role: MembershipRole) {
	const actorRole = await requireManager(actorId, organisationId)
	await inTransaction(async (unit) => {
		const target = await loadTarget(unit, organisationId, membershipId)
		if (target.status !== 'ACTIVE') throw new OrganisationError('organisations.errors.notActive', 409)
		if (actorRole !== 'OWNER' && (role !== 'MEMBER' || target.role !== 'MEMBER')) {
			throw new OrganisationError('organisations.errors.ownerOnly', 403)
		}
		if (target.role === 'OWNER' && role !== 'OWNER' && (await activeOwnerCount(unit, organisationId)) <= 1) {
			throw new OrganisationError('organisations.errors.lastOwner', 409)
		}
		await unit.tx.membership.update({ where: { id: target.id }, data: { role } })
		await recordAudit(unit.tx, {
			actorId,
			organisationId,
			action: 'membership.role',
			entityType: 'Membership',
			entityId: target.id,
			data: { userId: target.userId, from: target.role, to: role },
		})
		await notify(unit, {
			userId: target.userId,
			kind: 'membership.role-changed',
			params: { organisationName: target.organisation.name, role },
			link: `/organisations/${target.organisation.slug}`,
		})
	})
}

/** Removes a member (or lets a member leave). Admins remove only plain members; the last owner cannot go. */
export async function removeMember(actorId: string, organisationId: string, membershipId: string) {
	// Read the actor's role before the transaction: embedded Postgres serialises transactions, so a
	// query outside `tx` while one is open would wait for it forever.
	const actorRole = await membershipRole(actorId, organisationId)
	await inTransaction(async (unit) => {
		const target = await loadTarget(unit, organisationId, membershipId)
		const leaving = target.userId === actorId
		if (!leaving) {
			if (!canManage(actorRole)) throw new OrganisationError('errors.forbidden', 403)
			if (actorRole !== 'OWNER' && target.role !== 'MEMBER') throw new OrganisationError('organisations.errors.ownerOnly', 403)
		}
		if (target.role === 'OWNER' && target.status === 'ACTIVE' && (await activeOwnerCount(unit, organisationId)) <= 1) {
			throw new OrganisationError('organisations.errors.lastOwner', 409)
		}
		await unit.tx.membership.delete({ where: { id: target.id } })
		await leaveDealRoomsOf(unit, organisationId, target.userId)
		await recordAudit(unit.tx, {
			actorId,
			organisationId,
			action: leaving ? 'membership.leave' : 'membership.remove',
			entityType: 'Membership',
			entityId: target.id,
			data: { userId: target.userId },
		})
		if (!leaving) {
			await notify(unit, {
				userId: target.userId,
				kind: 'membership.removed',
				params: { organisationName: target.organisation.name },
				link: '/me',
			})
		}
	})
}

/** Adds an already registered user, found by e-mail, as an active member. */
export async function addMemberByEmail(actorId: string, organisationId: string, email: string, role: MembershipRole) {
	const actorRole = await requireManager(actorId, organisationId)
	if (actorRole !== 'OWNER' && role !== 'MEMBER') throw new OrganisationError('organisations.errors.ownerOnly', 403)
	await inTransaction(async (unit) => {
		const user = await unit.tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } })
		if (!user) throw new OrganisationError('organisations.errors.noSuchUser', 404)
		const organisation = await unit.tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, slug: true } })
		const existing = await unit.tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId } } })
		if (existing?.status === 'ACTIVE') throw new OrganisationError('organisations.errors.alreadyMember', 409)
		const membership = existing
			? await unit.tx.membership.update({ where: { id: existing.id }, data: { status: 'ACTIVE', role } })
			: await unit.tx.membership.create({ data: { userId: user.id, organisationId, role, status: 'ACTIVE' } })
		await recordAudit(unit.tx, {
			actorId,
			organisationId,
			action: 'membership.add',
			entityType: 'Membership',
			entityId: membership.id,
			data: { userId: user.id, role },
		})
		await notify(unit, {
			userId: user.id,
			kind: 'membership.added',
			params: { organisationName: organisation.name },
			link: `/organisations/${organisation.slug}`,
		})
	})
}

/** Public fields of an organisation by slug, or null. */
export function getOrganisationBySlug(slug: string) {
	return prisma.organisation.findUnique({
		where: { slug },
		select: {
			id: true,
			slug: true,
			name: true,
			shortName: true,
			type: true,
			taxCode: true,
			provinceCode: true,
			province: { select: { nameVi: true, nameEn: true } },
			address: true,
			website: true,
			email: true,
			phone: true,
			description: true,
			verifiedAt: true,
			createdAt: true,
			_count: { select: { memberships: { where: { status: 'ACTIVE' } } } },
		},
	})
}

export type OrganisationFilters = {
	q?: string
	type?: OrganisationType
	provinceCode?: string
	verified?: boolean
	page: number
	pageSize: number
}

/** The public directory: filters, newest verified first, with the total for pagination. */
export async function listOrganisations(filters: OrganisationFilters) {
	const q = filters.q?.trim()
	const where = {
		...(filters.type ? { type: filters.type } : {}),
		...(filters.provinceCode ? { provinceCode: filters.provinceCode } : {}),
		...(filters.verified ? { verifiedAt: { not: null } } : {}),
		...(q
			? {
					OR: [
						{ name: { contains: q.normalize('NFC'), mode: 'insensitive' as const } },
						{ shortName: { contains: q.normalize('NFC'), mode: 'insensitive' as const } },
						{ taxCode: { startsWith: q } },
					],
				}
			: {}),
	}
	const [total, items] = await Promise.all([
		prisma.organisation.count({ where }),
		prisma.organisation.findMany({
			where,
			select: {
				id: true,
				slug: true,
				name: true,
				shortName: true,
				type: true,
				verifiedAt: true,
				province: { select: { nameVi: true, nameEn: true } },
				description: true,
				_count: { select: { memberships: { where: { status: 'ACTIVE' } } } },
			},
			orderBy: [{ verifiedAt: { sort: 'desc', nulls: 'last' } }, { name: 'asc' }],
			skip: (filters.page - 1) * filters.pageSize,
			take: filters.pageSize,
		}),
	])
	return { total, items, pages: Math.max(1, Math.ceil(total / filters.pageSize)) }
}

/** Runs a model call from an action; an OrganisationError becomes `{ error }` with its status instead of a 500. */
export async function answerOrganisationError<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string; status: number }> {
	try {
		return { ok: true, value: await fn() }
	} catch (error) {
		if (error instanceof OrganisationError) return { ok: false, error: error.code, status: error.status }
		throw error
	}
}

export const INVITATION_DAYS = 7

/**
 * Invites someone by e-mail. An address that already has an account joins at once (as with
 * addMemberByEmail); any other gets a single-use link, valid INVITATION_DAYS, that signs them up into
 * the organisation. Only owners invite owners or admins.
 */
export async function inviteMember(actorId: string, organisationId: string, email: string, role: MembershipRole, baseUrl: string) {
	const actorRole = await requireManager(actorId, organisationId)
	if (actorRole !== 'OWNER' && role !== 'MEMBER') throw new OrganisationError('organisations.errors.ownerOnly', 403)
	const address = normalizeEmail(email)
	if (await prisma.user.findUnique({ where: { email: address }, select: { id: true } })) {
		await addMemberByEmail(actorId, organisationId, address, role)
		return { invited: false as const }
	}
	const token = randomToken()
	await inTransaction(async (unit) => {
		const [organisation, inviter] = await Promise.all([
			unit.tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
			unit.tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true, locale: true } }),
		])
		// A new invitation replaces any still open for the same address.
		await unit.tx.invitation.deleteMany({ where: { organisationId, email: address, acceptedAt: null } })
		await unit.tx.invitation.create({
			data: { id: sha256Hex(token), organisationId, email: address, role, invitedById: actorId, expiresAt: addDays(new Date(), INVITATION_DAYS) },
		})
		await recordAudit(unit.tx, { actorId, organisationId, action: 'membership.invite', entityType: 'Organisation', entityId: organisationId, data: { email: address, role } })
		await enqueueEmail(
			unit.tx,
			{
				to: address,
				locale: inviter.locale,
				template: 'organisation-invitation',
				params: { inviterName: inviter.name, organisationName: organisation.name, link: `${baseUrl}/register?invite=${token}`, days: INVITATION_DAYS },
			},
			{ afterCommit: unit.afterCommit },
		)
	})
	return { invited: true as const }
}

/** An open invitation for a token: the organisation and the address it was sent to, or null. */
export async function findInvitation(token: string) {
	if (!token || token.length > 200) return null
	const invitation = await prisma.invitation.findUnique({
		where: { id: sha256Hex(token) },
		select: { email: true, role: true, expiresAt: true, acceptedAt: true, organisation: { select: { id: true, name: true } } },
	})
	if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null
	return { email: invitation.email, role: invitation.role, organisation: invitation.organisation }
}

/** Turns an invitation into an active membership for the new user, inside their registration's transaction. */
export async function acceptInvitationInTx(unit: Unit, token: string, user: { id: string; email: string }) {
	// Conditional on being open and on the address it was sent to, so a link works once, for its addressee.
	const spent = await unit.tx.invitation.updateMany({
		where: { id: sha256Hex(token), acceptedAt: null, expiresAt: { gt: new Date() }, email: user.email },
		data: { acceptedAt: new Date() },
	})
	if (spent.count !== 1) throw new OrganisationError('organisations.errors.invitationInvalid', 400)
	const invitation = await unit.tx.invitation.findUniqueOrThrow({ where: { id: sha256Hex(token) }, select: { organisationId: true, role: true } })
	await unit.tx.membership.create({ data: { userId: user.id, organisationId: invitation.organisationId, role: invitation.role, status: 'ACTIVE' } })
	await recordAudit(unit.tx, { actorId: user.id, organisationId: invitation.organisationId, action: 'membership.invitation-accepted', entityType: 'Organisation', entityId: invitation.organisationId })
}
