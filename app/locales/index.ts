import type { Resource } from 'i18next'
import en from './en/index.ts'
import vi from './vi/index.ts'

export const supportedLocales = ['vi', 'en'] as const
export type AppLocale = (typeof supportedLocales)[number]
export const defaultLocale: AppLocale = 'vi'

export const resources = {
	vi: { translation: vi },
	en: { translation: en },
} satisfies Resource

export type Resources = (typeof resources)['vi']

export function isLocale(value: unknown): value is AppLocale {
	return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)
}

/** BCP 47 tag used by Intl for each app locale. */
export function intlLocale(locale: AppLocale) {
	return locale === 'vi' ? 'vi-VN' : 'en-GB'
}
