import { addHours } from 'date-fns'
import type { Locale, MembershipRole, OrganisationType, PlatformRole } from '~/generated/prisma/client'
import { recordAudit } from '~/models/audit.server'
import { notify } from '~/models/notification.server'
import { acceptInvitationInTx, createOrganisationInTx, requestToJoinInTx } from '~/models/organisation.server'
import { createSession, revokeUserSessions, type SessionMeta } from '~/models/session.server'
import { enqueueEmail } from '~/jobs/email.server'
import { disconnectStaleSockets } from '~/realtime/registry.server'
import { randomToken, sha256Hex } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import { cleanLine, normalizeEmail } from '~/utils/text'
import { inTransaction } from '~/utils/transaction.server'

export const RESET_TOKEN_HOURS = 1

export type OrganisationChoice =
	| { mode: 'none' }
	| { mode: 'join'; organisationId: string }
	| { mode: 'invite'; token: string }
	| {
			mode: 'create'
			name: string
			type: OrganisationType
			taxCode?: string | null
			provinceCode: string
	  }

export type RegisterInput = {
	name: string
	email: string
	password: string
	locale: Locale
	organisation: OrganisationChoice
	meta?: SessionMeta
}

export async function isEmailTaken(email: string) {
	const found = await prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } })
	return Boolean(found)
}

/** Creates the account, its organisation or join request, and a first session, in one transaction. */
export async function registerUser(input: RegisterInput) {
	const passwordHash = await hashPassword(input.password)
	return inTransaction(async (unit) => {
		const { tx } = unit
		const user = await tx.user.create({
			data: {
				email: normalizeEmail(input.email),
				name: cleanLine(input.name),
				passwordHash,
				locale: input.locale,
			},
			select: { id: true, email: true, name: true, locale: true },
		})
		await recordAudit(tx, { actorId: user.id, action: 'user.register', entityType: 'User', entityId: user.id, ip: input.meta?.ip })

		const choice = input.organisation
		if (choice.mode === 'create') {
			await createOrganisationInTx(unit, {
				ownerId: user.id,
				name: choice.name,
				type: choice.type,
				taxCode: choice.taxCode ?? null,
				provinceCode: choice.provinceCode,
			})
		} else if (choice.mode === 'join') {
			await requestToJoinInTx(unit, user.id, choice.organisationId)
		} else if (choice.mode === 'invite') {
			await acceptInvitationInTx(unit, choice.token, user)
		}
		await notify(unit, { userId: user.id, kind: 'account.welcome', params: { name: user.name }, link: '/me' })
		const session = await createSession(user.id, input.meta, tx)
		return { user, session }
	})
}

/** The user for an e-mail and password, or null; the same work is done for unknown e-mails so timing reveals nothing. */
export async function verifyCredentials(email: string, password: string) {
	const user = await prisma.user.findUnique({
		where: { email: normalizeEmail(email) },
		select: { id: true, passwordHash: true, disabledAt: true, locale: true },
	})
	const hash = user?.passwordHash ?? (await dummyHash())
	const ok = await verifyPassword(hash, password)
	if (!user || !ok || user.disabledAt) return null
	return { id: user.id, locale: user.locale }
}

let dummy: Promise<string> | undefined
function dummyHash() {
	dummy ??= hashPassword(randomToken())
	return dummy
}

/** Logs in: a fresh session id every time (no fixation), audited. */
export async function startSession(userId: string, meta: SessionMeta) {
	return inTransaction(async ({ tx }) => {
		const session = await createSession(userId, meta, tx)
		await recordAudit(tx, { actorId: userId, action: 'user.login', entityType: 'User', entityId: userId, ip: meta.ip })
		return session
	})
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(userId: string, newPassword: string, keepSessionSecret: string | null, meta: SessionMeta = {}) {
	const passwordHash = await hashPassword(newPassword)
	await inTransaction(async (unit) => {
		await unit.tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } })
		await revokeUserSessions(userId, unit.tx, keepSessionSecret ?? undefined)
		unit.afterCommit(() => disconnectStaleSockets(userId).then(() => {}))
		await unit.tx.passwordResetToken.deleteMany({ where: { userId } })
		await recordAudit(unit.tx, { actorId: userId, action: 'user.password.change', entityType: 'User', entityId: userId, ip: meta.ip })
		await notify(unit, { userId, kind: 'account.password-changed', params: {}, link: '/me' })
	})
}

/**
 * Starts a password reset: when the e-mail belongs to an account, a single-use link valid for
 * RESET_TOKEN_HOURS is mailed. The caller answers the same either way, so accounts cannot be probed.
 */
