// Reading one cell of an imported file: whatever the source (CSV text, an XLSX number or date,
// a JSON value), into clean text, lists, years and dates. Pure; shared by imports and the API.

/** A raw value as a reader hands it over. */
export type Cell = string | number | boolean | Date | null | undefined | readonly unknown[] | Record<string, unknown>

// Zero-width characters, the BOM and soft hyphens vanish; other invisible and control characters
// (except line breaks and tabs) become spaces, so "Hà\u00a0Nội" and "Hà Nội" are one name.
const VANISH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g
const SPACES = /[\p{Zs}\t\v\f\u0085\p{Cc}]/gu

/** One line of text: NFC, invisible characters dropped, runs of white space collapsed, trimmed. */
export function cleanLine(value: string) {
	return value.normalize('NFC').replace(VANISH, '').replace(/[\r\n\u2028\u2029]+/g, ' ').replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim()
}

/** Text that keeps its line breaks (abstracts, bios): each line cleaned, blank runs kept to one empty line. */
export function cleanText(value: string) {
	return value
		.normalize('NFC')
		.replace(VANISH, '')
		.split(/\r\n|[\r\n\u2028\u2029]/)
		.map((line) => line.replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim()
}

// Our CSV exports put an apostrophe before a cell that starts like a formula, so that spreadsheet
// programs keep it as text (export-file.server.ts); reading it back drops the apostrophe again.
const ESCAPED_FORMULA = /^'(?=[=+@]|-[^\d\s])/

/** The cell as text ('' when empty). Numbers keep their digits (Excel hands years and codes over as numbers). */
export function cellText(cell: Cell, multiline = false): string {
	if (cell === null || cell === undefined) return ''
	if (typeof cell === 'string') {
		const text = cell.replace(ESCAPED_FORMULA, '')
		return multiline ? cleanText(text) : cleanLine(text)
	}
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
	if (typeof cell === 'boolean') return cell ? 'true' : 'false'
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
	if (Array.isArray(cell)) return cell.map((c) => cellText(c as Cell, multiline)).filter(Boolean).join(multiline ? '\n' : '; ')
	return ''
}

/**
 * A list cell: an array (JSON), or text split at semicolons and line breaks (and at commas when the
 * cell has neither, as people type keyword lists). Items cleaned, blanks and repeats (ignoring case) dropped.
 */
export function cellList(cell: Cell, { commas = true }: { commas?: boolean } = {}): string[] {
	let items: string[]
	if (Array.isArray(cell)) items = cell.map((c) => cellText(c as Cell))
	else {
		const text = typeof cell === 'string' ? cell.normalize('NFC') : cellText(cell)
		const separator = /[;\n\r]/.test(text) || !commas ? /[;\n\r]+/ : /,/
		items = text.split(separator).map(cleanLine)
	}
	const seen = new Set<string>()
	const out: string[] = []
	for (const item of items) {
		if (!item) continue
		const key = item.toLocaleLowerCase('vi')
		if (seen.has(key)) continue
		seen.add(key)
		out.push(item)
	}
	return out
}

/** One item per line (products, publications): an array (JSON) or text split at line breaks. */
export function cellLines(cell: Cell): Array<string | Record<string, unknown>> {
	if (Array.isArray(cell)) return cell.filter((c) => c !== null && c !== undefined && c !== '') as Array<string | Record<string, unknown>>
	if (cell && typeof cell === 'object' && !(cell instanceof Date)) return [cell as Record<string, unknown>]
	return cellText(cell, true)
		.split('\n')
		.map((line) => line.replace(/^\s*(?:[-*•+]|\d{1,3}[.)])\s+/, '').trim())
		.filter(Boolean)
}

/** A year: 2019, "2019", "2019.0" (spreadsheets), a date in that year. NaN when unreadable, null when empty. */
export function cellYear(cell: Cell): number | null {
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? Number.NaN : cell.getUTCFullYear()
	const text = cellText(cell)
	if (!text) return null
	const match = /^(\d{4})(?:\.0+)?$/.exec(text)
	return match ? Number(match[1]) : Number.NaN
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/**
 * A calendar date as YYYY-MM-DD: ISO (2021-03-15), Vietnamese order (15/03/2021, 15-3-2021,
 * 15.03.2021), an XLSX date, or an Excel serial number. Null when empty, 'invalid' when unreadable
 * or not a real day (31/02).
 */
export function cellDate(cell: Cell): string | null | 'invalid' {
	if (cell === null || cell === undefined || cell === '') return null
	let y: number, m: number, d: number
	if (cell instanceof Date) {
		if (Number.isNaN(cell.getTime())) return 'invalid'
		// XLSX dates carry no zone: readers hand them over as UTC midnight.
		y = cell.getUTCFullYear()
		m = cell.getUTCMonth() + 1
		d = cell.getUTCDate()
	} else if (typeof cell === 'number') {
		if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return 'invalid'
		const date = new Date(EXCEL_EPOCH + cell * 86_400_000)
		y = date.getUTCFullYear()
		m = date.getUTCMonth() + 1
		d = date.getUTCDate()
	} else {
		const text = cellText(cell)
		if (!text) return null
		const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text)
		const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
		if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
		else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])]
		else return 'invalid'
	}
	const check = new Date(Date.UTC(y, m - 1, d))
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return 'invalid'
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
