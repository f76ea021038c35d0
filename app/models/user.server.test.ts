import { addHours } from 'date-fns'
import { describe, expect, test } from 'vitest'
import { findLiveSession } from '~/models/session.server'
import {
	changePassword,
	findResetToken,
	registerUser,
	requestPasswordReset,
	resetPassword,
	setPlatformRoles,
	verifyCredentials,
} from '~/models/user.server'
import { sha256Hex } from '~/utils/crypto.server'
import { addMember, createOwner, createUser, signIn, TEST_PASSWORD } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const { prisma } = await useTestDatabase()

describe('registerUser', () => {
	test('creating an organisation makes the new user its only owner, unverified, with a first session', async () => {
		const { user, session } = await registerUser({
			name: '  Trần   Thị Hoa ',
			email: 'Hoa.Tran@VienMoi.example',
			password: 'mot-mat-khau-dai-2026',
			locale: 'vi',
			organisation: { mode: 'create', name: 'Viện Công nghệ Mới', type: 'RESEARCH_INSTITUTE', taxCode: '0109999990', provinceCode: '48' },
		})
		expect(user.email).toBe('hoa.tran@vienmoi.example')
		expect(user.name).toBe('Trần Thị Hoa')
		const memberships = await prisma.membership.findMany({ where: { userId: user.id }, include: { organisation: true } })
		expect(memberships).toHaveLength(1)
		expect(memberships[0]).toMatchObject({ role: 'OWNER', status: 'ACTIVE' })
		expect(memberships[0]!.organisation).toMatchObject({ slug: 'vien-cong-nghe-moi', verifiedAt: null, provinceCode: '48' })
		expect(await findLiveSession(session.secret)).toMatchObject({ userId: user.id })
		const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
		expect(stored.passwordHash.startsWith('$argon2id$')).toBe(true)
	})

	test('asking to join leaves a pending membership and notifies the owners, not plain members', async () => {
		const { user: owner, organisation } = await createOwner()
		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const { user } = await registerUser({
			name: 'Lê Minh',
			email: 'le.minh@kiemthu.example',
			password: 'mot-mat-khau-dai-2026',
			locale: 'en',
			organisation: { mode: 'join', organisationId: organisation.id },
		})
		expect(await prisma.membership.findFirst({ where: { userId: user.id } })).toMatchObject({ status: 'PENDING', role: 'MEMBER' })
		expect(await prisma.notification.count({ where: { userId: owner.id, kind: 'membership.requested' } })).toBe(1)
		expect(await prisma.notification.count({ where: { userId: member.id } })).toBe(0)
	})

	test('a taken e-mail fails as a whole: no user, organisation or session is left behind', async () => {
		await createUser({ email: 'trung@kiemthu.example' })
		const before = await prisma.organisation.count()
		await expect(
			registerUser({
				name: 'Người Trùng',
				email: 'TRUNG@kiemthu.example',
				password: 'mot-mat-khau-dai-2026',
				locale: 'vi',
				organisation: { mode: 'create', name: 'Tổ chức Trùng', type: 'ENTERPRISE', provinceCode: '01' },
			}),
		).rejects.toThrow()
		expect(await prisma.organisation.count()).toBe(before)
		expect(await prisma.user.count({ where: { email: 'trung@kiemthu.example' } })).toBe(1)
	})
})

describe('credentials and passwords', () => {
	test('verifyCredentials accepts the right password in any e-mail case and refuses a wrong one or a disabled account', async () => {
		const user = await createUser({ email: 'an@kiemthu.example' })
		expect(await verifyCredentials('AN@kiemthu.example', TEST_PASSWORD)).toMatchObject({ id: user.id })
		expect(await verifyCredentials('an@kiemthu.example', `${TEST_PASSWORD}x`)).toBeNull()
		expect(await verifyCredentials('khong-co@kiemthu.example', TEST_PASSWORD)).toBeNull()
		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		expect(await verifyCredentials('an@kiemthu.example', TEST_PASSWORD)).toBeNull()
	})

	test('changing the password ends every other session but keeps the current one', async () => {
		const user = await createUser()
		const current = await signIn(user.id)
		const other = await signIn(user.id)
		await changePassword(user.id, 'mat-khau-moi-rat-dai', current.secret)
		expect(await findLiveSession(current.secret)).not.toBeNull()
		expect(await findLiveSession(other.secret)).toBeNull()
		expect(await verifyCredentials(user.email, 'mat-khau-moi-rat-dai')).not.toBeNull()
	})

	test('a reset link works once, ends all sessions, and an expired one is refused', async () => {
		const user = await createUser()
		const session = await signIn(user.id)
		await requestPasswordReset(user.email, 'http://localhost:3000')
		const job = await prisma.job.findFirstOrThrow({ where: { queue: 'email.send' }, orderBy: { createdAt: 'desc' } })
		const link = String((job.payload as { params: { link: string } }).params.link)
		const token = new URL(link).searchParams.get('token')!
		expect(await findResetToken(token)).toEqual({ userId: user.id })
		expect(await resetPassword(token, 'mat-khau-sau-khi-quen')).toEqual({ userId: user.id })
		expect(await resetPassword(token, 'lan-thu-hai-khong-duoc')).toBeNull()
		expect(await findLiveSession(session.secret)).toBeNull()
		expect(await verifyCredentials(user.email, 'mat-khau-sau-khi-quen')).not.toBeNull()

		await prisma.passwordResetToken.create({ data: { id: sha256Hex('het-han-token-0123456789'), userId: user.id, expiresAt: addHours(new Date(), -1) } })
		expect(await findResetToken('het-han-token-0123456789')).toBeNull()
		expect(await resetPassword('het-han-token-0123456789', 'khong-duoc-dat')).toBeNull()
	})

	test('asking a reset for an unknown e-mail sends nothing', async () => {
		const before = await prisma.job.count()
		await requestPasswordReset('khong-ton-tai@kiemthu.example', 'http://localhost:3000')
		expect(await prisma.job.count()).toBe(before)
	})
})

test('platform roles always keep MEMBER, are audited, and notify newly granted roles', async () => {
	const admin = await createUser({ roles: ['MEMBER', 'ADMIN'] })
	const user = await createUser()
	await setPlatformRoles(admin.id, user.id, ['BROKER'])
	expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles.sort()).toEqual(['BROKER', 'MEMBER'])
	expect(await prisma.auditLog.count({ where: { action: 'user.roles.set', entityId: user.id, actorId: admin.id } })).toBe(1)
	expect(await prisma.notification.count({ where: { userId: user.id, kind: 'account.role-granted' } })).toBe(1)
})
