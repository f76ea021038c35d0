import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ExpertName, yearsText } from '~/components/research/common'

type Props = {
	organisationId: string
	taskResults: { items: Array<{ id: string; taskCode: string; title: string; startYear: number | null; endYear: number | null }>; total: number }
	experts: { items: Array<{ id: string; fullName: string; academicTitle: 'PROFESSOR' | 'ASSOCIATE_PROFESSOR' | null; degree: string | null }>; total: number }
}

/** The organisation page's card of hosted task results and experts, each with a link to the filtered list. */
export function OrganisationResearch({ organisationId, taskResults, experts }: Props) {
	const { t } = useTranslation()
	if (taskResults.total === 0 && experts.total === 0) return null
	const filter = `organisation=${encodeURIComponent(organisationId)}`
	return (
		<section className="card" data-testid="organisation-research">
			{taskResults.total > 0 ? (
				<>
					<h2>{t('taskResults.organisation.title')}</h2>
					<ul className="plain-list">
						{taskResults.items.map((r) => {
							const period = yearsText(r.startYear, r.endYear)
							return (
								<li key={r.id}>
									<Link to={`/task-results/${r.id}`}>{r.title}</Link>
									<span className="muted">
										{' · '}
										{r.taskCode}
										{period ? ` · ${period}` : ''}
									</span>
								</li>
							)
						})}
					</ul>
					<p>
						<Link to={`/task-results?${filter}`}>{t('taskResults.organisation.all', { count: taskResults.total })}</Link>
					</p>
				</>
			) : null}
			{experts.total > 0 ? (
				<>
					<h2>{t('experts.organisation.title')}</h2>
					<ul className="plain-list">
						{experts.items.map((e) => (
							<li key={e.id}>
								<Link to={`/experts/${e.id}`}>
									<ExpertName expert={e} />
								</Link>
							</li>
						))}
					</ul>
					<p>
						<Link to={`/experts?${filter}`}>{t('experts.organisation.all', { count: experts.total })}</Link>
					</p>
				</>
			) : null}
		</section>
	)
}
