import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'

/** Previous/next links that keep every other search parameter in the URL. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
	const { t } = useTranslation()
	const location = useLocation()
	if (pages <= 1) return null
	const href = (p: number) => {
		const params = new URLSearchParams(location.search)
		params.set('page', String(p))
		return `${location.pathname}?${params.toString()}`
	}
	return (
		<nav className="pagination" aria-label={t('common.page', { page, pages })}>
			{page > 1 ? (
				<Link to={href(page - 1)} rel="prev">
					← {t('common.previous')}
				</Link>
			) : (
				<span />
			)}
			<span>{t('common.page', { page, pages })}</span>
			{page < pages ? (
				<Link to={href(page + 1)} rel="next">
					{t('common.next')} →
				</Link>
			) : (
				<span />
			)}
		</nav>
	)
}
