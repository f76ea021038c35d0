import 'i18next'
import { initReactI18next } from 'react-i18next'
import { createCookie } from 'react-router'
import { createI18nextMiddleware } from 'remix-i18next/middleware'
import { cookieSecure } from '~/utils/env.server'
import { resources, supportedLocales, defaultLocale, type Resources } from '~/locales'

// Persists the language switch for a year; logged-in users also keep it on their profile.
export const localeCookie = createCookie('lng', {
	path: '/',
	sameSite: 'lax',
	secure: cookieSecure(),
	httpOnly: true,
	maxAge: 60 * 60 * 24 * 365,
})

export const [i18nextMiddleware, getLocale, getInstance] = createI18nextMiddleware({
	detection: {
		supportedLanguages: [...supportedLocales],
		fallbackLanguage: defaultLocale,
		cookie: localeCookie,
		// Vietnamese first: the browser's Accept-Language does not override the default.
		order: ['cookie'],
	},
	i18next: { resources, interpolation: { escapeValue: false } },
	plugins: [initReactI18next],
})

declare module 'i18next' {
	interface CustomTypeOptions {
		defaultNS: 'translation'
		resources: Resources
	}
}
