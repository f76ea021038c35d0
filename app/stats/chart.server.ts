/**
 * Draws a statistics table as SVG on the server with Vega-Lite (docs/decisions/015-statistics.md),
 * so the page shows its charts without JavaScript. The chart reads the same rows as the table
 * under it; it is an image of the table (aria-hidden text, the table is what screen readers read).
 */
import { createHash } from 'node:crypto'
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import type { AppLocale } from '~/locales'
import type { StatTable } from './table'

const WIDTH = 560
const PALETTE = ['#1d4ed8', '#c2410c', '#15803d', '#7e22ce']

const NUMBER_LOCALES = {
	vi: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] as [string, string] },
	en: { decimal: '.', thousands: ',', grouping: [3], currency: ['₫', ''] as [string, string] },
}

function spec(table: StatTable): TopLevelSpec | null {
	const chart = table.chart
	if (!chart || table.rows.length === 0) return null
	const labels = new Map(table.columns.map((c) => [c.key, c]))
	const series = chart.series.map((key) => labels.get(key)!)
	const values = table.rows.flatMap((row) =>
		series.map((s) => ({ category: String(row[chart.x] ?? ''), series: s.label, value: typeof row[s.key] === 'number' ? row[s.key] : 0 })),
	)
	const shares = series.every((s) => s.kind === 'share')
	const valueAxis = { title: null, format: shares ? '.0%' : ',.0f', tickMinStep: shares ? undefined : 1, grid: true }
	const order = table.rows.map((row) => String(row[chart.x] ?? ''))
	const categoryAxis = { title: null, labelLimit: 260, labelAngle: chart.type === 'hbar' ? 0 : undefined }
	const color = {
		field: 'series',
		type: 'nominal' as const,
		sort: series.map((s) => s.label),
		scale: { range: PALETTE },
		legend: series.length > 1 ? { title: null, orient: 'bottom' as const } : null,
	}
	const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values }, background: 'white', config: { font: 'DejaVu Sans, sans-serif', view: { stroke: null }, axis: { labelFontSize: 12 }, legend: { labelFontSize: 12, labelLimit: 360 } } }
	if (chart.type === 'line') {
		return {
			...base,
			width: WIDTH,
			height: 220,
			mark: { type: 'line', point: true },
			encoding: { x: { field: 'category', type: 'ordinal', sort: order, axis: { ...categoryAxis, labelAngle: -45 } }, y: { field: 'value', type: 'quantitative', axis: valueAxis }, color },
		} as TopLevelSpec
	}
	if (chart.type === 'hbar') {
		const band = series.length > 1 ? 12 * series.length + 8 : 24
		return {
			...base,
			width: WIDTH - 240,
			height: { step: band },
			mark: { type: 'bar' },
			encoding: {
				y: { field: 'category', type: 'nominal', sort: order, axis: categoryAxis },
				x: { field: 'value', type: 'quantitative', axis: valueAxis },
				...(series.length > 1 ? { yOffset: { field: 'series', sort: series.map((s) => s.label) } } : {}),
				color,
			},
		} as TopLevelSpec
	}
	return {
		...base,
		width: WIDTH,
		height: 220,
		mark: { type: 'bar' },
		encoding: {
			x: { field: 'category', type: 'nominal', sort: order, axis: { ...categoryAxis, labelAngle: 0 } },
			y: { field: 'value', type: 'quantitative', axis: valueAxis },
			...(series.length > 1 ? { xOffset: { field: 'series', sort: series.map((s) => s.label) } } : {}),
			color,
		},
	} as TopLevelSpec
}

// Drawing costs milliseconds of CPU per chart while most requests ask for the same few tables
// (the public page with its default filters): drawings are kept by their input's digest.
const drawn = new Map<string, Promise<string | null>>()
const DRAWN_MAX = 500

/** The table's chart as an SVG document, or null when it has none or no rows. */
export function renderChartSvg(table: StatTable, locale: AppLocale): Promise<string | null> {
	const key = createHash('sha256').update(JSON.stringify([locale, table.chart, table.columns, table.rows])).digest('base64url')
	let svg = drawn.get(key)
	if (svg) {
		// Refresh its place: the map iterates oldest first, so the least recently used goes first.
		drawn.delete(key)
	} else {
		svg = draw(table, locale).catch((error: unknown) => {
			drawn.delete(key)
			throw error
		})
		if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value!)
	}
	drawn.set(key, svg)
	return svg
}

async function draw(table: StatTable, locale: AppLocale): Promise<string | null> {
	const lite = spec(table)
	if (!lite) return null
	// At run time the option takes locale definitions ({ number, time }), not the formatters vega's typings name.
	const options = { renderer: 'none', locale: { number: NUMBER_LOCALES[locale] } } as unknown as vega.ViewOptions
	const view = new vega.View(vega.parse(compile(lite).spec), options)
	try {
		const svg = await view.toSVG()
		// The table below carries the figures for assistive technology; the picture is decoration to it.
		return svg.replace('<svg ', `<svg aria-hidden="true" focusable="false" `)
	} finally {
		view.finalize()
	}
}
