import { addDays, addMinutes, differenceInSeconds } from 'date-fns'
import type { Prisma } from '~/generated/prisma/client'
import { randomToken, sha256Hex } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

type Tx = Prisma.TransactionClient

// Refreshing lastSeenAt on every request would turn each page view into a write.
const TOUCH_INTERVAL_SECONDS = 60

export type SessionMeta = { ip?: string | null; userAgent?: string | null }

/** Creates a session and returns the secret for the cookie; only its hash is stored. */
export async function createSession(userId: string, meta: SessionMeta = {}, tx: Tx = prisma) {
	const secret = randomToken()
	const { SESSION_MAX_DAYS } = getEnv()
	const expiresAt = addDays(new Date(), SESSION_MAX_DAYS)
	await tx.session.create({
		data: {
			id: sha256Hex(secret),
			userId,
			ip: meta.ip?.slice(0, 64) ?? null,
			userAgent: meta.userAgent?.slice(0, 512) ?? null,
			expiresAt,
		},
	})
	return { secret, expiresAt }
}

/** The live session for a cookie secret, or null when unknown, expired, idle too long or the user is disabled. */
export async function findLiveSession(secret: string) {
	const id = sha256Hex(secret)
	const session = await prisma.session.findUnique({
		where: { id },
		select: { id: true, userId: true, expiresAt: true, lastSeenAt: true, user: { select: { disabledAt: true, name: true } } },
	})
	if (!session) return null
	const now = new Date()
	const idleLimit = addMinutes(session.lastSeenAt, getEnv().SESSION_IDLE_MINUTES)
	if (session.expiresAt <= now || idleLimit <= now || session.user.disabledAt) {
		await prisma.session.deleteMany({ where: { id } })
		return null
	}
	if (differenceInSeconds(now, session.lastSeenAt) > TOUCH_INTERVAL_SECONDS) {
		await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } })
	}
	return { id: session.id, userId: session.userId, name: session.user.name }
}

export async function revokeSession(secret: string) {
	await prisma.session.deleteMany({ where: { id: sha256Hex(secret) } })
}

/** Ends every session of a user, optionally keeping one (the one changing the password). */
export async function revokeUserSessions(userId: string, tx: Tx = prisma, keepSecret?: string) {
	await tx.session.deleteMany({
		where: { userId, ...(keepSecret ? { id: { not: sha256Hex(keepSecret) } } : {}) },
	})
}

export async function purgeExpiredSessions(now = new Date()) {
	const idleCutoff = addMinutes(now, -getEnv().SESSION_IDLE_MINUTES)
	const { count } = await prisma.session.deleteMany({
		where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff } }] },
	})
	return count
}
