// POST /offers/:id/attachments (and the demand twin) with real multipart requests, a real database
// and real files in a temporary DATA_DIR.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { RouterContextProvider } from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { MAX_FILE_BYTES, MULTIPART_ENVELOPE_BYTES } from '~/uploads/rules'
import { DOCX, HTML, PDF, PNG, SVG_WITH_SCRIPT, fileOf } from '~/uploads/test-samples.server'
import { resetEnvCache } from '~/utils/env.server'
import { createOwner, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import { action as demandAction } from '../demands/attachments'
import { action, loader } from './attachments'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-upload-route-'))
process.env.DATA_DIR = dataDir
resetEnvCache()
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

const { prisma } = await useTestDatabase()

const JSON_ACCEPT = { Accept: 'application/json' }
const HTML_ACCEPT = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }

async function filesOnDisk() {
	const entries = await fs.readdir(path.join(dataDir, 'uploads'), { recursive: true, withFileTypes: true }).catch(() => [])
	return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}

function post(pathname: string, init: { cookie?: string; headers?: Record<string, string>; body?: BodyInit; duplex?: 'half' }) {
	const headers = new Headers(init.headers)
	if (init.cookie) headers.set('Cookie', init.cookie)
	headers.set('X-Client-IP', '203.0.113.9')
	return new Request(`http://localhost${pathname}`, { method: 'POST', headers, body: init.body, duplex: init.duplex } as RequestInit)
}

function uploadForm(file: File, fields: Record<string, string> = {}) {
	const form = new FormData()
	form.set('intent', 'upload')
	for (const [name, value] of Object.entries(fields)) form.set(name, value)
	form.set('file', file)
	return form
}

const args = (request: Request, id: string) => ({ request, params: { id }, context: new RouterContextProvider() }) as never

type Handler = (args: never) => Promise<unknown>

async function run(request: Request, id: string, handler: Handler = action) {
	try {
		return (await handler(args(request, id))) as Response
	} catch (error) {
		if (error instanceof Response) return error
		throw error
	}
}

async function setup(status: 'DRAFT' | 'PUBLISHED' = 'DRAFT') {
	const { user, organisation } = await createOwner()
	const offer = await prisma.offer.create({ data: { organisationId: organisation.id, title: 'Máy gieo hạt chính xác', status } })
	const { cookie } = await signIn(user.id)
	return { user, organisation, offer, cookie, url: `/offers/${offer.id}/attachments` }
}

