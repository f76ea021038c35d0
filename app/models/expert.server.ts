/**
 * Experts: the one module that writes them, their publications and task participation. Imports and
 * the API plan rows first (`planExperts`) and write them in the caller's transaction
 * (`applyExpertPlans`). A claimed profile belongs to its expert: imports leave what the expert
 * maintains (everything in CLAIMANT_FIELDS and the publications they added) alone.
 */
import type { Prisma } from '~/generated/prisma/client'
import type { ExpertRow } from '~/imports/expert-row'
import type { RowIssue } from '~/imports/issues'
import { fieldPaths } from '~/models/listing.server'
import { identityKey, type Publication, type TaskReference } from '~/models/expert-schema'
import { codeKey } from '~/models/task-result-schema'
import { comparable, countPlans, type Plan, type WriteMeta } from '~/models/task-result.server'
import type { Tx } from '~/utils/transaction.server'
import { recordAudit } from '~/models/audit.server'
import type { ExpertProfileInput } from '~/models/expert-profile-schema'
import { inTransaction } from '~/utils/transaction.server'

/** Fields a claimed expert maintains themselves. */
export const CLAIMANT_FIELDS = ['bio', 'keywords', 'fieldCodes', 'email', 'academicTitle', 'degree', 'organisationName', 'provinceCode'] as const

const SCALARS = ['fullName', 'academicTitle', 'degree', 'organisationName', 'email', 'provinceCode', 'fieldCodes', 'keywords', 'bio'] as const

type Stored = {
	id: string
	email: string | null
	identityKey: string
	claimedById: string | null
	organisationId: string | null
	publications: Array<{ title: string; year: number | null; venue: string; source: string }>
	tasks: Array<{ taskResultId: string; role: string }>
} & Record<(typeof SCALARS)[number], unknown>

export type ExpertPlan = Plan<ExpertRow> & {
	/** Task participation resolved to task result ids, when the row carries it. */
	tasks?: Array<{ taskResultId: string; role: TaskReference['role'] }>
	/** Fields the row would change but the claimed expert maintains, so they are kept. */
	kept?: string[]
}

/** Resolves "KC.01.05/16-20" or a registration number to task result ids. */
async function resolveTaskRefs(tx: Tx, refs: readonly string[]) {
	const keys = [...new Set(refs.map(codeKey))]
	if (keys.length === 0) return new Map<string, string[]>()
	const rows = await tx.taskResult.findMany({
		where: { OR: [{ registrationKey: { in: keys } }, { taskCodeKey: { in: keys } }] },
		select: { id: true, registrationKey: true, taskCodeKey: true },
	})
	const byKey = new Map<string, string[]>()
	for (const key of keys) {
		const byRegistration = rows.filter((r) => r.registrationKey === key).map((r) => r.id)
		byKey.set(key, byRegistration.length > 0 ? byRegistration : rows.filter((r) => r.taskCodeKey === key).map((r) => r.id))
	}
	return byKey
}

function samePublications(a: readonly Publication[], b: readonly Publication[]) {
	const key = (list: readonly Publication[]) => JSON.stringify(list.map((p) => [p.title, p.year, p.venue]))
	return key(a) === key(b)
}

function sameTasks(a: ReadonlyArray<{ taskResultId: string; role: string }>, b: ReadonlyArray<{ taskResultId: string; role: string }>) {
	const key = (list: ReadonlyArray<{ taskResultId: string; role: string }>) => JSON.stringify([...list].map((t) => `${t.taskResultId}:${t.role}`).sort())
	return key(a) === key(b)
}

function scalarColumns(row: ExpertRow, creating: boolean) {
	const data: Record<string, unknown> = {}
	for (const key of SCALARS) {
		const value = row.values[key]
		if (value !== undefined) data[key] = value
	}
	if (row.values.fieldCodes) data.fieldPaths = fieldPaths(row.values.fieldCodes)
	if (row.organisationId !== undefined) data.organisationId = row.organisationId
	// No province given: the organisation's, when it is on the platform (on an update only when the row speaks of it).
	if ((creating ? !row.values.provinceCode : row.values.provinceCode === null) && row.organisationProvinceCode) data.provinceCode = row.organisationProvinceCode
	return data
}

