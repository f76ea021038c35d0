import { expect, test } from 'vitest'
import { EnvError, parseEnv } from '~/utils/env.server'

test('defaults give a working embedded setup', () => {
	const env = parseEnv({})
	expect(env).toMatchObject({ PORT: 3000, DATA_DIR: '.data', MIGRATE_ON_START: true, NODE_ENV: 'development' })
	expect(env.DATABASE_URL).toBeUndefined()
})

test('a wrong value stops with a message naming each bad variable', () => {
	let error: unknown
	try {
		parseEnv({ PORT: 'tám nghìn', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', SESSION_SECRET: 'short' })
	} catch (e) {
		error = e
	}
	expect(error).toBeInstanceOf(EnvError)
	const message = (error as Error).message
	for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'SESSION_SECRET']) expect(message).toContain(name)
	expect(message).toContain('Cấu hình không hợp lệ')
})

test('empty strings count as unset', () => {
	expect(parseEnv({ DATABASE_URL: '', SMTP_URL: '' }).DATABASE_URL).toBeUndefined()
})

test('booleans accept the usual spellings', () => {
	expect(parseEnv({ MIGRATE_ON_START: 'false', RATE_LIMIT_DISABLED: 'yes' })).toMatchObject({ MIGRATE_ON_START: false, RATE_LIMIT_DISABLED: true })
	expect(() => parseEnv({ MIGRATE_ON_START: 'perhaps' })).toThrow(/MIGRATE_ON_START/)
})
