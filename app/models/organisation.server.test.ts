import { describe, expect, test } from 'vitest'
import {
	addMemberByEmail,
	changeMemberRole,
	decideJoinRequest,
	findInvitation,
	inviteMember,
	OrganisationError,
	removeMember,
	requestToJoin,
	setOrganisationVerified,
	updateOrganisation,
} from '~/models/organisation.server'
import { registerUser } from '~/models/user.server'
import { addMember, createOrganisation, createOwner, createUser } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const { prisma } = await useTestDatabase()

async function rejection(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof OrganisationError) return { code: error.code, status: error.status }
		throw error
	}
	throw new Error('expected the call to be refused')
}

describe('who may manage members', () => {
	test("the owner of organisation A cannot accept a request to organisation B, even naming B's membership id", async () => {
		const a = await createOwner()
		const b = await createOwner()
		const applicant = await createUser()
		const request = await addMember(applicant.id, b.organisation.id, 'MEMBER', 'PENDING')
		expect(await rejection(decideJoinRequest(a.user.id, b.organisation.id, request.id, true))).toEqual({ code: 'errors.forbidden', status: 403 })
		// Naming their own organisation with B's membership finds nothing.
		expect(await rejection(decideJoinRequest(a.user.id, a.organisation.id, request.id, true))).toEqual({ code: 'errors.notFound', status: 404 })
		expect(await prisma.membership.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'PENDING' })
	})

	test('a plain member cannot accept, remove or change roles; an admin manages plain members only', async () => {
		const { user: owner, organisation } = await createOwner()
		const member = await createUser()
		const admin = await createUser()
		const other = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const adminMembership = await addMember(admin.id, organisation.id, 'ADMIN')
		const otherMembership = await addMember(other.id, organisation.id, 'MEMBER')
		const ownerMembership = await prisma.membership.findFirstOrThrow({ where: { userId: owner.id } })

		expect((await rejection(removeMember(member.id, organisation.id, otherMembership.id))).status).toBe(403)
		expect((await rejection(changeMemberRole(member.id, organisation.id, otherMembership.id, 'ADMIN'))).status).toBe(403)
		expect(await rejection(changeMemberRole(admin.id, organisation.id, otherMembership.id, 'ADMIN'))).toEqual({ code: 'organisations.errors.ownerOnly', status: 403 })
		expect(await rejection(removeMember(admin.id, organisation.id, ownerMembership.id))).toEqual({ code: 'organisations.errors.ownerOnly', status: 403 })
		await removeMember(admin.id, organisation.id, otherMembership.id)
		expect(await prisma.membership.findUnique({ where: { id: otherMembership.id } })).toBeNull()
		await changeMemberRole(owner.id, organisation.id, adminMembership.id, 'MEMBER')
		expect(await prisma.membership.findUniqueOrThrow({ where: { id: adminMembership.id } })).toMatchObject({ role: 'MEMBER' })
	})

	test('the last owner can neither leave nor be demoted; with a second owner both work', async () => {
		const { user: owner, organisation, membership } = await createOwner()
		expect(await rejection(removeMember(owner.id, organisation.id, membership.id))).toEqual({ code: 'organisations.errors.lastOwner', status: 409 })
		expect(await rejection(changeMemberRole(owner.id, organisation.id, membership.id, 'MEMBER'))).toEqual({ code: 'organisations.errors.lastOwner', status: 409 })
		const second = await createUser()
		await addMemberByEmail(owner.id, organisation.id, second.email, 'OWNER')
		await changeMemberRole(owner.id, organisation.id, membership.id, 'MEMBER')
		expect(await prisma.membership.count({ where: { organisationId: organisation.id, role: 'OWNER' } })).toBe(1)
	})

	test('join requests: one per person, accepted by an admin, the applicant is notified', async () => {
		const { organisation } = await createOwner()
		const admin = await createUser()
		await addMember(admin.id, organisation.id, 'ADMIN')
		const applicant = await createUser()
		await requestToJoin(applicant.id, organisation.id)
		expect(await rejection(requestToJoin(applicant.id, organisation.id))).toEqual({ code: 'organisations.errors.alreadyRequested', status: 409 })
		const pending = await prisma.membership.findFirstOrThrow({ where: { userId: applicant.id } })
		await decideJoinRequest(admin.id, organisation.id, pending.id, true)
		expect(await prisma.membership.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'ACTIVE' })
		expect(await prisma.notification.count({ where: { userId: applicant.id, kind: 'membership.accepted' } })).toBe(1)
		expect(await rejection(decideJoinRequest(admin.id, organisation.id, pending.id, false))).toEqual({ code: 'organisations.errors.notPending', status: 409 })
	})

	test('adding an unknown e-mail is refused with a clear code', async () => {
		const { user, organisation } = await createOwner()
		expect(await rejection(addMemberByEmail(user.id, organisation.id, 'chua-dang-ky@kiemthu.example', 'MEMBER'))).toEqual({
			code: 'organisations.errors.noSuchUser',
			status: 404,
		})
	})
})