/** Decides, without writing, what each row would do. Rows are expected to be unique by key. */
export async function planExperts(tx: Tx, rows: readonly ExpertRow[]): Promise<ExpertPlan[]> {
	const emails = rows.map((r) => r.email).filter((e): e is string => Boolean(e))
	const found = (await tx.expert.findMany({
		where: { OR: [{ email: { in: emails } }, { identityKey: { in: rows.map((r) => r.identityKey) } }] },
		select: {
			...Object.fromEntries(SCALARS.map((k) => [k, true])),
			id: true,
			identityKey: true,
			claimedById: true,
			organisationId: true,
			publications: { select: { title: true, year: true, venue: true, source: true }, orderBy: { position: 'asc' } },
			tasks: { select: { taskResultId: true, role: true } },
		},
	})) as unknown as Stored[]
	const byEmail = new Map(found.filter((s) => s.email).map((s) => [s.email!, s]))
	const byIdentity = new Map<string, Stored[]>()
	for (const s of found) byIdentity.set(s.identityKey, [...(byIdentity.get(s.identityKey) ?? []), s])
	const refs = await resolveTaskRefs(tx, rows.flatMap((r) => (r.values.tasks ?? []).map((t) => t.ref)))

	return rows.map((row): ExpertPlan => {
		const reject = (issues: RowIssue[]): ExpertPlan => ({ action: 'REJECT', row, changes: [], data: {}, issues })
		const tasks: Array<{ taskResultId: string; role: TaskReference['role'] }> = []
		const issues: RowIssue[] = []
		for (const t of row.values.tasks ?? []) {
			const ids = refs.get(codeKey(t.ref)) ?? []
			if (ids.length === 0) issues.push({ field: 'tasks', code: 'unknownTask', params: { ref: t.ref } })
			else if (ids.length > 1) issues.push({ field: 'tasks', code: 'ambiguousTask', params: { ref: t.ref, count: ids.length } })
			else if (!tasks.some((x) => x.taskResultId === ids[0])) tasks.push({ taskResultId: ids[0]!, role: t.role })
		}
		if (issues.length > 0) return reject(issues)

		let existing = row.email ? byEmail.get(row.email) : undefined
		const candidates = existing ? [existing] : (byIdentity.get(row.identityKey) ?? []).filter((s) => !row.email || !s.email)
		if (!existing && candidates.length > 1) return reject([{ field: 'fullName', code: 'ambiguousExpert', params: { count: candidates.length } }])
		existing ??= candidates[0]
		const withTasks = row.values.tasks ? { tasks } : {}
		if (!existing) return { action: 'CREATE', row, changes: [], issues: [], data: { ...scalarColumns(row, true), identityKey: row.identityKey }, ...withTasks }

		const data = scalarColumns(row, false)
		const kept: string[] = []
		if (existing.claimedById) {
			for (const field of CLAIMANT_FIELDS) {
				if (!(field in data)) continue
				if (comparable(existing[field]) !== comparable(data[field])) kept.push(field)
				delete data[field]
				if (field === 'fieldCodes') delete data.fieldPaths
				if (field === 'organisationName') delete data.organisationId
			}
		}
		// The key follows the stored name or organisation when the row does not change both.
		data.identityKey = identityKey(String(data.fullName ?? existing.fullName), String(data.organisationName ?? existing.organisationName))
		// Reported by column key, as the report and the API name fields.
		const changes = SCALARS.filter((k) => k in data && comparable(existing[k]) !== comparable(data[k])).map((k) => (k === 'provinceCode' ? 'province' : k)) as string[]
		if ('organisationId' in data && data.organisationId !== existing.organisationId && !changes.includes('organisationName')) changes.push('organisationName')
		const imported = existing.publications.filter((p) => p.source !== 'SELF')
		if (row.values.publications && !samePublications(imported, row.values.publications)) changes.push('publications')
		if (row.values.tasks && !sameTasks(existing.tasks, tasks)) changes.push('tasks')
		return { action: changes.length > 0 ? 'UPDATE' : 'UNCHANGED', row, id: existing.id, changes, issues: [], data, kept, ...withTasks }
	})
}

const DEFAULTS = { organisationName: '', fieldCodes: [], fieldPaths: [], keywords: [], bio: '' }

