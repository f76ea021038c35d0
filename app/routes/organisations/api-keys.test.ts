// The organisation's API keys page: loader and action with real requests and a real database.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { findApiKey } from '~/models/api-key.server'
import { addMember, createOwner, createUser, makeRequest, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import { action, loader } from './api-keys'

process.env.SESSION_SECRET ??= 'api-keys-page-test-session-secret-0123456789'

const { prisma } = await useTestDatabase()

type Thrown = { init?: { status?: number } | null; status?: number }

async function statusOfRefusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		const thrown = error as Thrown
		return thrown instanceof Response ? thrown.status : thrown.init?.status
	}
	throw new Error('expected a refusal')
}

const args = (request: Request, slug: string) => ({ request, params: { slug }, context: new RouterContextProvider() }) as never

describe('/organisations/:slug/api-keys', () => {
	test('plain members and outsiders get 403; visitors are sent to log in', async () => {
		const { organisation } = await createOwner()
		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const outsider = await createUser()
		for (const user of [member, outsider]) {
			const { cookie } = await signIn(user.id)
			const path = `/organisations/${organisation.slug}/api-keys`
			expect(await statusOfRefusal(loader(args(makeRequest(path, { cookie }), organisation.slug)))).toBe(403)
			expect(await statusOfRefusal(action(args(makeRequest(path, { cookie, form: { intent: 'create', name: 'Trộm' } }), organisation.slug)))).toBe(403)
		}
		expect(await statusOfRefusal(loader(args(makeRequest(`/organisations/${organisation.slug}/api-keys`), organisation.slug)))).toBe(302)
		expect(await prisma.apiKey.count({ where: { organisationId: organisation.id } })).toBe(0)
	})

	test('an owner creates a key shown once, then revokes it after confirming', async () => {
		const { user, organisation } = await createOwner()
		const { cookie } = await signIn(user.id)
		const path = `/organisations/${organisation.slug}/api-keys`

		const invalid = (await action(args(makeRequest(path, { cookie, form: { intent: 'create', name: '' } }), organisation.slug))) as unknown as Thrown
		expect(invalid.init?.status).toBe(400)

		const created = (await action(args(makeRequest(path, { cookie, form: { intent: 'create', name: 'Phần mềm ERP' } }), organisation.slug))) as {
			created: { plainKey: string; prefix: string; name: string }
		}
		expect(created.created).toMatchObject({ name: 'Phần mềm ERP', plainKey: expect.stringMatching(/^ck_/) })
		const key = await findApiKey(created.created.plainKey)
		expect(key?.organisation.id).toBe(organisation.id)

		// The list shows the prefix, never the key.
		const listed = await loader(args(makeRequest(path, { cookie }), organisation.slug))
		expect(listed.keys).toEqual([expect.objectContaining({ id: key!.id, prefix: created.created.prefix, revokedAt: null, lastUsedAt: expect.any(Date) })])
		expect(JSON.stringify(listed)).not.toContain(created.created.plainKey)

		const confirming = await loader(args(makeRequest(`${path}?revoke=${key!.id}`, { cookie }), organisation.slug))
		expect(confirming.confirming).toEqual({ id: key!.id, name: 'Phần mềm ERP', prefix: created.created.prefix })

		const revoked = (await action(args(makeRequest(path, { cookie, form: { intent: 'revoke', keyId: key!.id } }), organisation.slug))) as unknown as Response
		expect(revoked.status).toBe(302)
		expect(revoked.headers.get('Location')).toBe(`${path}?revoked=${key!.id}`)
		expect(await findApiKey(created.created.plainKey)).toBeNull()

		const after = await loader(args(makeRequest(`${path}?revoked=${key!.id}`, { cookie }), organisation.slug))
		expect(after.revoked).toEqual({ name: 'Phần mềm ERP' })
		expect(after.keys[0]!.revokedAt).toBeInstanceOf(Date)

		const twice = (await action(args(makeRequest(path, { cookie, form: { intent: 'revoke', keyId: key!.id } }), organisation.slug))) as unknown as Thrown
		expect(twice.init?.status).toBe(409)
	})
})
