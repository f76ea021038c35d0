import i18next, { type i18n } from 'i18next'
import { defaultLocale, resources, supportedLocales, type AppLocale } from '~/locales'

/**
 * A translate function over keys built at run time (`notifications.kinds.${kind}.title`),
 * which the typed `t` of react-i18next cannot express.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string

let instance: i18n | undefined

// One instance for the whole process: jobs and socket pushes have no request to hang one on.
function getInstance() {
	if (!instance) {
		instance = i18next.createInstance()
		void instance.init({
			resources,
			lng: defaultLocale,
			fallbackLng: defaultLocale,
			supportedLngs: [...supportedLocales],
			// Resources are in memory, so init completes synchronously and `t` works right away.
			initAsync: false,
			// Texts go into plain-text mail and React; HTML escaping is done where HTML is written.
			interpolation: { escapeValue: false, skipOnVariables: true },
		})
	}
	return instance
}

/** A translate function fixed to one language, for text made outside a request (e-mails, socket pushes). */
export function getFixedT(locale: AppLocale): Translate {
	return getInstance().getFixedT(locale) as unknown as Translate
}

/** Wraps a request's i18next `t` (typed keys) so dynamic keys can be used with it. */
export function looseT(t: unknown): Translate {
	return t as Translate
}
