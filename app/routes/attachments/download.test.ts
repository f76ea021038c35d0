// GET /attachments/:id with real requests, a real database and real files in a temporary DATA_DIR.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { RouterContextProvider } from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { addAttachment, type ListingRef } from '~/models/attachment.server'
import { getFileStore } from '~/uploads/storage.server'
import { PDF, PNG, fileOf } from '~/uploads/test-samples.server'
import { resetEnvCache } from '~/utils/env.server'
import { addMember, createOwner, createUser, makeRequest, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import { loader } from './download'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-download-'))
process.env.DATA_DIR = dataDir
resetEnvCache()
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

const { prisma } = await useTestDatabase()

const args = (request: Request, id: string) => ({ request, params: { id }, context: new RouterContextProvider() }) as never

async function download(id: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
	try {
		return (await loader(args(makeRequest(`/attachments/${id}`, options), id))) as Response
	} catch (error) {
		if (error instanceof Response) return error
		const thrown = error as { init?: { status?: number; headers?: HeadersInit } | null }
		return new Response(null, { status: thrown.init?.status ?? 500, headers: thrown.init?.headers })
	}
}

async function offerWith(status: 'DRAFT' | 'PUBLISHED', file: File, confidential = false) {
	const { user, organisation } = await createOwner()
	const offer = await prisma.offer.create({ data: { organisationId: organisation.id, title: 'Quy trình nuôi cấy mô lan', status } })
	const listing: ListingRef = { kind: 'offer', id: offer.id }
	const attachment = await addAttachment({ actor: user, listing, file, confidential })
	return { owner: user, organisation, listing, attachment }
}

describe('GET /attachments/:id', () => {
	test("a published listing's public file downloads anonymously, with exactly the safe headers", async () => {
		const { attachment } = await offerWith('PUBLISHED', fileOf(PDF, 'Báo cáo "kỹ thuật" (bản 2).pdf'))
		const response = await download(attachment.id)

		expect(response.status).toBe(200)
		expect(Object.fromEntries(response.headers)).toEqual({
			'content-type': 'application/pdf',
			'content-length': String(PDF.byteLength),
			'content-disposition': `attachment; filename="Bao cao _ky thuat_ (ban 2).pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20_k%E1%BB%B9%20thu%E1%BA%ADt_%20%28b%E1%BA%A3n%202%29.pdf`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cross-origin-resource-policy': 'same-origin',
			'cache-control': 'public, max-age=600',
			etag: expect.stringMatching(/^"[0-9a-f]{64}"$/),
		})
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
	})

	test('answers 304 to a client that already holds a public file', async () => {
		const { attachment } = await offerWith('PUBLISHED', fileOf(PDF, 'a.pdf'))
		const first = await download(attachment.id)
		await first.body?.cancel()
		const again = await download(attachment.id, { headers: { 'If-None-Match': first.headers.get('ETag')! } })
		expect(again.status).toBe(304)
		expect(again.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox")
	})

	test('raster images may be shown inline, still sandboxed and never sniffed', async () => {
		const { attachment } = await offerWith('PUBLISHED', fileOf(PNG, 'sơ đồ.png'))
		const response = await download(attachment.id)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('image/png')
		expect(response.headers.get('Content-Disposition')).toBe(`inline; filename="so do.png"; filename*=UTF-8''s%C6%A1%20%C4%91%E1%BB%93.png`)
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
		expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox")
		await response.body?.cancel()
	})

	test("404 for a stranger and for a visitor on a draft's file; its members get it, uncached", async () => {
		const { owner, organisation, attachment } = await offerWith('DRAFT', fileOf(PDF, 'nhap.pdf'))
		const stranger = await signIn((await createOwner()).user.id)
		expect((await download(attachment.id, { cookie: stranger.cookie })).status).toBe(404)
		expect((await download(attachment.id)).status).toBe(404)

		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		for (const userId of [owner.id, member.id]) {
			const { cookie } = await signIn(userId)
			const response = await download(attachment.id, { cookie })
			expect(response.status).toBe(200)
			expect(response.headers.get('Cache-Control')).toBe('private, no-store')
			expect(response.headers.get('ETag')).toBeNull()
			expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; /)
			expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
		}
	})

	test("a published listing's confidential file is a 404 to outsiders and private to insiders", async () => {
		const { owner, attachment } = await offerWith('PUBLISHED', fileOf(PDF, 'bi-mat.pdf'), true)
		expect((await download(attachment.id)).status).toBe(404)
		expect((await download(attachment.id, { cookie: (await signIn((await createUser()).id)).cookie })).status).toBe(404)

		const response = await download(attachment.id, { cookie: (await signIn(owner.id)).cookie })
		expect(response.status).toBe(200)
		expect(response.headers.get('Cache-Control')).toBe('private, no-store')
		await response.body?.cancel()

		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
		const asOperator = await download(attachment.id, { cookie: (await signIn(operator.id)).cookie })
		expect(asOperator.status).toBe(200)
		await asOperator.body?.cancel()
	})

	test('HEAD gives the headers without opening the file', async () => {
		const { attachment } = await offerWith('PUBLISHED', fileOf(PDF, 'a.pdf'))
		const response = (await loader(args(makeRequest(`/attachments/${attachment.id}`, { method: 'HEAD' }), attachment.id))) as Response
		expect(response.status).toBe(200)
		expect(response.body).toBeNull()
		expect(response.headers.get('Content-Length')).toBe(String(PDF.byteLength))
		expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox")
	})

	test('an unknown id is the same 404', async () => {
		const response = await download('khong-ton-tai')
		expect(response.status).toBe(404)
	})

	test('a row whose bytes are gone is a 404, not a crash', async () => {
		const { attachment } = await offerWith('PUBLISHED', fileOf(PDF, 'mat.pdf'))
		const { storageKey } = await prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } })
		await getFileStore().delete(storageKey)
		expect((await download(attachment.id)).status).toBe(404)
	})
})
