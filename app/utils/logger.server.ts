import { pino } from 'pino'

/** One structured logger for the server; JSON lines in every environment. */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
	base: { app: 'cau-noi' },
	redact: {
		paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password', '*.passwordHash'],
		censor: '[redacted]',
	},
})
