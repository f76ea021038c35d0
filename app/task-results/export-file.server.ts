// Streams a table as a CSV or XLSX download: rows come from an async iterable (the caller pages
// through the database), so a long export never sits in memory. Shared by the task result and
// expert exports.
import { PassThrough, Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import { logger } from '~/utils/logger.server'

export type ExportFormat = 'csv' | 'xlsx'
export type ExportCell = string | number | null

/** Rows read from the database per query. */
export const EXPORT_CHUNK = 500
/** An export stops after this many rows; narrower filters give the rest. */
export const EXPORT_MAX_ROWS = 50_000

export function exportFormat(value: string | null): ExportFormat | null {
	return value === 'csv' || value === 'xlsx' ? value : null
}

/**
 * Pages through a query in chunks of EXPORT_CHUNK, in the query's own (total, id-ending) order,
 * yielding one record at a time.
 */
export async function* inChunks<T>(fetch: (skip: number, take: number) => Promise<T[]>, max = EXPORT_MAX_ROWS): AsyncGenerator<T> {
	for (let skip = 0; skip < max; skip += EXPORT_CHUNK) {
		const rows = await fetch(skip, Math.min(EXPORT_CHUNK, max - skip))
		yield* rows
		if (rows.length < EXPORT_CHUNK) return
	}
}

// Spreadsheet programs run a CSV cell that starts like a formula; a leading apostrophe keeps it text.
// (XLSX cells are typed, so they are written as they are.)
const FORMULA_START = /^[=+@\t\r]|^-[^\d\s]/

function csvCell(value: ExportCell) {
	if (value === null) return ''
	const text = String(value)
	return FORMULA_START.test(text) ? `'${text}` : text
}

async function* csvLines(headers: readonly string[], rows: AsyncIterable<ExportCell[]>) {
	yield headers.map((h) => csvCell(h))
	for await (const row of rows) yield row.map(csvCell)
}

function csvStream(headers: readonly string[], rows: AsyncIterable<ExportCell[]>) {
	// UTF-8 with a byte order mark: Excel otherwise reads Vietnamese as Windows-1252.
	const stringifier = stringify({ bom: true, record_delimiter: '\r\n' })
	const source = Readable.from(csvLines(headers, rows))
	source.on('error', (error) => stringifier.destroy(error))
	return source.pipe(stringifier)
}

function xlsxStream(headers: readonly string[], rows: AsyncIterable<ExportCell[]>, sheetName: string) {
	const out = new PassThrough()
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
	void (async () => {
		const header = sheet.addRow([...headers])
		header.font = { bold: true }
		header.commit()
		for await (const row of rows) {
			// Long texts keep their line breaks; cells are written as values, never formulas.
			sheet.addRow(row.map((v) => (v === null ? '' : v))).commit()
		}
		sheet.commit()
		await workbook.commit()
	})().catch((error: unknown) => {
		logger.error({ err: error }, 'export failed')
		out.destroy(error as Error)
	})
	return out
}

/** ASCII fallback and RFC 5987 name, so every browser saves "Kết quả nhiệm vụ 2026-11-23.xlsx" or at least the ASCII one. */
export function contentDisposition(asciiName: string, displayName: string) {
	const ascii = asciiName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(displayName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}

const TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The download: streamed, attachment, never cached (it may carry what only operators see). */
export function exportResponse(options: {
	format: ExportFormat
	headers: readonly string[]
	rows: AsyncIterable<ExportCell[]>
	/** File name without extension: ASCII and as shown. */
	asciiName: string
	displayName: string
	sheetName: string
}) {
	const { format, headers, rows } = options
	const node = format === 'csv' ? csvStream(headers, rows) : xlsxStream(headers, rows, options.sheetName)
	const body = Readable.toWeb(node) as unknown as ReadableStream<Uint8Array>
	return new Response(body, {
		status: 200,
		headers: {
			'Content-Type': TYPES[format],
			'Content-Disposition': contentDisposition(`${options.asciiName}.${format}`, `${options.displayName}.${format}`),
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}

/** A list cell: items joined with "; ". One item holding a comma gets a trailing ";" so it is not read as several. */
export function listCell(items: readonly string[]) {
	if (items.length === 0) return ''
	const joined = items.join('; ')
	return items.length === 1 && items[0]!.includes(',') ? `${joined};` : joined
}

/** Today as YYYY-MM-DD in Vietnam, for file names. */
export function today() {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}
