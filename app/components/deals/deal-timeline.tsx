import { useTranslation } from 'react-i18next'
import type { DealStage } from '~/deals/pipeline'
import type { AppLocale } from '~/locales'
import { formatDateTime, formatVnd } from '~/utils/format'

type Event = { id: string; kind: string; fromStage: DealStage | null; toStage: DealStage | null; data: unknown; createdAt: Date; actor: { name: string } | null }

/** Every change of the deal, oldest first, with who made it (or "Cầu Nối" for the platform's own moves). */
export function DealTimeline({ events, locale }: { events: Event[]; locale: AppLocale }) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	return (
		<section className="card">
			<h2>{t('deals.timeline.title')}</h2>
			<ol className="plain-list deal-timeline" data-testid="deal-timeline">
				{events.map((e) => {
					const data = (e.data ?? {}) as Record<string, unknown>
					const params: Record<string, unknown> = {
						...data,
						from: e.fromStage ? t(`deals.stages.${e.fromStage}`) : '',
						to: e.toStage ? t(`deals.stages.${e.toStage}`) : '',
						side: typeof data.side === 'string' ? tk(`deals.roles.${data.side}`) : '',
						amount: typeof data.amount === 'string' && /^\d+$/.test(data.amount) ? formatVnd(BigInt(data.amount), locale) : '',
						provider: typeof data.provider === 'string' ? tk(`deals.payments.providers.${data.provider}`) : '',
					}
					return (
						<li key={e.id} data-kind={e.kind}>
							<time dateTime={new Date(e.createdAt).toISOString()} className="muted">
								{formatDateTime(e.createdAt, locale)}
							</time>{' '}
							<strong>{e.actor?.name ?? t('deals.timeline.platform')}</strong>: {tk(`deals.timeline.kinds.${e.kind}`, { ...params, defaultValue: e.kind })}
							{e.kind === 'stage' && typeof data.reason === 'string' ? <span className="muted"> ({data.reason})</span> : null}
						</li>
					)
				})}
			</ol>
		</section>
	)
}
