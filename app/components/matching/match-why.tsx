import { useTranslation } from 'react-i18next'
import type { Component, EvidenceItem, Term } from '~/matching/page.server'

const pct = (x: number) => Math.round(x * 100)

/** "Why this match": the score's components with their contributions, the shared words and the evidence. */
export function MatchWhy({ components, terms, evidence, open = false }: { components: Component[]; terms: Term[]; evidence: EvidenceItem[]; open?: boolean }) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	return (
		<details className="match-why" open={open} data-testid="match-why">
			<summary>{t('matching.match.why')}</summary>
			<h4>{t('matching.match.components')}</h4>
			<ul className="match-components">
				{components.map((c) => (
					<li key={c.name} data-component={c.name}>
						<span>{tk(`matching.components.${c.name}`)}</span>
						<meter min={0} max={1} value={c.value} aria-label={tk(`matching.components.${c.name}`)} />
						<span className="muted">
							{pct(c.value)}% → +{pct(c.contribution)}
						</span>
					</li>
				))}
			</ul>
			{terms.length > 0 ? (
				<>
					<h4>{t('matching.match.terms')}</h4>
					<ul className="chips" data-testid="match-terms">
						{terms.slice(0, 10).map((term) => (
							<li key={term.term} className="chip" title={t('matching.match.inFields', { fields: term.fields.map((f) => tk(`matching.fields.${f}`)).join(', ') })}>
								{term.term}
								{term.source === 'synonym' ? <span className="muted"> ({t('matching.match.synonym')})</span> : null}
							</li>
						))}
					</ul>
				</>
			) : null}
			{evidence.length > 0 ? (
				<>
					<h4>{t('matching.match.evidence')}</h4>
					<ul>
						{evidence.map((e) => (
							<li key={e.id}>{e.title}</li>
						))}
					</ul>
				</>
			) : null}
		</details>
	)
}
