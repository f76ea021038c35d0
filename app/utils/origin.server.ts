import type { NextFunction, Request, Response } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests sent by another site (CSRF): the Origin header, when present,
 * must be this server's own origin or APP_URL; without it, Sec-Fetch-Site must not say cross-site;
 * with `Origin: null`, Sec-Fetch-Site must say same-origin.
 * Requests with neither header come from non-browser clients, which carry no ambient cookies.
 */
export function crossOriginGuard({ appUrl }: { appUrl?: string }) {
	const allowed = appUrl ? new URL(appUrl).origin : null
	return (req: Request, res: Response, next: NextFunction) => {
		if (SAFE_METHODS.has(req.method)) return next()
		const origin = req.get('origin')
		const fetchSite = req.get('sec-fetch-site')
		const own = `${req.protocol}://${req.get('host')}`
		// Browsers send `Origin: null` for privacy-sensitive contexts; then only Sec-Fetch-Site can vouch.
		const ok = origin && origin !== 'null' ? origin === own || origin === allowed : origin === 'null' ? fetchSite === 'same-origin' : fetchSite !== 'cross-site'
		if (ok) return next()
		const wantsJson = req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json'
		const message = {
			vi: 'Yêu cầu từ trang web khác bị từ chối.',
			en: 'Requests from other websites are refused.',
		}
		res.status(403)
		if (wantsJson) {
			res.json({ error: { code: 'cross_origin', message: `${message.vi} / ${message.en}` } })
		} else {
			res.type('text/plain; charset=utf-8').send(`${message.vi}\n${message.en}\n`)
		}
	}
}
