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
import { HTML, PDF, fileOf } from '~/uploads/test-samples.server'
import { resetEnvCache } from '~/utils/env.server'
import { createUser, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-chat-files-'))
process.env.DATA_DIR = dataDir
resetEnvCache()
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

await useTestDatabase()

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
})
