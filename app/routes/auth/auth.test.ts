import { describe, expect, test } from 'vitest'
import { action as loginAction } from './login'
import { action as logoutAction } from './logout'
import { action as registerAction } from './register'
import { getUser } from '~/utils/auth.server'
import { createOwner, createUser, makeRequest, TEST_PASSWORD } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'

const { prisma } = await useTestDatabase()

// Actions of different routes take differently typed args; these tests only pass a request.
const args = (request: Request) => ({ request, params: {}, context: {} }) as never

/** Runs an action and returns what the browser would get: a Response either way. */
async function run(fn: (a: never) => Promise<unknown>, request: Request) {
	try {
		const result = await fn(args(request))
		if (result instanceof Response) return { status: result.status, headers: result.headers, data: null as unknown }
		const r = result as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } }
		if (r && r.type === 'DataWithResponseInit') return { status: r.init?.status ?? 200, headers: new Headers(r.init?.headers), data: r.data }
		return { status: 200, headers: new Headers(), data: result }
	} catch (thrown) {
		if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, data: null }
		const r = thrown as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } }
		if (r?.type === 'DataWithResponseInit') return { status: r.init?.status ?? 500, headers: new Headers(r.init?.headers), data: r.data }
		throw thrown
	}
}

function sessionCookieFrom(headers: Headers) {
	const cookie = headers.getSetCookie().find((c) => c.startsWith('__session='))
	return cookie?.split(';')[0]
}

describe('login', () => {
	test('the right password starts a session and redirects only to a local path', async () => {
		const user = await createUser({ email: 'dang-nhap@kiemthu.example' })
		const res = await run(loginAction, makeRequest('/login', { form: { email: 'Dang-Nhap@kiemthu.example', password: TEST_PASSWORD, redirectTo: '//evil.example/x' } }))
		expect(res.status).toBe(302)
		expect(res.headers.get('Location')).toBe('/')
		const cookie = sessionCookieFrom(res.headers)!
		expect(await getUser(makeRequest('/me', { cookie }))).toMatchObject({ id: user.id })
	})

	test('a wrong password answers 400 with a translated form error and keeps the e-mail, never the password', async () => {
		await createUser({ email: 'sai-mat-khau@kiemthu.example' })
		const res = await run(loginAction, makeRequest('/login', { form: { email: 'sai-mat-khau@kiemthu.example', password: 'khong-dung' } }))
		expect(res.status).toBe(400)
		const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result
		expect(result.error['']).toEqual(['auth.login.invalid'])
		expect(result.initialValue.email).toBe('sai-mat-khau@kiemthu.example')
		expect(result.initialValue.password).toBeUndefined()
	})

	test('garbage input is a 400, not a 500', async () => {
		const res = await run(loginAction, makeRequest('/login', { form: { email: 'x'.repeat(5000), password: 'y'.repeat(5000) } }))
		expect(res.status).toBe(400)
	})

	test('after 8 failures the account is locked with 429 even for the right password', async () => {
		await createUser({ email: 'bi-khoa@kiemthu.example' })
		const statuses: number[] = []
		for (let i = 0; i < 9; i++) {
			statuses.push((await run(loginAction, makeRequest('/login', { form: { email: 'bi-khoa@kiemthu.example', password: `sai-${i}` } }))).status)
		}
		expect(statuses.slice(0, 7).every((s) => s === 400)).toBe(true)
		expect(statuses.at(-1)).toBe(429)
		const right = await run(loginAction, makeRequest('/login', { form: { email: 'bi-khoa@kiemthu.example', password: TEST_PASSWORD } }))
		expect(right.status).toBe(429)
		expect(right.headers.get('Retry-After')).toMatch(/^\d+$/)
	})

	test('one address trying many accounts is limited per IP', async () => {
		const ip = '198.51.100.23'
		let last = 0
		for (let i = 0; i < 31; i++) {
			last = (await run(loginAction, makeRequest('/login', { headers: { 'X-Client-IP': ip }, form: { email: `ai-${i}@kiemthu.example`, password: 'sai' } }))).status
		}
		expect(last).toBe(429)
	})

	test('logout revokes the session: the same cookie no longer signs in', async () => {
		await createUser({ email: 'dang-xuat@kiemthu.example' })
		const login = await run(loginAction, makeRequest('/login', { form: { email: 'dang-xuat@kiemthu.example', password: TEST_PASSWORD } }))
		const cookie = sessionCookieFrom(login.headers)!
		expect(await getUser(makeRequest('/', { cookie }))).not.toBeNull()
		const out = await run(logoutAction, makeRequest('/logout', { method: 'POST', cookie }))
		expect(out.status).toBe(302)
		expect(await getUser(makeRequest('/', { cookie }))).toBeNull()
	})

	test('logging in again replaces the previous session id (no fixation)', async () => {
		await createUser({ email: 'xoay-vong@kiemthu.example' })
		const first = sessionCookieFrom((await run(loginAction, makeRequest('/login', { form: { email: 'xoay-vong@kiemthu.example', password: TEST_PASSWORD } }))).headers)!
		const second = sessionCookieFrom(
			(await run(loginAction, makeRequest('/login', { cookie: first, form: { email: 'xoay-vong@kiemthu.example', password: TEST_PASSWORD } }))).headers,
		)!
		expect(second).not.toBe(first)
		expect(await getUser(makeRequest('/', { cookie: first }))).toBeNull()
		expect(await getUser(makeRequest('/', { cookie: second }))).not.toBeNull()
	})
})