describe('organisation details and verification', () => {
	test('renaming a verified organisation clears its verification; other edits keep it', async () => {
		const { user, organisation } = await createOwner({ verified: true, name: 'Viện Cũ' })
		const base = { name: 'Viện Cũ', type: 'RESEARCH_INSTITUTE' as const, provinceCode: '01' }
		await updateOrganisation(user.id, organisation.id, { ...base, description: 'Giới thiệu mới' })
		expect((await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).verifiedAt).not.toBeNull()
		await updateOrganisation(user.id, organisation.id, { ...base, name: 'Viện Mới Đổi Tên' })
		expect((await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).verifiedAt).toBeNull()
	})

	test('a non-member cannot edit', async () => {
		const organisation = await createOrganisation()
		const stranger = await createUser()
		expect((await rejection(updateOrganisation(stranger.id, organisation.id, { name: 'Chiếm quyền', type: 'ENTERPRISE', provinceCode: '01' }))).status).toBe(403)
	})

	test('verification is audited and notifies the owners', async () => {
		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
		const { user: owner, organisation } = await createOwner()
		await setOrganisationVerified(operator.id, organisation.id, true)
		const row = await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })
		expect(row.verifiedById).toBe(operator.id)
		expect(await prisma.auditLog.count({ where: { action: 'organisation.verify', entityId: organisation.id } })).toBe(1)
		expect(await prisma.notification.count({ where: { userId: owner.id, kind: 'organisation.verified' } })).toBe(1)
	})
})

describe('invitations', () => {
	async function tokenFromLastEmail() {
		const job = await prisma.job.findFirstOrThrow({ where: { queue: 'email.send' }, orderBy: { createdAt: 'desc' } })
		const payload = job.payload as { to: string; template: string; params: { link: string } }
		return { to: payload.to, template: payload.template, token: new URL(payload.params.link).searchParams.get('invite')! }
	}

	test('an address without an account gets a single-use link that signs it up into the organisation with the role', async () => {
		const { user: owner, organisation } = await createOwner()
		expect(await inviteMember(owner.id, organisation.id, 'Moi.Vao@KiemThu.example', 'ADMIN', 'http://localhost')).toEqual({ invited: true })
		const mail = await tokenFromLastEmail()
		expect(mail).toMatchObject({ to: 'moi.vao@kiemthu.example', template: 'organisation-invitation' })
		expect(await findInvitation(mail.token)).toMatchObject({ email: 'moi.vao@kiemthu.example', role: 'ADMIN', organisation: { id: organisation.id } })

		const wrongAddress = registerUser({ name: 'Người Khác', email: 'khac@kiemthu.example', password: 'mat-khau-dai-du-roi', locale: 'vi', organisation: { mode: 'invite', token: mail.token } })
		await expect(wrongAddress).rejects.toBeInstanceOf(OrganisationError)
		expect(await prisma.user.count({ where: { email: 'khac@kiemthu.example' } })).toBe(0)

		const { user } = await registerUser({ name: 'Người Mới', email: 'moi.vao@kiemthu.example', password: 'mat-khau-dai-du-roi', locale: 'vi', organisation: { mode: 'invite', token: mail.token } })
		expect(await prisma.membership.findFirst({ where: { userId: user.id } })).toMatchObject({ organisationId: organisation.id, role: 'ADMIN', status: 'ACTIVE' })
		expect(await findInvitation(mail.token)).toBeNull()
	})

	test('an address that has an account is added at once; admins cannot invite admins', async () => {
		const { user: owner, organisation } = await createOwner()
		const existing = await createUser()
		expect(await inviteMember(owner.id, organisation.id, existing.email, 'MEMBER', 'http://localhost')).toEqual({ invited: false })
		expect(await prisma.membership.findFirst({ where: { userId: existing.id, organisationId: organisation.id } })).toMatchObject({ status: 'ACTIVE' })
		const admin = await createUser()
		await addMember(admin.id, organisation.id, 'ADMIN')
		expect((await rejection(inviteMember(admin.id, organisation.id, 'ai-do@kiemthu.example', 'ADMIN', 'http://localhost'))).code).toBe('organisations.errors.ownerOnly')
		const stranger = await createUser()
		expect((await rejection(inviteMember(stranger.id, organisation.id, 'ai-do@kiemthu.example', 'MEMBER', 'http://localhost'))).status).toBe(403)
	})

	test('an expired invitation is refused', async () => {
		const { user: owner, organisation } = await createOwner()
		await inviteMember(owner.id, organisation.id, 'het-han@kiemthu.example', 'MEMBER', 'http://localhost')
		const { token } = await tokenFromLastEmail()
		await prisma.invitation.updateMany({ where: { email: 'het-han@kiemthu.example' }, data: { expiresAt: new Date(Date.now() - 1000) } })
		expect(await findInvitation(token)).toBeNull()
		await expect(registerUser({ name: 'Trễ Hạn', email: 'het-han@kiemthu.example', password: 'mat-khau-dai-du-roi', locale: 'vi', organisation: { mode: 'invite', token } })).rejects.toBeInstanceOf(OrganisationError)
	})
})
