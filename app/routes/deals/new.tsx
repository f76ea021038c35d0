import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/new'
import { ErrorList } from '~/components/forms'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { startContext } from '~/deals/page.server'
import { DealError, startDeal, type StartInput } from '~/models/deal.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'deals.start.title')

const MESSAGE_MAX = 4000

type ActionData = { error: string | null; fieldErrors: Partial<Record<'message' | 'organisationId', string[]>>; values: { message: string; organisationId: string; offerId: string } }

function source(url: URL) {
	const offer = url.searchParams.get('offer')
	const demand = url.searchParams.get('demand')
	const match = url.searchParams.get('match')
	return offer ? ({ from: 'offer', id: offer } as const) : demand ? ({ from: 'demand', id: demand } as const) : match ? ({ from: 'match', id: match } as const) : null
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const from = source(new URL(request.url))
	invariantResponse(from, 'errors.badRequest', { status: 400 })
	const context = await startContext(user, from)
	invariantResponse(context, 'deals.errors.listingNotFound', { status: 404 })
	if (context.openDealId) throw redirect(`/deals/${context.openDealId}?done=exists`)
	return { from, ...context }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const from = source(new URL(request.url))
	invariantResponse(from, 'errors.badRequest', { status: 400 })
	const formData = await request.formData()
	const message = String(formData.get('message') ?? '')
	const organisationId = String(formData.get('organisationId') ?? '')
	const offerId = String(formData.get('offerId') ?? '') || null
	const values = { message, organisationId, offerId: offerId ?? '' }
	if (message.length > MESSAGE_MAX) return data<ActionData>({ error: null, fieldErrors: { message: ['deals.errors.tooLong'] }, values }, { status: 400 })
	if (from.from !== 'match' && !organisationId) return data<ActionData>({ error: null, fieldErrors: { organisationId: ['deals.errors.chooseOrganisation'] }, values }, { status: 400 })
	const input: StartInput =
		from.from === 'offer'
			? { from: 'offer', offerId: from.id, organisationId, message }
			: from.from === 'demand'
				? { from: 'demand', demandId: from.id, organisationId, offerId, message }
				: { from: 'match', matchId: from.id, message }
	try {
		const deal = await startDeal(user, input)
		return redirect(`/deals/${deal.id}?done=started`)
	} catch (error) {
		if (error instanceof DealError) {
			if (error.key === 'deals.errors.alreadyOpen' && error.dealId) return redirect(`/deals/${error.dealId}?done=exists`)
			return data<ActionData>({ error: error.key, fieldErrors: {}, values }, { status: error.status })
		}
		throw error
	}
}

export default function StartDealPage({ loaderData: d, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string) => string
	const navigation = useNavigation()
	const values = actionData?.values
	return (
		<div className="page narrow">
			<h1>{t('deals.start.title')}</h1>
			<p className="lead">{t(`deals.start.lead.${d.from.from}`, { title: d.title })}</p>
			<p>
				<Link to={d.link}>{d.title}</Link>
			</p>
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{tk(actionData.error)}
				</p>
			) : null}
			{d.organisations.length === 0 && d.from.from !== 'match' ? (
				<p className="notice" data-testid="no-organisation">
					{t('deals.start.noOrganisation')} <Link to="/organisations/new">{t('deals.start.createOrganisation')}</Link>
				</p>
			) : (
				<Form method="post" className="stack" data-testid="start-deal-form">
					{d.from.from !== 'match' ? (
						<label className="field">
							<span>{t(d.from.from === 'offer' ? 'deals.start.asBuyer' : 'deals.start.asSeller')}</span>
							<select name="organisationId" defaultValue={values?.organisationId ?? d.organisations[0]?.id} aria-describedby="org-errors">
								{d.organisations.map((o) => (
									<option key={o.id} value={o.id}>
										{o.name}
									</option>
								))}
							</select>
							<ErrorList id="org-errors" errors={actionData?.fieldErrors.organisationId} />
						</label>
					) : (
						<p>{t('deals.start.matchSides', { buyer: d.sides?.buyer ?? '', seller: d.sides?.seller ?? '' })}</p>
					)}
					{d.from.from === 'demand' && d.offers.length > 0 ? (
						<label className="field">
							<span>{t('deals.start.linkOffer')}</span>
							<select name="offerId" defaultValue={values?.offerId ?? ''}>
								<option value="">{t('deals.start.noOffer')}</option>
								{d.offers.map((o) => (
									<option key={o.id} value={o.id}>
										{o.title}
									</option>
								))}
							</select>
						</label>
					) : null}
					<label className="field">
						<span>{t('deals.start.message')}</span>
						<textarea name="message" rows={5} maxLength={MESSAGE_MAX} defaultValue={values?.message ?? ''} aria-describedby="message-hint message-errors" />
						<span id="message-hint" className="field-hint">
							{t('deals.start.messageHint')}
						</span>
						<ErrorList id="message-errors" errors={actionData?.fieldErrors.message} />
					</label>
					<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
						{t('deals.start.submit')}
					</button>
				</Form>
			)}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
