import fs from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { useTestDatabase } from '../../tests/db'
import { EMAIL_TEMPLATES } from '~/emails/templates.server'
import { enqueueEmail } from '~/jobs/email.server'
import { PermanentJobError } from '~/jobs/queue.server'
import { startWorker } from '~/jobs/worker.server'
import { prisma } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { inTransaction } from '~/utils/transaction.server'
import { listMailbox, mailDir, readMailboxMessage, renderEmail, sendMail, sendTemplatedEmail } from './mail.server'

const BASE = 'https://caunoi.example'
let dataDir = ''
const savedEnv = { DATA_DIR: process.env.DATA_DIR, SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL, MAIL_FROM: process.env.MAIL_FROM }

function setEnv(values: Partial<typeof savedEnv>) {
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) delete process.env[key]
		else process.env[key] = value
	}
	resetEnvCache()
}

beforeEach(async () => {
	dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-mail-'))
	setEnv({ DATA_DIR: dataDir, SMTP_URL: undefined, APP_URL: BASE })
})

afterEach(async () => {
	setEnv(savedEnv)
	await fs.rm(dataDir, { recursive: true, force: true })
})

const resetParams = { name: 'Trần Thị Bình', link: `${BASE}/reset-password?token=abc123`, hours: 1 }

describe('rendering', () => {
	test('every template renders in Vietnamese and English with no missing text', () => {
		const params = { name: 'N', userName: 'U', organisationName: 'O', role: 'ADMIN', recipientName: 'R', link: '/me', hours: 2, title: 'T', reason: 'L', days: 30, inviterName: 'I', count: 3, score: 87, other: 'X', organisation: 'G', code: 'GD-2026-ABCDEF', stage: 'NDA', side: 'buyer', version: 2, status: 'paid', amount: '65000', rooms: 2, titles: 'GD-2026-ABCDEF' }
		for (const template of EMAIL_TEMPLATES) {
			const vi = renderEmail(template, 'vi', params, { baseUrl: BASE })
			const en = renderEmail(template, 'en', params, { baseUrl: BASE })
			for (const email of [vi, en]) {
				expect(email.subject, template).not.toBe('')
				expect(`${email.subject}\n${email.text}\n${email.html}`, template).not.toMatch(/notifications\.|\{\{/)
			}
			expect(vi.subject, template).not.toBe(en.subject)
			expect(vi.html).toContain('<html lang="vi">')
			expect(en.html).toContain('<html lang="en">')
		}
	})

	test('user-provided values are escaped in the HTML and kept as typed in the text', () => {
		const evil = `<script>alert("x")</script> & <b>'Org'</b>`
		const email = renderEmail('membership.requested', 'vi', { userName: evil, organisationName: 'Viện A', recipientName: evil, link: '/organisations/a/members' }, { baseUrl: BASE })
		expect(email.html).not.toContain('<script>')
		expect(email.html).not.toContain('<b>')
		expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;&#39;Org&#39;&lt;/b&gt;')
		expect(email.text).toContain(`${evil} đã gửi yêu cầu gia nhập Viện A`)
		expect(email.subject).toBe(`${evil} xin gia nhập Viện A`)
		expect(email.html).toContain(`href="${BASE}/organisations/a/members"`)
	})

	test('a link that is not http(s) never becomes an href', () => {
		const email = renderEmail('password-reset', 'en', { ...resetParams, link: 'javascript:alert(1)' }, { baseUrl: BASE })
		expect(email.html).not.toContain('javascript:')
		expect(email.text).not.toContain('javascript:')
	})

	test('i18next nesting syntax in a value is shown, not expanded', () => {
		const email = renderEmail('account.welcome', 'en', { name: '$t(errors.server)', recipientName: 'R' }, { baseUrl: BASE })
		expect(email.text).toContain('Hello $t(errors.server), your account is ready')
	})
})

describe('file mode (no SMTP_URL)', () => {
	test('writes one JSON file per message that the dev mailbox lists and reads', async () => {
		const result = await sendTemplatedEmail({ to: 'binh@example.test', locale: 'vi', template: 'password-reset', params: resetParams })
		expect(result.mode).toBe('file')
		const files = await fs.readdir(path.join(dataDir, 'mail'))
		expect(files).toHaveLength(1)
		expect(files[0]).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{12}\.json$/)
		const stored = JSON.parse(await fs.readFile(path.join(dataDir, 'mail', files[0]!), 'utf8')) as Record<string, string>
		expect(stored).toMatchObject({
			to: 'binh@example.test',
			subject: 'Đặt lại mật khẩu Cầu Nối',
			createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		})
		expect(stored.text).toContain('Xin chào Trần Thị Bình,')
		expect(stored.text).toContain(resetParams.link)
		expect(stored.text).toContain('Liên kết có hiệu lực trong 1 giờ')
		expect(stored.html).toContain(`href="${resetParams.link}"`)

		const second = await sendMail({ to: 'a@example.test', subject: 'Second', text: 't', html: '<p>t</p>' })
		const list = await listMailbox()
		expect(list.map((m) => m.subject)).toEqual(['Second', 'Đặt lại mật khẩu Cầu Nối'])
		expect(second.mode === 'file' && (await readMailboxMessage(second.id))?.to).toBe('a@example.test')
	})

	test('message ids cannot reach outside the mailbox directory', async () => {
		await fs.writeFile(path.join(dataDir, 'secret.json'), JSON.stringify({ to: 'x', subject: 'secret' }))
		expect(await readMailboxMessage('../secret')).toBeNull()
		expect(await readMailboxMessage('..%2Fsecret')).toBeNull()
		expect(mailDir()).toBe(path.join(dataDir, 'mail'))
		expect(await listMailbox()).toEqual([])
	})

	test('an unknown template or a malformed job fails permanently', async () => {
		await expect(sendTemplatedEmail({ to: 'a@example.test', locale: 'vi', template: 'no-such-template', params: {} })).rejects.toBeInstanceOf(
			PermanentJobError,
		)
		await expect(sendTemplatedEmail({ to: 'not an address', locale: 'vi', template: 'password-reset' })).rejects.toBeInstanceOf(PermanentJobError)
	})
})

type Received = { from: string; to: string[]; raw: string }

describe('SMTP mode', () => {
	let server: SMTPServer
	const received: Received[] = []
	let port = 0

	beforeAll(async () => {
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onRcptTo(address, _session, callback) {
				if (address.address.startsWith('nobody@')) {
					const error = Object.assign(new Error('no such mailbox'), { responseCode: 550 })
					return callback(error)
				}
				callback()
			},
			onData(stream, session, callback) {
				const chunks: Buffer[] = []
				stream.on('data', (chunk: Buffer) => chunks.push(chunk))
				stream.on('end', () => {
					received.push({
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((r) => r.address),
						raw: Buffer.concat(chunks).toString('utf8'),
					})
					callback()
				})
			},
		})
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
		port = (server.server.address() as AddressInfo).port
	})

	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()))
	})

	test('delivers the rendered message in the recipient language', async () => {
		setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Cầu Nối <no-reply@caunoi.example>' })
		const result = await sendTemplatedEmail({ to: 'binh@example.test', locale: 'en', template: 'password-reset', params: { ...resetParams, hours: 2 } })
		expect(result.mode).toBe('smtp')
		expect(received).toHaveLength(1)
		const message = parseMessage(received[0]!.raw)
		expect(received[0]).toMatchObject({ from: 'no-reply@caunoi.example', to: ['binh@example.test'] })
		expect(message.subject).toBe('Reset your Cầu Nối password')
		expect(message.text).toContain('Hello Trần Thị Bình,')
		expect(message.text).toContain('The link is valid for 2 hours and can be used once.')
		expect(message.text).toContain(resetParams.link)
		expect(message.html).toContain(`href="${resetParams.link}"`)
		// Nothing goes to the dev mailbox when SMTP is configured.
		await expect(fs.readdir(path.join(dataDir, 'mail'))).rejects.toThrow()
	})

	test('a Vietnamese recipient gets Vietnamese, with user values escaped in the HTML', async () => {
		setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` })
		received.length = 0
		await sendTemplatedEmail({
			to: 'an@example.test',
			locale: 'vi',
			template: 'organisation.verified',
			params: { organisationName: 'Công ty <i>Ánh Dương</i>', recipientName: 'An', link: '/organisations/anh-duong' },
		})
		const message = parseMessage(received[0]!.raw)
		expect(message.subject).toBe('Công ty <i>Ánh Dương</i> đã được xác minh')
		expect(message.text).toContain('Sàn đã xác minh thông tin của Công ty <i>Ánh Dương</i>.')
		expect(message.text).toContain(`${BASE}/organisations/anh-duong`)
		expect(message.html).toContain('Công ty &lt;i&gt;Ánh Dương&lt;/i&gt;')
		expect(message.html).not.toContain('<i>')
	})

	test('a 5xx refusal fails the job permanently', async () => {
		setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` })
		await expect(sendMail({ to: 'nobody@example.test', subject: 's', text: 't', html: '<p>t</p>' })).rejects.toBeInstanceOf(PermanentJobError)
	})
})

