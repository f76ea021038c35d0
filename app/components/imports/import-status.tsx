import { useTranslation } from 'react-i18next'

const TONE: Record<string, string> = { APPLIED: 'badge--ok', VALIDATED: 'badge--warn', FAILED: 'badge--error' }

export function ImportStatusBadge({ status }: { status: string }) {
	const { t } = useTranslation()
	return <span className={`badge ${TONE[status] ?? 'badge--muted'}`}>{t(`imports.statuses.${status as 'QUEUED'}`)}</span>
}
