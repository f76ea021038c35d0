import type { Config } from '@react-router/dev/config'

export default {
	ssr: true,
	future: {
		// Middleware carries the locale, the user and the CSP nonce through one request.
		v8_middleware: true,
	},
} satisfies Config
