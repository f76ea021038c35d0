import { describe, expect, test } from 'vitest'
import { createApiKey, findApiKey, listApiKeys, revokeApiKey } from '~/models/api-key.server'
import { OrganisationError } from '~/models/organisation.server'
import { addMember, createOwner, createUser, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'
import { getApiPrincipal, requireApiPrincipal, requireApiUser } from './auth.server'
import { ApiError } from './errors.server'

process.env.SESSION_SECRET ??= 'api-auth-test-session-secret-0123456789'

const { prisma } = await useTestDatabase()

function apiRequest(headers: Record<string, string> = {}, method = 'GET') {
	return new Request('http://localhost/api/v1/me', { method, headers })
}

async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof ApiError) return { status: error.status, code: error.code, challenge: error.headers.get('WWW-Authenticate') }
		if (error instanceof OrganisationError) return { status: error.status, code: error.code, challenge: null }
		throw error
	}
	throw new Error('expected a refusal')
}

describe('API keys (model)', () => {
	test('an owner creates a key shown once: only its prefix and hash are stored, and the creation is audited', async () => {
		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, '  Phần mềm   ERP ')
		expect(key.plainKey).toMatch(/^ck_[A-Za-z0-9_-]{43}$/)
		expect(key.prefix).toBe(key.plainKey.slice(0, 11))
		expect(key.name).toBe('Phần mềm ERP')
		const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })
		expect(JSON.stringify(row)).not.toContain(key.plainKey)
		expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/)
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: 'ApiKey', entityId: key.id } })
		expect(audit).toMatchObject({ action: 'apiKey.create', actorId: user.id, organisationId: organisation.id })
		expect(await listApiKeys(organisation.id)).toEqual([expect.objectContaining({ id: key.id, prefix: key.prefix, revokedAt: null })])
	})

	test('plain members and outsiders can neither create nor revoke keys', async () => {
		const { user: owner, organisation } = await createOwner()
		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const outsider = (await createOwner()).user
		const key = await createApiKey(owner.id, organisation.id, 'Website')
		for (const actor of [member, outsider]) {
			expect(await refusal(createApiKey(actor.id, organisation.id, 'Trộm'))).toMatchObject({ status: 403 })
			expect(await refusal(revokeApiKey(actor.id, organisation.id, key.id))).toMatchObject({ status: 403 })
		}
		expect(await prisma.apiKey.count({ where: { organisationId: organisation.id } })).toBe(1)
	})

	test("an admin revokes a key once (audited); another organisation's key id is not found", async () => {
		const { user: owner, organisation } = await createOwner()
		const admin = await createUser()
		await addMember(admin.id, organisation.id, 'ADMIN')
		const other = await createOwner()
		const key = await createApiKey(owner.id, organisation.id, 'Website')
		const foreign = await createApiKey(other.user.id, other.organisation.id, 'Của người khác')
		await revokeApiKey(admin.id, organisation.id, key.id)
		expect(await refusal(revokeApiKey(admin.id, organisation.id, key.id))).toMatchObject({ status: 409 })
		expect(await refusal(revokeApiKey(owner.id, organisation.id, foreign.id))).toMatchObject({ status: 404 })
		expect(await prisma.auditLog.count({ where: { action: 'apiKey.revoke', entityId: key.id, actorId: admin.id } })).toBe(1)
		expect(await findApiKey(key.plainKey)).toBeNull()
		expect(await findApiKey(foreign.plainKey)).not.toBeNull()
	})
})

describe('request authentication', () => {
	test('a valid key authenticates as its organisation and records the use at most once a minute', async () => {
		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, 'ERP')
		const principal = await requireApiPrincipal(apiRequest({ Authorization: `Bearer ${key.plainKey}` }))
		expect(principal).toMatchObject({ kind: 'apiKey', apiKey: { id: key.id, name: 'ERP' }, organisation: { id: organisation.id } })
		const first = (await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt
		expect(first).toBeInstanceOf(Date)
		await requireApiPrincipal(apiRequest({ Authorization: `bearer ${key.plainKey}` }))
		expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first)
		// A use more than a minute after the last one is recorded.
		await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 5 * 60_000) } })
		await requireApiPrincipal(apiRequest({ Authorization: `Bearer ${key.plainKey}` }))
		expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000)
	})

	test('revoked, unknown and malformed keys get 401 with a Bearer challenge', async () => {
		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, 'ERP')
		await revokeApiKey(user.id, organisation.id, key.id)
		const unknown = `ck_${'A'.repeat(43)}`
		for (const authorization of [`Bearer ${key.plainKey}`, `Bearer ${unknown}`, 'Bearer not-a-key']) {
			expect(await refusal(getApiPrincipal(apiRequest({ Authorization: authorization })))).toEqual({
				status: 401,
				code: 'invalid_api_key',
				challenge: 'Bearer realm="cau-noi-api", error="invalid_token"',
			})
		}
		expect(await refusal(getApiPrincipal(apiRequest({ Authorization: `Basic ${btoa('a:b')}` })))).toMatchObject({ status: 401, code: 'invalid_request' })
		expect(await refusal(requireApiPrincipal(apiRequest()))).toEqual({ status: 401, code: 'unauthenticated', challenge: 'Bearer realm="cau-noi-api"' })
	})

	test('the session cookie authenticates a person; a bad key is not rescued by a good cookie', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		expect(await requireApiUser(apiRequest({ Cookie: cookie }))).toMatchObject({ kind: 'user', user: { id: user.id } })
		expect(await refusal(getApiPrincipal(apiRequest({ Cookie: cookie, Authorization: 'Bearer ck_wrong' })))).toMatchObject({ status: 401 })
	})

	test('person-only resources refuse keys with 403', async () => {
		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, 'ERP')
		expect(await refusal(requireApiUser(apiRequest({ Authorization: `Bearer ${key.plainKey}` })))).toMatchObject({ status: 403, code: 'forbidden' })
	})
})
