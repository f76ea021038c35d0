// Files sent in chat, against a real database, real files and the real download route: checked by
// content like every upload, readable by the room's current members only.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { RouterContextProvider } from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { addChatAttachment, AttachmentError } from '~/models/attachment.server'
import { history, openDirect, removeMember, sendMessage } from '~/models/chat.server'
import * as download from '~/routes/attachments/download'
import * as filesRoute from '~/routes/messages/files'
import { HTML, PDF, fileOf } from '~/uploads/test-samples.server'
import { resetEnvCache } from '~/utils/env.server'
import { createUser, localeContext, outcome, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-chat-files-'))
process.env.DATA_DIR = dataDir
resetEnvCache()
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

const { prisma } = await useTestDatabase()

async function fetchAs(userId: string | null, id: string) {
	const headers = new Headers()
	if (userId) headers.set('Cookie', (await signIn(userId)).cookie)
	const request = new Request(`http://localhost/attachments/${id}`, { headers })
	try {
		const response = await download.loader({ request, params: { id }, context: new RouterContextProvider() } as never)
		return response.status
	} catch (thrown) {
		return (thrown as { init?: { status?: number } }).init?.status ?? 500
	}
}

describe('chat attachments', () => {
	test('a member sends a checked file; members download it, others get 404, a removed member too', async () => {
		const a = await createUser()
		const b = await createUser()
		const outsider = await createUser()
		const { roomId } = await openDirect(a, b.id, null)
		await expect(addChatAttachment({ actor: outsider, roomId, file: fileOf(PDF, 'bao-gia.pdf') })).rejects.toBeInstanceOf(AttachmentError)
		await expect(addChatAttachment({ actor: a, roomId, file: fileOf(HTML, 'bao-gia.pdf') })).rejects.toBeInstanceOf(AttachmentError)
		const file = await addChatAttachment({ actor: a, roomId, file: fileOf(PDF, 'bao-gia.pdf') })
		// Only its uploader may send it, once.
		await expect(sendMessage(b, { roomId, clientMsgId: randomUUID(), body: '', attachmentId: file.id })).rejects.toMatchObject({ key: 'chat.errors.attachmentNotFound' })
		const { message } = await sendMessage(a, { roomId, clientMsgId: randomUUID(), body: '', attachmentId: file.id })
		expect(message.attachment).toMatchObject({ id: file.id, fileName: 'bao-gia.pdf', mimeType: 'application/pdf' })
		await expect(sendMessage(a, { roomId, clientMsgId: randomUUID(), body: 'lại', attachmentId: file.id })).rejects.toMatchObject({ key: 'chat.errors.attachmentNotFound' })
		expect((await history(b, roomId)).messages.at(-1)?.attachment?.id).toBe(file.id)
		expect(await fetchAs(a.id, file.id)).toBe(200)
		expect(await fetchAs(b.id, file.id)).toBe(200)
		expect(await fetchAs(outsider.id, file.id)).toBe(404)
		expect(await fetchAs(null, file.id)).toBe(404)
		await removeMember(a, roomId, b.id)
		expect(await fetchAs(b.id, file.id)).toBe(404)
	})

	test('the plain form sends a file as a message once; strangers and fake files are refused', async () => {
		const a = await createUser()
		const b = await createUser()
		const outsider = await createUser()
		const { roomId } = await openDirect(a, b.id, null)
		const post = async (userId: string, file: File, clientMsgId: string) => {
			const form = new FormData()
			form.set('file', file)
			form.set('clientMsgId', clientMsgId)
			form.set('body', 'Báo giá kèm theo')
			const request = new Request(`http://localhost/messages/${roomId}/files`, { method: 'POST', body: form, headers: { Cookie: (await signIn(userId)).cookie } })
			return outcome(filesRoute.action({ request, params: { roomId }, context: await localeContext(request) } as never))
		}
		const key = randomUUID()
		const sent = await post(a.id, fileOf(PDF, 'bao-gia.pdf'), key)
		expect(sent.status).toBe(303)
		expect(sent.location).toBe(`/messages/${roomId}#m1`)
		// Submitted twice: still one message.
		expect((await post(a.id, fileOf(PDF, 'bao-gia.pdf'), key)).location).toBe(`/messages/${roomId}#m1`)
		const messages = (await history(b, roomId)).messages.filter((m) => m.kind === 'TEXT')
		expect(messages.map((m) => [m.body, m.attachment?.fileName])).toEqual([['Báo giá kèm theo', 'bao-gia.pdf']])
		expect(await prisma.attachment.count({ where: { chatRoomId: roomId } })).toBe(1)
		expect((await post(outsider.id, fileOf(PDF, 'x.pdf'), randomUUID())).status).toBe(404)
		const fake = await post(a.id, fileOf(HTML, 'trang.pdf'), randomUUID())
		expect(fake.status).toBe(303)
		expect(fake.location).toMatch(/uploadError=uploads\.errors\./)
	})
})
