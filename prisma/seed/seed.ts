/**
 * Demo seed: the organisations and people of prisma/seed/demo-data.ts. Idempotent: what exists
 * (matched by slug and e-mail) is left alone, so running it twice changes nothing.
 */
import { createPrismaClient } from '../../app/utils/db.server.ts'
import { hashPassword } from '../../app/utils/password.server.ts'
import { resolveProvince } from '../../app/utils/provinces.ts'
import { DEMO_PASSWORD, demoLogins, demoOrganisations, demoUsers } from './demo-data.ts'

export type SeedResult = { created: { organisations: number; users: number }; logins: typeof demoLogins; password: string }

export async function seedDemo(databaseUrl: string): Promise<SeedResult> {
	const prisma = createPrismaClient(databaseUrl, { max: 2 })
	try {
		const passwordHash = await hashPassword(DEMO_PASSWORD)
		const created = { organisations: 0, users: 0 }
		await prisma.$transaction(
			async (tx) => {
				const orgIds = new Map<string, string>()
				for (const org of demoOrganisations) {
					const province = resolveProvince(org.province)
					if (!province) throw new Error(`demo organisation ${org.key}: unknown province ${org.province}`)
					const existing = await tx.organisation.findUnique({ where: { slug: org.key }, select: { id: true } })
					if (existing) {
						orgIds.set(org.key, existing.id)
						continue
					}
					const row = await tx.organisation.create({
						data: {
							slug: org.key,
							name: org.name,
							shortName: org.shortName ?? null,
							type: org.type,
							taxCode: org.taxCode ?? null,
							provinceCode: province.code,
							address: org.address,
							website: org.website ?? null,
							email: org.email ?? null,
							phone: org.phone ?? null,
							description: org.description,
							verifiedAt: org.verified ? new Date() : null,
						},
						select: { id: true },
					})
					orgIds.set(org.key, row.id)
					created.organisations++
				}
				for (const user of demoUsers) {
					const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } })
					if (existing) continue
					const row = await tx.user.create({
						data: {
							email: user.email,
							name: user.title ? `${user.title} ${user.name}` : user.name,
							passwordHash,
							locale: user.locale,
							roles: Array.from(new Set(['MEMBER', ...user.roles])) as Array<'MEMBER' | 'BROKER' | 'OPERATOR' | 'ADMIN'>,
						},
						select: { id: true },
					})
					created.users++
					for (const membership of user.memberships) {
						const organisationId = orgIds.get(membership.organisation)
						if (!organisationId) throw new Error(`demo user ${user.key}: unknown organisation ${membership.organisation}`)
						await tx.membership.create({
							data: { userId: row.id, organisationId, role: membership.role, status: membership.status ?? 'ACTIVE' },
						})
					}
				}
				await tx.auditLog.create({
					data: { action: 'seed.demo', entityType: 'Seed', data: created },
				})
			},
			{ timeout: 60_000 },
		)
		return { created, logins: demoLogins, password: DEMO_PASSWORD }
	} finally {
		await prisma.$disconnect()
	}
}
