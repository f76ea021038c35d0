import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/matches'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import { MatchWhy } from '~/components/matching/match-why'
import { matchesForUser, type MatchView } from '~/matching/page.server'
import { MATCH_THRESHOLD } from '~/matching/rank.server'
import { DISMISS_REASONS, expressInterest, judgeMatch, MatchError, undoDismiss } from '~/models/match.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'matching.page.title')

const DONE = ['relevant', 'dismissed', 'restored', 'interest', 'interestNoContact'] as const

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const params = new URL(request.url).searchParams
	const listing = params.get('listing')
	const dismissed = params.get('dismissed') === '1'
	const { listings } = await matchesForUser(user.id, { listing, dismissed })
	const done = params.get('done')
	return { listings, listing, dismissed, threshold: Math.round(MATCH_THRESHOLD * 100), done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null }
}

const DismissSchema = z.object({
	reason: z.enum(DISMISS_REASONS, { message: 'matching.errors.reason' }),
	note: z
		.string()
		.trim()
		.max(500, { message: 'matching.errors.note' })
		.optional()
		.transform((v) => v ?? ''),
})

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const matchId = String(formData.get('matchId') ?? '')
	const intent = String(formData.get('intent') ?? '')
	invariantResponse(matchId && ['relevant', 'dismiss', 'restore', 'interest'].includes(intent), 'errors.badRequest', { status: 400 })
	// Back to the page the form was on, with what happened.
	const back = new URL(request.url)
	back.searchParams.delete('done')
	const to = (done: (typeof DONE)[number]) => {
		back.searchParams.set('done', done)
		return redirect(`${back.pathname}?${back.searchParams}#match-${matchId}`)
	}
	try {
		if (intent === 'relevant') {
			await judgeMatch(user.id, matchId, { verdict: 'RELEVANT' })
			return to('relevant')
		}
		if (intent === 'restore') {
			await undoDismiss(user.id, matchId)
			return to('restored')
		}
		if (intent === 'interest') {
			const { notified } = await expressInterest(user.id, matchId)
			return to(notified ? 'interest' : 'interestNoContact')
		}
		const submission = parseWithZod(formData, { schema: DismissSchema })
		if (submission.status !== 'success')
			return data({ matchId, errors: submission.reply().error ?? {}, values: { reason: String(formData.get('reason') ?? ''), note: String(formData.get('note') ?? '') }, error: null }, { status: 400 })
		await judgeMatch(user.id, matchId, { verdict: 'DISMISSED', ...submission.value })
		return to('dismissed')
	} catch (error) {
		if (error instanceof MatchError) return data({ matchId, errors: {}, values: null, error: error.key }, { status: error.status })
		throw error
	}
}

export default function MatchesPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	const { listings, dismissed } = loaderData
	const query = (extra: Record<string, string>) => {
		const p = new URLSearchParams()
		if (loaderData.listing) p.set('listing', loaderData.listing)
		for (const [k, v] of Object.entries(extra)) p.set(k, v)
		const s = p.toString()
		return s ? `?${s}` : ''
	}
	return (
		<div className="page">
			<h1>{dismissed ? t('matching.page.dismissedTitle') : t('matching.page.title')}</h1>
			<p className="lead">{t('matching.page.lead')}</p>
			<p className="actions-row">
				{dismissed ? <Link to={`/me/matches${query({})}`}>{t('matching.page.showOpen')}</Link> : <Link to={`/me/matches${query({ dismissed: '1' })}`}>{t('matching.page.showDismissed')}</Link>}
				{loaderData.listing ? <Link to="/me/matches">{t('matching.page.all')}</Link> : null}
			</p>
			{loaderData.done && !actionData ? (
				<p className="notice notice--success" role="status">
					{t(`matching.page.done.${loaderData.done}`)}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{tk(actionData.error)}
				</p>
			) : null}
			{listings.length === 0 ? <p className="empty">{t('matching.page.none')}</p> : null}
			{listings.map((listing) => (
				<section key={`${listing.type}:${listing.id}`} className="card match-listing" data-testid="match-listing" data-listing={`${listing.type}:${listing.id}`}>
					<p className="muted">{listing.type === 'demand' ? t('matching.page.forDemand') : t('matching.page.forOffer')}</p>
					<h2>
						<Link to={`/${listing.type}s/${listing.id}`}>{listing.title}</Link>
					</h2>
					{listing.matches.length === 0 ? <p className="empty">{dismissed ? '—' : t('matching.page.noMatches', { threshold: loaderData.threshold })}</p> : null}
					<ol className="stack match-list">
						{listing.matches.map((m) => (
							<MatchCard key={m.id} match={m} side={listing.type} actionData={actionData?.matchId === m.id ? actionData : undefined} />
						))}
					</ol>
					{!dismissed ? (
						<div className="match-experts">
							<h3>{t('matching.match.experts')}</h3>
							{listing.experts.length === 0 ? <p className="muted">{t('matching.match.noExperts')}</p> : null}
							<ul data-testid="match-experts">
								{listing.experts.map((e) => (
									<li key={e.id}>
										<Link to={`/experts/${e.other!.id}`}>{e.other!.title}</Link>
										{e.other!.organisation ? <span className="muted"> · {e.other!.organisation}</span> : null}
										<span className="muted"> · {t('matching.match.score', { score: Math.round(e.score * 100) })}</span>
									</li>
								))}
							</ul>
						</div>
					) : null}
				</section>
			))}
		</div>
	)
}

