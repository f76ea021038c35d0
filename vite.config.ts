import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [reactRouter()],
	resolve: { tsconfigPaths: true },
	build: {
		// The socket.io client and i18n resources make one chunk larger than Vite's default warning.
		chunkSizeWarningLimit: 1024,
	},
})
