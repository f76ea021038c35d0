import { describe, expect, test } from 'vitest'
import { organisationIndex } from '~/imports/issues'
import { planExperts } from '~/models/expert.server'
import { parseTaskCode } from '~/models/task-result-schema'
import { planTaskResults } from '~/models/task-result.server'
import { resolveProvince } from '~/utils/provinces'
import { useTestDatabase } from '../../tests/db'
import { provinces } from '../reference/provinces'
import { scienceFields } from '../reference/science-fields'
import { demoOrganisations, demoUsers } from './demo-data'
import { DEMO_RESEARCH, generateResearch, readResearch } from './demo-research'
import { seedDemo } from './seed'

const research = generateResearch()
// The demo organisations as the import's lookup sees them, with their slugs as ids.
const demoIndex = organisationIndex(demoOrganisations.map((o) => ({ id: o.key, name: o.name, shortName: o.shortName ?? null, provinceCode: resolveProvince(o.province)!.code })))
const read = readResearch(research, demoIndex)
const fieldCodes = new Set(scienceFields.map((f) => f.code))
const currentNames = new Set(provinces.map((p) => p.nameVi))
const isFormer = (name: string) => !currentNames.has(name)

describe('generateResearch', () => {
	test('is deterministic: the same seed gives the same records, another seed others', () => {
		expect(generateResearch()).toEqual(research)
		const other = generateResearch({ seed: 'another' })
		expect(other.taskResults.map((t) => t.record.title)).not.toEqual(research.taskResults.map((t) => t.record.title))
	})

	test('gives about 300 task results and 120 experts, with unique keys', () => {
		expect(research.taskResults).toHaveLength(DEMO_RESEARCH.taskResults)
		expect(research.experts.length).toBeGreaterThanOrEqual(110)
		expect(research.experts.length).toBeLessThanOrEqual(140)
		const refs = research.taskResults.map((t) => t.ref)
		expect(new Set(refs).size).toBe(refs.length)
		expect(new Set(read.taskResults.map((r) => r.taskCodeKey)).size).toBe(read.taskResults.length)
		const expertKeys = read.experts.map((e) => e.email ?? e.identityKey)
		expect(new Set(expertKeys).size).toBe(expertKeys.length)
	})

	test('every record reads through the import readers without an issue', () => {
		// readResearch throws on the first refused record; check the values it read too.
		for (const row of read.taskResults) {
			expect(row.values.fieldCodes?.every((c) => fieldCodes.has(c))).toBe(true)
			expect(row.values.startYear).toBeGreaterThanOrEqual(2008)
			expect(row.values.endYear).toBeLessThanOrEqual(2025)
			expect(row.values.endYear! - row.values.startYear!).toBeGreaterThanOrEqual(0)
			expect(row.values.title!.length).toBeGreaterThan(10)
			expect(row.values.abstract!.length).toBeGreaterThan(100)
			expect(row.values.products!.length).toBeGreaterThanOrEqual(2)
			expect(row.values.principalInvestigator).not.toBe('')
		}
		for (const row of read.experts) {
			expect(row.values.fullName).toMatch(/^\p{Lu}\p{Ll}* /u)
			expect(row.values.publications!.length).toBeGreaterThanOrEqual(1)
			expect(row.values.publications!.length).toBeLessThanOrEqual(8)
			expect(row.values.fieldCodes!.every((c) => fieldCodes.has(c))).toBe(true)
			expect(row.values.bio!.length).toBeGreaterThan(40)
		}
	})

	test('covers the four levels, programme codes inside their period, and several fields', () => {
		const levels = new Set(read.taskResults.map((r) => r.values.level))
		expect([...levels].sort()).toEqual(['GRASSROOTS', 'MINISTERIAL', 'NATIONAL', 'PROVINCIAL'])
		const programmes = read.taskResults.filter((r) => parseTaskCode(r.values.taskCode!)?.kind === 'programme')
		expect(programmes.length).toBeGreaterThan(20)
		for (const r of programmes) {
			const code = parseTaskCode(r.values.taskCode!)
			if (code?.kind !== 'programme') continue
			expect(r.values.level).toBe('NATIONAL')
			expect(r.values.startYear).toBeGreaterThanOrEqual(code.periodStart)
			expect(r.values.startYear).toBeLessThanOrEqual(code.periodEnd)
		}
		expect(new Set(read.taskResults.flatMap((r) => r.values.fieldCodes!.map((c) => c.slice(0, 1)))).size).toBeGreaterThanOrEqual(4)
		expect(new Set(read.taskResults.flatMap((r) => r.values.fieldCodes!.map((c) => c.slice(0, 3)))).size).toBeGreaterThanOrEqual(15)
		expect(new Set(read.taskResults.map((r) => r.values.applicationStatus)).size).toBe(5)
		const unregistered = read.taskResults.filter((r) => !r.values.registrationNumber)
		expect(unregistered.length).toBeGreaterThan(10)
		expect(read.taskResults.filter((r) => r.values.registrationNumber).every((r) => /^\d{4}-\d{2}-\d{4}\/KQNC$/.test(r.values.registrationNumber!))).toBe(true)
	})

	test('hosts are often demo organisations (found by name) and often institutes not on the platform', () => {
		const linked = read.taskResults.filter((r) => r.hostOrganisationId)
		expect(linked.length).toBeGreaterThanOrEqual(100)
		expect(read.taskResults.length - linked.length).toBeGreaterThanOrEqual(100)
		// The generator's idea of the host and the import's lookup agree.
		research.taskResults.forEach((t, i) => expect(read.taskResults[i]!.hostOrganisationId ?? null).toBe(t.host))
	})

	test('writes many records with former province names, which map to the current units', () => {
		const former = research.taskResults.filter((t) => t.province && isFormer(t.province))
		expect(former.length).toBeGreaterThanOrEqual(60)
		for (const name of ['Bình Định', 'Hà Giang', 'Thừa Thiên Huế']) expect(former.some((t) => t.province === name)).toBe(true)
		research.taskResults.forEach((t, i) => {
			if (t.province) expect(read.taskResults[i]!.values.provinceCode).toBe(resolveProvince(t.province)!.code)
		})
		const binhDinh = research.taskResults.findIndex((t) => t.province === 'Bình Định')
		expect(read.taskResults[binhDinh]!.values.provinceCode).toBe('52') // into Gia Lai
	})

	test('each principal investigator is an expert who lists the task as its principal investigator', () => {
		const refsByRole = new Map<string, Set<string>>()
		for (const e of read.experts) for (const t of e.values.tasks ?? []) refsByRole.set(`${t.ref}|${t.role}`, new Set([...(refsByRole.get(`${t.ref}|${t.role}`) ?? []), e.values.fullName!]))
		research.taskResults.forEach((t, i) => {
			const pis = refsByRole.get(`${t.ref}|PRINCIPAL_INVESTIGATOR`)
			expect(pis?.size, t.ref).toBe(1)
			expect(read.taskResults[i]!.values.principalInvestigator).toContain([...pis!][0])
		})
		expect(read.experts.filter((e) => (e.values.tasks ?? []).some((t) => t.role === 'MEMBER')).length).toBeGreaterThan(60)
	})

	test('experts: demo accounts keep their e-mail, others have a lower-case .example address or none', () => {
		const emails = read.experts.map((e) => e.values.email).filter((e): e is string => Boolean(e))
		expect(emails.every((e) => e === e.toLowerCase() && e.endsWith('.example'))).toBe(true)
		expect(read.experts.filter((e) => !e.values.email).length).toBeGreaterThan(20)
		const demoEmails = new Set(demoUsers.map((u) => u.email))
		expect(research.experts.filter((e) => e.demoUser).every((e) => demoEmails.has(e.demoUser!))).toBe(true)
		expect(research.experts.some((e) => e.demoUser === 'loc.huynh@cnshphuongnam.example')).toBe(true)
		expect(new Set(read.experts.map((e) => e.values.academicTitle ?? null)).size).toBe(3) // professors, associate professors, neither
	})
})