type ActionData = { matchId: string; errors: Record<string, string[] | null | undefined>; values: { reason: string; note: string } | null; error: string | null }

function MatchCard({ match: m, side, actionData }: { match: MatchView; side: 'offer' | 'demand'; actionData?: ActionData }) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const target =
		m.kind === 'TASK_RESULT_DEMAND'
			? { label: t('matching.match.latent'), href: `/task-results/${m.other!.id}`, title: m.other!.title, organisation: m.other!.organisation }
			: side === 'demand'
				? { label: t('matching.match.offer'), href: `/offers/${m.offer!.id}`, title: m.offer!.title, organisation: m.offer!.organisation }
				: { label: t('matching.match.demand'), href: `/demands/${m.demand!.id}`, title: m.demand!.title, organisation: m.demand!.organisation }
	const errors = actionData?.errors ?? {}
	return (
		<li className="match-card" id={`match-${m.id}`} data-testid="match" data-kind={m.kind}>
			<p className="match-card__head">
				<strong className="match-score" data-testid="match-score">
					{t('matching.match.score', { score: Math.round(m.score * 100) })}
				</strong>
				<span className="muted">{target.label}</span>
			</p>
			<h3>
				<Link to={target.href}>{target.title}</Link> <span className="muted">{t('matching.match.by', { organisation: target.organisation })}</span>
			</h3>
			{m.kind === 'TASK_RESULT_DEMAND' ? <p className="muted">{t('matching.match.latentHint', { host: m.other!.organisation })}</p> : null}
			{m.claimed ? <p className="muted">{t('matching.match.claimed')}</p> : null}
			<MatchWhy components={m.components} terms={m.terms} evidence={m.evidence} />
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{tk(actionData.error)}
				</p>
			) : null}
			{m.verdict === 'DISMISSED' ? (
				<Form method="post" className="actions-row">
					<input type="hidden" name="matchId" value={m.id} />
					<span className="muted">{m.reason ? tk(`matching.reasons.${m.reason}`) : null}</span>
					<button type="submit" name="intent" value="restore" className="button button--ghost" disabled={busy}>
						{t('matching.match.restore')}
					</button>
				</Form>
			) : (
				<div className="actions-row">
					<Form method="post">
						<input type="hidden" name="matchId" value={m.id} />
						{m.verdict === 'RELEVANT' ? (
							<span className="muted">{t('matching.match.markedRelevant')}</span>
						) : (
							<button type="submit" name="intent" value="relevant" className="button button--ghost" disabled={busy}>
								{t('matching.match.relevant')}
							</button>
						)}
					</Form>
					{m.kind === 'OFFER_DEMAND' || m.kind === 'TASK_RESULT_DEMAND' ? (
						<Form method="post">
							<input type="hidden" name="matchId" value={m.id} />
							<button type="submit" name="intent" value="interest" className="button" disabled={busy || m.interested}>
								{m.interested ? t('matching.match.interested') : t('matching.match.interest')}
							</button>
						</Form>
					) : null}
					{m.kind === 'OFFER_DEMAND' ? (
						<Link to={`/deals/new?match=${m.id}`} className="button button--ghost" data-testid="open-deal">
							{t('deals.entry.fromMatch')}
						</Link>
					) : null}
					{m.kind === 'OFFER_DEMAND' && (side === 'demand' ? m.offer?.hasContact : m.demand?.hasContact) ? (
						<Form method="post" action="/messages/new" reloadDocument>
							<input type="hidden" name="context" value="match" />
							<input type="hidden" name="contextId" value={m.id} />
							<button type="submit" className="button button--ghost" data-testid="match-message">
								{t('chat.open.button')}
							</button>
						</Form>
					) : null}
					<details className="match-dismiss" open={Boolean(actionData?.values)}>
						<summary>{t('matching.match.dismiss')}</summary>
						<Form method="post" className="stack">
							<input type="hidden" name="matchId" value={m.id} />
							<div className="field">
								<label htmlFor={`reason-${m.id}`}>{t('matching.match.dismissWhy')}</label>
								<select id={`reason-${m.id}`} name="reason" defaultValue={actionData?.values?.reason ?? ''} aria-invalid={errors.reason?.length ? true : undefined}>
									<option value="">—</option>
									{(['NOT_RELEVANT', 'ALREADY_KNOWN', 'PRICE', 'MATURITY', 'LOCATION', 'OTHER'] as const).map((r) => (
										<option key={r} value={r}>
											{t(`matching.reasons.${r}`)}
										</option>
									))}
								</select>
								<ErrorList errors={errors.reason} />
							</div>
							<div className="field">
								<label htmlFor={`note-${m.id}`}>{t('matching.match.note')}</label>
								<textarea id={`note-${m.id}`} name="note" rows={2} maxLength={500} defaultValue={actionData?.values?.note ?? ''} />
								<ErrorList errors={errors.note} />
							</div>
							<button type="submit" name="intent" value="dismiss" className="button button--ghost" disabled={busy}>
								{t('matching.match.dismiss')}
							</button>
						</Form>
					</details>
				</div>
			)}
		</li>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
