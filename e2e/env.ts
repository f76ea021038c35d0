// Imported first by e2e/fixtures.ts, so DATABASE_URL points at the e2e database before any app module
// (whose Prisma singleton and cached env read process.env) is used in this worker.
// playwright.config.ts computes the values; workers inherit them from the runner.
const databaseUrl = process.env.E2E_DATABASE_URL
if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the e2e tests with `npx playwright test` (playwright.config.ts sets it)')
if (!process.env.SESSION_SECRET) throw new Error('SESSION_SECRET is not set: playwright.config.ts sets it for the server and the fixtures')

process.env.DATABASE_URL = databaseUrl

export const E2E_BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3901'
