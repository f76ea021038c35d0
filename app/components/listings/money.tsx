import { useTranslation } from 'react-i18next'
import { formatVnd } from '~/utils/format'

type Props = { min: bigint | number | null; max: bigint | number | null; open: boolean; openLabel: 'negotiable' | 'undisclosed' }

/** A VND range as people read it: "500.000.000 ₫ – 1.200.000.000 ₫", "từ …", or "Thỏa thuận". */
export function MoneyRange({ min, max, open, openLabel }: Props) {
	const { t, i18n } = useTranslation()
	const locale = i18n.language === 'en' ? 'en' : 'vi'
	if (min === null && max === null) return <>{open ? t(`listings.fields.${openLabel}`) : t('listings.fields.notSet')}</>
	const f = (v: bigint | number) => formatVnd(v, locale)
	const text =
		min !== null && max !== null
			? min === max
				? f(min)
				: `${f(min)} – ${f(max)}`
			: min !== null
				? t('listings.fields.from', { value: f(min) })
				: t('listings.fields.upTo', { value: f(max!) })
	return (
		<>
			{text}
			{open ? ` (${t(`listings.fields.${openLabel}`)})` : ''}
		</>
	)
}
