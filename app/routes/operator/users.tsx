import { useTranslation } from 'react-i18next'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/users'
import type { PlatformRole } from '~/generated/prisma/client'
import { Pagination } from '~/components/pagination'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { listProvinces, provinceExists } from '~/models/reference.server'
import { setPlatformRoles } from '~/models/user.server'
import { hasRole, requireRole } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { requestMeta } from '~/utils/session.server'

const PAGE_SIZE = 30
const ASSIGNABLE = ['BROKER', 'OPERATOR', 'PROVINCIAL_OPERATOR', 'ADMIN'] as const
// Operators may grant the broker role; only administrators hand out staff roles.
const ADMIN_ONLY: ReadonlyArray<PlatformRole> = ['OPERATOR', 'PROVINCIAL_OPERATOR', 'ADMIN']

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'operator.users.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	const me = await requireRole(request, 'OPERATOR')
	const url = new URL(request.url)
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200).normalize('NFC')
	const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(url.searchParams.get('page') ?? 1)
	const where = q
		? { OR: [{ name: { contains: q, mode: 'insensitive' as const } }, { email: { contains: q.toLowerCase() } }] }
		: {}
	const [total, users] = await Promise.all([
		prisma.user.count({ where }),
		prisma.user.findMany({
			where,
			orderBy: { createdAt: 'desc' },
			skip: (page - 1) * PAGE_SIZE,
			take: PAGE_SIZE,
			select: {
				id: true,
				name: true,
				email: true,
				roles: true,
				operatorProvinceCode: true,
				memberships: { where: { status: 'ACTIVE' }, select: { organisation: { select: { name: true } } } },
			},
		}),
	])
	const provinces = await listProvinces(getLocale(context) as AppLocale)
	return { users, q, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), isAdmin: hasRole(me, 'ADMIN'), me: me.id, provinces }
}

const ActionSchema = z.object({
	userId: z.string().min(1).max(40),
	roles: z.array(z.enum(ASSIGNABLE)).max(4),
	operatorProvince: z.string().regex(/^(\d{2})?$/).optional(),
})

export async function action({ request }: Route.ActionArgs) {
	const me = await requireRole(request, 'OPERATOR')
	const form = await request.formData()
	const parsed = ActionSchema.safeParse({ userId: form.get('userId'), roles: form.getAll('roles'), operatorProvince: form.get('operatorProvince') ?? undefined })
	if (!parsed.success) return data({ error: 'errors.badRequest', saved: null }, { status: 400 })
	const target = await prisma.user.findUnique({ where: { id: parsed.data.userId }, select: { id: true, name: true, roles: true, operatorProvinceCode: true } })
	if (!target) return data({ error: 'errors.notFound', saved: null }, { status: 404 })
	const isAdmin = hasRole(me, 'ADMIN') && me.roles.includes('ADMIN')
	const wanted = new Set<PlatformRole>(parsed.data.roles)
	const province = wanted.has('PROVINCIAL_OPERATOR') ? parsed.data.operatorProvince || null : null
	if (wanted.has('PROVINCIAL_OPERATOR') && !(province && (await provinceExists(province)))) {
		return data({ error: 'operator.users.provinceRequired', saved: null }, { status: 400 })
	}
	const changedStaffRole = ADMIN_ONLY.some((role) => wanted.has(role) !== target.roles.includes(role)) || (wanted.has('PROVINCIAL_OPERATOR') && province !== target.operatorProvinceCode)
	if (changedStaffRole && !isAdmin) return data({ error: 'operator.users.adminOnly', saved: null }, { status: 403 })
	if (target.id === me.id && target.roles.includes('ADMIN') && !wanted.has('ADMIN')) {
		return data({ error: 'operator.users.selfDemote', saved: null }, { status: 409 })
	}
	await setPlatformRoles(me.id, target.id, [...wanted], requestMeta(request), province)
	return { error: null, saved: target.name }
}

export default function OperatorUsers({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { users, q, isAdmin, provinces } = loaderData
	return (
		<section className="card">
			<h2>{t('operator.users.title')}</h2>
			<p className="muted">{t('operator.users.lead')}</p>
			<Form method="get" className="inline-form" role="search">
				<label htmlFor="user-q" className="visually-hidden">
					{t('operator.users.search')}
				</label>
				<input id="user-q" name="q" type="search" defaultValue={q} placeholder={t('operator.users.search')} />
				<button type="submit" className="button">
					{t('common.search')}
				</button>
			</Form>
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}
			{actionData?.saved ? (
				<p className="notice notice--success" role="status">
					{t('operator.users.saved', { name: actionData.saved })}
				</p>
			) : null}
			{users.length === 0 ? <p className="empty">{t('operator.users.empty')}</p> : null}
			<div className="table-wrap">
				<table className="table" data-testid="users-table">
					<thead>
						<tr>
							<th scope="col">{t('operator.users.name')}</th>
							<th scope="col">{t('operator.users.organisations')}</th>
							<th scope="col">{t('operator.users.roles')}</th>
						</tr>
					</thead>
					<tbody>
						{users.map((user) => (
							<tr key={user.id}>
								<td>
									{user.name}
									<br />
									<span className="muted">{user.email}</span>
								</td>
								<td>{user.memberships.map((m) => m.organisation.name).join(', ') || '—'}</td>
								<td>
									<Form method="post" className="inline-form">
										<input type="hidden" name="userId" value={user.id} />
										{ASSIGNABLE.map((role) => (
											<label key={role} className="checkbox">
												<input
													type="checkbox"
													name="roles"
													value={role}
													defaultChecked={user.roles.includes(role)}
													disabled={!isAdmin && ADMIN_ONLY.includes(role)}
												/>
												{t(`roles.${role}`)}
											</label>
										))}
										<label className="checkbox">
											<span className="visually-hidden">{t('operator.users.province')}</span>
											<select name="operatorProvince" defaultValue={user.operatorProvinceCode ?? ''} disabled={!isAdmin} aria-label={t('operator.users.province')}>
												<option value="">{t('operator.users.province')}</option>
												{provinces.map((p) => (
													<option key={p.code} value={p.code}>
														{p.name}
													</option>
												))}
											</select>
										</label>
										{/* Disabled boxes are not submitted; carry the staff roles a non-admin cannot change. */}
										{!isAdmin
											? ADMIN_ONLY.filter((role) => user.roles.includes(role)).map((role) => <input key={role} type="hidden" name="roles" value={role} />)
											: null}
										{!isAdmin && user.operatorProvinceCode ? <input type="hidden" name="operatorProvince" value={user.operatorProvinceCode} /> : null}
										<button type="submit" className="button button--small">
											{t('operator.users.save')}
										</button>
									</Form>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<Pagination page={loaderData.page} pages={loaderData.pages} />
		</section>
	)
}
