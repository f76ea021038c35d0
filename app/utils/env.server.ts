import { z } from 'zod'

const booleanString = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((v) => v === 'true' || v === '1' || v === 'yes')

/** Every environment variable the server reads; README's configuration table mirrors this. */
export const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	APP_URL: z.url().optional(),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).optional(),
	DATA_DIR: z.string().min(1).default('.data'),
	SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
	SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 24 * 7),
	SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Cầu Nối <no-reply@caunoi.local>'),
	MIGRATE_ON_START: booleanString.default(true),
	SEED_ON_START: booleanString.optional(),
	TRUST_PROXY: booleanString.default(false),
	COOKIE_SECURE: booleanString.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	RATE_LIMIT_DISABLED: booleanString.default(false),
	// Deals and payments. The platform's own account receives bank transfers (VietQR); unset outside
	// production, a labelled demo account is used so the flow can be tried.
	PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5000).default(200),
	BANK_BIN: z.string().regex(/^\d{6}$/, 'must be the 6-digit NAPAS bank BIN, e.g. 970436').optional(),
	BANK_ACCOUNT: z.string().regex(/^[0-9A-Za-z]{1,19}$/, 'must be an account number of at most 19 letters or digits').optional(),
	BANK_ACCOUNT_NAME: z.string().min(1).max(100).optional(),
	PLATFORM_LEGAL_NAME: z.string().min(1).default('Cầu Nối (demo)'),
	PLATFORM_TAX_CODE: z.string().optional(),
	PLATFORM_ADDRESS: z.string().optional(),
	STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
	STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, 'must be a webhook signing secret (whsec_…)').optional(),
	// Tests point the SDK at a local recorder; never set in production.
	STRIPE_API_HOST: z.string().optional(),
	// Webhooks to http://localhost and loopback addresses (local development; always on in tests). Never in production.
	WEBHOOKS_ALLOW_LOOPBACK: booleanString.default(false),
})

export type Env = z.infer<typeof EnvSchema>

/** Thrown with one line per bad variable, naming it, so a wrong value stops the server clearly. */
export class EnvError extends Error {
	override name = 'EnvError'
}

export function parseEnv(source: Record<string, string | undefined>): Env {
	// Empty strings from .env files mean "not set", not "set to empty".
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
	const result = EnvSchema.safeParse(cleaned)
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
		throw new EnvError(`Invalid configuration / Cấu hình không hợp lệ:\n${lines.join('\n')}`)
	}
	return result.data
}

let cached: Env | undefined

/** The validated environment, parsed once. */
export function getEnv(): Env {
	cached ??= parseEnv(process.env)
	return cached
}

/** Resets the cache; tests change process.env between cases. */
export function resetEnvCache() {
	cached = undefined
}

/** What the browser may see. Nothing secret belongs here. */
export function getPublicEnv() {
	const env = getEnv()
	return { NODE_ENV: env.NODE_ENV, APP_URL: env.APP_URL ?? null }
}

/** Secure cookies when asked, else whenever the public URL is https. */
export function cookieSecure() {
	const env = getEnv()
	return env.COOKIE_SECURE ?? Boolean(env.APP_URL?.startsWith('https://'))
}
