import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { crossOriginGuard } from '~/utils/origin.server'

let base = ''
let close: () => void = () => {}

beforeAll(async () => {
	const app = express()
	app.use(crossOriginGuard({ appUrl: 'https://caunoi.example' }))
	app.all('/{*rest}', (_req, res) => {
		res.send('ok')
	})
	const server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	close = () => server.close()
})
afterAll(() => close())

const post = (path: string, headers: Record<string, string>) => fetch(`${base}${path}`, { method: 'POST', headers, body: 'a=1' })

test('a POST from another site is refused with a bilingual 403', async () => {
	const res = await post('/login', { Origin: 'https://evil.example' })
	expect(res.status).toBe(403)
	const text = await res.text()
	expect(text).toContain('Yêu cầu từ trang web khác bị từ chối')
	expect(text).toContain('Requests from other websites are refused')
})

test('API paths get the refusal as JSON', async () => {
	const res = await post('/api/v1/organisations', { Origin: 'https://evil.example' })
	expect(res.status).toBe(403)
	expect(await res.json()).toMatchObject({ error: { code: 'cross_origin' } })
})

test('same-origin and APP_URL origins pass; so do clients that send no Origin', async () => {
	expect((await post('/login', { Origin: base })).status).toBe(200)
	expect((await post('/login', { Origin: 'https://caunoi.example' })).status).toBe(200)
	expect((await post('/login', {})).status).toBe(200)
})

test('without Origin, Sec-Fetch-Site: cross-site is refused', async () => {
	expect((await post('/logout', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
	expect((await post('/logout', { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
})

test('GET is never blocked, so links from other sites still work', async () => {
	expect((await fetch(`${base}/organisations`, { headers: { Origin: 'https://evil.example' } })).status).toBe(200)
})

test('Origin: null passes only when the browser vouches the request is same-origin', async () => {
	expect((await post('/login', { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
	expect((await post('/login', { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
	expect((await post('/login', { Origin: 'null' })).status).toBe(403)
})
