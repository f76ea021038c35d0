// The SSRF guard: which addresses a webhook may reach, checked when a URL is saved and again when
// the relay connects (a name resolving inward, a redirect inward), with a real receiver.
import { afterEach, describe, expect, test } from 'vitest'
import { checkWebhookUrl, isBlockedAddress } from './guard.server'
import { sendWebhook } from './send.server'
import { startReceiver, type Receiver } from './test-receiver.server'

const strict = { allowLoopback: false }
const tests = { allowLoopback: true }

const receivers: Receiver[] = []
afterEach(async () => {
	await Promise.all(receivers.splice(0).map((r) => r.close()))
})

describe('addresses', () => {
	test.each([
		'10.0.0.1',
		'10.255.255.255',
		'172.16.0.1',
		'172.31.255.254',
		'192.168.1.1',
		'127.0.0.1',
		'127.3.4.5',
		'0.0.0.0',
		'169.254.169.254', // cloud metadata
		'169.254.1.1',
		'100.64.0.1', // carrier-grade NAT
		'100.127.255.254',
		'198.18.0.1',
		'224.0.0.1',
		'255.255.255.255',
		'::',
		'::1',
		'fe80::1',
		'fc00::1',
		'fd00:ec2::254', // cloud metadata over IPv6
		'::ffff:10.0.0.1',
		'::ffff:127.0.0.1',
		'::ffff:169.254.169.254',
		'64:ff9b::a00:1',
		'2002:a00:1::1',
		'ff02::1',
		'not-an-address',
	])('%s is refused', (address) => {
		expect(isBlockedAddress(address, strict)).toBe(true)
	})

	test.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '203.162.4.190', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s is allowed', (address) => {
		expect(isBlockedAddress(address, strict)).toBe(false)
	})

	test('the test policy allows loopback and nothing else private', () => {
		expect(isBlockedAddress('127.0.0.1', tests)).toBe(false)
		expect(isBlockedAddress('::1', tests)).toBe(false)
		for (const address of ['10.0.0.1', '169.254.169.254', '192.168.0.1', 'fd00::1']) expect(isBlockedAddress(address, tests)).toBe(true)
	})
})

describe('URLs when saved', () => {
	test.each([
		['http://example.com/hook', 'scheme'],
		['ftp://example.com/hook', 'scheme'],
		['https://user:secret@example.com/hook', 'credentials'],
		['https://10.0.0.1/hook', 'private'],
		['https://[::1]/hook', 'private'],
		['https://[fd00:ec2::254]/latest', 'private'],
		['https://169.254.169.254/latest/meta-data/', 'private'],
		['https://0x7f000001/hook', 'private'], // 127.0.0.1 written in hex: the URL parser normalises it
		['https://2130706433/hook', 'private'], // and in decimal
		['https://localhost/hook', 'private'], // resolves to 127.0.0.1
		['https://nonexistent.invalid/hook', 'unresolvable'],
		['not a url', 'invalid'],
	])('%s is refused (%s)', async (url, reason) => {
		expect(await checkWebhookUrl(url, strict)).toEqual({ ok: false, reason })
	})

	test('tests may use http to a loopback receiver, not to anything else', async () => {
		expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', tests)).toMatchObject({ ok: true })
		expect(await checkWebhookUrl('http://localhost:8080/hook', tests)).toMatchObject({ ok: true })
		expect(await checkWebhookUrl('http://10.0.0.1/hook', tests)).toEqual({ ok: false, reason: 'private' })
		expect(await checkWebhookUrl('https://192.168.1.10/hook', tests)).toEqual({ ok: false, reason: 'private' })
	})

	test('a public https address passes', async () => {
		expect(await checkWebhookUrl('https://203.162.4.190/hooks/cau-noi', strict)).toMatchObject({ ok: true })
	})
})

describe('at send time', () => {
	test('a name that resolves to a private address is refused when connecting, and nothing reaches it', async () => {
		const receiver = await startReceiver()
		receivers.push(receiver)
		const port = new URL(receiver.url()).port
		// https://localhost passes the syntax check (a name, not an IP literal); the lookup hook refuses it.
		const outcome = await sendWebhook(`https://localhost:${port}/hook`, '{}', {}, { timeoutMs: 2_000, policy: strict })
		expect(outcome).toMatchObject({ statusCode: null, error: 'blocked: 127.0.0.1' })
		const plain = await sendWebhook(receiver.url(), '{}', {}, { timeoutMs: 2_000, policy: strict })
		expect(plain).toMatchObject({ statusCode: null, error: 'refused: scheme' })
		expect(receiver.requests).toHaveLength(0)
	})

	test('a redirect is not followed', async () => {
		const inside = await startReceiver()
		const outside = await startReceiver(() => ({ status: 307, headers: { Location: inside.url('/admin') } }))
		receivers.push(inside, outside)
		const outcome = await sendWebhook(outside.url(), '{"id":1}', {}, { timeoutMs: 2_000, policy: tests })
		expect(outcome).toMatchObject({ statusCode: 307, error: `redirect: ${inside.url('/admin')}` })
		expect(outside.requests).toHaveLength(1)
		expect(inside.requests).toHaveLength(0)
	})

	test('a receiver that does not answer in time is cut off; a large answer is read only to 1 KB', async () => {
		const hanging = await startReceiver(() => 'hang')
		const chatty = await startReceiver(() => ({ status: 200, body: 'ư'.repeat(100_000) }))
		receivers.push(hanging, chatty)
		expect(await sendWebhook(hanging.url(), '{}', {}, { timeoutMs: 300, policy: tests })).toMatchObject({ statusCode: null, error: 'timeout' })
		const big = await sendWebhook(chatty.url(), '{}', {}, { timeoutMs: 2_000, policy: tests })
		expect(big).toMatchObject({ statusCode: 200, error: null })
		expect(Buffer.byteLength(big.responseExcerpt!, 'utf8')).toBeLessThanOrEqual(1024)
		expect(big.responseExcerpt).toMatch(/^ư+$/)
	})
})
