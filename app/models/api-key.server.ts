import { recordAudit } from '~/models/audit.server'
import { canManage, membershipRole, OrganisationError } from '~/models/organisation.server'
import { randomToken, sha256Hex } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import { cleanLine } from '~/utils/text'
import { inTransaction } from '~/utils/transaction.server'

export const API_KEY_SCHEME = 'ck_'
/** Characters of the key kept in clear, so owners can tell keys apart: the scheme and 8 random characters. */
export const API_KEY_PREFIX_LENGTH = API_KEY_SCHEME.length + 8
/** Active keys per organisation: enough for every integration, few enough to review. */
export const MAX_ACTIVE_KEYS = 20
export const API_KEY_NAME_MAX = 80

// Recording every use would turn each API call into a write.
const TOUCH_INTERVAL_MS = 60_000

// 32 random bytes in base64url are 43 characters.
const PLAIN_KEY = /^ck_[A-Za-z0-9_-]{43}$/

async function requireKeyManager(actorId: string, organisationId: string) {
	if (!canManage(await membershipRole(actorId, organisationId))) throw new OrganisationError('errors.forbidden', 403)
}

export type CreatedApiKey = { id: string; name: string; prefix: string; createdAt: Date; plainKey: string }

/** Creates a key for the organisation; the plain key is in the result and nowhere else, ever. */
export async function createApiKey(actorId: string, organisationId: string, name: string): Promise<CreatedApiKey> {
	await requireKeyManager(actorId, organisationId)
	const plainKey = `${API_KEY_SCHEME}${randomToken(32)}`
	const prefix = plainKey.slice(0, API_KEY_PREFIX_LENGTH)
	const key = await inTransaction(async ({ tx }) => {
		const active = await tx.apiKey.count({ where: { organisationId, revokedAt: null } })
		if (active >= MAX_ACTIVE_KEYS) throw new OrganisationError('api.keys.tooMany', 409)
		const created = await tx.apiKey.create({
			data: { organisationId, name: cleanLine(name).slice(0, API_KEY_NAME_MAX), prefix, keyHash: sha256Hex(plainKey), createdById: actorId },
			select: { id: true, name: true, prefix: true, createdAt: true },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'apiKey.create',
			entityType: 'ApiKey',
			entityId: created.id,
			data: { name: created.name, prefix },
		})
		return created
	})
	return { ...key, plainKey }
}

/** The organisation's keys, newest first, revoked ones included (they explain past API activity). */
export function listApiKeys(organisationId: string) {
	return prisma.apiKey.findMany({
		where: { organisationId },
		select: {
			id: true,
			name: true,
			prefix: true,
			createdAt: true,
			lastUsedAt: true,
			revokedAt: true,
			createdBy: { select: { name: true } },
		},
		orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
	})
}

/** Revokes a key of the organisation; a revoked key is refused from the next request on. */
export async function revokeApiKey(actorId: string, organisationId: string, keyId: string) {
	await requireKeyManager(actorId, organisationId)
	return inTransaction(async ({ tx }) => {
		const key = await tx.apiKey.findFirst({ where: { id: keyId, organisationId }, select: { id: true, name: true, prefix: true, revokedAt: true } })
		if (!key) throw new OrganisationError('errors.notFound', 404)
		if (key.revokedAt) throw new OrganisationError('api.keys.alreadyRevoked', 409)
		// The condition makes two concurrent revocations record one audit entry, not two.
		const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: new Date() } })
		if (count === 0) throw new OrganisationError('api.keys.alreadyRevoked', 409)
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'apiKey.revoke',
			entityType: 'ApiKey',
			entityId: key.id,
			data: { name: key.name, prefix: key.prefix },
		})
		return { id: key.id, name: key.name }
	})
}

export type FoundApiKey = {
	id: string
	name: string
	prefix: string
	createdById: string | null
	organisation: { id: string; slug: string; name: string }
}

/**
 * The live key matching a plain key, or null when it is malformed, unknown or revoked.
 * Records the use, at most once a minute per key.
 */
export async function findApiKey(plain: string): Promise<FoundApiKey | null> {
	if (!PLAIN_KEY.test(plain)) return null
	const key = await prisma.apiKey.findUnique({
		where: { keyHash: sha256Hex(plain) },
		select: {
			id: true,
			name: true,
			prefix: true,
			createdById: true,
			lastUsedAt: true,
			revokedAt: true,
			organisation: { select: { id: true, slug: true, name: true } },
		},
	})
	if (!key || key.revokedAt) return null
	const now = new Date()
	if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
		// Conditional, so parallel requests of one key write once.
		await prisma.apiKey.updateMany({
			where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }] },
			data: { lastUsedAt: now },
		})
	}
	return { id: key.id, name: key.name, prefix: key.prefix, createdById: key.createdById, organisation: key.organisation }
}
