// The SSRF guard: a webhook URL is an address our server will POST to on someone's behalf, so it
// must not reach anything inside our network. Only https (http and loopback only in tests or with
// WEBHOOKS_ALLOW_LOOPBACK), no credentials in the URL, and every address the host resolves to must
// be public: checked when the URL is saved and again when connecting (the lookup hook below), so
// a name that later resolves to 10.0.0.1 (DNS rebinding) is refused at send time. Redirects are
// never followed (node:http does not), so a public endpoint cannot bounce us inward either.
import dns from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { getEnv } from '~/utils/env.server'

export type GuardPolicy = {
	/** http:// and loopback addresses (127.0.0.0/8, ::1) allowed: tests and local development only. */
	allowLoopback: boolean
}

/** Loopback allowed in tests and when WEBHOOKS_ALLOW_LOOPBACK is set; never otherwise. */
export function defaultGuardPolicy(): GuardPolicy {
	const env = getEnv()
	return { allowLoopback: env.NODE_ENV === 'test' || env.WEBHOOKS_ALLOW_LOOPBACK }
}

// Everything that is not the public internet (IANA special-purpose registries). IPv4-mapped IPv6
// addresses (::ffff:10.0.0.1) are checked against the IPv4 rules by BlockList itself.
const PRIVATE = new BlockList()
for (const [network, prefix] of [
	['0.0.0.0', 8], // "this network"
	['10.0.0.0', 8],
	['100.64.0.0', 10], // carrier-grade NAT
	['127.0.0.0', 8],
	['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.88.99.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4], // multicast
	['240.0.0.0', 4], // reserved, broadcast
] as const) {
	PRIVATE.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
	['::', 96], // unspecified, loopback, IPv4-compatible
	['64:ff9b::', 96], // NAT64: would reach any IPv4 address
	['64:ff9b:1::', 48],
	['100::', 64], // discard
	['2001::', 23], // IETF protocol assignments (Teredo, ...)
	['2001:db8::', 32], // documentation
	['2002::', 16], // 6to4: embeds an IPv4 address
	['fc00::', 7], // unique local (fd00:ec2::254 is a cloud metadata address)
	['fe80::', 10], // link-local
	['fec0::', 10], // site-local (deprecated)
	['ff00::', 8], // multicast
] as const) {
	PRIVATE.addSubnet(network, prefix, 'ipv6')
}

const LOOPBACK = new BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')

function family(address: string): 'ipv4' | 'ipv6' | null {
	const version = isIP(address)
	return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null
}

/** Whether the guard refuses to connect to this IP address under the policy. */
export function isBlockedAddress(address: string, policy: GuardPolicy): boolean {
	const type = family(address)
	if (!type) return true
	if (policy.allowLoopback && LOOPBACK.check(address, type)) return false
	return PRIVATE.check(address, type)
}

export type UrlRefusal = 'invalid' | 'scheme' | 'credentials' | 'unresolvable' | 'private'

export class BlockedAddressError extends Error {
	readonly code = 'blocked'
	constructor(readonly address: string) {
		super(`blocked address ${address}`)
		this.name = 'BlockedAddressError'
	}
}

/** Parses and checks a URL without the network: scheme, credentials, IP literals. */
export function checkUrlSyntax(raw: string, policy: GuardPolicy): { ok: true; url: URL } | { ok: false; reason: UrlRefusal } {
	let url: URL
	try {
		url = new URL(raw.trim())
	} catch {
		return { ok: false, reason: 'invalid' }
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowLoopback)) return { ok: false, reason: 'scheme' }
	if (url.username || url.password) return { ok: false, reason: 'credentials' }
	if (!url.hostname) return { ok: false, reason: 'invalid' }
	const literal = hostAddress(url)
	if (literal && isBlockedAddress(literal, policy)) return { ok: false, reason: 'private' }
	// http is for a local receiver only, even where allowed.
	if (url.protocol === 'http:' && !isLoopbackHost(url)) return { ok: false, reason: 'scheme' }
	return { ok: true, url }
}

function isLoopbackHost(url: URL) {
	const literal = hostAddress(url)
	if (literal) {
		const type = family(literal)
		return type !== null && LOOPBACK.check(literal, type)
	}
	return url.hostname === 'localhost' || url.hostname.endsWith('.localhost')
}

/** The host of the URL when it is an IP literal ([::1] without brackets), else null. */
function hostAddress(url: URL) {
	const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
	return family(host) ? host : null
}

/** Every address the name resolves to (A and AAAA). */
async function resolveAll(hostname: string) {
	return dns.promises.lookup(hostname, { all: true, verbatim: true })
}

/** The syntax checks, then every resolved address must be public. Used when a URL is saved. */
export async function checkWebhookUrl(raw: string, policy: GuardPolicy = defaultGuardPolicy()): Promise<{ ok: true; url: URL } | { ok: false; reason: UrlRefusal }> {
	const syntax = checkUrlSyntax(raw, policy)
	if (!syntax.ok || hostAddress(syntax.url)) return syntax
	let addresses: Array<{ address: string }>
	try {
		addresses = await resolveAll(syntax.url.hostname)
	} catch {
		return { ok: false, reason: 'unresolvable' }
	}
	if (addresses.length === 0) return { ok: false, reason: 'unresolvable' }
	if (addresses.some(({ address }) => isBlockedAddress(address, policy))) return { ok: false, reason: 'private' }
	return syntax
}

/**
 * A `lookup` for http.request that resolves as usual and refuses when any address is blocked,
 * so the connection goes only to an address that was checked (no second resolution to race).
 */
export function guardedLookup(policy: GuardPolicy): LookupFunction {
	return (hostname, options, callback) => {
		dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
			if (error) return callback(error, '', 0)
			const list = addresses as dns.LookupAddress[]
			const blocked = list.find(({ address }) => isBlockedAddress(address, policy))
			if (blocked) return callback(new BlockedAddressError(blocked.address) as NodeJS.ErrnoException, '', 0)
			if (list.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0)
			if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
			callback(null, list[0]!.address, list[0]!.family)
		})
	}
}
