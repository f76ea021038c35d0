import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible'
import { data } from 'react-router'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

type Limiter = { points: number; duration: number; blockDuration?: number }

// Budgets per key; counters live in Postgres so every node shares them.
export const LIMITS = {
	loginIp: { points: 30, duration: 15 * 60, blockDuration: 15 * 60 },
	loginAccount: { points: 8, duration: 15 * 60, blockDuration: 15 * 60 },
	registerIp: { points: 10, duration: 60 * 60 },
	passwordResetIp: { points: 10, duration: 60 * 60 },
	passwordResetAccount: { points: 3, duration: 60 * 60 },
	writeUser: { points: 120, duration: 60 },
	viewIp: { points: 60, duration: 60 },
	// An export streams up to 50,000 rows from the database: a few a minute is plenty for a person.
	exportIp: { points: 20, duration: 60 },
	// Search and suggestions from one address (suggestions come per keystroke, debounced).
	searchIp: { points: 300, duration: 60 },
	// The change feed without an API key: a page loads up to 500 resources; mirrors use a key.
	changesIp: { points: 120, duration: 60 },
	// The public lists and records of the API (offers, demands, task results, experts): callers without
	// credentials share one budget per address; an organisation's API key has its own, fifty times larger.
	publicReadIp: { points: 120, duration: 60 },
	publicReadKey: { points: 6000, duration: 60 },
	// Each claim of an expert profile mails a stranger's address: few per user.
	expertClaimUser: { points: 5, duration: 60 * 60 },
	// Chat: a person typing fast sends a few lines a minute; a script sending more is refused.
	chatMessageUser: { points: 60, duration: 60 },
	// New direct conversations: opening one is cheap for the opener and a notification for the other.
	chatRoomUser: { points: 30, duration: 24 * 60 * 60 },
} satisfies Record<string, Limiter>

export type LimitName = keyof typeof LIMITS

type Counter = { points: number; expire: Date | null }

/**
 * The Prisma store with its counter write as one statement, committed without waiting for the disk.
 * The library's own write is a delete of an expired row followed by a Prisma upsert (a transaction
 * of its own): four to six round trips and a wait for the disk on every limited request, which
 * bench/chat.ts measured as most of a chat line's ack time.
 */
class OneStatementPrismaLimiter extends RateLimiterPrisma {
	// The library's internal store hook; the other hooks (get, delete) stay as they are.
	_upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Counter> {
		const seconds = msDuration > 0 ? msDuration / 1000 : null
		// The column is `timestamp without time zone` holding UTC, as Prisma writes it.
		const upsert = forceExpire
			? prisma.$queryRaw<Counter[]>`
				INSERT INTO "RateLimit" (key, points, expire)
				VALUES (${key}, ${points}, (now() AT TIME ZONE 'UTC') + make_interval(secs => ${seconds}::float8))
				ON CONFLICT (key) DO UPDATE SET points = EXCLUDED.points, expire = EXCLUDED.expire
				RETURNING points, expire`
			: prisma.$queryRaw<Counter[]>`
				INSERT INTO "RateLimit" AS r (key, points, expire)
				VALUES (${key}, ${points}, (now() AT TIME ZONE 'UTC') + make_interval(secs => ${seconds}::float8))
				ON CONFLICT (key) DO UPDATE SET
					points = CASE WHEN r.expire <= (now() AT TIME ZONE 'UTC') THEN EXCLUDED.points ELSE r.points + EXCLUDED.points END,
					expire = CASE WHEN r.expire <= (now() AT TIME ZONE 'UTC') THEN EXCLUDED.expire ELSE r.expire END
				RETURNING points, expire`
		// A counter lost in a crash costs nothing, so its commit does not wait for the disk: waiting
		// for a second fsync per chat line doubled the ack's tail (bench/chat.ts).
		return prisma.$transaction([prisma.$executeRaw`SET LOCAL synchronous_commit = off`, upsert]).then(([, found]) => found[0]!)
	}
}

const limiters = new Map<LimitName, RateLimiterPrisma>()

function limiter(name: LimitName) {
	let found = limiters.get(name)
	if (!found) {
		found = new OneStatementPrismaLimiter({
			storeClient: prisma,
			tableName: 'rateLimit',
			keyPrefix: name,
			clearExpiredByTimeout: false,
			...LIMITS[name],
		})
		limiters.set(name, found)
	}
	return found
}

/** Thrown when a budget is spent: a translated 429 with Retry-After. */
export function tooManyRequests(retryAfterSeconds: number) {
	return data(
		{ message: 'errors.tooManyRequests', retryAfter: retryAfterSeconds },
		{ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
	)
}

/** Spends one point of a budget; throws a 429 response when it is exhausted. */
export async function consume(name: LimitName, key: string, points = 1) {
	if (getEnv().RATE_LIMIT_DISABLED) return
	try {
		await limiter(name).consume(key, points)
	} catch (error) {
		if (error instanceof RateLimiterRes) throw tooManyRequests(Math.max(1, Math.ceil(error.msBeforeNext / 1000)))
		throw error
	}
}

/** Whether a budget is already spent, without spending it (to refuse before doing costly work). */
export async function isLimited(name: LimitName, key: string) {
	if (getEnv().RATE_LIMIT_DISABLED) return null
	const res = await limiter(name).get(key)
	if (res && res.consumedPoints >= LIMITS[name].points) return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
	return null
}

export async function reset(name: LimitName, key: string) {
	await limiter(name).delete(key)
}

/** Spends one point; returns the seconds to wait when the budget is exhausted, else null. For form actions that answer with a message. */
export async function hit(name: LimitName, key: string): Promise<number | null> {
	try {
		await consume(name, key)
		return null
	} catch (error) {
		if (error instanceof Response || (error && typeof error === 'object' && 'init' in error)) {
			const init = (error as { init?: { headers?: Record<string, string> } }).init
			return Number(init?.headers?.['Retry-After'] ?? 60)
		}
		throw error
	}
}
