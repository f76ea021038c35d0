import { formatDistanceToNow } from 'date-fns'
import { enGB, vi } from 'date-fns/locale'
import type { AppLocale } from '~/locales'

// Intl formats VND with no minor unit; Vietnamese groups with dots and puts ₫ after the number.
const vndFormatters = {
	vi: new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }),
	en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'VND', currencyDisplay: 'symbol', maximumFractionDigits: 0 }),
}

/** 1500000000 -> "1.500.000.000 ₫" (vi) or "₫1,500,000,000" (en). Amounts are whole đồng. */
export function formatVnd(amount: number | bigint, locale: AppLocale) {
	return vndFormatters[locale].format(amount).replace(/\u00a0/g, ' ')
}

const dateLocales = { vi, en: enGB }

// Times show in Vietnam's time zone on the server and in every browser, so pages hydrate identically.
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

// Building an Intl formatter costs about 15 times more than using one; list pages format hundreds of dates.
const partsFormatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
})

function parts(date: Date | string | number) {
	const map = Object.fromEntries(partsFormatter.formatToParts(new Date(date)).map((p) => [p.type, p.value]))
	return { day: Number(map.day), month: Number(map.month), year: Number(map.year), hour: map.hour, minute: map.minute }
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "23/11/2026" (vi) or "23 Nov 2026" (en), in Vietnam's time zone. */
export function formatDate(date: Date | string | number, locale: AppLocale) {
	const p = parts(date)
	return locale === 'vi' ? `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}` : `${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`
}

/** "23/11/2026 14:05" (vi) or "23 Nov 2026, 14:05" (en), in Vietnam's time zone. */
export function formatDateTime(date: Date | string | number, locale: AppLocale) {
	const p = parts(date)
	return `${formatDate(date, locale)}${locale === 'vi' ? ' ' : ', '}${p.hour}:${p.minute}`
}

/** "3 phút trước" / "3 minutes ago". */
export function formatRelative(date: Date | string | number, locale: AppLocale) {
	return formatDistanceToNow(new Date(date), { addSuffix: true, locale: dateLocales[locale] })
}

export function formatNumber(value: number, locale: AppLocale) {
	return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')
}
