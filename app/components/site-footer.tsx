import { useTranslation } from 'react-i18next'

export function SiteFooter() {
	const { t } = useTranslation()
	return (
		<footer className="site-footer">
			<p>{t('footer.tagline')}</p>
			<p>
				<a href="/stats">{t('stats.publicTitle')}</a> · <a href="/api/v1/openapi.json">{t('footer.api')}</a>
			</p>
		</footer>
	)
}
