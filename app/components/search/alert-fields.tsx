import { useTranslation } from 'react-i18next'
import { ALERT_CHANNELS, ALERT_FREQUENCIES } from '~/models/saved-search.shared'

/** The two choices of a saved search's alerts: how often, and by which channel. */
export function AlertFields({ idPrefix, frequency, channel }: { idPrefix: string; frequency: string; channel: string }) {
	const { t } = useTranslation()
	return (
		<div className="grid-2 grid-2--tight">
			<div className="field">
				<label htmlFor={`${idPrefix}-frequency`}>{t('search.saved.frequency')}</label>
				<select id={`${idPrefix}-frequency`} name="frequency" defaultValue={frequency}>
					{ALERT_FREQUENCIES.map((f) => (
						<option key={f} value={f}>
							{t(`search.saved.frequencies.${f}`)}
						</option>
					))}
				</select>
			</div>
			<div className="field">
				<label htmlFor={`${idPrefix}-channel`}>{t('search.saved.channel')}</label>
				<select id={`${idPrefix}-channel`} name="channel" defaultValue={channel}>
					{ALERT_CHANNELS.map((c) => (
						<option key={c} value={c}>
							{t(`search.saved.channels.${c}`)}
						</option>
					))}
				</select>
			</div>
		</div>
	)
}