describe('seedDemo with research', async () => {
	const { url, prisma } = await useTestDatabase()

	test('writes task results, experts and offer links; re-reading finds them unchanged; a second run adds nothing', async () => {
		const first = await seedDemo(url)
		expect(first.created).toMatchObject({ taskResults: DEMO_RESEARCH.taskResults, experts: research.experts.length, offerLinks: DEMO_RESEARCH.offerLinks })
		expect(await prisma.taskResult.count({ where: { source: 'SEED' } })).toBe(DEMO_RESEARCH.taskResults)
		expect(await prisma.expert.count({ where: { source: 'SEED' } })).toBe(research.experts.length)

		// One principal investigator per task result, recorded as expert participation.
		const pis = await prisma.expertTask.groupBy({ by: ['taskResultId'], where: { role: 'PRINCIPAL_INVESTIGATOR' }, _count: true })
		expect(pis).toHaveLength(DEMO_RESEARCH.taskResults)
		expect(pis.every((p) => p._count === 1)).toBe(true)
		expect(await prisma.expertPublication.count()).toBe(read.experts.reduce((n, e) => n + e.values.publications!.length, 0))

		// Demo hosts are linked, former provinces mapped.
		const hosted = await prisma.taskResult.count({ where: { hostOrganisationId: { not: null } } })
		expect(hosted).toBe(research.taskResults.filter((t) => t.host).length)
		const hostNames = research.taskResults.filter((t) => t.province === 'Hà Giang')
		expect(hostNames.length).toBeGreaterThan(0)
		for (const t of hostNames) {
			const stored = await prisma.taskResult.findFirst({ where: { taskCode: String(t.record.taskCode) }, select: { provinceCode: true } })
			expect(stored?.provinceCode).toBe('08') // into Tuyên Quang
		}
		expect(await prisma.taskResult.count({ where: { provinceCode: null } })).toBeLessThan(40)

		// Links: to a published offer of the host, in a shared field, by a member of it or by nobody.
		const links = await prisma.offerTaskResult.findMany({
			select: {
				linkedById: true,
				offer: { select: { organisationId: true, status: true, fieldPaths: true } },
				taskResult: { select: { hostOrganisationId: true, fieldPaths: true } },
			},
		})
		expect(links).toHaveLength(DEMO_RESEARCH.offerLinks)
		for (const link of links) {
			expect(link.offer.status).toBe('PUBLISHED')
			expect(link.offer.organisationId).toBe(link.taskResult.hostOrganisationId)
			expect(link.offer.fieldPaths.some((p) => p.length >= 3 && link.taskResult.fieldPaths.includes(p))).toBe(true)
			if (link.linkedById) {
				const member = await prisma.membership.findFirst({ where: { userId: link.linkedById, organisationId: link.offer.organisationId, status: 'ACTIVE' } })
				expect(member).not.toBeNull()
			}
		}
		expect(links.some((l) => l.linkedById === null)).toBe(true)
		expect(links.some((l) => l.linkedById !== null)).toBe(true)

		// Many results back no offer, among them some of demo organisations: the matching issue surfaces them.
		expect(await prisma.taskResult.count({ where: { offers: { none: {} } } })).toBeGreaterThanOrEqual(100)
		expect(await prisma.taskResult.count({ where: { offers: { none: {} }, hostOrganisationId: { not: null } } })).toBeGreaterThanOrEqual(30)

		// The stored records are what the readers read: planning them again changes nothing.
		const organisations = organisationIndex(await prisma.organisation.findMany({ select: { id: true, name: true, shortName: true, provinceCode: true } }))
		const again = readResearch(research, organisations)
		const taskPlans = await prisma.$transaction((tx) => planTaskResults(tx, again.taskResults))
		expect(taskPlans.filter((p) => p.action !== 'UNCHANGED').map((p) => [p.row.key, p.changes])).toEqual([])
		const expertPlans = await prisma.$transaction((tx) => planExperts(tx, again.experts))
		expect(expertPlans.filter((p) => p.action !== 'UNCHANGED').map((p) => [p.row.key, p.changes])).toEqual([])

		const counts = async () => [await prisma.taskResult.count(), await prisma.expert.count(), await prisma.expertTask.count(), await prisma.expertPublication.count(), await prisma.offerTaskResult.count()]
		const before = await counts()
		const second = await seedDemo(url)
		expect(second.created).toMatchObject({ taskResults: 0, experts: 0, offerLinks: 0 })
		expect(await counts()).toEqual(before)
	})
})
