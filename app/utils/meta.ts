import { isLocale, resources, type AppLocale } from '~/locales'

type Match = { id: string; loaderData?: unknown } | undefined

function rootLocale(matches: ReadonlyArray<Match>): AppLocale {
	const root = matches.find((m) => m?.id === 'root')?.loaderData as { locale?: unknown } | undefined
	return isLocale(root?.locale) ? root.locale : 'vi'
}

/** Looks a dotted key up in the locale's resources and fills {{params}}. */
export function translateKey(locale: AppLocale, key: string, params: Record<string, string | number> = {}) {
	let node: unknown = resources[locale].translation
	for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
	const text = typeof node === 'string' ? node : key
	return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
}

/** A translated document title for a route's `meta` export. */
export function pageTitle(matches: ReadonlyArray<Match>, key: string, params?: Record<string, string | number>) {
	return [{ title: `${translateKey(rootLocale(matches), key, params)} · Cầu Nối` }]
}
