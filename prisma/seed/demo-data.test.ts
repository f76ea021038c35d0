import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins, demoOrganisations, demoUsers, type DemoOrganisationType, type DemoUser } from './demo-data.ts'

const PROVINCES = [
	'Hà Nội',
	'Huế',
	'Hải Phòng',
	'Đà Nẵng',
	'TP. Hồ Chí Minh',
	'Cần Thơ',
	'An Giang',
	'Bắc Ninh',
	'Cà Mau',
	'Cao Bằng',
	'Đắk Lắk',
	'Điện Biên',
	'Đồng Nai',
	'Đồng Tháp',
	'Gia Lai',
	'Hà Tĩnh',
	'Hưng Yên',
	'Khánh Hòa',
	'Lai Châu',
	'Lâm Đồng',
	'Lạng Sơn',
	'Lào Cai',
	'Nghệ An',
	'Ninh Bình',
	'Phú Thọ',
	'Quảng Ngãi',
	'Quảng Ninh',
	'Quảng Trị',
	'Sơn La',
	'Tây Ninh',
	'Thái Nguyên',
	'Thanh Hóa',
	'Tuyên Quang',
	'Vĩnh Long',
]

// Level-2 codes of Decision 12/2008/QĐ-BKHCN that the demo data may use.
const FIELD_CODES = new Set(['101', '102', '103', '104', '105', '106', '201', '202', '203', '204', '205', '206', '207', '301', '302', '401', '402', '403', '404', '405'])

const orgByKey = new Map(demoOrganisations.map((o) => [o.key, o]))
const userByEmail = new Map(demoUsers.map((u) => [u.email, u]))

function activeMemberships(user: DemoUser) {
	return user.memberships.filter((m) => (m.status ?? 'ACTIVE') === 'ACTIVE')
}

function hasActiveRoleIn(user: DemoUser, type: DemoOrganisationType, role?: 'OWNER' | 'ADMIN' | 'MEMBER') {
	return activeMemberships(user).some((m) => orgByKey.get(m.organisation)?.type === type && (role === undefined || m.role === role))
}

/** Vietnamese tax code check digit: N10 = 10 - (Σ Ni × Wi mod 11). */
function taxCodeChecksumOk(code: string) {
	const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]
	const sum = weights.reduce((acc, w, i) => acc + w * Number(code[i]), 0)
	const check = 10 - (sum % 11)
	return check < 10 && check === Number(code[9])
}

/** Every string anywhere in a value, recursively. */
function allStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value]
	if (Array.isArray(value)) return value.flatMap(allStrings)
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings)
	return []
}

function duplicates(values: string[]) {
	return values.filter((v, i) => values.indexOf(v) !== i)
}

describe('demo organisations', () => {
	it('have unique keys, names and tax codes', () => {
		expect(duplicates(demoOrganisations.map((o) => o.key))).toEqual([])
		expect(duplicates(demoOrganisations.map((o) => o.name))).toEqual([])
		expect(duplicates(demoOrganisations.flatMap((o) => (o.taxCode ? [o.taxCode] : [])))).toEqual([])
	})

	it('have slug keys', () => {
		for (const o of demoOrganisations) expect(o.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	})

	it('are in one of the 34 current provinces', () => {
		for (const o of demoOrganisations) expect(PROVINCES, o.key).toContain(o.province)
	})

	it('have well-formed, checksum-valid tax codes', () => {
		for (const o of demoOrganisations) {
			if (o.taxCode === undefined) continue
			expect(o.taxCode, o.key).toMatch(/^\d{10}$/)
			expect(taxCodeChecksumOk(o.taxCode), o.key).toBe(true)
		}
	})

	it('use only reserved .example domains', () => {
		for (const o of demoOrganisations) {
			if (o.website) expect(new URL(o.website).hostname, o.key).toMatch(/\.example$/)
			if (o.email) expect(o.email, o.key).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+\.example$/)
		}
	})

	it('have Vietnamese-format phone numbers', () => {
		for (const o of demoOrganisations) if (o.phone) expect(o.phone.replace(/ /g, ''), o.key).toMatch(/^0\d{9,10}$/)
	})

	it('have non-empty descriptions and known level-2 field codes', () => {
		for (const o of demoOrganisations) {
			expect(o.description.length, o.key).toBeGreaterThan(80)
			expect(o.fields.length, o.key).toBeGreaterThan(0)
			for (const f of o.fields) expect(FIELD_CODES, `${o.key} ${f}`).toContain(f)
		}
	})

	it('form a varied market', () => {
		const count = (type: DemoOrganisationType) => demoOrganisations.filter((o) => o.type === type).length
		expect(count('RESEARCH_INSTITUTE')).toBeGreaterThanOrEqual(5)
		expect(count('UNIVERSITY')).toBeGreaterThanOrEqual(3)
		expect(count('ENTERPRISE')).toBeGreaterThanOrEqual(6)
		expect(count('BROKER_FIRM')).toBeGreaterThanOrEqual(2)
		expect(count('AGENCY')).toBe(1)
		expect(new Set(demoOrganisations.map((o) => o.province)).size).toBeGreaterThanOrEqual(12)
		const unverified = demoOrganisations.filter((o) => !o.verified).length
		expect(unverified).toBeGreaterThanOrEqual(2)
		expect(unverified).toBeLessThanOrEqual(3)
	})
})

