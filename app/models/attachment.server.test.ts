// Attachments against a real database and real files in a temporary DATA_DIR.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import {
	addAttachment,
	AttachmentError,
	canDownload,
	findAttachment,
	listAttachments,
	removeAttachment,
	type ListingRef,
} from '~/models/attachment.server'
import { MAX_ATTACHMENTS_PER_LISTING } from '~/uploads/rules'
import { getFileStore } from '~/uploads/storage.server'
import { HTML, PDF, PNG, SVG_WITH_SCRIPT, fileOf } from '~/uploads/test-samples.server'
import { getUser } from '~/utils/auth.server'
import { resetEnvCache } from '~/utils/env.server'
import { addMember, createOwner, createUser, makeRequest, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-attachments-'))
process.env.DATA_DIR = dataDir
resetEnvCache()
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

const { prisma } = await useTestDatabase()

/** Every stored file (temporary files included), so a test can see that nothing was left behind. */
async function filesOnDisk() {
	const root = path.join(dataDir, 'uploads')
	const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
	return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}

async function offerOf(organisationId: string, status: 'DRAFT' | 'PUBLISHED' | 'SUBMITTED' | 'ARCHIVED' = 'DRAFT'): Promise<ListingRef> {
	const offer = await prisma.offer.create({ data: { organisationId, title: 'Công nghệ sấy lạnh nông sản', status } })
	return { kind: 'offer', id: offer.id }
}

/** The user as a request would see them (roles, active memberships), through the real session path. */
async function viewerOf(userId: string) {
	const { cookie } = await signIn(userId)
	return getUser(makeRequest('/', { cookie }))
}

async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof AttachmentError) return { code: error.code, status: error.status }
		throw error
	}
	throw new Error('expected a refusal')
}

