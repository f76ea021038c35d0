// Runs before every test file (vitest.config.ts setupFiles).
import { failOnConsoleError } from './console'

failOnConsoleError()