describe('register', () => {
	const valid = {
		name: 'Phạm Thu Trang',
		email: 'thu.trang@doanhnghiep.example',
		password: 'mat-khau-dang-ky-2026',
		confirmPassword: 'mat-khau-dang-ky-2026',
		locale: 'vi',
		mode: 'create',
		orgName: 'Công ty Cổ phần Thủy sản Kiểm Thử',
		orgType: 'ENTERPRISE',
		orgTaxCode: '0312345678',
		orgProvince: '96',
		accept: 'on',
	}

	test('creates the account and organisation and signs the user in', async () => {
		const res = await run(registerAction, makeRequest('/register', { form: valid }))
		expect(res.status).toBe(302)
		expect(res.headers.get('Location')).toBe('/me?welcome=1')
		const user = await getUser(makeRequest('/me', { cookie: sessionCookieFrom(res.headers) }))
		expect(user?.memberships[0]).toMatchObject({ role: 'OWNER', organisation: { name: valid.orgName } })
	})

	test('a common password, a taken e-mail, a taken tax code and an unknown province are field errors; typed values stay', async () => {
		const { organisation } = await createOwner({ taxCode: '0101234567' })
		await createUser({ email: 'da-co@kiemthu.example' })
		const organisationsBefore = await prisma.organisation.count()
		const res = await run(
			registerAction,
			makeRequest('/register', {
				form: { ...valid, email: 'da-co@kiemthu.example', password: 'password123', confirmPassword: 'password123', orgTaxCode: '0101234567', orgProvince: '99' },
			}),
		)
		expect(res.status).toBe(400)
		const result = (res.data as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result
		expect(result.error.password).toContain('validation.passwordCommon')
		expect(result.error.email).toContain('validation.emailTaken')
		expect(result.error.orgTaxCode).toContain('validation.taxCodeTaken')
		expect(result.error.orgProvince).toContain('validation.province')
		expect(result.initialValue.orgName).toBe(valid.orgName)
		expect(result.initialValue.password).toBeUndefined()
		expect(await prisma.organisation.count()).toBe(organisationsBefore)
		expect(organisation.taxCode).toBe('0101234567')
	})

	test('a short password and mismatched confirmation are reported with their parameters', async () => {
		const res = await run(registerAction, makeRequest('/register', { form: { ...valid, password: 'ngan', confirmPassword: 'khac' } }))
		expect(res.status).toBe(400)
		const error = (res.data as { result: { error: Record<string, string[]> } }).result.error
		expect(error.password).toContain('validation.passwordTooShort|{"min":8}')
		expect(error.confirmPassword).toContain('validation.passwordMismatch')
	})

	test('members may not create an AGENCY organisation', async () => {
		const res = await run(registerAction, makeRequest('/register', { form: { ...valid, email: 'co-quan@kiemthu.example', orgType: 'AGENCY' } }))
		expect(res.status).toBe(400)
	})
})

describe('register from an invitation', () => {
	test('joins the inviting organisation with the invited role; another address is a field error', async () => {
		const { inviteMember } = await import('~/models/organisation.server')
		const { user: owner, organisation } = await createOwner()
		await inviteMember(owner.id, organisation.id, 'duoc-moi@kiemthu.example', 'MEMBER', 'http://localhost')
		const job = await prisma.job.findFirstOrThrow({ where: { queue: 'email.send' }, orderBy: { createdAt: 'desc' } })
		const token = new URL((job.payload as { params: { link: string } }).params.link).searchParams.get('invite')!
		const form = { name: 'Lý Được Mời', password: 'mat-khau-dang-ky-2026', confirmPassword: 'mat-khau-dang-ky-2026', locale: 'vi', mode: 'invite', invite: token, accept: 'on' }

		const wrong = await run(registerAction, makeRequest('/register', { form: { ...form, email: 'nguoi-khac@kiemthu.example' } }))
		expect(wrong.status).toBe(400)
		expect((wrong.data as { result: { error: Record<string, string[]> } }).result.error.email).toContain('organisations.errors.invitationInvalid')

		const res = await run(registerAction, makeRequest('/register', { form: { ...form, email: 'duoc-moi@kiemthu.example' } }))
		expect(res.status).toBe(302)
		const user = await getUser(makeRequest('/me', { cookie: sessionCookieFrom(res.headers) }))
		expect(user?.memberships).toEqual([expect.objectContaining({ role: 'MEMBER', organisation: expect.objectContaining({ id: organisation.id }) })])
	})
})
