import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { DEAL_STAGES, type DealStage } from '~/deals/pipeline'
import { dealBoard, listMyDeals } from '~/deals/page.server'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'deals.list.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const url = new URL(request.url)
	const stageParam = url.searchParams.get('stage')
	const stage = (DEAL_STAGES as readonly string[]).includes(stageParam ?? '') ? (stageParam as DealStage) : null
	const boardAllowed = hasRole(user, 'BROKER', 'OPERATOR', 'ADMIN')
	const board = boardAllowed && url.searchParams.get('view') === 'board'
	return {
		locale: getLocale(context) as AppLocale,
		stage,
		boardAllowed,
		userId: user.id,
		board: board ? await dealBoard(user) : null,
		mine: board ? null : await listMyDeals(user, stage),
	}
}

type Row = { id: string; code: string; title: string; stage: DealStage; stageChangedAt: Date; buyerOrg: { name: string }; sellerOrg: { name: string }; broker: { id: string; name: string } | null; offPlatform: boolean }

function DealCard({ deal, locale }: { deal: Row; locale: AppLocale }) {
	const { t } = useTranslation()
	return (
		<li className="card" data-testid="deal-card">
			<p className="meta-line">
				<span className="badge">{deal.code}</span>
				<span className="badge badge--muted">{t(`deals.stages.${deal.stage}`)}</span>
			</p>
			<h3>
				<Link to={`/deals/${deal.id}`}>{deal.title}</Link>
			</h3>
			<p className="muted">
				{t('deals.list.sides', { buyer: deal.buyerOrg.name, seller: deal.sellerOrg.name })}
				{' · '}
				{deal.broker ? t('deals.list.broker', { name: deal.broker.name }) : t('deals.detail.noBroker')}
				{' · '}
				{t('deals.list.since', { date: formatDate(deal.stageChangedAt, locale) })}
			</p>
		</li>
	)
}

export default function DealsPage({ loaderData: d }: Route.ComponentProps) {
	const { t } = useTranslation()
	return (
		<div className="page">
			<header className="page-head">
				<h1>{t('deals.list.title')}</h1>
				{d.boardAllowed ? (
					<nav className="tabs" aria-label={t('deals.list.views')}>
						<Link to="/deals" aria-current={d.board ? undefined : 'page'}>
							{t('deals.list.mine')}
						</Link>
						<Link to="/deals?view=board" aria-current={d.board ? 'page' : undefined}>
							{t('deals.list.board')}
						</Link>
					</nav>
				) : null}
			</header>
			{d.mine ? (
				<>
					<nav className="chips" aria-label={t('deals.list.byStage')}>
						<Link to="/deals" className="chip" aria-current={d.stage ? undefined : 'true'}>
							{t('deals.list.all')}
						</Link>
						{DEAL_STAGES.map((s) => (
							<Link key={s} to={`/deals?stage=${s}`} className="chip" aria-current={d.stage === s ? 'true' : undefined}>
								{t(`deals.stages.${s}`)} ({d.mine!.counts[s] ?? 0})
							</Link>
						))}
					</nav>
					{d.mine.items.length === 0 ? (
						<p className="empty" data-testid="deals-empty">
							{t('deals.list.empty')}
						</p>
					) : (
						<ul className="plain-list stack" data-testid="deal-list">
							{d.mine.items.map((deal) => (
								<DealCard key={deal.id} deal={deal} locale={d.locale} />
							))}
						</ul>
					)}
				</>
			) : null}
			{d.board ? (
				<div className="deal-board" data-testid="deal-board">
					{d.board.map((column) => (
						<section key={column.stage} className="deal-board__column" aria-labelledby={`col-${column.stage}`}>
							<h2 id={`col-${column.stage}`}>
								{t(`deals.stages.${column.stage}`)} ({column.items.length})
							</h2>
							<ul className="plain-list stack">
								{column.items.map((deal) => (
									<DealCard key={deal.id} deal={deal} locale={d.locale} />
								))}
							</ul>
						</section>
					))}
				</div>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
