// Claimed expert profiles: the claim by e-mail, its completion and the claimant's editor, through
// the route modules with real Requests, a real database and real mail files (no SMTP_URL).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { startWorker } from '~/jobs/worker.server'
import { claimPanelFor, completeClaim, findClaim, releaseClaim, requestClaim } from '~/models/expert-claim.server'
import { maskEmail } from '~/utils/text'
import { ExpertProfileError, updateOwnProfile } from '~/models/expert.server'
import { identityKey } from '~/models/expert-schema'
import { renderEmail } from '~/utils/mail.server'
import { listMailbox, readMailboxMessage } from '~/utils/mail.server'
import { resetEnvCache } from '~/utils/env.server'
import { actorFor, createUser, localeContext, makeRequest, outcome, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import { action as claimAction, loader as claimLoader } from './claim'
import { action as completeAction, loader as completeLoader } from './claim-complete'
import { loader as detailLoader } from './detail'
import { action as editAction, loader as editLoader } from './edit'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-expert-claim-'))
const savedEnv = { DATA_DIR: process.env.DATA_DIR, SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL }
process.env.DATA_DIR = dataDir
process.env.APP_URL = 'https://caunoi.example'
delete process.env.SMTP_URL
resetEnvCache()
afterAll(async () => {
	for (const [key, value] of Object.entries(savedEnv)) {
		if (value === undefined) delete process.env[key]
		else process.env[key] = value
	}
	resetEnvCache()
	await fs.rm(dataDir, { recursive: true, force: true })
})

const { prisma } = await useTestDatabase()

let sequence = 0
async function expert(overrides: { email?: string | null; fullName?: string } = {}) {
	sequence++
	const fullName = overrides.fullName ?? `Nguyễn Văn Chuyên Gia ${sequence}`
	return prisma.expert.create({
		data: {
			fullName,
			organisationName: 'Viện Hàn lâm KH&CN Việt Nam',
			identityKey: identityKey(fullName, 'Viện Hàn lâm KH&CN Việt Nam'),
			email: overrides.email === undefined ? `chuyen-gia-${sequence}@vast.example` : overrides.email,
			degree: 'DOCTOR',
			fieldCodes: ['106'],
			fieldPaths: ['1', '106'],
			keywords: ['vi sinh'],
			bio: 'Hồ sơ nhập từ cơ sở dữ liệu.',
			source: 'IMPORT',
			publications: {
				create: [
					{ title: 'Phân lập chủng Bacillus chịu mặn', year: 2019, venue: 'Tạp chí Sinh học', source: 'IMPORT', position: 0 },
					{ title: 'Chế phẩm vi sinh xử lý rơm rạ', year: 2021, venue: 'Hội nghị CNSH toàn quốc', source: 'IMPORT', position: 1 },
				],
			},
		},
	})
}

async function person(roles: Array<'MEMBER' | 'OPERATOR' | 'ADMIN'> = ['MEMBER']) {
	const user = await createUser({ roles })
	const { cookie } = await signIn(user.id)
	return { user, cookie, actor: await actorFor(user.id) }
}




type Handler = (args: never) => unknown
async function call(handler: Handler, path: string, params: Record<string, string>, options: { cookie?: string; form?: Record<string, string | string[]> } = {}) {
	const request = makeRequest(path, options)
	return outcome(Promise.resolve(handler({ request, params, context: await localeContext(request) } as never)))
}

async function deliverMail() {
	const worker = startWorker({ pollMs: 20, periodic: [] })
	try {
		await worker.drain()
	} finally {
		await worker.stop()
	}
}

async function mailTo(address: string) {
	const entries = (await listMailbox()).filter((m) => m.to === address)
	return Promise.all(entries.map((m) => readMailboxMessage(m.id).then((full) => full!)))
}

function tokenIn(text: string) {
	const match = /https:\/\/caunoi\.example\/experts\/claim\/([A-Za-z0-9_-]+)/.exec(text)
	return match?.[1] ?? null
}

/** Asks for a claim as `who` and returns the token from the e-mail the profile's address got. */
async function claimLink(who: Awaited<ReturnType<typeof person>>, expertId: string, email: string) {
	const before = (await mailTo(email)).length
	const asked = await call(claimAction, `/experts/${expertId}/claim`, { id: expertId }, { cookie: who.cookie, form: { intent: 'request' } })
	expect(asked).toMatchObject({ status: 303, location: `/experts/${expertId}?claim=sent` })
	await deliverMail()
	const mails = await mailTo(email)
	expect(mails).toHaveLength(before + 1)
	const newest = mails.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!
	return { token: tokenIn(newest.text)!, mail: newest }
}

async function errorOf(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof ExpertProfileError) return { code: error.code, status: error.status }
		throw error
	}
	return null
}

