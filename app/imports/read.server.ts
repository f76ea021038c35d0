// Streams the rows of an imported file (CSV, XLSX or JSON) without holding the file in memory:
// each reader yields one row at a time, mapped to the column set, with its row number in the file.
import { pipeline, Readable, Transform } from 'node:stream'
import { parse as parseCsv } from 'csv-parse'
import ExcelJS from 'exceljs'
import StreamJson from 'stream-json'
import JsonlParser from 'stream-json/jsonl/Parser.js'
import Pick from 'stream-json/filters/Pick.js'
import StreamArray from 'stream-json/streamers/StreamArray.js'
import type { Cell } from './cells'
import { mapHeaders, type Column, type HeaderMap, type ImportKindValue } from './columns'
import type { RowIssue } from './issues'

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'jsonl'

/** Why a file cannot be read at all: an i18n key under `imports.errors` and its parameters. */
export class ImportFileError extends Error {
	override name = 'ImportFileError'
	constructor(
		readonly code: string,
		readonly params: Record<string, string | number> = {},
	) {
		super(code)
	}
}

/** One row: its fields (only the columns the file has), or why it cannot be read. */
export type SourceRow = { line: number; raw: Record<string, Cell> } | { line: number; issues: RowIssue[] }

export type ReadOptions = {
	kind: ImportKindValue
	format: FileFormat
	/** Told the bytes read so far, as they are read (progress). */
	onBytes?: (bytes: number) => void
	/** Told the headers the file has that the column set does not (their cells are ignored). */
	onUnknownColumns?: (headers: string[]) => void
}

function countBytes(onBytes?: (bytes: number) => void) {
	let bytes = 0
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			bytes += chunk.byteLength
			onBytes?.(bytes)
			callback(null, chunk)
		},
	})
}

/**
 * Text must be UTF-8. UTF-16 (Excel's "Unicode text") and the legacy Vietnamese code pages
 * (Windows-1258, TCVN3) are refused with a message saying how to save the file, never read as garbage.
 */
async function* decodeUtf8(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
	let first = true
	let lines = 1
	for await (const chunk of source) {
		if (first) {
			first = false
			if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) throw new ImportFileError('utf16')
			// UTF-16 without a byte order mark: every other byte of ASCII text is zero.
			const head = chunk.subarray(0, 4096)
			let zeros = 0
			for (const byte of head) if (byte === 0) zeros++
			if (zeros > head.length / 8) throw new ImportFileError('utf16')
		}
		let text: string
		try {
			text = decoder.decode(chunk, { stream: true })
		} catch {
			const valid = chunk.subarray(0, validUtf8Prefix(chunk))
			throw new ImportFileError('notUtf8', { line: lines + valid.toString('utf8').split('\n').length - 1 })
		}
		if (text.includes('\u0000')) throw new ImportFileError('binary')
		for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
		yield text
	}
	try {
		const rest = decoder.decode()
		if (rest) yield rest
	} catch {
		throw new ImportFileError('notUtf8', { line: lines })
	}
}

/** How many leading bytes form valid UTF-8 (a sequence cut at the end of the chunk counts as valid). */
function validUtf8Prefix(bytes: Buffer) {
	let i = 0
	while (i < bytes.length) {
		const b = bytes[i]!
		const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
		if (length === 0) return i
		for (let k = 1; k < length; k++) {
			if (i + k >= bytes.length) return bytes.length
			if ((bytes[i + k]! & 0xc0) !== 0x80) return i
		}
		i += length
	}
	return i
}

/** The delimiter of a CSV file from its header line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(headerLine: string) {
	const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 }
	let quoted = false
	for (const ch of headerLine) {
		if (ch === '"') quoted = !quoted
		else if (!quoted && ch in counts) counts[ch]!++
	}
	const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!
	return (count > 0 ? best : ',') as ',' | ';' | '\t'
}

function checkHeaders(map: HeaderMap, options: ReadOptions) {
	if (map.duplicated.length > 0) throw new ImportFileError('duplicateColumns', { columns: map.duplicated.map((c) => c.vi).join(', ') })
	if (map.missing.length > 0) throw new ImportFileError('missingColumns', { columns: map.missing.map((c) => `${c.vi} / ${c.en}`).join(', ') })
	if (map.unknown.length > 0) options.onUnknownColumns?.(map.unknown)
}

function toRaw(columns: ReadonlyArray<Column | null>, cells: ReadonlyArray<Cell>) {
	const raw: Record<string, Cell> = {}
	columns.forEach((column, i) => {
		if (column) raw[column.key] = cells[i] ?? ''
	})
	return raw
}

const isBlank = (cells: ReadonlyArray<Cell>) => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))

async function* readCsv(source: Readable, options: ReadOptions): AsyncGenerator<SourceRow> {
	const text = decodeUtf8(source)
	// The header line decides the delimiter; keep what was read to feed the parser.
	const head: string[] = []
	let seen = ''
	// Pulled by hand: leaving a for-await loop early would close the generator.
	for (let next = await text.next(); !next.done; next = await text.next()) {
		head.push(next.value)
		seen += next.value
		if (seen.includes('\n') || seen.length > 1 << 16) break
	}
	const delimiter = detectDelimiter(seen.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '')
	const parser = parseCsv({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, relax_quotes: true })
	const input = Readable.from(
		(async function* () {
			yield* head
			yield* text
		})(),
	)
	input.on('error', (error) => parser.destroy(error))
	input.pipe(parser)

	let columns: ReadonlyArray<Column | null> | null = null
	let row = 0
	try {
		for await (const record of parser as AsyncIterable<string[]>) {
			row++
			if (!columns) {
				if (isBlank(record)) continue
				const map = mapHeaders(options.kind, record)
				checkHeaders(map, options)
				columns = map.columns
				continue
			}
			if (isBlank(record)) continue
			if (record.length !== columns.length) {
				yield { line: row, issues: [{ field: '', code: 'columnCount', params: { found: record.length, expected: columns.length } }] }
				continue
			}
			yield { line: row, raw: toRaw(columns, record) }
		}
	} catch (error) {
		if (error instanceof ImportFileError) throw error
		const code = (error as { code?: string }).code
		if (code === 'CSV_QUOTE_NOT_CLOSED') throw new ImportFileError('cutOff', { line: row + 1 })
		if (typeof code === 'string' && code.startsWith('CSV_')) throw new ImportFileError('csvSyntax', { line: row + 1 })
		throw error
	}
	if (!columns) throw new ImportFileError('empty')
}

/** An XLSX cell's value as a plain value: rich text joined, formulas by their result, links by their text. */
function xlsxCell(value: unknown): Cell {
	if (value === null || value === undefined) return undefined
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
	if (typeof value === 'object') {
		const v = value as Record<string, unknown>
		if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((p) => p.text ?? '').join('')
		if ('result' in v) return xlsxCell(v.result)
		if (typeof v.text === 'string') return v.text
		if ('error' in v) return undefined
	}
	return undefined
}

