import type { AppLocale } from '~/locales'

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string) {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;')
}

/** Only http(s) URLs become links: a `javascript:` or `data:` value must never reach an href. */
export function safeHttpUrl(value: string | null | undefined): string | null {
	if (!value) return null
	try {
		const url = new URL(value)
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
	} catch {
		return null
	}
}

/** A site path made absolute against the public base URL; absolute http(s) URLs pass, anything else is dropped. */
export function absoluteUrl(link: string | number | null | undefined, baseUrl: string): string | null {
	if (typeof link !== 'string' || link === '') return null
	if (link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')) {
		return safeHttpUrl(baseUrl.replace(/\/+$/, '') + link)
	}
	return safeHttpUrl(link)
}

/** What a template decides; the layout turns it into the text and HTML versions. Every string is plain text. */
export type EmailContent = {
	subject: string
	greeting: string
	paragraphs: string[]
	action?: { label: string; url: string } | null
	notes?: string[]
	signoff: string[]
	footer: { text: string; link?: string | null }[]
}

export type RenderedEmail = { subject: string; text: string; html: string }

const styles = {
	body: 'margin:0;padding:24px 12px;background:#f3f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:16px;line-height:1.5',
	card: 'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:28px 24px',
	brand: 'margin:0 0 20px;font-weight:bold;font-size:18px;color:#0b5394',
	button: 'display:inline-block;padding:10px 18px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold',
	note: 'font-size:14px;color:#52606d',
	footer: 'margin:24px 0 0;padding-top:16px;border-top:1px solid #e4e7eb;font-size:13px;color:#7b8794',
}

/** The one layout of every e-mail: escaped HTML and a plain-text twin with the same content. */
export function renderLayout(locale: AppLocale, content: EmailContent): RenderedEmail {
	const action = content.action ? { label: content.action.label, url: safeHttpUrl(content.action.url) } : null

	const text = [
		content.greeting,
		...content.paragraphs,
		...(action?.url ? [`${action.label}: ${action.url}`] : []),
		...(content.notes ?? []),
		content.signoff.join('\n'),
		['--', ...content.footer.map((line) => (line.link ? `${line.text} ${line.link}` : line.text))].join('\n'),
	].join('\n\n')

	const p = (value: string, style?: string) => `<p${style ? ` style="${style}"` : ''}>${escapeHtml(value)}</p>`
	const link = (url: string, label: string, style?: string) =>
		`<a href="${escapeHtml(url)}"${style ? ` style="${style}"` : ''}>${escapeHtml(label)}</a>`
	const html = [
		'<!doctype html>',
		`<html lang="${locale}">`,
		'<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(content.subject)}</title></head>`,
		`<body style="${styles.body}">`,
		`<div style="${styles.card}">`,
		`<p style="${styles.brand}">Cầu Nối</p>`,
		p(content.greeting),
		...content.paragraphs.map((paragraph) => p(paragraph)),
		...(action?.url
			? [
					`<p style="margin:24px 0">${link(action.url, action.label, styles.button)}</p>`,
					`<p style="${styles.note}">${escapeHtml(action.url)}</p>`,
				]
			: []),
		...(content.notes ?? []).map((note) => p(note, styles.note)),
		`<p>${content.signoff.map(escapeHtml).join('<br>')}</p>`,
		`<div style="${styles.footer}">`,
		...content.footer.map((line) => {
			const url = safeHttpUrl(line.link)
			return `<p style="margin:0 0 6px">${escapeHtml(line.text)}${url ? ` ${link(url, url)}` : ''}</p>`
		}),
		'</div></div></body></html>',
	].join('\n')

	return { subject: content.subject, text, html }
}