/** Writes the creates and updates of a plan in the caller's transaction; returns the counts by action. */
export async function applyExpertPlans(tx: Tx, plans: readonly ExpertPlan[], meta: WriteMeta) {
	const source = meta.source
	const creates = plans.filter((p) => p.action === 'CREATE')
	if (creates.length > 0) {
		const made = await tx.expert.createManyAndReturn({
			data: creates.map((p) => ({ ...DEFAULTS, ...p.data, source, importId: meta.importId ?? null }) as unknown as Prisma.ExpertCreateManyInput),
			select: { id: true },
		})
		// createManyAndReturn answers in the order of its input.
		creates.forEach((plan, i) => (plan.id = made[i]!.id))
	}
	const publications: Prisma.ExpertPublicationCreateManyInput[] = []
	const tasks: Prisma.ExpertTaskCreateManyInput[] = []
	for (const plan of plans) {
		if (plan.action !== 'CREATE' && plan.action !== 'UPDATE') continue
		const id = plan.id!
		if (plan.action === 'UPDATE') {
			await tx.expert.update({ where: { id }, data: { ...plan.data, source, importId: meta.importId ?? null } as Prisma.ExpertUpdateInput })
		}
		if (plan.row.values.publications && (plan.action === 'CREATE' || plan.changes.includes('publications'))) {
			// Imported entries are replaced as a whole; the ones the expert added stay, after them.
			if (plan.action === 'UPDATE') await tx.expertPublication.deleteMany({ where: { expertId: id, source: { not: 'SELF' } } })
			plan.row.values.publications.forEach((p, position) => publications.push({ expertId: id, title: p.title, year: p.year, venue: p.venue, source, position }))
		}
		if (plan.tasks && (plan.action === 'CREATE' || plan.changes.includes('tasks'))) {
			if (plan.action === 'UPDATE') await tx.expertTask.deleteMany({ where: { expertId: id } })
			for (const t of plan.tasks) tasks.push({ expertId: id, taskResultId: t.taskResultId, role: t.role })
		}
	}
	if (publications.length > 0) await tx.expertPublication.createMany({ data: publications })
	if (tasks.length > 0) await tx.expertTask.createMany({ data: tasks })
	return countPlans(plans)
}

/** The experts of a verified organisation by its name (see relinkHostedTaskResults); unverifying takes the links back. */
export async function relinkAffiliatedExperts(tx: Tx, organisation: { id: string; name: string; shortName: string | null }, verified: boolean) {
	if (!verified) return tx.expert.updateMany({ where: { organisationId: organisation.id }, data: { organisationId: null } })
	const names = [organisation.name, organisation.shortName].filter((n): n is string => Boolean(n)).map((name) => ({ organisationName: { equals: name, mode: 'insensitive' as const } }))
	return tx.expert.updateMany({ where: { organisationId: null, OR: names }, data: { organisationId: organisation.id } })
}

// ─── Claimed profiles ───────────────────────────────────────────────────────
// A user who proved the e-mail on a profile (expert-claim.server.ts) becomes its claimant and
// maintains it here. Operators change profiles through imports and the API, never through this.

/** A refusal the user can understand: an i18n code, an HTTP status and, for the editor, field errors. */
export class ExpertProfileError extends Error {
	constructor(
		public readonly code: string,
		public readonly status = 400,
		public readonly fields: Record<string, string[]> = {},
	) {
		super(code)
	}
}

/** Makes `userId` the claimant of an unclaimed profile, in the caller's transaction (the end of a claim). */
export async function setExpertClaimant(tx: Tx, expertId: string, userId: string) {
	const held = await tx.expert.findFirst({ where: { claimedById: userId, NOT: { id: expertId } }, select: { id: true } })
	if (held) throw new ExpertProfileError('expertProfile.errors.alreadyHoldsProfile', 409)
	try {
		// Conditional on nobody holding it, so two claims racing for one profile cannot both win.
		const claimed = await tx.expert.updateMany({ where: { id: expertId, claimedById: null }, data: { claimedById: userId, claimedAt: new Date() } })
		if (claimed.count !== 1) throw new ExpertProfileError('expertProfile.errors.alreadyClaimed', 409)
	} catch (error) {
		// claimedById is unique: the same user finishing two claims at once loses the second.
		if ((error as { code?: string }).code === 'P2002') throw new ExpertProfileError('expertProfile.errors.alreadyHoldsProfile', 409)
		throw error
	}
}

/** Unlinks a profile from its claimant, in the caller's transaction; returns who held it, or null when nobody did. */
export async function clearExpertClaimant(tx: Tx, expertId: string) {
	const row = await tx.expert.findUnique({ where: { id: expertId }, select: { claimedById: true } })
	if (!row?.claimedById) return null
	const cleared = await tx.expert.updateMany({ where: { id: expertId, claimedById: row.claimedById }, data: { claimedById: null, claimedAt: null } })
	return cleared.count === 1 ? row.claimedById : null
}

