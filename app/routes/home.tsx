import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/home'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useRootData } from '~/root'
import { prisma } from '~/utils/db.server'
import { formatNumber } from '~/utils/format'
import { translateKey } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => {
	const locale = (matches.find((m) => m?.id === 'root')?.loaderData as { locale?: 'vi' | 'en' } | undefined)?.locale ?? 'vi'
	return [
		{ title: translateKey(locale, 'home.title') },
		{ name: 'description', content: translateKey(locale, 'home.lead') },
		{ property: 'og:title', content: translateKey(locale, 'home.title') },
		{ property: 'og:description', content: translateKey(locale, 'home.lead') },
	]
}

export async function loader() {
	const [organisations, verified, fields] = await Promise.all([
		prisma.organisation.count(),
		prisma.organisation.count({ where: { verifiedAt: { not: null } } }),
		prisma.scienceField.count(),
	])
	return { organisations, verified, fields }
}

export default function Home({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const root = useRootData()
	const number = (n: number) => formatNumber(n, i18n.language === 'en' ? 'en' : 'vi')
	return (
		<div className="home">
			<section className="hero">
				<h1>{root?.user ? t('home.welcomeBack', { name: root.user.name }) : t('home.title')}</h1>
				<p className="lead">{t('home.lead')}</p>
				<p className="actions-row">
					{root?.user ? null : (
						<Link to="/register" className="button">
							{t('home.ctaRegister')}
						</Link>
					)}
					<Link to="/organisations" className="button button--ghost">
						{t('home.ctaOrganisations')}
					</Link>
				</p>
				<dl className="stat-row" data-testid="home-stats">
					<div className="stat">
						<dt>{t('home.statsOrganisations')}</dt>
						<dd>{number(loaderData.organisations)}</dd>
					</div>
					<div className="stat">
						<dt>{t('home.statsVerified')}</dt>
						<dd>{number(loaderData.verified)}</dd>
					</div>
					<div className="stat">
						<dt>{t('home.statsFields')}</dt>
						<dd>{number(loaderData.fields)}</dd>
					</div>
				</dl>
			</section>
			<section className="audiences">
				<article className="card">
					<h2>{t('home.forEnterprises')}</h2>
					<p>{t('home.forEnterprisesText')}</p>
				</article>
				<article className="card">
					<h2>{t('home.forInstitutes')}</h2>
					<p>{t('home.forInstitutesText')}</p>
				</article>
				<article className="card">
					<h2>{t('home.forBrokers')}</h2>
					<p>{t('home.forBrokersText')}</p>
				</article>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
