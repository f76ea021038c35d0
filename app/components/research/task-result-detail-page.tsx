import { useTranslation } from 'react-i18next'
import { Link, useLoaderData } from 'react-router'
import { ExpertName, yearsText } from '~/components/research/common'
import { PRODUCT_KINDS, type TaskProduct } from '~/models/task-result-schema'
import type { TaskResultDetailData } from '~/task-results/detail.server'
import { formatDate } from '~/utils/format'

/** /task-results/:id: the registered result, who did it, and the offers it backs (or who to contact when there is none). */
export function TaskResultDetailPage() {
	const { taskResult: r, people, fieldNames, locale } = useLoaderData() as TaskResultDetailData
	const { t } = useTranslation()
	const period = yearsText(r.startYear, r.endYear)
	const products = (Array.isArray(r.products) ? (r.products as TaskProduct[]) : []).filter((p) => p && p.description)
	const byKind = PRODUCT_KINDS.map((kind) => ({ kind, items: products.filter((p) => (p.kind ?? 'OTHER') === kind) })).filter((g) => g.items.length > 0)
	const host = r.hostOrganisation ? <Link to={`/organisations/${r.hostOrganisation.slug}`}>{r.hostName}</Link> : <>{r.hostName}</>
	return (
		<article className="page" data-testid="task-result-detail">
			<header className="page-head">
				<div>
					<p className="meta-line">
						<span className="badge">{t('taskResults.detail.kind')}</span>
						<span className="badge badge--muted">{r.taskCode}</span>
						<span className="badge">{t(`taskResults.levels.${r.level}`)}</span>
					</p>
					<h1>{r.title}</h1>
					<p className="meta-line">
						<span>{host}</span>
						{r.province ? <span>{locale === 'vi' ? r.province.nameVi : r.province.nameEn}</span> : null}
						{period ? <span>{period}</span> : null}
						{r.registrationNumber ? <span>{t('taskResults.detail.registered', { number: r.registrationNumber })}</span> : null}
					</p>
				</div>
				<Link to="/task-results" className="button button--ghost">
					{t('taskResults.detail.backToList')}
				</Link>
			</header>
			<div className="detail-grid">
				<div className="stack">
					{r.abstract ? (
						<section className="card">
							<h2>{t('taskResults.fields.abstract')}</h2>
							<p className="prewrap">{r.abstract}</p>
						</section>
					) : null}
					{byKind.length > 0 ? (
						<section className="card">
							<h2>{t('taskResults.fields.products')}</h2>
							<dl className="facts">
								{byKind.map((g) => (
									<div key={g.kind} className="facts-group">
										<dt>{t(`taskResults.productKinds.${g.kind}`)}</dt>
										<dd>
											<ul className="plain-list">
												{g.items.map((p, i) => (
													<li key={i}>{p.description}</li>
												))}
											</ul>
										</dd>
									</div>
								))}
							</dl>
						</section>
					) : null}
					<section className="card" data-testid="task-result-offers" aria-labelledby="offers-title">
						<h2 id="offers-title">{t('taskResults.detail.offersTitle')}</h2>
						{r.offers.length > 0 ? (
							<>
								<p className="muted">{t('taskResults.detail.offersLead')}</p>
								<ul className="plain-list">
									{r.offers.map(({ offer }) => (
										<li key={offer.id}>
											<Link to={`/offers/${offer.id}`}>{offer.title}</Link>
											<span className="muted">
												{' · '}
												<Link to={`/organisations/${offer.organisation.slug}`}>{offer.organisation.name}</Link>
												{offer.trl ? ` · TRL ${offer.trl}` : ''}
											</span>
										</li>
									))}
								</ul>
							</>
						) : (
							<div className="notice" data-testid="not-offered">
								<p>{t('taskResults.detail.notOffered')}</p>
								<p>
									{r.hostOrganisation ? (
										<>
											{t('taskResults.detail.contactHost')} <Link to={`/organisations/${r.hostOrganisation.slug}`}>{r.hostOrganisation.name}</Link>
											{r.hostOrganisation.email ? (
												<>
													{' · '}
													<a href={`mailto:${r.hostOrganisation.email}`}>{r.hostOrganisation.email}</a>
												</>
											) : null}
											{r.hostOrganisation.phone ? ` · ${r.hostOrganisation.phone}` : null}
										</>
									) : (
										t('taskResults.detail.contactHostOffline', { host: r.hostName })
									)}
								</p>
							</div>
						)}
					</section>
					<section className="card" aria-labelledby="experts-title">
						<h2 id="experts-title">{t('taskResults.detail.expertsTitle')}</h2>
						{r.experts.length > 0 ? (
							<ul className="plain-list">
								{r.experts.map(({ expert, role }) => (
									<li key={expert.id}>
										<Link to={`/experts/${expert.id}`}>
											<ExpertName expert={expert} />
										</Link>{' '}
										<span className="badge badge--muted">{t(`experts.roles.${role}`)}</span>
										{expert.organisationName ? <span className="muted"> · {expert.organisationName}</span> : null}
									</li>
								))}
							</ul>
						) : (
							<p className="muted">{t('taskResults.detail.noExperts')}</p>
						)}
					</section>
				</div>
				<aside className="stack">
					<section className="card">
						<dl className="facts">
							<dt>{t('taskResults.fields.taskCode')}</dt>
							<dd>{r.taskCode}</dd>
							<dt>{t('taskResults.fields.level')}</dt>
							<dd>{t(`taskResults.levels.${r.level}`)}</dd>
							<dt>{t('taskResults.fields.managingAgency')}</dt>
							<dd>{r.managingAgency || t('taskResults.fields.notSet')}</dd>
							<dt>{t('taskResults.fields.host')}</dt>
							<dd>{host}</dd>
							<dt>{t('taskResults.fields.province')}</dt>
							<dd>{r.province ? (locale === 'vi' ? r.province.nameVi : r.province.nameEn) : t('taskResults.fields.notSet')}</dd>
							<dt>{t('taskResults.fields.years')}</dt>
							<dd>{period || t('taskResults.fields.notSet')}</dd>
							<dt>{t('taskResults.fields.principalInvestigator')}</dt>
							<dd>
								<People people={people.filter((p) => p.role === 'PRINCIPAL_INVESTIGATOR')} empty={t('taskResults.fields.notSet')} />
							</dd>
							<dt>{t('taskResults.fields.members')}</dt>
							<dd>
								<People people={people.filter((p) => p.role === 'MEMBER')} empty={t('taskResults.fields.notSet')} />
							</dd>
							<dt>{t('taskResults.fields.fieldCodes')}</dt>
							<dd>
								{r.fieldCodes.length > 0
									? r.fieldCodes.map((c) => (
											<Link key={c} to={`/task-results?field=${c}`} className="badge">
												{fieldNames[c] ?? c}
											</Link>
										))
									: t('taskResults.fields.notSet')}
							</dd>
							{r.keywords.length > 0 ? (
								<>
									<dt>{t('taskResults.fields.keywords')}</dt>
									<dd>{r.keywords.join(', ')}</dd>
								</>
							) : null}
							<dt>{t('taskResults.fields.applicationStatus')}</dt>
							<dd>{t(`taskResults.applicationStatuses.${r.applicationStatus}`)}</dd>
							<dt>{t('taskResults.fields.registrationNumber')}</dt>
							<dd>{r.registrationNumber ?? t('taskResults.fields.notSet')}</dd>
							<dt>{t('taskResults.fields.registrationDate')}</dt>
							<dd>{r.registrationDate ? formatDate(r.registrationDate, locale) : t('taskResults.fields.notSet')}</dd>
						</dl>
					</section>
				</aside>
			</div>
		</article>
	)
}

function People({ people, empty }: { people: Array<{ name: string; expertId: string | null }>; empty: string }) {
	if (people.length === 0) return <>{empty}</>
	return (
		<ul className="inline-list">
			{people.map((p, i) => (
				<li key={`${p.name}-${i}`}>{p.expertId ? <Link to={`/experts/${p.expertId}`}>{p.name}</Link> : p.name}</li>
			))}
		</ul>
	)
}
