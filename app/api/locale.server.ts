import { getFixedT, type Translate } from '~/emails/i18n.server'
import { defaultLocale, isLocale, type AppLocale } from '~/locales'
import { localeCookie } from '~/middleware/i18next.server'

export type { Translate }

/**
 * The language of an API answer. Unlike pages, an explicit Accept-Language wins: API clients set
 * it on purpose, while browsers send it by default (which is why pages ignore it). Then the
 * `lng` cookie of the language switch, then Vietnamese.
 */
export async function resolveApiLocale(request: Request): Promise<AppLocale> {
	return fromAcceptLanguage(request.headers.get('Accept-Language')) ?? (await fromCookie(request)) ?? defaultLocale
}

/** The supported language the header prefers most (q-values honoured, regions ignored), or null. */
export function fromAcceptLanguage(header: string | null): AppLocale | null {
	if (!header) return null
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';')
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
			const quality = q ? Number(q.slice(2)) : 1
			return { language: tag.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index }
		})
		.filter((entry) => entry.quality > 0 && isLocale(entry.language))
		// Equal weights keep the order the client wrote them in.
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
	const best = ranked[0]?.language
	return isLocale(best) ? best : null
}

async function fromCookie(request: Request): Promise<AppLocale | null> {
	try {
		const value: unknown = await localeCookie.parse(request.headers.get('Cookie'))
		return isLocale(value) ? value : null
	} catch {
		return null
	}
}

/** A translator bound to one language (the process-wide server instance; the API never switches languages). */
export function apiTranslator(locale: AppLocale): Translate {
	return getFixedT(locale)
}

const KEY = /^[A-Za-z][\w-]*(\.[\w-]+)+$/

/** Whether a string looks like an i18n key ("validation.tooLong") rather than a sentence. */
export function isMessageKey(value: string) {
	return KEY.test(value)
}

/**
 * Translates a message as the forms carry it: an i18n key, optionally followed by "|" and JSON
 * parameters ("validation.tooLong|{\"max\":80}"). Anything else becomes `fallbackKey`'s text.
 */
export function translateMessage(locale: AppLocale, message: string, fallbackKey = 'validation.invalid'): string {
	const t = apiTranslator(locale)
	const bar = message.indexOf('|')
	const key = bar === -1 ? message : message.slice(0, bar)
	let params: Record<string, unknown> = {}
	if (bar !== -1) {
		try {
			const parsed: unknown = JSON.parse(message.slice(bar + 1))
			if (parsed && typeof parsed === 'object') params = parsed as Record<string, unknown>
		} catch {
			params = {}
		}
	}
	const fallback = t(fallbackKey)
	if (!isMessageKey(key)) return fallback
	return t(key, { ...params, defaultValue: fallback })
}
