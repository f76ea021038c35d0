import { useTranslation } from 'react-i18next'
import type { ListingStatusValue } from '~/models/listing-schema'

const TONE: Record<ListingStatusValue, string> = {
	DRAFT: 'badge--muted',
	SUBMITTED: 'badge--warn',
	PUBLISHED: 'badge--ok',
	RETURNED: 'badge--error',
	ARCHIVED: 'badge--muted',
	EXPIRED: 'badge--muted',
}

export function StatusBadge({ status, pending }: { status: ListingStatusValue; pending?: 'review' | 'returned' | null }) {
	const { t } = useTranslation()
	return (
		<>
			<span className={`badge ${TONE[status]}`} data-testid="listing-status">
				{t(`listings.status.${status}`)}
			</span>
			{pending ? <span className="badge badge--warn">{t(pending === 'review' ? 'listings.status.pendingEdits' : 'listings.status.returnedEdits')}</span> : null}
		</>
	)
}
