import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { z } from 'zod'
import { renderTemplate, UnknownTemplateError } from '~/emails/templates.server'
import type { EmailJob } from '~/jobs/email.server'
import { PermanentJobError } from '~/jobs/queue.server'
import type { AppLocale } from '~/locales'
import type { NotificationParams } from '~/models/notification.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'

export type OutgoingMail = { to: string; subject: string; text: string; html: string }
export type StoredMail = OutgoingMail & { id: string; from: string; createdAt: string }
export type SendResult = { mode: 'smtp'; messageId: string } | { mode: 'file'; id: string; file: string }

/** The payload of an `email.send` job, checked before anything is rendered. */
export const EmailJobSchema = z.object({
	to: z.email(),
	locale: z.enum(['vi', 'en']),
	template: z.string().min(1),
	params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
})

/** Where links in e-mails point: APP_URL, else this machine's port (development). */
export function publicBaseUrl() {
	const env = getEnv()
	return env.APP_URL ?? `http://localhost:${env.PORT}`
}

/** Subject, text and HTML of a template in one language. Throws UnknownTemplateError for a name no template has. */
export function renderEmail(template: string, locale: AppLocale, params: NotificationParams, options: { baseUrl?: string } = {}) {
	return renderTemplate(template, locale, params, options.baseUrl ?? publicBaseUrl())
}

let cachedTransport: { url: string; transporter: Transporter } | undefined

function smtpTransport(url: string) {
	if (cachedTransport?.url !== url) {
		cachedTransport?.transporter.close()
		cachedTransport = { url, transporter: nodemailer.createTransport(url) }
	}
	return cachedTransport.transporter
}

/** The dev mailbox directory: <DATA_DIR>/mail. */
export function mailDir() {
	return path.resolve(getEnv().DATA_DIR, 'mail')
}

/** Sends through SMTP when SMTP_URL is set; otherwise writes <DATA_DIR>/mail/<timestamp>-<id>.json for the dev mailbox. */
export async function sendMail(mail: OutgoingMail): Promise<SendResult> {
	const env = getEnv()
	if (env.SMTP_URL) {
		try {
			const info = await smtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...mail })
			return { mode: 'smtp', messageId: info.messageId }
		} catch (error) {
			// A 5xx answer (unknown mailbox, rejected sender) will not change on retry; 4xx and network errors may.
			const code = (error as { responseCode?: number }).responseCode
			if (code && code >= 500 && code < 600) throw new PermanentJobError(`SMTP ${code}: ${(error as Error).message}`)
			throw error
		}
	}
	const createdAt = new Date()
	const id = `${createdAt.toISOString().replace(/[-:.]/g, '')}-${randomBytes(6).toString('hex')}`
	const dir = mailDir()
	await fs.mkdir(dir, { recursive: true })
	const file = path.join(dir, `${id}.json`)
	const stored: StoredMail = { id, from: env.MAIL_FROM, ...mail, createdAt: createdAt.toISOString() }
	// Written aside and renamed, so the mailbox page never reads half a message.
	await fs.writeFile(`${file}.tmp`, JSON.stringify(stored, null, 2), 'utf8')
	await fs.rename(`${file}.tmp`, file)
	logger.info({ to: mail.to, subject: mail.subject, file }, 'mail written to the dev mailbox')
	return { mode: 'file', id, file }
}

/** The `email.send` job: validates, renders in the recipient's language and sends. */
export async function sendTemplatedEmail(payload: unknown) {
	const parsed = EmailJobSchema.safeParse(payload)
	if (!parsed.success) throw new PermanentJobError(`invalid email job: ${z.prettifyError(parsed.error)}`)
	const job: EmailJob = parsed.data
	let rendered
	try {
		rendered = renderEmail(job.template, job.locale, job.params)
	} catch (error) {
		if (error instanceof UnknownTemplateError) throw new PermanentJobError(error.message)
		throw error
	}
	return sendMail({ to: job.to, ...rendered })
}

// ─── The dev mailbox ─────────────────────────────────────────────────────────

export type MailboxEntry = Pick<StoredMail, 'id' | 'to' | 'subject' | 'createdAt'>

const MAIL_ID = /^[0-9A-Za-z]+-[0-9a-f]{12}$/

export function isMailId(id: string) {
	return MAIL_ID.test(id)
}

function parseStored(raw: string): StoredMail | null {
	try {
		const value = JSON.parse(raw) as Partial<StoredMail>
		if (typeof value.subject !== 'string' || typeof value.to !== 'string') return null
		return {
			id: String(value.id ?? ''),
			from: String(value.from ?? ''),
			to: value.to,
			subject: value.subject,
			text: String(value.text ?? ''),
			html: String(value.html ?? ''),
			createdAt: String(value.createdAt ?? ''),
		}
	} catch {
		return null
	}
}

/** Messages in the mailbox directory, newest first (file names start with the time). */
export async function listMailbox(limit = 200): Promise<MailboxEntry[]> {
	let names: string[]
	try {
		names = await fs.readdir(mailDir())
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
		throw error
	}
	const ids = names
		.filter((name) => name.endsWith('.json'))
		.map((name) => name.slice(0, -'.json'.length))
		.filter(isMailId)
		.sort()
		.reverse()
		.slice(0, limit)
	const entries = await Promise.all(
		ids.map(async (id) => {
			const stored = await readMailboxMessage(id)
			return stored ? { id, to: stored.to, subject: stored.subject, createdAt: stored.createdAt } : null
		}),
	)
	return entries.filter((entry) => entry !== null)
}

/** One stored message, or null; the id is checked against the file-name pattern so no path can escape the directory. */
export async function readMailboxMessage(id: string): Promise<StoredMail | null> {
	if (!isMailId(id)) return null
	try {
		const stored = parseStored(await fs.readFile(path.join(mailDir(), `${id}.json`), 'utf8'))
		return stored ? { ...stored, id } : null
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
		throw error
	}
}