describe('addAttachment', () => {
	test('stores the sniffed type, the hash and an audit entry; the bytes come back from the store', async () => {
		const { user, organisation } = await createOwner()
		const offer = await offerOf(organisation.id)
		const attachment = await addAttachment({ actor: user, listing: offer, file: fileOf(PDF, 'Hồ sơ kỹ thuật.pdf', 'text/html'), confidential: false })

		expect(attachment).toMatchObject({ fileName: 'Hồ sơ kỹ thuật.pdf', mimeType: 'application/pdf', size: PDF.byteLength, confidential: false })
		const row = await prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } })
		expect(row).toMatchObject({ offerId: offer.id, demandId: null, uploadedById: user.id, sha256: createHash('sha256').update(PDF).digest('hex') })
		// The key is random, never the user's file name.
		expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/)

		const stored = await getFileStore().get(row.storageKey)
		expect(stored?.size).toBe(PDF.byteLength)
		expect(new Uint8Array(await new Response(stored!.stream).arrayBuffer())).toEqual(PDF)
		expect(await prisma.auditLog.count({ where: { action: 'attachment.add', entityId: attachment.id, actorId: user.id, organisationId: organisation.id } })).toBe(1)
	})

	test('works for demands too', async () => {
		const { user, organisation } = await createOwner()
		const demand = await prisma.demand.create({ data: { organisationId: organisation.id, title: 'Cần công nghệ xử lý nước thải', status: 'DRAFT' } })
		const attachment = await addAttachment({ actor: user, listing: { kind: 'demand', id: demand.id }, file: fileOf(PNG, 'so-do.png'), confidential: true })
		expect(await prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } })).toMatchObject({ demandId: demand.id, offerId: null, confidential: true })
	})

	test("a member of organisation A cannot attach to B's offer; B's members and operators can", async () => {
		const a = await createOwner()
		const b = await createOwner()
		const offerOfB = await offerOf(b.organisation.id, 'PUBLISHED')
		const before = await filesOnDisk()

		expect(await refusal(addAttachment({ actor: a.user, listing: offerOfB, file: fileOf(PDF, 'x.pdf'), confidential: false }))).toEqual({
			code: 'uploads.errors.forbidden',
			status: 403,
		})
		const pending = await createUser()
		await addMember(pending.id, b.organisation.id, 'MEMBER', 'PENDING')
		expect((await refusal(addAttachment({ actor: pending, listing: offerOfB, file: fileOf(PDF, 'x.pdf'), confidential: false }))).status).toBe(403)
		expect(await prisma.attachment.count({ where: { offerId: offerOfB.id } })).toBe(0)
		expect(await filesOnDisk()).toEqual(before)

		const member = await createUser()
		await addMember(member.id, b.organisation.id, 'MEMBER')
		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
		await addAttachment({ actor: member, listing: offerOfB, file: fileOf(PDF, 'thanh-vien.pdf'), confidential: false })
		await addAttachment({ actor: operator, listing: offerOfB, file: fileOf(PDF, 'dieu-hanh.pdf'), confidential: false })
		expect(await prisma.attachment.count({ where: { offerId: offerOfB.id } })).toBe(2)
	})

	test('a listing that does not exist is a 404', async () => {
		const { user } = await createOwner()
		expect(await refusal(addAttachment({ actor: user, listing: { kind: 'offer', id: 'khong-ton-tai' }, file: fileOf(PDF, 'x.pdf'), confidential: false }))).toEqual({
			code: 'uploads.errors.notFound',
			status: 404,
		})
	})

	test(`refuses the attachment after ${MAX_ATTACHMENTS_PER_LISTING}, counting those already there`, async () => {
		const { user, organisation } = await createOwner()
		const offer = await offerOf(organisation.id)
		const before = (await filesOnDisk()).length
		for (let i = 0; i < MAX_ATTACHMENTS_PER_LISTING; i++) {
			await addAttachment({ actor: user, listing: offer, file: fileOf(PNG, `anh-${i}.png`), confidential: false })
		}
		expect(await refusal(addAttachment({ actor: user, listing: offer, file: fileOf(PNG, 'thua.png'), confidential: false }))).toEqual({
			code: 'uploads.errors.tooMany',
			status: 409,
		})
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(MAX_ATTACHMENTS_PER_LISTING)
		expect((await filesOnDisk()).length).toBe(before + MAX_ATTACHMENTS_PER_LISTING)
	})

	test('uploads racing for the last free place: exactly one wins, the loser leaves no file', async () => {
		const { user, organisation } = await createOwner()
		const offer = await offerOf(organisation.id)
		for (let i = 0; i < MAX_ATTACHMENTS_PER_LISTING - 1; i++) {
			await addAttachment({ actor: user, listing: offer, file: fileOf(PNG, `anh-${i}.png`), confidential: false })
		}
		const before = (await filesOnDisk()).length
		const results = await Promise.allSettled(
			[1, 2, 3].map((n) => addAttachment({ actor: user, listing: offer, file: fileOf(PNG, `dua-${n}.png`), confidential: false })),
		)
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'uploads.errors.tooMany' })
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(MAX_ATTACHMENTS_PER_LISTING)
		expect((await filesOnDisk()).length).toBe(before + 1)
	})

	test('disguised files are refused before anything is stored', async () => {
		const { user, organisation } = await createOwner()
		const offer = await offerOf(organisation.id)
		const before = await filesOnDisk()
		expect(await refusal(addAttachment({ actor: user, listing: offer, file: fileOf(HTML, 'hop-dong.pdf', 'application/pdf'), confidential: false }))).toEqual({
			code: 'uploads.errors.type',
			status: 415,
		})
		expect((await refusal(addAttachment({ actor: user, listing: offer, file: fileOf(SVG_WITH_SCRIPT, 'logo.png', 'image/png'), confidential: false }))).status).toBe(415)
		expect((await refusal(addAttachment({ actor: user, listing: offer, file: fileOf(new Uint8Array(0), 'rong.pdf'), confidential: false }))).status).toBe(422)
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(0)
		expect(await filesOnDisk()).toEqual(before)
	})

	test('when the database write fails, the stored file is deleted again', async () => {
		const { user, organisation } = await createOwner()
		const offer = await offerOf(organisation.id)
		const before = await filesOnDisk()
		// A real failure inside the transaction, after the bytes were stored: the database refuses the row.
		await prisma.$executeRawUnsafe(`CREATE FUNCTION test_refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`)
		await prisma.$executeRawUnsafe(`CREATE TRIGGER test_refuse_attachment BEFORE INSERT ON "Attachment" FOR EACH ROW EXECUTE FUNCTION test_refuse_attachment()`)
		try {
			await expect(addAttachment({ actor: user, listing: offer, file: fileOf(PDF, 'that-bai.pdf'), confidential: false })).rejects.toThrow(/disk full/)
		} finally {
			await prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_attachment ON "Attachment"`)
			await prisma.$executeRawUnsafe(`DROP FUNCTION test_refuse_attachment()`)
		}
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(0)
		expect(await prisma.auditLog.count({ where: { action: 'attachment.add', actorId: user.id } })).toBe(0)
		expect(await filesOnDisk()).toEqual(before)
	})
})

describe('who sees which files', () => {
	test('confidential files of a published offer are invisible to outsiders and visitors', async () => {
		const { user: owner, organisation } = await createOwner()
		const offer = await offerOf(organisation.id, 'PUBLISHED')
		const open = await addAttachment({ actor: owner, listing: offer, file: fileOf(PDF, 'gioi-thieu.pdf'), confidential: false })
		const secret = await addAttachment({ actor: owner, listing: offer, file: fileOf(PDF, 'quy-trinh-bi-mat.pdf'), confidential: true })
		const outsider = await viewerOf((await createUser()).id)
		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const insider = await viewerOf(member.id)
		const operator = await viewerOf((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)

		expect((await listAttachments(offer, null)).map((a) => a.id)).toEqual([open.id])
		expect((await listAttachments(offer, outsider)).map((a) => a.id)).toEqual([open.id])
		expect((await listAttachments(offer, insider)).map((a) => a.id)).toEqual([open.id, secret.id])
		expect((await listAttachments(offer, operator)).map((a) => a.id)).toEqual([open.id, secret.id])

		const secretRecord = (await findAttachment(secret.id))!
		const openRecord = (await findAttachment(open.id))!
		expect(await canDownload(null, secretRecord)).toBe(false)
		expect(await canDownload(outsider, secretRecord)).toBe(false)
		expect(await canDownload(insider, secretRecord)).toBe(true)
		expect(await canDownload(operator, secretRecord)).toBe(true)
		expect(await canDownload(null, openRecord)).toBe(true)
		expect(await canDownload(outsider, openRecord)).toBe(true)
	})

	test.each(['DRAFT', 'SUBMITTED', 'ARCHIVED'] as const)('files of a %s offer are invisible to the public and to other organisations', async (status) => {
		const { user: owner, organisation } = await createOwner()
		const offer = await offerOf(organisation.id, status)
		const file = await addAttachment({ actor: owner, listing: offer, file: fileOf(PNG, 'ban-nhap.png'), confidential: false })
		const record = (await findAttachment(file.id))!
		const other = await createOwner()
		const stranger = await viewerOf(other.user.id)

		expect(await listAttachments(offer, null)).toEqual([])
		expect(await listAttachments(offer, stranger)).toEqual([])
		expect(await canDownload(null, record)).toBe(false)
		expect(await canDownload(stranger, record)).toBe(false)
		expect(await canDownload(await viewerOf(owner.id), record)).toBe(true)
		expect(await canDownload(await viewerOf((await createUser({ roles: ['ADMIN'] })).id), record)).toBe(true)
	})

	test('a member whose membership is only pending is an outsider', async () => {
		const { user: owner, organisation } = await createOwner()
		const offer = await offerOf(organisation.id)
		const file = await addAttachment({ actor: owner, listing: offer, file: fileOf(PNG, 'ban-nhap.png'), confidential: false })
		const pending = await createUser()
		await addMember(pending.id, organisation.id, 'MEMBER', 'PENDING')
		expect(await canDownload(await viewerOf(pending.id), (await findAttachment(file.id))!)).toBe(false)
	})
})

describe('removeAttachment', () => {
	test('deletes the row, then the file, with an audit entry', async () => {
		const { user, organisation } = await createOwner()
		const offer = await offerOf(organisation.id)
		const attachment = await addAttachment({ actor: user, listing: offer, file: fileOf(PDF, 'xoa.pdf'), confidential: false })
		const { storageKey } = await prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } })

		expect(await removeAttachment(user, attachment.id)).toEqual(offer)
		expect(await prisma.attachment.findUnique({ where: { id: attachment.id } })).toBeNull()
		expect(await getFileStore().get(storageKey)).toBeNull()
		expect(await prisma.auditLog.count({ where: { action: 'attachment.remove', entityId: attachment.id, actorId: user.id } })).toBe(1)
	})

	test('a stranger gets 404 for a draft file and 403 for a public one; nothing is deleted', async () => {
		const { user: owner, organisation } = await createOwner()
		const draft = await offerOf(organisation.id)
		const published = await offerOf(organisation.id, 'PUBLISHED')
		const draftFile = await addAttachment({ actor: owner, listing: draft, file: fileOf(PDF, 'nhap.pdf'), confidential: false })
		const publicFile = await addAttachment({ actor: owner, listing: published, file: fileOf(PDF, 'cong-khai.pdf'), confidential: false })
		const stranger = (await createOwner()).user

		expect(await refusal(removeAttachment(stranger, draftFile.id))).toEqual({ code: 'uploads.errors.notFound', status: 404 })
		expect(await refusal(removeAttachment(stranger, publicFile.id))).toEqual({ code: 'uploads.errors.forbidden', status: 403 })
		expect(await refusal(removeAttachment(stranger, 'khong-co'))).toEqual({ code: 'uploads.errors.notFound', status: 404 })
		expect(await prisma.attachment.count({ where: { id: { in: [draftFile.id, publicFile.id] } } })).toBe(2)
	})

	test('through one listing, refuses to remove another listing’s file', async () => {
		const { user, organisation } = await createOwner()
		const first = await offerOf(organisation.id)
		const second = await offerOf(organisation.id)
		const file = await addAttachment({ actor: user, listing: first, file: fileOf(PDF, 'a.pdf'), confidential: false })
		expect((await refusal(removeAttachment(user, file.id, { listing: second }))).status).toBe(404)
		expect(await prisma.attachment.count({ where: { id: file.id } })).toBe(1)
	})
})
