import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loader as messageLoader } from './mail-message'
import { loader as mailboxLoader } from './mail'
import { resetEnvCache } from '~/utils/env.server'
import { sendTemplatedEmail } from '~/utils/mail.server'
import { createUser, makeRequest, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'

await useTestDatabase()

const saved = { DATA_DIR: process.env.DATA_DIR, SMTP_URL: process.env.SMTP_URL, NODE_ENV: process.env.NODE_ENV }
let dataDir = ''

function setEnv(values: Partial<typeof saved>) {
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) delete process.env[key]
		else process.env[key] = value
	}
	resetEnvCache()
}

beforeAll(async () => {
	dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-devmail-'))
	setEnv({ DATA_DIR: dataDir, SMTP_URL: undefined, NODE_ENV: 'test' })
})

afterAll(async () => {
	setEnv(saved)
	await fs.rm(dataDir, { recursive: true, force: true })
})

type Loader = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>

async function status(loader: unknown, request: Request, params: Record<string, string> = {}) {
	try {
		return { status: 200, data: await (loader as Loader)({ request, params, context: {} }) }
	} catch (thrown) {
		if (thrown instanceof Response) return { status: thrown.status, data: null }
		const r = thrown as { type?: string; init?: { status?: number } }
		if (r?.type === 'DataWithResponseInit') return { status: r.init?.status ?? 500, data: null }
		throw thrown
	}
}

describe('the dev mailbox', () => {
	test('outside development only operators and admins may read it', async () => {
		const member = await signIn((await createUser()).id)
		const operator = await signIn((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
		expect((await status(mailboxLoader, makeRequest('/dev/mail'))).status).toBe(302)
		expect((await status(mailboxLoader, makeRequest('/dev/mail', { cookie: member.cookie }))).status).toBe(403)
		expect((await status(mailboxLoader, makeRequest('/dev/mail', { cookie: operator.cookie }))).status).toBe(200)
	})

	test('in development anyone may read it, newest first, with the links of a message', async () => {
		setEnv({ NODE_ENV: 'development' })
		try {
			await sendTemplatedEmail({
				to: 'an@kiemthu.example',
				locale: 'vi',
				template: 'password-reset',
				params: { name: 'An <b>', link: 'http://localhost:3000/reset-password?token=t0k3n', hours: 1 },
			})
			const list = await status(mailboxLoader, makeRequest('/dev/mail'))
			const messages = (list.data as { messages: Array<{ id: string; subject: string }> }).messages
			expect(messages[0]?.subject).toBe('Đặt lại mật khẩu Cầu Nối')
			const one = await status(messageLoader, makeRequest(`/dev/mail/${messages[0]!.id}`), { id: messages[0]!.id })
			const data = one.data as { message: { html: string }; links: string[] }
			expect(data.links).toContain('http://localhost:3000/reset-password?token=t0k3n')
			expect(data.message.html).toContain('An &lt;b&gt;')
			expect((await status(messageLoader, makeRequest('/dev/mail/nope'), { id: '../../etc/passwd' })).status).toBe(404)
		} finally {
			setEnv({ NODE_ENV: 'test' })
		}
	})

	test('does not exist when SMTP is configured', async () => {
		setEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', NODE_ENV: 'development' })
		try {
			expect((await status(mailboxLoader, makeRequest('/dev/mail'))).status).toBe(404)
		} finally {
			setEnv({ SMTP_URL: undefined, NODE_ENV: 'test' })
		}
	})
})