describe('the email.send job', () => {
	beforeAll(async () => {
		await useTestDatabase()
	})

	test('a queued e-mail is rendered and written by the worker', async () => {
		await inTransaction(({ tx }) =>
			enqueueEmail(tx, { to: 'job@example.test', locale: 'en', template: 'password-reset', params: resetParams }),
		)
		const worker = startWorker({ pollMs: 20, periodic: [] })
		try {
			await worker.drain()
		} finally {
			await worker.stop()
		}
		expect(await prisma.job.findFirstOrThrow({ where: { queue: 'email.send' } })).toMatchObject({ status: 'DONE', attempts: 1 })
		const [entry] = await listMailbox()
		expect(entry).toMatchObject({ to: 'job@example.test', subject: 'Reset your Cầu Nối password' })
	})
})

// ─── A small MIME reader, enough for what nodemailer writes ──────────────────

function decodeQuotedPrintable(value: string) {
	const input = value.replace(/=\r?\n/g, '')
	const bytes: number[] = []
	for (let i = 0; i < input.length; i++) {
		const hex = input.slice(i + 1, i + 3)
		if (input[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
			bytes.push(parseInt(hex, 16))
			i += 2
		} else {
			bytes.push(...Buffer.from(input[i]!, 'utf8'))
		}
	}
	return Buffer.from(bytes).toString('utf8')
}

function decodeWords(value: string) {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
			encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replaceAll('_', ' ')),
		)
}

function splitHeaders(raw: string) {
	const at = raw.indexOf('\r\n\r\n')
	const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ')
	const headers = new Map<string, string>()
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':')
		headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
	}
	return { headers, body: raw.slice(at + 4) }
}

function decodeBody(headers: Map<string, string>, body: string) {
	const encoding = headers.get('content-transfer-encoding')?.toLowerCase()
	if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
	if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
	return body
}

function parseMessage(raw: string) {
	const { headers, body } = splitHeaders(raw)
	const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1]
	const parts = boundary
		? body
				.split(`--${boundary}`)
				.slice(1, -1)
				.map((part) => splitHeaders(part.replace(/^\r\n/, '')))
		: [{ headers, body }]
	const find = (type: string) => {
		const part = parts.find((p) => p.headers.get('content-type')?.startsWith(type))
		return part ? decodeBody(part.headers, part.body) : ''
	}
	return { subject: decodeWords(headers.get('subject') ?? ''), text: find('text/plain'), html: find('text/html') }
}
