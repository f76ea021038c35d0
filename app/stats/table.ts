/**
 * A statistics figure as the page, the chart, the downloads and the API all see it: translated
 * column labels, rows of plain values and the note that says how it is computed. One object, so
 * the download is exactly what the page shows.
 */

/** How a column's values are written: counts and money as whole numbers, shares as 0..1. */
export type ColumnKind = 'label' | 'count' | 'share' | 'vnd' | 'days' | 'hours' | 'text'

export type StatColumn = { key: string; label: string; kind: ColumnKind }

export type StatValue = string | number | null

export type StatRow = Record<string, StatValue>

/** What to draw: the x (or category) column and the count columns drawn as series. */
export type ChartSpec = { type: 'line' | 'bar' | 'hbar'; x: string; series: string[]; stacked?: boolean }

export const FIGURE_IDS = [
	'overTime',
	'byField',
	'byProvince',
	'byTrl',
	'byIpStatus',
	'byTransferMode',
	'funnel',
	'dealValues',
	'responseSignals',
	'unmetByField',
	'unmetTopics',
	'unofferedTaskResults',
] as const
export type FigureId = (typeof FIGURE_IDS)[number]

export function isFigureId(value: unknown): value is FigureId {
	return typeof value === 'string' && (FIGURE_IDS as readonly string[]).includes(value)
}

export type StatTable = {
	id: FigureId
	title: string
	/** How the figure is computed, in a sentence or two. */
	note: string
	columns: StatColumn[]
	rows: StatRow[]
	chart: ChartSpec | null
}
