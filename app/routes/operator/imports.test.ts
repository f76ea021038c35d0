// The operators' import pages with real multipart requests, a real database and real files: only
// operators upload, look at and apply imports; files are checked by their bytes.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { validateImport } from '~/imports/run.server'
import { PNG, fileOf } from '~/uploads/test-samples.server'
import { resetEnvCache } from '~/utils/env.server'
import { createOwner, createUser, localeContext, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import { action as detailAction, loader as detailLoader } from './import'
import { action as uploadAction, loader as listLoader } from './imports'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-import-route-'))
process.env.DATA_DIR = dataDir
resetEnvCache()
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

const { prisma } = await useTestDatabase()

const CSV = 'Mã số nhiệm vụ,Tên nhiệm vụ,Cấp quản lý,Tổ chức chủ trì\nKC.01.01/16-20,Nhiệm vụ thử nghiệm nhập liệu,quốc gia,Viện A\n'

async function filesOnDisk() {
	const entries = await fs.readdir(path.join(dataDir, 'uploads'), { recursive: true, withFileTypes: true }).catch(() => [])
	return entries.filter((entry) => entry.isFile() && !entry.parentPath.includes('.tmp'))
}

function request(pathname: string, init: { cookie?: string; method?: string; body?: BodyInit } = {}) {
	const headers = new Headers({ 'X-Client-IP': '203.0.113.20' })
	if (init.cookie) headers.set('Cookie', init.cookie)
	return new Request(`http://localhost${pathname}`, { method: init.method ?? 'GET', headers, body: init.body })
}

function upload(file: File | null, kind = 'TASK_RESULTS') {
	const form = new FormData()
	form.set('kind', kind)
	if (file) form.set('file', file)
	return form
}

async function run(handler: (args: never) => unknown, req: Request, params: Record<string, string> = {}) {
	try {
		const result = await handler({ request: req, params, context: await localeContext(req) } as never)
		return result
	} catch (error) {
		if (error instanceof Response) return error
		if (error && typeof error === 'object' && 'init' in error) return error as { data: unknown; init: { status: number } }
		throw error
	}
}

const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as { init?: { status?: number } })?.init?.status ?? 200))

const operator = await createUser({ roles: ['OPERATOR'] })
const operatorCookie = (await signIn(operator.id)).cookie

describe('who may import', () => {
	test('members and visitors cannot see, upload or apply imports; nothing is stored for them', async () => {
		const { user } = await createOwner()
		const { cookie } = await signIn(user.id)
		expect(statusOf(await run(listLoader, request('/operator/imports', { cookie })))).toBe(403)
		const refused = await run(uploadAction, request('/operator/imports', { cookie, method: 'POST', body: upload(new File([CSV], 'a.csv')) }))
		expect(statusOf(refused)).toBe(403)
		expect(await filesOnDisk()).toHaveLength(0)
		const anonymous = (await run(listLoader, request('/operator/imports'))) as Response
		expect(anonymous.status).toBe(302)
		expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)

		const imported = await run(uploadAction, request('/operator/imports', { cookie: operatorCookie, method: 'POST', body: upload(new File([CSV], 'a.csv')) }))
		const id = (imported as Response).headers.get('Location')!.split('/').pop()!.split('?')[0]!
		expect(statusOf(await run(detailLoader, request(`/operator/imports/${id}`, { cookie }), { id }))).toBe(403)
		const apply = new URLSearchParams({ intent: 'apply' })
		expect(statusOf(await run(detailAction, request(`/operator/imports/${id}`, { cookie, method: 'POST', body: apply }), { id }))).toBe(403)
	})
})

describe('uploading', () => {
	test('an operator uploads a CSV: it is stored, an import and its dry-run job are queued, and the page follows it', async () => {
		const before = await filesOnDisk()
		const result = (await run(uploadAction, request('/operator/imports', { cookie: operatorCookie, method: 'POST', body: upload(new File([CSV], 'ket-qua.csv', { type: 'text/csv' })) }))) as Response
		expect(result.status).toBe(302)
		const id = result.headers.get('Location')!.match(/\/operator\/imports\/([^?]+)/)![1]!
		const record = await prisma.import.findUniqueOrThrow({ where: { id } })
		expect(record).toMatchObject({ kind: 'TASK_RESULTS', status: 'QUEUED', format: 'csv', fileName: 'ket-qua.csv', fileSize: Buffer.byteLength(CSV), createdById: operator.id })
		expect(await prisma.job.count({ where: { queue: 'imports.validate', payload: { equals: { importId: id } } } })).toBe(1)
		expect((await filesOnDisk()).length).toBe(before.length + 1)

		await validateImport(id)
		const page = (await run(detailLoader, request(`/operator/imports/${id}`, { cookie: operatorCookie }), { id })) as Awaited<ReturnType<typeof detailLoader>>
		expect(page.record.status).toBe('VALIDATED')
		expect(page.rows).toEqual([expect.objectContaining({ line: 2, action: 'CREATE', key: 'KC.01.01/16-20' })])

		// Applying is queued once; a second click finds it already applying.
		const apply = () => run(detailAction, request(`/operator/imports/${id}`, { cookie: operatorCookie, method: 'POST', body: new URLSearchParams({ intent: 'apply' }) }), { id })
		expect(statusOf(await apply())).toBe(302)
		expect(statusOf(await apply())).toBe(409)
		expect(await prisma.job.count({ where: { queue: 'imports.apply', payload: { equals: { importId: id } } } })).toBe(1)
	})

	test('a file that is not a table is refused by its content, whatever its name; the kind chosen is kept', async () => {
		const before = await filesOnDisk()
		const png = await run(uploadAction, request('/operator/imports', { cookie: operatorCookie, method: 'POST', body: upload(fileOf(PNG, 'ket-qua.csv', 'text/csv'), 'EXPERTS') }))
		expect(statusOf(png)).toBe(415)
		expect((png as { data: unknown }).data).toEqual({ error: 'imports.errors.notTable', kind: 'EXPERTS' })
		const docx = await run(uploadAction, request('/operator/imports', { cookie: operatorCookie, method: 'POST', body: upload(new File([Buffer.from('PK\u0003\u0004word/document.xml')], 'a.xlsx')) }))
		expect((docx as { data: { error: string } }).data.error).toBe('imports.errors.notXlsx')
		const none = await run(uploadAction, request('/operator/imports', { cookie: operatorCookie, method: 'POST', body: upload(null) }))
		expect(statusOf(none)).toBe(400)
		expect((none as { data: { error: string } }).data.error).toBe('imports.errors.missing')
		const badKind = await run(uploadAction, request('/operator/imports', { cookie: operatorCookie, method: 'POST', body: upload(new File([CSV], 'a.csv'), 'OFFERS') }))
		expect((badKind as { data: { error: string } }).data.error).toBe('imports.errors.kind')
		expect(await filesOnDisk()).toHaveLength(before.length)
		const list = (await run(listLoader, request('/operator/imports?kind=EXPERTS', { cookie: operatorCookie }))) as Awaited<ReturnType<typeof listLoader>>
		expect(list.kind).toBe('EXPERTS')
	})
})
