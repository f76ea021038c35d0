import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export type DuplicateItem = { type: 'offer' | 'demand' | 'task-result'; id: string; title: string; organisation: string; similarity: number }

const HREF = { offer: '/offers', demand: '/demands', 'task-result': '/task-results' } as const

/** "Possible duplicates": existing records that read almost like this one. Renders nothing when there are none. */
export function DuplicatesPanel({ items, compact = false }: { items: DuplicateItem[]; compact?: boolean }) {
	const { t } = useTranslation()
	if (items.length === 0) return null
	return (
		<section className={compact ? 'duplicates' : 'card duplicates notice notice--warn'} data-testid="duplicates" aria-label={t('matching.duplicates.title')}>
			{compact ? null : (
				<>
					<h2>{t('matching.duplicates.title')}</h2>
					<p>{t('matching.duplicates.lead')}</p>
				</>
			)}
			<ul>
				{items.map((d) => (
					<li key={`${d.type}:${d.id}`} data-testid="duplicate">
						<span className="badge badge--warn">{t(`matching.duplicates.${d.type}`)}</span> <Link to={`${HREF[d.type]}/${d.id}`}>{d.title}</Link>
						{d.organisation ? <span className="muted"> · {d.organisation}</span> : null}
						<span className="muted"> · {t('matching.duplicates.similarity', { score: Math.round(d.similarity * 100) })}</span>
					</li>
				))}
			</ul>
		</section>
	)
}
