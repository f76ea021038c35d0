import { useTranslation } from 'react-i18next'
import { OPEN_STAGES, type DealStage } from '~/deals/pipeline'

/** The pipeline as steps, the current one marked; a cancelled deal shows where it stopped. */
export function DealStageBar({ stage }: { stage: DealStage }) {
	const { t } = useTranslation()
	const steps = [...OPEN_STAGES, 'CLOSED'] as const
	const at = steps.indexOf(stage as (typeof steps)[number])
	return (
		<ol className="steps deal-steps" aria-label={t('deals.detail.pipeline')}>
			{steps.map((s, i) => (
				<li key={s} className={i < at ? 'done' : i === at ? 'current' : undefined} aria-current={i === at ? 'step' : undefined}>
					{t(`deals.stages.${s}`)}
				</li>
			))}
		</ol>
	)
}
