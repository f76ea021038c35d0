// Runs in each worker before every test file (vitest.config.ts setupFiles).
import { failOnConsoleError } from './console'

// The server named by DATABASE_URL reaches the workers through inject('testDatabase'); the
// variable itself must not, or a file that forgot useTestDatabase() would quietly write to
// the shared database instead of failing with "DATABASE_URL is not set".
delete process.env.DATABASE_URL

failOnConsoleError()