describe('claiming a profile', () => {
	test('request, e-mail to the profile address, confirm, edit: changes saved, imported publications untouched', async () => {
		const profile = await expert({ email: 'an.nguyen@vast.example' })
		const claimant = await person()

		const { token, mail } = await claimLink(claimant, profile.id, 'an.nguyen@vast.example')
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
		// To the profile's address, never the user's; in both languages, the user's first.
		expect(mail.to).toBe('an.nguyen@vast.example')
		expect(await mailTo(claimant.user.email)).toEqual([])
		expect(mail.subject).toBe('Xác nhận hồ sơ chuyên gia trên Cầu Nối / Confirm your expert profile on Cầu Nối')
		expect(mail.text).toContain(`Tài khoản ${claimant.user.name} (${claimant.user.email}) vừa đề nghị nhận hồ sơ chuyên gia "${profile.fullName}"`)
		expect(mail.text).toContain(`The account ${claimant.user.name} (${claimant.user.email}) has asked to claim the expert profile "${profile.fullName}"`)
		expect(mail.text).toContain('có hiệu lực trong 24 giờ')
		expect(mail.html).toContain(`href="https://caunoi.example/experts/claim/${token}"`)
		// Only the token's hash is stored.
		const stored = await prisma.expertClaim.findMany({ where: { expertId: profile.id } })
		expect(stored).toHaveLength(1)
		expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/)
		expect(stored[0]!.id).not.toContain(token)

		// The page only shows a button; nothing is claimed by opening the link.
		const page = await call(completeLoader, `/experts/claim/${token}`, { token }, { cookie: claimant.cookie })
		expect(page.body).toMatchObject({ claim: { state: 'ready', expertId: profile.id, expertName: profile.fullName } })
		expect((await prisma.expert.findUniqueOrThrow({ where: { id: profile.id } })).claimedById).toBeNull()

		const confirmed = await call(completeAction, `/experts/claim/${token}`, { token }, { cookie: claimant.cookie, form: {} })
		expect(confirmed).toMatchObject({ status: 303, location: `/experts/${profile.id}/edit?claimed=1` })
		const claimed = await prisma.expert.findUniqueOrThrow({ where: { id: profile.id } })
		expect(claimed.claimedById).toBe(claimant.user.id)
		expect(claimed.claimedAt).toBeInstanceOf(Date)
		expect(await prisma.notification.findMany({ where: { userId: claimant.user.id }, select: { kind: true, link: true } })).toEqual([{ kind: 'expert.claimed', link: `/experts/${profile.id}` }])

		const editor = await call(editLoader, `/experts/${profile.id}/edit?claimed=1`, { id: profile.id }, { cookie: claimant.cookie })
		expect(editor.status).toBe(200)
		expect(editor.body).toMatchObject({
			claimed: true,
			fullName: profile.fullName,
			importedPublications: [{ title: 'Phân lập chủng Bacillus chịu mặn' }, { title: 'Chế phẩm vi sinh xử lý rơm rạ' }],
			defaultValue: { degree: 'DOCTOR', keywords: 'vi sinh', fieldCodes: ['106'], publications: [] },
		})

		const saved = await call(
			editAction,
			`/experts/${profile.id}/edit`,
			{ id: profile.id },
			{
				cookie: claimant.cookie,
				form: {
					academicTitle: 'ASSOCIATE_PROFESSOR',
					degree: 'DOCTOR',
					organisationName: 'Viện Công nghệ sinh học',
					provinceCode: '01',
					fieldCodes: ['106', '10601'],
					keywords: 'vi sinh vật; chế phẩm sinh học, Vi sinh vật',
					bio: 'Nghiên cứu vi sinh vật ứng dụng trong nông nghiệp.\r\n\r\nHơn 20 năm kinh nghiệm.',
					availableForAppraisal: 'on',
					availabilityNote: 'Nhận thẩm định vào thứ Bảy.',
					'publications[0].title': 'Vi sinh vật vùng rễ lúa',
					'publications[0].year': '2023',
					'publications[0].venue': 'Vietnam Journal of Biotechnology',
					'publications[1].title': '',
					'publications[2].title': 'Sổ tay chế phẩm',
				},
			},
		)
		expect(saved).toMatchObject({ status: 303, location: `/experts/${profile.id}?saved=1` })
		const after = await prisma.expert.findUniqueOrThrow({ where: { id: profile.id }, include: { publications: { orderBy: { position: 'asc' } } } })
		expect(after).toMatchObject({
			academicTitle: 'ASSOCIATE_PROFESSOR',
			organisationName: 'Viện Công nghệ sinh học',
			identityKey: identityKey(profile.fullName, 'Viện Công nghệ sinh học'),
			provinceCode: '01',
			fieldCodes: ['106', '10601'],
			fieldPaths: ['1', '106', '10601'],
			keywords: ['vi sinh vật', 'chế phẩm sinh học'],
			bio: 'Nghiên cứu vi sinh vật ứng dụng trong nông nghiệp.\n\nHơn 20 năm kinh nghiệm.',
			availableForAppraisal: true,
			availableForConsulting: false,
			availabilityNote: 'Nhận thẩm định vào thứ Bảy.',
			email: 'an.nguyen@vast.example',
			fullName: profile.fullName,
		})
		expect(after.publications.map((p) => [p.title, p.year, p.venue, p.source])).toEqual([
			['Phân lập chủng Bacillus chịu mặn', 2019, 'Tạp chí Sinh học', 'IMPORT'],
			['Chế phẩm vi sinh xử lý rơm rạ', 2021, 'Hội nghị CNSH toàn quốc', 'IMPORT'],
			['Vi sinh vật vùng rễ lúa', 2023, 'Vietnam Journal of Biotechnology', 'SELF'],
			['Sổ tay chế phẩm', null, '', 'SELF'],
		])
		const audit = await prisma.auditLog.findMany({ where: { entityType: 'Expert', entityId: profile.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } })
		expect(audit).toEqual([
			{ action: 'expert.claim.request', actorId: claimant.user.id },
			{ action: 'expert.claim.complete', actorId: claimant.user.id },
			{ action: 'expert.profile.update', actorId: claimant.user.id },
		])
	})

	test("another user cannot complete someone else's link, and trying does not spend it", async () => {
		const profile = await expert()
		const asker = await person()
		const intruder = await person()
		const { token } = await claimLink(asker, profile.id, profile.email!)

		const page = await call(completeLoader, `/experts/claim/${token}`, { token }, { cookie: intruder.cookie })
		expect(page.body).toMatchObject({ claim: { state: 'notYours' } })
		const refused = await call(completeAction, `/experts/claim/${token}`, { token }, { cookie: intruder.cookie, form: {} })
		expect(refused).toMatchObject({ status: 403, body: { error: 'expertProfile.errors.notYourLink' } })
		expect((await prisma.expert.findUniqueOrThrow({ where: { id: profile.id } })).claimedById).toBeNull()

		expect((await call(completeAction, `/experts/claim/${token}`, { token }, { cookie: asker.cookie, form: {} })).status).toBe(303)
		expect((await prisma.expert.findUniqueOrThrow({ where: { id: profile.id } })).claimedById).toBe(asker.user.id)
	})

	test('visitors are sent to log in and come back to the link', async () => {
		const token = 'A'.repeat(43)
		const page = await call(completeLoader, `/experts/claim/${token}`, { token })
		expect(page.status).toBe(302)
		expect(page.location).toBe(`/login?redirectTo=${encodeURIComponent(`/experts/claim/${token}`)}`)
	})

	test('a used, an expired, a replaced or a made-up link fails', async () => {
		const profile = await expert()
		const other = await expert()
		const asker = await person()
		const first = await requestClaim(asker.actor, profile.id, 'https://caunoi.example')
		expect(first.sentTo).toBe(maskEmail(profile.email!))
		const { token: replaced } = await claimLink(asker, other.id, other.email!)
		const { token: current } = await claimLink(asker, other.id, other.email!)
		// Asking again voids the earlier link of the same user for the same profile.
		expect(await findClaim(replaced, asker.user.id)).toEqual({ state: 'invalid' })
		expect(await errorOf(completeClaim(asker.actor, replaced))).toEqual({ code: 'expertProfile.errors.invalidLink', status: 400 })

		await prisma.expertClaim.updateMany({ where: { expertId: other.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } })
		expect(await findClaim(current, asker.user.id)).toEqual({ state: 'invalid' })
		const expired = await call(completeAction, `/experts/claim/${current}`, { token: current }, { cookie: asker.cookie, form: {} })
		expect(expired).toMatchObject({ status: 400, body: { error: 'expertProfile.errors.invalidLink' } })

		const { token: fresh } = await claimLink(asker, other.id, other.email!)
		expect((await completeClaim(asker.actor, fresh)).expertId).toBe(other.id)
		expect(await errorOf(completeClaim(asker.actor, fresh))).toEqual({ code: 'expertProfile.errors.invalidLink', status: 400 })
		expect(await errorOf(completeClaim(asker.actor, 'not-a-token'))).toEqual({ code: 'expertProfile.errors.invalidLink', status: 400 })
		expect(await errorOf(completeClaim(asker.actor, 'B'.repeat(43)))).toEqual({ code: 'expertProfile.errors.invalidLink', status: 400 })
	})

	test('a claimed profile cannot be claimed again, and a user holds one profile at most', async () => {
		const profile = await expert()
		const second = await expert()
		const first = await person()
		const late = await person()
		const { token: lateToken } = await claimLink(late, profile.id, profile.email!)
		const { token } = await claimLink(first, profile.id, profile.email!)
		await completeClaim(first.actor, token)

		// The other user's open link died with the claim; asking again is refused.
		expect(await errorOf(completeClaim(late.actor, lateToken))).toEqual({ code: 'expertProfile.errors.invalidLink', status: 400 })
		const again = await call(claimAction, `/experts/${profile.id}/claim`, { id: profile.id }, { cookie: late.cookie, form: { intent: 'request' } })
		expect(again).toMatchObject({ status: 303, location: `/experts/${profile.id}?claimError=expertProfile.errors.alreadyClaimed` })
		expect(await errorOf(requestClaim(first.actor, second.id, 'https://caunoi.example'))).toEqual({ code: 'expertProfile.errors.alreadyHoldsProfile', status: 409 })
		expect((await prisma.expert.findUniqueOrThrow({ where: { id: profile.id } })).claimedById).toBe(first.user.id)
	})

	test('a profile without an e-mail cannot be claimed; claims are limited per user; a GET changes nothing', async () => {
		const silent = await expert({ email: null })
		const asker = await person()
		expect(await call(claimAction, `/experts/${silent.id}/claim`, { id: silent.id }, { cookie: asker.cookie, form: { intent: 'request' } })).toMatchObject({
			status: 303,
			location: `/experts/${silent.id}?claimError=expertProfile.errors.noEmail`,
		})
		expect((await call(claimAction, `/experts/missing/claim`, { id: 'missing' }, { cookie: asker.cookie, form: { intent: 'request' } })).status).toBe(404)
		const get = await call(claimLoader, `/experts/${silent.id}/claim`, { id: silent.id }, { cookie: asker.cookie })
		expect(get).toMatchObject({ status: 302, location: `/experts/${silent.id}` })

		const profile = await expert()
		for (let i = 0; i < 5; i++) await requestClaim(asker.actor, profile.id, 'https://caunoi.example')
		expect(await errorOf(requestClaim(asker.actor, profile.id, 'https://caunoi.example'))).toEqual({ code: 'expertProfile.errors.tooManyClaims', status: 429 })
		// Each request replaced the one before: one link is open.
		expect(await prisma.expertClaim.count({ where: { expertId: profile.id, userId: asker.user.id } })).toBe(1)
	})

	test('operators release a claim (audited); nobody else can', async () => {
		const profile = await expert()
		const claimant = await person()
		const operator = await person(['MEMBER', 'OPERATOR'])
		const { token } = await claimLink(claimant, profile.id, profile.email!)
		await completeClaim(claimant.actor, token)

		expect((await call(claimAction, `/experts/${profile.id}/claim`, { id: profile.id }, { cookie: claimant.cookie, form: { intent: 'release' } })).status).toBe(403)
		const released = await call(claimAction, `/experts/${profile.id}/claim`, { id: profile.id }, { cookie: operator.cookie, form: { intent: 'release' } })
		expect(released).toMatchObject({ status: 303, location: `/experts/${profile.id}?claim=released` })
		expect(await prisma.expert.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({ claimedById: null, claimedAt: null })
		expect(await prisma.auditLog.findFirst({ where: { action: 'expert.claim.release', entityId: profile.id } })).toMatchObject({ actorId: operator.user.id, data: { userId: claimant.user.id } })
		expect(await errorOf(releaseClaim(operator.actor, profile.id))).toEqual({ code: 'expertProfile.errors.notClaimed', status: 409 })
		// The former claimant may no longer edit it.
		expect((await call(editLoader, `/experts/${profile.id}/edit`, { id: profile.id }, { cookie: claimant.cookie })).status).toBe(403)
	})
})

