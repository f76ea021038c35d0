import type { AppLocale } from '~/locales'

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

/** 1536 -> "1,5 kB" (vi) or "1.5 kB" (en). Steps of 1024, as file managers on Windows show sizes. */
export function formatFileSize(bytes: number, locale: AppLocale) {
	let value = Math.max(0, bytes)
	let unit = 0
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024
		unit++
	}
	return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
		style: 'unit',
		unit: UNITS[unit],
		unitDisplay: 'short',
		maximumFractionDigits: unit === 0 ? 0 : 1,
	}).format(value)
}
