import { defineConfig } from 'vitest/config'

export default defineConfig({
	resolve: { tsconfigPaths: true },
	test: {
		include: ['app/**/*.test.{ts,tsx}', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'matching/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		setupFiles: ['tests/setup-file.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		env: { SESSION_SECRET: 'test-session-secret-0123456789abcdef', LOG_LEVEL: 'silent' },
	},
})
