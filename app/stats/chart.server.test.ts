// Charts drawn on the server: SVG from the table's rows, numbers in the page's language, nothing
// for a table without a chart or rows, and one drawing per distinct table.
import { describe, expect, test } from 'vitest'
import { renderChartSvg } from './chart.server'
import type { StatTable } from './table'

const values = (rows: StatTable['rows']): StatTable => ({
	id: 'dealValues',
	title: 'Giá trị',
	note: '',
	columns: [
		{ key: 'kind', label: 'Loại', kind: 'label' },
		{ key: 'total', label: 'Tổng', kind: 'vnd' },
	],
	rows,
	chart: { type: 'hbar', x: 'kind', series: ['total'] },
})

describe('renderChartSvg', () => {
	test('draws the rows as SVG with the locale’s number format, labels escaped', async () => {
		const table = values([
			{ kind: 'Đã ký <b>', total: 900_000_000 },
			{ kind: 'Ngoài sàn', total: 2_000_000_000 },
		])
		const vi = await renderChartSvg(table, 'vi')
		const en = await renderChartSvg(table, 'en')
		expect(vi).toMatch(/^<svg aria-hidden="true"/)
		expect(vi).toContain('800.000.000')
		expect(en).toContain('800,000,000')
		expect(vi).toContain('Đã ký &lt;b&gt;')
		expect(vi).not.toContain('<b>')
	})

	test('nothing to draw without rows or a chart; the same table is drawn once, a changed one again', async () => {
		expect(await renderChartSvg(values([]), 'vi')).toBeNull()
		expect(await renderChartSvg({ ...values([{ kind: 'a', total: 1 }]), chart: null }, 'vi')).toBeNull()
		const a = renderChartSvg(values([{ kind: 'a', total: 1 }]), 'vi')
		expect(renderChartSvg(values([{ kind: 'a', total: 1 }]), 'vi')).toBe(a)
		const changed = await renderChartSvg(values([{ kind: 'a', total: 2 }]), 'vi')
		expect(changed).not.toBe(await a)
	})
})
