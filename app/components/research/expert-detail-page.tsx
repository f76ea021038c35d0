import { useTranslation } from 'react-i18next'
import { Link, useLoaderData } from 'react-router'
import { ExpertName, yearsText } from '~/components/research/common'
import type { ExpertDetailData } from '~/experts/detail.server'

/** /experts/:id: the profile, its task participation and publications, and the expertise summary. */
export function ExpertDetailPage() {
	const { expert: e, expertise, fieldNames, locale } = useLoaderData() as ExpertDetailData
	const { t } = useTranslation()
	const organisation = e.organisation ? <Link to={`/organisations/${e.organisation.slug}`}>{e.organisationName || e.organisation.name}</Link> : e.organisationName
	return (
		<article className="page" data-testid="expert-detail">
			<header className="page-head">
				<div>
					<p className="meta-line">
						<span className="badge">{t('experts.detail.kind')}</span>
						{e.claimedAt ? <span className="badge badge--ok">✓ {t('experts.detail.claimed')}</span> : null}
					</p>
					<h1>
						<ExpertName expert={e} />
					</h1>
					<p className="meta-line">
						{e.academicTitle ? <span>{t(`experts.academicTitles.${e.academicTitle}`)}</span> : null}
						{e.degree ? <span>{t(`experts.degrees.${e.degree}`)}</span> : null}
						{organisation ? <span>{organisation}</span> : null}
						{e.province ? <span>{locale === 'vi' ? e.province.nameVi : e.province.nameEn}</span> : null}
					</p>
					<p className="meta-line" data-testid="availability">
						{e.availableForAppraisal ? <span className="badge badge--ok">{t('experts.detail.appraisal')}</span> : null}
						{e.availableForConsulting ? <span className="badge badge--ok">{t('experts.detail.consulting')}</span> : null}
						{!e.availableForAppraisal && !e.availableForConsulting ? <span>{t('experts.detail.notAvailable')}</span> : null}
						{e.availabilityNote ? <span>{e.availabilityNote}</span> : null}
					</p>
				</div>
				<Link to="/experts" className="button button--ghost">
					{t('experts.detail.backToList')}
				</Link>
			</header>
			<div className="detail-grid">
				<div className="stack">
					{e.bio ? (
						<section className="card">
							<h2>{t('experts.fields.bio')}</h2>
							<p className="prewrap">{e.bio}</p>
						</section>
					) : null}
					<section className="card" aria-labelledby="tasks-title">
						<h2 id="tasks-title">{t('experts.fields.tasks')}</h2>
						{e.tasks.length > 0 ? (
							<ul className="plain-list">
								{e.tasks.map(({ role, taskResult: r }) => {
									const period = yearsText(r.startYear, r.endYear)
									return (
										<li key={r.id}>
											<span className="badge badge--muted">{r.taskCode}</span> <Link to={`/task-results/${r.id}`}>{r.title}</Link>
											<p className="meta-line">
												<span className="badge">{t(`experts.roles.${role}`)}</span>
												<span>{t(`taskResults.levels.${r.level}`)}</span>
												{period ? <span>{period}</span> : null}
												<span>{r.hostName}</span>
											</p>
										</li>
									)
								})}
							</ul>
						) : (
							<p className="muted">{t('experts.detail.noTasks')}</p>
						)}
					</section>
					<section className="card" aria-labelledby="publications-title">
						<h2 id="publications-title">{t('experts.fields.publications')}</h2>
						{e.publications.length > 0 ? (
							<ol className="publication-list">
								{e.publications.map((p) => (
									<li key={p.id}>
										<span>{p.title}</span>
										{p.venue || p.year ? <span className="muted"> · {[p.venue, p.year].filter(Boolean).join(', ')}</span> : null}
									</li>
								))}
							</ol>
						) : (
							<p className="muted">{t('experts.detail.noPublications')}</p>
						)}
					</section>
				</div>
				<aside className="stack">
					<section className="card" aria-labelledby="expertise-title" data-testid="expertise">
						<h2 id="expertise-title">{t('experts.detail.expertise')}</h2>
						{expertise.fields.length === 0 && expertise.keywords.length === 0 ? (
							<p className="muted">{t('experts.detail.expertiseEmpty')}</p>
						) : (
							<>
								<p className="muted">{t('experts.detail.expertiseLead')}</p>
								{expertise.fields.length > 0 ? (
									<>
										<h3>{t('experts.detail.expertiseFields')}</h3>
										<ul className="bar-list">
											{expertise.fields.map((f) => {
												const share = Math.round(f.share * 100)
												return (
													<li key={f.code}>
														<span className="bar-list__label">
															<Link to={`/experts?field=${f.code}`}>{fieldNames[f.code] ?? f.code}</Link>
															<span className="muted">{t('experts.detail.share', { share })}</span>
														</span>
														<span className="bar" aria-hidden="true">
															<span style={{ width: `${Math.max(2, share)}%` }} />
														</span>
													</li>
												)
											})}
										</ul>
									</>
								) : null}
								{expertise.keywords.length > 0 ? (
									<>
										<h3>{t('experts.detail.expertiseKeywords')}</h3>
										<ul className="bar-list">
											{expertise.keywords.map((k) => (
												<li key={k.keyword}>
													<span className="bar-list__label">
														<Link to={`/experts?q=${encodeURIComponent(k.keyword)}`}>{k.keyword}</Link>
													</span>
													<span className="bar bar--soft" aria-hidden="true">
														<span style={{ width: `${Math.max(2, Math.round(k.weight * 100))}%` }} />
													</span>
												</li>
											))}
										</ul>
									</>
								) : null}
							</>
						)}
					</section>
					<section className="card">
						<dl className="facts">
							<dt>{t('experts.fields.organisation')}</dt>
							<dd>{organisation || t('experts.fields.notSet')}</dd>
							<dt>{t('experts.fields.province')}</dt>
							<dd>{e.province ? (locale === 'vi' ? e.province.nameVi : e.province.nameEn) : t('experts.fields.notSet')}</dd>
							<dt>{t('experts.fields.fieldCodes')}</dt>
							<dd>
								{e.fieldCodes.length > 0
									? e.fieldCodes.map((c) => (
											<Link key={c} to={`/experts?field=${c}`} className="badge">
												{fieldNames[c] ?? c}
											</Link>
										))
									: t('experts.fields.notSet')}
							</dd>
							<dt>{t('experts.fields.keywords')}</dt>
							<dd>{e.keywords.length > 0 ? e.keywords.join(', ') : t('experts.fields.notSet')}</dd>
						</dl>
					</section>
				</aside>
			</div>
		</article>
	)
}
