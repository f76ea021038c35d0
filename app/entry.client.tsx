import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { HydratedRouter } from 'react-router/dom'
import { defaultLocale, resources } from '~/locales'
import { NonceProvider } from '~/utils/nonce'

async function main() {
	// The server already chose the language; the <html lang> it rendered is the source of truth.
	await i18next.use(initReactI18next).init({
		resources,
		lng: document.documentElement.lang || defaultLocale,
		fallbackLng: defaultLocale,
		interpolation: { escapeValue: false },
	})
	// The server put this response's CSP nonce on the tags it rendered; the client renders the same
	// value so hydration matches (browsers expose it through the property, not the attribute).
	const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''
	startTransition(() => {
		hydrateRoot(
			document,
			<I18nextProvider i18n={i18next}>
				<NonceProvider value={nonce}>
					<StrictMode>
						<HydratedRouter />
					</StrictMode>
				</NonceProvider>
			</I18nextProvider>,
		)
	})
}

main().catch((error) => console.error(error))