async function* readXlsx(source: Readable, options: ReadOptions): AsyncGenerator<SourceRow> {
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' })
	let columns: ReadonlyArray<Column | null> | null = null
	try {
		for await (const worksheet of reader) {
			// The first sheet holds the table; other sheets (notes, lists) are not read.
			for await (const sheetRow of worksheet as AsyncIterable<ExcelJS.Row>) {
				const values = (sheetRow.values as unknown[]).slice(1).map(xlsxCell)
				if (isBlank(values)) continue
				if (!columns) {
					const map = mapHeaders(options.kind, values.map((v) => (v === undefined ? '' : String(v))))
					checkHeaders(map, options)
					columns = map.columns
					continue
				}
				yield { line: sheetRow.number, raw: toRaw(columns, values) }
			}
			break
		}
	} catch (error) {
		if (error instanceof ImportFileError) throw error
		throw new ImportFileError('xlsxDamaged')
	}
	if (!columns) throw new ImportFileError('empty')
}

async function* readJson(source: Readable, options: ReadOptions): AsyncGenerator<SourceRow> {
	// Decoding first refuses UTF-16 and legacy code pages with the same messages as CSV.
	const decoded = decodeUtf8(source)
	const state = { ended: false }
	let head = ''
	const prefix: string[] = []
	for (let next = await decoded.next(); !next.done; next = await decoded.next()) {
		prefix.push(next.value)
		head += next.value
		if (head.trim()) break
	}
	const text = Readable.from(
		(async function* () {
			yield* prefix
			yield* decoded
			state.ended = true
		})(),
	)
	const lines = options.format === 'jsonl'
	const wrapped = head.replace(/^\ufeff/, '').trimStart().startsWith('{')
	if (!lines && !wrapped && !head.replace(/^\ufeff/, '').trimStart().startsWith('[')) throw new ImportFileError('jsonShape')
	// pipeline() passes any stage's error to the last stream, which the loop below reads.
	const items: NodeJS.ReadableStream = lines
		? pipeline(text, JsonlParser.make(), () => {})
		: wrapped
			? pipeline(text, StreamJson.parser(), Pick.make({ filter: /^(items|data)$/ }), StreamArray.make(), () => {})
			: pipeline(text, StreamJson.parser(), StreamArray.make(), () => {})
	const cache = new Map<string, HeaderMap>()
	const unknown = new Set<string>()
	let index = 0
	try {
		for await (const { value } of items as AsyncIterable<{ key: number; value: unknown }>) {
			index++
			if (!value || typeof value !== 'object' || Array.isArray(value)) {
				yield { line: index, issues: [{ field: '', code: 'notObject' }] }
				continue
			}
			const keys = Object.keys(value)
			const signature = keys.join('\u0000')
			let map = cache.get(signature)
			if (!map) {
				map = mapHeaders(options.kind, keys)
				if (cache.size < 100) cache.set(signature, map)
				for (const header of map.unknown) unknown.add(header)
			}
			if (map.duplicated.length > 0) {
				yield { line: index, issues: [{ field: map.duplicated[0]!.key, code: 'duplicateField' }] }
				continue
			}
			const cells = keys.map((k) => (value as Record<string, unknown>)[k] as Cell)
			yield { line: index, raw: toRaw(map.columns, cells) }
		}
	} catch (error) {
		if (error instanceof ImportFileError) throw error
		// A parser that fails once the whole file has been read met its end too early.
		throw new ImportFileError(state.ended ? 'cutOffJson' : 'jsonSyntax', { item: index + 1 })
	}
	if (unknown.size > 0) options.onUnknownColumns?.([...unknown])
}

/** The rows of a file, read as a stream. Throws ImportFileError when the file as a whole cannot be read. */
export function readImportRows(body: Readable, options: ReadOptions): AsyncGenerator<SourceRow> {
	const counted = body.pipe(countBytes(options.onBytes))
	body.on('error', (error) => counted.destroy(error))
	switch (options.format) {
		case 'csv':
			return readCsv(counted, options)
		case 'xlsx':
			return readXlsx(counted, options)
		default:
			return readJson(counted, options)
	}
}