export async function requestPasswordReset(email: string, baseUrl: string, meta: SessionMeta = {}) {
	const user = await prisma.user.findUnique({
		where: { email: normalizeEmail(email) },
		select: { id: true, email: true, name: true, locale: true, disabledAt: true },
	})
	if (!user || user.disabledAt) return
	const token = randomToken()
	await inTransaction(async ({ tx, afterCommit }) => {
		await tx.passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } })
		await tx.passwordResetToken.create({
			data: { id: sha256Hex(token), userId: user.id, expiresAt: addHours(new Date(), RESET_TOKEN_HOURS) },
		})
		await recordAudit(tx, { actorId: user.id, action: 'user.password.reset-request', entityType: 'User', entityId: user.id, ip: meta.ip })
		await enqueueEmail(tx, {
			to: user.email,
			locale: user.locale,
			template: 'password-reset',
			params: { name: user.name, link: `${baseUrl}/reset-password?token=${token}`, hours: RESET_TOKEN_HOURS },
		}, { afterCommit })
	})
}

/** The user id a reset token stands for, if it is unused and unexpired. */
export async function findResetToken(token: string) {
	const row = await prisma.passwordResetToken.findUnique({
		where: { id: sha256Hex(token) },
		select: { userId: true, expiresAt: true, usedAt: true },
	})
	if (!row || row.usedAt || row.expiresAt <= new Date()) return null
	return { userId: row.userId }
}

/** Sets a new password from a reset link: the token is spent and every session ends. */
export async function resetPassword(token: string, newPassword: string, meta: SessionMeta = {}) {
	const passwordHash = await hashPassword(newPassword)
	return inTransaction(async (unit) => {
		const { tx } = unit
		// Spending the token with a conditional update makes two racing submissions use it once.
		const spent = await tx.passwordResetToken.updateMany({
			where: { id: sha256Hex(token), usedAt: null, expiresAt: { gt: new Date() } },
			data: { usedAt: new Date() },
		})
		if (spent.count !== 1) return null
		const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { id: sha256Hex(token) }, select: { userId: true } })
		await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } })
		await revokeUserSessions(userId, tx)
		unit.afterCommit(() => disconnectStaleSockets(userId).then(() => {}))
		await recordAudit(tx, { actorId: userId, action: 'user.password.reset', entityType: 'User', entityId: userId, ip: meta.ip })
		await notify(unit, { userId, kind: 'account.password-changed', params: {}, link: '/me' })
		return { userId }
	})
}

export async function updateProfile(userId: string, input: { name: string; phone?: string | null; locale: Locale }) {
	await inTransaction(async ({ tx }) => {
		await tx.user.update({
			where: { id: userId },
			data: { name: cleanLine(input.name), phone: input.phone ? cleanLine(input.phone) : null, locale: input.locale },
		})
		await recordAudit(tx, { actorId: userId, action: 'user.profile.update', entityType: 'User', entityId: userId })
	})
}

export async function setLocale(userId: string, locale: Locale) {
	await prisma.user.update({ where: { id: userId }, data: { locale } })
}

/** Operator action: sets a user's platform roles. MEMBER is always kept. */
/** Sets a user's platform roles; a provincial operator's province goes with the role (and goes when it does). */
export async function setPlatformRoles(actorId: string, userId: string, roles: PlatformRole[], meta: SessionMeta = {}, operatorProvinceCode: string | null = null) {
	const next = Array.from(new Set<PlatformRole>(['MEMBER', ...roles]))
	const province = next.includes('PROVINCIAL_OPERATOR') ? operatorProvinceCode : null
	if (next.includes('PROVINCIAL_OPERATOR') && !province) throw new Error('a provincial operator needs a province')
	await inTransaction(async (unit) => {
		const before = await unit.tx.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true, operatorProvinceCode: true } })
		await unit.tx.user.update({ where: { id: userId }, data: { roles: next, operatorProvinceCode: province } })
		await recordAudit(unit.tx, {
			actorId,
			action: 'user.roles.set',
			entityType: 'User',
			entityId: userId,
			data: { before: before.roles, after: next, ...(before.operatorProvinceCode !== province ? { provinceBefore: before.operatorProvinceCode, provinceAfter: province } : {}) },
			ip: meta.ip,
		})
		const granted = next.filter((role) => !before.roles.includes(role))
		for (const role of granted) {
			await notify(unit, { userId, kind: 'account.role-granted', params: { role }, link: '/me' })
		}
	})
}

export type { MembershipRole }
