import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { AppLocale } from '~/locales'
import type { EvidenceItem } from '~/models/offer-evidence.server'
import { formatDate } from '~/utils/format'

/** Max links per offer; mirrors MAX_EVIDENCE of the model (a server module the browser cannot import). */
const MAX_EVIDENCE = 20

function years(item: Pick<EvidenceItem, 'startYear' | 'endYear'>) {
	if (item.startYear && item.endYear) return item.startYear === item.endYear ? String(item.startYear) : `${item.startYear}–${item.endYear}`
	return item.startYear ? `${item.startYear}–` : item.endYear ? `–${item.endYear}` : ''
}

/** One task result: code, title (a link to its public page), level, registration and host. */
function EvidenceFacts({ item, locale, ownOrganisationId }: { item: EvidenceItem; locale: AppLocale; ownOrganisationId?: string }) {
	const { t } = useTranslation()
	const period = years(item)
	const otherHost = ownOrganisationId !== undefined && item.hostOrganisation?.id !== ownOrganisationId
	return (
		<div>
			<p>
				<span className="badge badge--muted">{item.taskCode}</span> <Link to={`/task-results/${item.id}`}>{item.title}</Link>
			</p>
			<p className="meta-line muted">
				<span>{t(`listings.evidence.levels.${item.level}`)}</span>
				{item.registrationNumber ? (
					<span>
						{t('listings.evidence.registration')}: {item.registrationNumber}
						{item.registrationDate ? ` ${t('listings.evidence.registeredOn', { date: formatDate(item.registrationDate, locale) })}` : ''}
					</span>
				) : null}
				{period ? (
					<span>
						{t('listings.evidence.years')}: {period}
					</span>
				) : null}
				<span>
					{t('listings.evidence.host')}:{' '}
					{item.hostOrganisation ? <Link to={`/organisations/${item.hostOrganisation.slug}`}>{item.hostOrganisation.name}</Link> : item.hostName}
				</span>
			</p>
			{otherHost ? (
				<p className="notice" data-testid="evidence-other-host">
					{t('listings.evidence.otherHost', { host: item.hostOrganisation?.name ?? item.hostName })}
				</p>
			) : null}
		</div>
	)
}

/** The offer page's card: the registered task results the offer builds on. */
export function EvidenceCard({ items, locale }: { items: EvidenceItem[]; locale: AppLocale }) {
	const { t } = useTranslation()
	if (items.length === 0) return null
	return (
		<section className="card" data-testid="evidence" aria-labelledby="evidence-title">
			<h2 id="evidence-title">{t('listings.evidence.title')}</h2>
			<p className="muted">{t('listings.evidence.lead')}</p>
			<ul className="plain-list stack">
				{items.map((item) => (
					<li key={item.id}>
						<EvidenceFacts item={item} locale={locale} />
					</li>
				))}
			</ul>
		</section>
	)
}

export type EvidencePanelData = {
	organisationId: string
	query: string
	linked: EvidenceItem[]
	results: EvidenceItem[]
	error: string | null
	done: 'linked' | 'unlinked' | null
}

/**
 * The editor's panel: the links with "Remove", a search (a GET form, so it works without
 * JavaScript) and its results with "Link". Posts go to /offers/:id/evidence, which comes back here.
 */
export function EvidencePanel({ offerId, data, locale }: { offerId: string; data: EvidencePanelData; locale: AppLocale }) {
	const { t } = useTranslation()
	const action = `/offers/${offerId}/evidence`
	const full = data.linked.length >= MAX_EVIDENCE
	return (
		<section className="card" id="evidence" data-testid="evidence-panel" aria-labelledby="evidence-panel-title">
			<h2 id="evidence-panel-title">{t('listings.evidence.title')}</h2>
			<p className="muted">{t('listings.evidence.editorLead', { max: MAX_EVIDENCE })}</p>
			{data.done ? (
				<p className="notice notice--success" role="status">
					{t(`listings.evidence.done.${data.done}`)}
				</p>
			) : null}
			{data.error ? (
				<p className="notice notice--error" role="alert">
					{t(data.error as 'errors.badRequest')}
				</p>
			) : null}

			<h3>{t('listings.evidence.linked', { count: data.linked.length, max: MAX_EVIDENCE })}</h3>
			{data.linked.length === 0 ? <p className="muted">{t('listings.evidence.none')}</p> : null}
			<ul className="plain-list stack">
				{data.linked.map((item) => (
					<li key={item.id} className="row">
						<EvidenceFacts item={item} locale={locale} ownOrganisationId={data.organisationId} />
						<Form method="post" action={action} className="inline-form">
							<input type="hidden" name="intent" value="unlink" />
							<input type="hidden" name="taskResultId" value={item.id} />
							<input type="hidden" name="evidenceQuery" value={data.query} />
							<button type="submit" className="button button--ghost button--small button--danger">
								{t('listings.evidence.remove')}
							</button>
						</Form>
					</li>
				))}
			</ul>

			<Form method="get" action={`/offers/${offerId}/edit#evidence`} className="inline-form" role="search">
				<input type="hidden" name="step" value="technical" />
				<label className="field">
					<span>{t('listings.evidence.search')}</span>
					<input type="search" name="evidenceQuery" defaultValue={data.query} maxLength={200} />
				</label>
				<button type="submit" className="button button--ghost">
					{t('listings.evidence.searchButton')}
				</button>
			</Form>
			<h3>{data.query ? t('listings.evidence.results') : t('listings.evidence.suggestions')}</h3>
			{data.results.length === 0 ? <p className="muted">{data.query ? t('listings.evidence.noResults') : t('listings.evidence.noSuggestions')}</p> : null}
			<ul className="plain-list stack" data-testid="evidence-results">
				{data.results.map((item) => (
					<li key={item.id} className="row">
						<EvidenceFacts item={item} locale={locale} ownOrganisationId={data.organisationId} />
						<Form method="post" action={action} className="inline-form">
							<input type="hidden" name="intent" value="link" />
							<input type="hidden" name="taskResultId" value={item.id} />
							<input type="hidden" name="evidenceQuery" value={data.query} />
							<button type="submit" className="button button--small" disabled={full}>
								{t('listings.evidence.link')}
							</button>
						</Form>
					</li>
				))}
			</ul>
		</section>
	)
}