describe('POST /offers/:id/attachments', () => {
	test('uploads a file and redirects (303) back to redirectTo, without JavaScript', async () => {
		const { offer, cookie, url } = await setup()
		const redirectTo = `/offers/${offer.id}/edit?step=attachments&uploadError=uploads.errors.type`
		const response = await run(post(url, { cookie, headers: HTML_ACCEPT, body: uploadForm(fileOf(DOCX, 'Hồ sơ.docx'), { redirectTo, confidential: 'on' }) }), offer.id)

		expect(response.status).toBe(303)
		// A stale error from an earlier attempt is dropped.
		expect(response.headers.get('Location')).toBe(`/offers/${offer.id}/edit?step=attachments`)
		const rows = await prisma.attachment.findMany({ where: { offerId: offer.id } })
		expect(rows).toEqual([expect.objectContaining({ fileName: 'Hồ sơ.docx', confidential: true, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })])
		expect(await filesOnDisk()).toContain(path.join(dataDir, 'uploads', rows[0]!.storageKey.slice(0, 2), rows[0]!.storageKey))
	})

	test('answers 201 with the attachment when JSON is asked for', async () => {
		const { offer, cookie, url } = await setup()
		const response = await run(post(url, { cookie, headers: JSON_ACCEPT, body: uploadForm(fileOf(PNG, 'anh.png')) }), offer.id)
		expect(response.status).toBe(201)
		expect(await response.json()).toMatchObject({ attachment: { fileName: 'anh.png', mimeType: 'image/png', confidential: false } })
	})

	test('413 when Content-Length is over the limit, before reading the body', async () => {
		const { offer, cookie, url } = await setup()
		const over = String(MAX_FILE_BYTES + MULTIPART_ENVELOPE_BYTES + 1)
		const headers = { ...JSON_ACCEPT, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': over }
		const request = post(url, { cookie, headers, body: '--x--\r\n' })
		const response = await run(request, offer.id)
		expect(response.status).toBe(413)
		expect(await response.json()).toEqual({ error: { code: 'uploads.errors.tooLarge' } })
		expect(request.bodyUsed).toBe(false)

		// A browser form gets the same refusal as a message on the page it came from.
		const fromForm = await run(post(url, { cookie, headers: { ...HTML_ACCEPT, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': over }, body: '--x--\r\n' }), offer.id)
		expect(fromForm.status).toBe(303)
		expect(fromForm.headers.get('Location')).toBe(`/offers/${offer.id}/edit?step=attachments&uploadError=uploads.errors.tooLarge`)
	})

	test('413 for a chunked body without Content-Length once it passes the limit', async () => {
		const { offer, cookie, url } = await setup()
		const boundary = 'caunoi-boundary'
		const encoder = new TextEncoder()
		const megabyte = new Uint8Array(1024 * 1024)
		let sent = 0
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`))
			},
			pull(controller) {
				// Far more than allowed; the reader must stop early, not buffer it all.
				if (sent++ < 64) controller.enqueue(megabyte)
				else controller.close()
			},
		})
		const headers = { ...JSON_ACCEPT, 'Content-Type': `multipart/form-data; boundary=${boundary}` }
		const response = await run(post(url, { cookie, headers, body, duplex: 'half' }), offer.id)
		expect(response.status).toBe(413)
		expect(sent).toBeLessThan(40)
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(0)
	})

	test('415 for a JSON body', async () => {
		const { offer, cookie, url } = await setup()
		const response = await run(post(url, { cookie, headers: { ...JSON_ACCEPT, 'Content-Type': 'application/json' }, body: JSON.stringify({ intent: 'upload' }) }), offer.id)
		expect(response.status).toBe(415)
		expect(await response.json()).toEqual({ error: { code: 'uploads.errors.notMultipart' } })
	})

	test.each([
		['an HTML file named .pdf', HTML, 'hop-dong.pdf', 'application/pdf'],
		['an SVG with script named .png', SVG_WITH_SCRIPT, 'logo.png', 'image/png'],
	])('refuses %s with 415 and stores nothing', async (_label, bytes, name, type) => {
		const { offer, cookie, url } = await setup()
		const before = await filesOnDisk()
		const response = await run(post(url, { cookie, headers: JSON_ACCEPT, body: uploadForm(fileOf(bytes, name, type)) }), offer.id)
		expect(response.status).toBe(415)
		expect(await response.json()).toEqual({ error: { code: 'uploads.errors.type' } })

		// Without JavaScript: back to the form, the other input untouched, the reason in the URL.
		const redirectTo = `/offers/${offer.id}/edit?step=attachments#tep`
		const fromForm = await run(post(url, { cookie, headers: HTML_ACCEPT, body: uploadForm(fileOf(bytes, name, type), { redirectTo }) }), offer.id)
		expect(fromForm.status).toBe(303)
		expect(fromForm.headers.get('Location')).toBe(`/offers/${offer.id}/edit?step=attachments&uploadError=uploads.errors.type#tep`)

		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(0)
		expect(await filesOnDisk()).toEqual(before)
	})

	test('400 when no file was chosen', async () => {
		const { offer, cookie, url } = await setup()
		const form = new FormData()
		form.set('intent', 'upload')
		form.set('file', new File([], '', { type: 'application/octet-stream' }))
		const response = await run(post(url, { cookie, headers: JSON_ACCEPT, body: form }), offer.id)
		expect(response.status).toBe(400)
		expect(await response.json()).toEqual({ error: { code: 'uploads.errors.missing' } })
	})

	test("403 for another organisation's member, before the body is read", async () => {
		const { offer, url } = await setup('PUBLISHED')
		const stranger = await signIn((await createOwner()).user.id)
		const request = post(url, { cookie: stranger.cookie, headers: JSON_ACCEPT, body: uploadForm(fileOf(PDF, 'x.pdf')) })
		const response = await run(request, offer.id)
		expect(response.status).toBe(403)
		expect(request.bodyUsed).toBe(false)
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(0)
	})

	test('visitors: 401 for JSON, otherwise a 303 to log in that returns to the form', async () => {
		const { offer, url } = await setup()
		expect((await run(post(url, { headers: JSON_ACCEPT, body: uploadForm(fileOf(PDF, 'x.pdf')) }), offer.id)).status).toBe(401)
		const response = await run(post(url, { headers: HTML_ACCEPT, body: uploadForm(fileOf(PDF, 'x.pdf')) }), offer.id)
		expect(response.status).toBe(303)
		expect(response.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(`/offers/${offer.id}/edit?step=attachments`)}`)
	})

	test.each(['//evil.example/x', 'https://evil.example/', '/\t/evil.example', '/.//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
		'never redirects off-site (redirectTo %j)',
		async (redirectTo) => {
			const { offer, cookie, url } = await setup()
			const response = await run(post(url, { cookie, headers: HTML_ACCEPT, body: uploadForm(fileOf(PNG, 'a.png'), { redirectTo }) }), offer.id)
			expect(response.status).toBe(303)
			expect(response.headers.get('Location')).toBe(`/offers/${offer.id}/edit?step=attachments`)
		},
	)

	test('deletes with a plain url-encoded form (intent=delete) and removes the file', async () => {
		const { offer, cookie, url } = await setup()
		await run(post(url, { cookie, headers: JSON_ACCEPT, body: uploadForm(fileOf(PDF, 'xoa.pdf')) }), offer.id)
		const row = await prisma.attachment.findFirstOrThrow({ where: { offerId: offer.id } })
		const redirectTo = `/offers/${offer.id}`
		const body = new URLSearchParams({ intent: 'delete', attachmentId: row.id, redirectTo })
		const response = await run(post(url, { cookie, headers: { ...HTML_ACCEPT, 'Content-Type': 'application/x-www-form-urlencoded' }, body }), offer.id)
		expect(response.status).toBe(303)
		expect(response.headers.get('Location')).toBe(redirectTo)
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(0)
		expect(await filesOnDisk()).not.toContain(path.join(dataDir, 'uploads', row.storageKey.slice(0, 2), row.storageKey))
	})

	test('an upload cannot travel in a url-encoded form', async () => {
		const { offer, cookie, url } = await setup()
		const body = new URLSearchParams({ intent: 'upload', file: '<html><script>alert(1)</script>' })
		const response = await run(post(url, { cookie, headers: { ...JSON_ACCEPT, 'Content-Type': 'application/x-www-form-urlencoded' }, body }), offer.id)
		expect(response.status).toBe(415)
	})

	test('a GET goes to the form page', async () => {
		const { offer, cookie, url } = await setup()
		const response = (await loader(args(new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), offer.id))) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(`/offers/${offer.id}/edit?step=attachments`)
	})
})

describe('POST /demands/:id/attachments', () => {
	test('shares the action: uploads to the demand, refuses disguised files', async () => {
		const { user, organisation } = await createOwner()
		const demand = await prisma.demand.create({ data: { organisationId: organisation.id, title: 'Cần dây chuyền đóng gói', status: 'DRAFT' } })
		const { cookie } = await signIn(user.id)
		const url = `/demands/${demand.id}/attachments`

		const ok = await run(post(url, { cookie, headers: HTML_ACCEPT, body: uploadForm(fileOf(PDF, 'yeu-cau.pdf')) }), demand.id, demandAction)
		expect(ok.status).toBe(303)
		expect(ok.headers.get('Location')).toBe(`/demands/${demand.id}/edit?step=attachments`)
		expect(await prisma.attachment.count({ where: { demandId: demand.id } })).toBe(1)

		const refused = await run(post(url, { cookie, headers: JSON_ACCEPT, body: uploadForm(fileOf(HTML, 'x.pdf')) }), demand.id, demandAction)
		expect(refused.status).toBe(415)

		// An offer's id through the demand route is no demand.
		const offer = await prisma.offer.create({ data: { organisationId: organisation.id, title: 'Chào bán', status: 'DRAFT' } })
		const wrongKind = await run(post(`/demands/${offer.id}/attachments`, { cookie, headers: JSON_ACCEPT, body: uploadForm(fileOf(PDF, 'x.pdf')) }), offer.id, demandAction)
		expect(wrongKind.status).toBe(404)
		expect(await prisma.attachment.count({ where: { offerId: offer.id } })).toBe(0)
	})
})
