// One HTTP POST of a delivery, bounded in time and in what is read back. node:http rather than
// fetch: its `lookup` hook lets the SSRF guard check the very addresses the socket connects to,
// and it never follows redirects.
import http from 'node:http'
import https from 'node:https'
import { BlockedAddressError, checkUrlSyntax, guardedLookup, type GuardPolicy } from './guard.server'

/** Bytes of the answer kept for the log. */
export const RESPONSE_EXCERPT_BYTES = 1024

export type SendOutcome = {
	statusCode: number | null
	durationMs: number
	/** A code the log translates, with a detail after ": " (timeout, network: ECONNREFUSED, blocked: 10.0.0.1, redirect: <location>, status). */
	error: string | null
	responseExcerpt: string | null
}

export type SendOptions = {
	timeoutMs: number
	policy: GuardPolicy
	/** Stops the request early (shutdown). */
	signal?: AbortSignal
}

function errorCode(error: unknown, timedOut: boolean): string {
	if (timedOut) return 'timeout'
	if (error instanceof BlockedAddressError) return `blocked: ${error.address}`
	const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : ''
	if (code === 'ABORT_ERR') return 'aborted'
	return `network: ${code || (error instanceof Error ? error.message : String(error))}`.slice(0, 300)
}

/** POSTs the body; resolves (never rejects) with what happened. A 2xx is the only success. */
export function sendWebhook(rawUrl: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendOutcome> {
	const started = performance.now()
	const elapsed = () => Math.round(performance.now() - started)
	const syntax = checkUrlSyntax(rawUrl, options.policy)
	if (!syntax.ok) return Promise.resolve({ statusCode: null, durationMs: 0, error: `refused: ${syntax.reason}`, responseExcerpt: null })
	// net.connect does not call `lookup` for an IP literal: checkUrlSyntax has refused blocked ones.
	const url = syntax.url

	return new Promise((resolve) => {
		const controller = new AbortController()
		let timedOut = false
		let settled = false
		const timer = setTimeout(() => {
			timedOut = true
			controller.abort()
		}, options.timeoutMs)
		const onOuterAbort = () => controller.abort()
		options.signal?.addEventListener('abort', onOuterAbort, { once: true })
		const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
			if (settled) return
			settled = true
			clearTimeout(timer)
			options.signal?.removeEventListener('abort', onOuterAbort)
			resolve({ ...outcome, durationMs: elapsed() })
		}

		const payload = Buffer.from(body, 'utf8')
		const request = (url.protocol === 'https:' ? https : http).request(url, {
			method: 'POST',
			headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(payload.byteLength) },
			lookup: guardedLookup(options.policy),
			// A fresh connection per attempt: nothing pooled outlives the timeout or skips the lookup.
			agent: false,
			signal: controller.signal,
		})
		request.on('error', (error) => finish({ statusCode: null, error: errorCode(error, timedOut), responseExcerpt: null }))
		request.on('response', (response) => {
			const statusCode = response.statusCode ?? null
			const chunks: Buffer[] = []
			let kept = 0
			const done = () => {
				const excerpt = chunks.length > 0 ? new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)).replace(/\uFFFD+$/, '') : null
				let error: string | null = null
				if (statusCode === null || statusCode < 200 || statusCode >= 300) {
					const location = response.headers.location
					error = statusCode !== null && statusCode >= 300 && statusCode < 400 ? `redirect: ${(location ?? '').slice(0, 300)}` : 'status'
				}
				finish({ statusCode, error, responseExcerpt: excerpt })
				response.destroy()
			}
			response.on('data', (chunk: Buffer) => {
				if (kept < RESPONSE_EXCERPT_BYTES) {
					const part = chunk.subarray(0, RESPONSE_EXCERPT_BYTES - kept)
					chunks.push(part)
					kept += part.byteLength
				}
				// Enough for the log: the rest of a large answer is not worth waiting for.
				if (kept >= RESPONSE_EXCERPT_BYTES) done()
			})
			response.on('end', done)
			response.on('error', (error) => {
				// The status arrived in time: an answer whose body is cut short (or outlasts the timeout) counts by its status.
				if (statusCode !== null && statusCode >= 200 && statusCode < 300) return done()
				finish({ statusCode, error: errorCode(error, timedOut), responseExcerpt: null })
			})
		})
		request.end(payload)
	})
}
