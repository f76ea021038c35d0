import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [reactRouter()],
	resolve: { tsconfigPaths: true },
	optimizeDeps: {
		// Discovered late, these would make Vite re-optimise and reload the first page in `npm run dev`.
		include: [
			'react',
			'react-dom',
			'react-dom/client',
			'react-router',
			'react-router/dom',
			'i18next',
			'react-i18next',
			'@conform-to/react',
			'@conform-to/zod/v4',
			'zod',
			'socket.io-client',
			'react-markdown',
			'remark-gfm',
			'diff',
		],
	},
	build: {
		// The socket.io client and i18n resources make one chunk larger than Vite's default warning.
		chunkSizeWarningLimit: 1024,
	},
})
