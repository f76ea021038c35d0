// /operator/search: operators only; synonym edits keep what was typed on error; reconcile reports drift.
import { RouterContextProvider } from 'react-router'
import { expect, test } from 'vitest'
import { action, loader } from '~/routes/operator/search'
import { createUser, makeRequest, outcome, signIn } from '../factories'
import { useTestDatabase } from '../db'

const { prisma } = await useTestDatabase()

const args = (request: Request) => ({ request, params: {}, context: new RouterContextProvider() }) as never

test('members get 403; operators see the index and edit synonyms', async () => {
	const member = await signIn((await createUser()).id)
	expect((await outcome(loader(args(makeRequest('/operator/search', { cookie: member.cookie }))))).status).toBe(403)
	expect((await outcome(action(args(makeRequest('/operator/search', { cookie: member.cookie, form: { intent: 'add', terms: 'a, b' } }))))).status).toBe(403)

	const operator = await signIn((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
	const page = await outcome(loader(args(makeRequest('/operator/search', { cookie: operator.cookie }))))
	expect(page.body).toMatchObject({ status: { engine: 'postgres', pending: expect.any(Number) } })

	const refused = await outcome(action(args(makeRequest('/operator/search', { cookie: operator.cookie, form: { intent: 'add', terms: 'chỉ một từ' } }))))
	expect(refused.status).toBe(400)
	expect(refused.body).toMatchObject({ typed: 'chỉ một từ', errors: { terms: ['search.synonyms.errors.tooFew'] } })

	const added = await outcome(action(args(makeRequest('/operator/search', { cookie: operator.cookie, form: { intent: 'add', terms: 'cá tra, pangasius' } }))))
	expect(added.location).toBe('/operator/search?done=added')
	expect(await prisma.searchSynonym.count({ where: { terms: { equals: ['cá tra', 'pangasius'] } } })).toBe(1)

	const missing = await outcome(action(args(makeRequest('/operator/search', { cookie: operator.cookie, form: { intent: 'delete', id: 'nope' } }))))
	expect(missing.status).toBe(404)

	const reconciled = await outcome(action(args(makeRequest('/operator/search', { cookie: operator.cookie, form: { intent: 'reconcile' } }))))
	expect(reconciled.location).toMatch(/^\/operator\/search\?done=reconciled&missing=\d+&stale=0&extra=0$/)
})