describe("the claimant's editor", () => {
	async function claimedProfile() {
		const profile = await expert()
		const claimant = await person()
		await prisma.expert.update({ where: { id: profile.id }, data: { claimedById: claimant.user.id, claimedAt: new Date() } })
		return { profile, claimant }
	}

	test('only a verified claimant edits: operators and other users get 403 on the page and its action, visitors log in', async () => {
		const { profile } = await claimedProfile()
		const unclaimed = await expert()
		const other = await person()
		const operator = await person(['MEMBER', 'OPERATOR'])
		const admin = await person(['MEMBER', 'ADMIN'])
		for (const who of [other, operator, admin]) {
			expect((await call(editLoader, `/experts/${profile.id}/edit`, { id: profile.id }, { cookie: who.cookie })).status).toBe(403)
			expect((await call(editAction, `/experts/${profile.id}/edit`, { id: profile.id }, { cookie: who.cookie, form: { bio: 'Bị sửa trộm' } })).status).toBe(403)
			expect(await errorOf(updateOwnProfile(who.actor, profile.id, { fieldCodes: [], keywords: [], availableForAppraisal: true, availableForConsulting: true, publications: [] }))).toEqual({
				code: 'expertProfile.errors.notClaimant',
				status: 403,
			})
		}
		expect((await call(editLoader, `/experts/${unclaimed.id}/edit`, { id: unclaimed.id }, { cookie: operator.cookie })).status).toBe(403)
		expect((await call(editLoader, `/experts/missing/edit`, { id: 'missing' }, { cookie: other.cookie })).status).toBe(404)
		const visitor = await call(editAction, `/experts/${profile.id}/edit`, { id: profile.id }, { form: { bio: 'x' } })
		expect(visitor.status).toBe(302)
		expect(visitor.location).toMatch(/^\/login\?redirectTo=/)
		expect((await prisma.expert.findUniqueOrThrow({ where: { id: profile.id } })).bio).toBe('Hồ sơ nhập từ cơ sở dữ liệu.')
	})

	test('validation errors answer 400 with the typed values; nothing is saved', async () => {
		const { profile, claimant } = await claimedProfile()
		const form = {
			bio: 'x'.repeat(5001),
			organisationName: 'Viện Mới',
			keywords: 'một, hai',
			availableForConsulting: 'on',
			'publications[0].title': 'Công trình đã gõ',
			'publications[0].year': '2022',
			'publications[1].year': '2020',
			'publications[1].venue': 'Tạp chí Không tên',
		}
		const res = await call(editAction, `/experts/${profile.id}/edit`, { id: profile.id }, { cookie: claimant.cookie, form })
		expect(res.status).toBe(400)
		const result = (res.body as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result
		expect(result.error.bio).toEqual(['validation.tooLong|{"max":5000}'])
		expect(result.error['publications[1].title']).toEqual(['expertProfile.errors.publicationTitle'])
		expect(result.initialValue).toMatchObject({
			organisationName: 'Viện Mới',
			keywords: 'một, hai',
			availableForConsulting: 'on',
			publications: [{ title: 'Công trình đã gõ', year: '2022' }, { year: '2020', venue: 'Tạp chí Không tên' }],
		})

		// Unknown reference codes are field errors too, with the typed values kept.
		const unknown = await call(editAction, `/experts/${profile.id}/edit`, { id: profile.id }, { cookie: claimant.cookie, form: { fieldCodes: ['99999'], provinceCode: '99', bio: 'Giới thiệu mới' } })
		expect(unknown.status).toBe(400)
		const second = (unknown.body as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result
		expect(second.error).toMatchObject({ '': ['validation.fixBelow'], fieldCodes: ['expertProfile.errors.field'], provinceCode: ['expertProfile.errors.province'] })
		expect(second.initialValue).toMatchObject({ bio: 'Giới thiệu mới', provinceCode: '99' })

		const after = await prisma.expert.findUniqueOrThrow({ where: { id: profile.id }, include: { publications: true } })
		expect(after).toMatchObject({ bio: 'Hồ sơ nhập từ cơ sở dữ liệu.', organisationName: 'Viện Hàn lâm KH&CN Việt Nam', availableForConsulting: false })
		expect(after.publications).toHaveLength(2)
	})

	test('saving keeps the imported publications and replaces only the ones the expert added', async () => {
		const { profile, claimant } = await claimedProfile()
		const base = { fieldCodes: ['106'], keywords: ['vi sinh'], availableForAppraisal: false, availableForConsulting: true, publications: [{ title: 'Bài A', year: 2020, venue: '' }] }
		expect((await updateOwnProfile(claimant.actor, profile.id, base)).changed).toEqual(['degree', 'organisationName', 'bio', 'availableForConsulting', 'publications'])
		await updateOwnProfile(claimant.actor, profile.id, { ...base, publications: [{ title: 'Bài B', year: null, venue: 'Hội thảo' }] })
		const rows = await prisma.expertPublication.findMany({ where: { expertId: profile.id }, orderBy: { position: 'asc' }, select: { title: true, source: true } })
		expect(rows).toEqual([
			{ title: 'Phân lập chủng Bacillus chịu mặn', source: 'IMPORT' },
			{ title: 'Chế phẩm vi sinh xử lý rơm rạ', source: 'IMPORT' },
			{ title: 'Bài B', source: 'SELF' },
		])
		// The same values again change nothing and write no audit entry.
		const audits = await prisma.auditLog.count({ where: { entityId: profile.id } })
		expect((await updateOwnProfile(claimant.actor, profile.id, { ...base, publications: [{ title: 'Bài B', year: null, venue: 'Hội thảo' }] })).changed).toEqual([])
		expect(await prisma.auditLog.count({ where: { entityId: profile.id } })).toBe(audits)
	})
})

describe('the claim panel of the expert page', () => {
	test('offers the claim with the masked address, the editor to the claimant, the release to operators', async () => {
		const profile = await expert({ email: 'hoa.le@hcmus.example' })
		const user = await person()
		const operator = await person(['MEMBER', 'OPERATOR'])
		expect(await claimPanelFor(profile, null)).toMatchObject({ signedIn: false, canClaim: true, maskedEmail: 'h•••@hcmus.example', claimed: false, canRelease: false })
		expect(await claimPanelFor(profile, user.actor, new URL('http://x/experts/a?claim=sent&claimError=%3Cb%3E'))).toMatchObject({ signedIn: true, canClaim: true, done: 'sent', error: null })

		await prisma.expert.update({ where: { id: profile.id }, data: { claimedById: user.user.id, claimedAt: new Date() } })
		expect(await claimPanelFor(profile, user.actor)).toMatchObject({ claimed: true, isClaimant: true, canClaim: false, maskedEmail: null, canRelease: false, claimantName: null })
		expect(await claimPanelFor(profile, operator.actor)).toMatchObject({ claimed: true, isClaimant: false, canRelease: true, claimantName: user.user.name })
		expect(await claimPanelFor(profile, null, new URL('http://x/?claimError=expertProfile.errors.alreadyClaimed'))).toMatchObject({ error: 'expertProfile.errors.alreadyClaimed', claimantName: null })
		expect(await claimPanelFor({ id: 'missing' }, null)).toBeNull()
	})

	test('the expert page loads the panel for its viewer, with the notice the claim route sent back', async () => {
		const profile = await expert({ email: 'minh.tran@hust.example' })
		const user = await person()
		const page = await call(detailLoader, `/experts/${profile.id}?claim=sent`, { id: profile.id }, { cookie: user.cookie })
		expect(page.status).toBe(200)
		expect((page.body as { claimPanel: unknown }).claimPanel).toMatchObject({ canClaim: true, signedIn: true, maskedEmail: 'm•••@hust.example', done: 'sent' })
		// The page itself never carries the address.
		expect(JSON.stringify(page.body)).not.toContain('minh.tran@hust.example')
	})
})

describe('the claim e-mail', () => {
	test('renders in the requesting user’s language first, the other one after, with the link once as a button', () => {
		const params = { expertName: 'PGS.TS. Lê Thị Hoa', userName: 'Lê Hoa', userEmail: 'hoa@example.test', link: 'https://caunoi.example/experts/claim/abc', hours: 24 }
		const en = renderEmail('expert-claim', 'en', params, { baseUrl: 'https://caunoi.example' })
		expect(en.subject).toBe('Confirm your expert profile on Cầu Nối / Xác nhận hồ sơ chuyên gia trên Cầu Nối')
		expect(en.text.indexOf('Dear PGS.TS. Lê Thị Hoa,')).toBeLessThan(en.text.indexOf('Kính gửi PGS.TS. Lê Thị Hoa,'))
		expect(en.text).toContain('valid for 24 hours')
		expect(en.text).toContain('có hiệu lực trong 24 giờ')
		expect(en.html).toContain('href="https://caunoi.example/experts/claim/abc"')
	})

	test('masks the address the panel names', () => {
		expect(maskEmail('nguyen.an@vnu.edu.vn')).toBe('n•••@vnu.edu.vn')
		expect(maskEmail('x')).toBe('•••')
	})
})
