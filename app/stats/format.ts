/**
 * How a statistics value is written on the page and in the downloads, so both show the same
 * figure: shares as per cent with one decimal, times with one decimal, counts and money whole.
 */
import type { AppLocale } from '~/locales'
import { formatVnd } from '~/utils/format'
import type { ColumnKind, StatColumn, StatTable, StatValue } from './table'

const round1 = (value: number) => Math.round(value * 10) / 10

/** The value a download cell holds: a number where the page shows one, '' where it shows a dash. */
export function exportValue(value: StatValue, kind: ColumnKind): string | number {
	if (value === null) return ''
	if (typeof value === 'string') return value
	if (kind === 'share') return round1(value * 100)
	if (kind === 'days' || kind === 'hours') return round1(value)
	return Math.round(value)
}

/** A column's heading in a download: shares say they are per cent. */
export function exportHeader(column: StatColumn) {
	return column.kind === 'share' ? `${column.label} (%)` : column.label
}

export function exportRows(table: StatTable) {
	return table.rows.map((row) => table.columns.map((c) => exportValue(row[c.key] ?? null, c.kind)))
}

const numberFormats = {
	vi: { whole: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }), one: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
	en: { whole: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }), one: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
}

/** The value as the page's table shows it. */
export function displayValue(value: StatValue, kind: ColumnKind, locale: AppLocale, dash = '—') {
	if (value === null) return dash
	if (typeof value === 'string') return value
	const f = numberFormats[locale]
	if (kind === 'share') return `${f.one.format(round1(value * 100))} %`
	if (kind === 'days' || kind === 'hours') return f.one.format(round1(value))
	if (kind === 'vnd') return formatVnd(Math.round(value), locale)
	return f.whole.format(Math.round(value))
}