/** Publications the expert adds sort after the imported ones, which imports number from 0. */
const SELF_POSITION = 100_000

/**
 * The claimant's own edit of their profile: title, degree, organisation, province, fields,
 * keywords, bio, availability and the publications they add (source SELF; imported ones stay).
 * 404 for a missing profile, 403 for anyone but the claimant (operators included).
 */
export async function updateOwnProfile(actor: { id: string }, expertId: string, input: ExpertProfileInput, meta: { ip?: string | null } = {}) {
	return inTransaction(async ({ tx }) => {
		const expert = await tx.expert.findUnique({
			where: { id: expertId },
			select: {
				id: true,
				claimedById: true,
				fullName: true,
				organisationId: true,
				...Object.fromEntries(OWN_FIELDS.map((k) => [k, true])),
				publications: { where: { source: 'SELF' }, select: { title: true, year: true, venue: true }, orderBy: { position: 'asc' } },
			},
		})
		if (!expert) throw new ExpertProfileError('errors.notFound', 404)
		if (!expert.claimedById || expert.claimedById !== actor.id) throw new ExpertProfileError('expertProfile.errors.notClaimant', 403)
		const stored = expert as unknown as Record<string, unknown> & { fullName: string; organisationId: string | null; organisationName: string; publications: Publication[] }

		const fields: Record<string, string[]> = {}
		if (input.fieldCodes.length > 0) {
			const found = await tx.scienceField.count({ where: { code: { in: input.fieldCodes } } })
			if (found !== new Set(input.fieldCodes).size) fields.fieldCodes = ['expertProfile.errors.field']
		}
		if (input.provinceCode && !(await tx.province.findUnique({ where: { code: input.provinceCode }, select: { code: true } }))) {
			fields.provinceCode = ['expertProfile.errors.province']
		}
		if (Object.keys(fields).length > 0) throw new ExpertProfileError('validation.fixBelow', 400, fields)

		const next: Record<string, unknown> = {
			academicTitle: input.academicTitle ?? null,
			degree: input.degree ?? null,
			organisationName: input.organisationName ?? '',
			provinceCode: input.provinceCode ?? null,
			fieldCodes: input.fieldCodes,
			keywords: input.keywords,
			bio: input.bio ?? '',
			availableForAppraisal: input.availableForAppraisal,
			availableForConsulting: input.availableForConsulting,
			availabilityNote: input.availabilityNote ?? '',
		}
		const changed = OWN_FIELDS.filter((k) => comparable(stored[k]) !== comparable(next[k])) as string[]
		const data: Record<string, unknown> = Object.fromEntries(changed.map((k) => [k, next[k]]))
		if (changed.includes('fieldCodes')) data.fieldPaths = fieldPaths(input.fieldCodes)
		if (changed.includes('organisationName')) {
			// The platform organisation of that name, when exactly one has it; the import key follows the name.
			const named = next.organisationName
				? await tx.organisation.findMany({ where: { name: { equals: String(next.organisationName), mode: 'insensitive' } }, select: { id: true }, take: 2 })
				: []
			data.organisationId = named.length === 1 ? named[0]!.id : null
			data.identityKey = identityKey(stored.fullName, String(next.organisationName))
		}
		const publicationsChanged = !samePublications(stored.publications, input.publications)
		if (publicationsChanged) changed.push('publications')
		if (changed.length === 0) return { changed }

		await tx.expert.update({ where: { id: expertId }, data: { ...data, source: 'SELF' } as Prisma.ExpertUpdateInput })
		if (publicationsChanged) {
			await tx.expertPublication.deleteMany({ where: { expertId, source: 'SELF' } })
			await tx.expertPublication.createMany({
				data: input.publications.map((p, i) => ({ expertId, title: p.title, year: p.year, venue: p.venue, source: 'SELF' as const, position: SELF_POSITION + i })),
			})
		}
		await recordAudit(tx, { actorId: actor.id, action: 'expert.profile.update', entityType: 'Expert', entityId: expertId, data: { changed }, ip: meta.ip })
		return { changed }
	})
}

const OWN_FIELDS = [
	'academicTitle',
	'degree',
	'organisationName',
	'provinceCode',
	'fieldCodes',
	'keywords',
	'bio',
	'availableForAppraisal',
	'availableForConsulting',
	'availabilityNote',
] as const