describe('demo users', () => {
	it('have unique keys and emails', () => {
		expect(duplicates(demoUsers.map((u) => u.key))).toEqual([])
		expect(duplicates(demoUsers.map((u) => u.email))).toEqual([])
	})

	it('have lower-case .example emails', () => {
		for (const u of demoUsers) expect(u.email, u.key).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+\.example$/)
	})

	it('have memberships pointing to existing organisations, at most one per organisation', () => {
		for (const u of demoUsers) {
			for (const m of u.memberships) expect(orgByKey.has(m.organisation), `${u.key} -> ${m.organisation}`).toBe(true)
			expect(duplicates(u.memberships.map((m) => m.organisation)), u.key).toEqual([])
		}
	})

	it('give every organisation exactly one active owner', () => {
		for (const o of demoOrganisations) {
			const owners = demoUsers.filter((u) => activeMemberships(u).some((m) => m.organisation === o.key && m.role === 'OWNER'))
			expect(owners.length, o.key).toBe(1)
		}
	})

	it('cover the interesting cases', () => {
		expect(demoUsers.filter((u) => u.roles.includes('ADMIN') && u.roles.includes('OPERATOR'))).toHaveLength(1)
		expect(demoUsers.filter((u) => u.roles.includes('OPERATOR') && !u.roles.includes('ADMIN'))).toHaveLength(2)
		const brokers = demoUsers.filter((u) => u.roles.includes('BROKER'))
		expect(brokers).toHaveLength(2)
		for (const b of brokers) expect(hasActiveRoleIn(b, 'BROKER_FIRM'), b.key).toBe(true)
		for (const u of demoUsers.filter((u) => u.roles.includes('OPERATOR'))) expect(hasActiveRoleIn(u, 'AGENCY'), u.key).toBe(true)
		expect(demoUsers.some((u) => u.memberships.some((m) => m.status === 'PENDING'))).toBe(true)
		expect(demoUsers.some((u) => activeMemberships(u).length >= 2)).toBe(true)
		expect(demoUsers.filter((u) => u.locale === 'en').length).toBeGreaterThanOrEqual(2)
		for (const u of demoUsers) expect(u.roles, u.key).toContain('MEMBER')
	})
})

describe('demo text', () => {
	it('is all NFC', () => {
		const strings = allStrings([demoOrganisations, demoUsers, demoLogins, DEMO_PASSWORD])
		expect(strings.length).toBeGreaterThan(100)
		for (const s of strings) expect(s === s.normalize('NFC'), s).toBe(true)
	})
})

describe('demo logins', () => {
	it('use a password of at least 12 characters', () => {
		expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12)
	})

	const checks: Record<string, (u: DemoUser) => boolean> = {
		Administrator: (u) => u.roles.includes('ADMIN'),
		Operator: (u) => u.roles.includes('OPERATOR') && hasActiveRoleIn(u, 'AGENCY'),
		Broker: (u) => u.roles.includes('BROKER') && hasActiveRoleIn(u, 'BROKER_FIRM'),
		'Enterprise owner': (u) => hasActiveRoleIn(u, 'ENTERPRISE', 'OWNER'),
		'Research institute owner': (u) => hasActiveRoleIn(u, 'RESEARCH_INSTITUTE', 'OWNER'),
		'University member': (u) => hasActiveRoleIn(u, 'UNIVERSITY', 'MEMBER'),
	}

	it('cover every kind of user once', () => {
		expect(demoLogins.map((l) => l.role).sort()).toEqual(Object.keys(checks).sort())
	})

	it('point to existing users with the claimed role', () => {
		for (const login of demoLogins) {
			const user = userByEmail.get(login.email)
			expect(user, login.email).toBeDefined()
			const check = checks[login.role]
			expect(check, login.role).toBeDefined()
			if (user && check) expect(check(user), `${login.role}: ${login.email}`).toBe(true)
			expect(login.roleVi.length).toBeGreaterThan(0)
		}
	})
})
