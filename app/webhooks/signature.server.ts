// The signature scheme (README "Webhooks", docs/decisions/014-webhooks.md):
//
//   Cau-Noi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>
//
// During the 24 hours after a rotation a second v1 is added, made with the previous secret, so a
// receiver still holding the old secret keeps verifying while it switches.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { randomToken } from '~/utils/crypto.server'

export const SECRET_PREFIX = 'whsec_'
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000
/** What receivers are told to accept: a signature at most this old (replays of older ones are refused). */
export const SIGNATURE_TOLERANCE_SECONDS = 300

export function newWebhookSecret() {
	return `${SECRET_PREFIX}${randomToken(32)}`
}

export function hmacHex(secret: string, timestamp: number, body: string) {
	return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')
}

/** The signature header's value for a body sent at `timestamp` (unix seconds), one v1 per secret. */
export function signatureHeader(body: string, timestamp: number, secrets: readonly string[]) {
	return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${hmacHex(secret, timestamp, body)}`)].join(',')
}

/** The secrets that sign at `now`: the current one, and the previous one while its overlap lasts. */
export function signingSecrets(subscription: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null }, now: Date) {
	const secrets = [subscription.secret]
	if (subscription.previousSecret && subscription.previousSecretExpiresAt && subscription.previousSecretExpiresAt > now) secrets.push(subscription.previousSecret)
	return secrets
}

/**
 * Checks a signature header as a receiver would (the README's example does the same): some v1
 * matches the body with the secret and t is within the tolerance of `now`.
 */
export function verifySignature(header: string, body: string, secret: string, now = Date.now(), toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS) {
	const parts = header.split(',').map((part) => part.trim().split('='))
	const t = Number(parts.find(([k]) => k === 't')?.[1])
	if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false
	const expected = Buffer.from(hmacHex(secret, t, body), 'hex')
	return parts.some(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v) && timingSafeEqual(Buffer.from(v, 'hex'), expected))
}
