import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/index'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { getLocale } from '~/middleware/i18next.server'
import { listOrganisations } from '~/models/organisation.server'
import { listProvinces } from '~/models/reference.server'
import { pageTitle } from '~/utils/meta'
import { OrganisationTypeSchema } from '~/utils/validation'

const PAGE_SIZE = 20

// Bad filter values are dropped rather than answered with an error: the URL is user-editable.
const FiltersSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	type: OrganisationTypeSchema.optional().catch(undefined),
	province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
	verified: z.literal('1').optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'organisations.list.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	const locale = getLocale(context) as 'vi' | 'en'
	const filters = FiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
	const [result, provinces] = await Promise.all([
		listOrganisations({
			q: filters.q || undefined,
			type: filters.type,
			provinceCode: filters.province,
			verified: filters.verified === '1',
			page: filters.page,
			pageSize: PAGE_SIZE,
		}),
		listProvinces(locale),
	])
	return { ...result, filters, provinces, locale }
}

export default function OrganisationsPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { filters, items, total, pages, provinces, locale } = loaderData
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{t('organisations.list.title')}</h1>
					<p className="lead">{t('organisations.list.lead')}</p>
				</div>
				<Link to="/organisations/new" className="button">
					{t('organisations.list.create')}
				</Link>
			</div>
			<Form method="get" className="filters" role="search">
				<div className="field">
					<label htmlFor="f-q">{t('organisations.list.filterQuery')}</label>
					<input id="f-q" name="q" type="search" defaultValue={filters.q ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="f-type">{t('organisations.list.filterType')}</label>
					<select id="f-type" name="type" defaultValue={filters.type ?? ''}>
						<option value="">{t('organisations.list.allTypes')}</option>
						{(['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM', 'AGENCY'] as const).map((type) => (
							<option key={type} value={type}>
								{t(`organisationTypes.${type}`)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="f-province">{t('organisations.list.filterProvince')}</label>
					<select id="f-province" name="province" defaultValue={filters.province ?? ''}>
						<option value="">{t('organisations.list.allProvinces')}</option>
						{provinces.map((p) => (
							<option key={p.code} value={p.code}>
								{p.name}
							</option>
						))}
					</select>
				</div>
				<label className="checkbox">
					<input type="checkbox" name="verified" value="1" defaultChecked={filters.verified === '1'} />
					{t('organisations.list.filterVerified')}
				</label>
				<div className="actions-row">
					<button type="submit" className="button">
						{t('organisations.list.apply')}
					</button>
					<Link to="/organisations">{t('organisations.list.clear')}</Link>
				</div>
			</Form>
			<p className="muted" role="status">
				{t('organisations.list.count', { count: total })}
			</p>
			{items.length === 0 ? <p className="empty">{t('organisations.list.empty')}</p> : null}
			<ul className="cards" data-testid="organisation-list">
				{items.map((org) => (
					<li key={org.id} className="card org-card">
						<h2>
							<Link to={`/organisations/${org.slug}`}>{org.name}</Link>
						</h2>
						<p className="meta-line">
							<span className="badge">{t(`organisationTypes.${org.type}`)}</span>
							<span>{locale === 'vi' ? org.province.nameVi : org.province.nameEn}</span>
							{org.verifiedAt ? (
								<span className="badge badge--ok" title={t('organisations.detail.verifiedBadge')}>
									✓ {t('common.verified')}
								</span>
							) : null}
							<span>{t('organisations.list.members', { count: org._count.memberships })}</span>
						</p>
						{org.description ? <p className="clamp">{org.description}</p> : null}
					</li>
				))}
			</ul>
			<Pagination page={filters.page} pages={pages} />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
