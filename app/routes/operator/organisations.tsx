import { useTranslation } from 'react-i18next'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/organisations'
import { Pagination } from '~/components/pagination'
import { setOrganisationVerified } from '~/models/organisation.server'
import { requireRole } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { requestMeta } from '~/utils/session.server'

const PAGE_SIZE = 30

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'operator.organisations.title')

export async function loader({ request }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	const url = new URL(request.url)
	const all = url.searchParams.get('show') === 'all'
	const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(url.searchParams.get('page') ?? 1)
	const where = all ? {} : { verifiedAt: null }
	const [total, organisations] = await Promise.all([
		prisma.organisation.count({ where }),
		prisma.organisation.findMany({
			where,
			orderBy: { createdAt: 'asc' },
			skip: (page - 1) * PAGE_SIZE,
			take: PAGE_SIZE,
			select: {
				id: true,
				slug: true,
				name: true,
				type: true,
				taxCode: true,
				verifiedAt: true,
				createdAt: true,
				province: { select: { nameVi: true, nameEn: true } },
				memberships: { where: { role: 'OWNER', status: 'ACTIVE' }, take: 1, select: { user: { select: { name: true, email: true } } } },
			},
		}),
	])
	return { organisations, all, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

const ActionSchema = z.object({ intent: z.enum(['verify', 'unverify']), organisationId: z.string().min(1).max(40) })

export async function action({ request }: Route.ActionArgs) {
	const user = await requireRole(request, 'OPERATOR')
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: 'errors.badRequest', done: null }, { status: 400 })
	const organisation = await prisma.organisation.findUnique({ where: { id: parsed.data.organisationId }, select: { id: true, name: true } })
	if (!organisation) return data({ error: 'errors.notFound', done: null }, { status: 404 })
	await setOrganisationVerified(user.id, organisation.id, parsed.data.intent === 'verify', requestMeta(request))
	return { error: null, done: { intent: parsed.data.intent, name: organisation.name } }
}

export default function OperatorOrganisations({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const { organisations, all } = loaderData
	return (
		<section className="card">
			<h2>{t('operator.organisations.title')}</h2>
			<p className="muted">{t('operator.organisations.lead')}</p>
			<p className="tabs tabs--small">
				<Link to="?" aria-current={!all ? 'page' : undefined}>
					{t('operator.organisations.showUnverified')}
				</Link>
				<Link to="?show=all" aria-current={all ? 'page' : undefined}>
					{t('operator.organisations.showAll')}
				</Link>
			</p>
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}
			{actionData?.done ? (
				<p className="notice notice--success" role="status">
					{t(actionData.done.intent === 'verify' ? 'operator.organisations.verified' : 'operator.organisations.unverified', { name: actionData.done.name })}
				</p>
			) : null}
			{organisations.length === 0 ? <p className="empty">{t('operator.organisations.empty')}</p> : null}
			<div className="table-wrap">
				<table className="table" data-testid="verify-table">
					<thead>
						<tr>
							<th scope="col">{t('operator.organisations.name')}</th>
							<th scope="col">{t('operator.organisations.type')}</th>
							<th scope="col">{t('operator.organisations.taxCode')}</th>
							<th scope="col">{t('operator.organisations.province')}</th>
							<th scope="col">{t('operator.organisations.owner')}</th>
							<th scope="col">{t('common.actions')}</th>
						</tr>
					</thead>
					<tbody>
						{organisations.map((org) => (
							<tr key={org.id}>
								<td>
									<Link to={`/organisations/${org.slug}`}>{org.name}</Link>
								</td>
								<td>{t(`organisationTypes.${org.type}`)}</td>
								<td>{org.taxCode ?? '—'}</td>
								<td>{i18n.language === 'vi' ? org.province.nameVi : org.province.nameEn}</td>
								<td>
									{org.memberships[0] ? (
										<>
											{org.memberships[0].user.name}
											<br />
											<span className="muted">{org.memberships[0].user.email}</span>
										</>
									) : (
										'—'
									)}
								</td>
								<td>
									<Form method="post">
										<input type="hidden" name="organisationId" value={org.id} />
										{org.verifiedAt ? (
											<button type="submit" name="intent" value="unverify" className="button button--ghost button--small">
												{t('operator.organisations.unverify')}
											</button>
										) : (
											<button type="submit" name="intent" value="verify" className="button button--small">
												{t('operator.organisations.verify')}
											</button>
										)}
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
