// Bank statements exported as CSV by Vietnamese banks, and matching their credit lines to the
// transfer references our VietQR codes carry. Pure: the upload route reads the file, the payments
// model confirms what this proposes.
import { parse } from 'csv-parse/sync'
import { foldDiacritics } from '../../matching'

/** A statement for one account and period is far shorter; more is the wrong file. */
export const MAX_STATEMENT_LINES = 5_000
/** Banks put the account, period and opening balance above the table; the header is looked for this far down. */
const HEADER_SEARCH_ROWS = 50

export type StatementLine = {
	/** Line of the file where the row starts (1-based), to point the person at it. */
	lineNo: number
	/** ISO yyyy-mm-dd; null when the file has no date column or the cell is not a date. */
	date: string | null
	/** Credit in whole đồng, always positive. */
	amount: bigint
	description: string
	bankReference: string | null
}

export type BankStatementErrorCode = 'noHeader' | 'empty' | 'badAmount' | 'tooLarge' | 'malformed'

export class BankStatementError extends Error {
	readonly code: BankStatementErrorCode
	/** Line of the file at fault, when there is one. */
	readonly line: number | null

	constructor(code: BankStatementErrorCode, message: string, line: number | null = null) {
		super(message)
		this.name = 'BankStatementError'
		this.code = code
		this.line = line
	}
}

type Column = 'date' | 'amount' | 'description' | 'reference'

// Most specific first: when a file has both "Số tiền" and "Số tiền ghi có", the credit column wins.
const ALIASES: Record<Column, string[]> = {
	date: ['ngày giao dịch', 'transaction date', 'ngày gd', 'date', 'ngày'],
	amount: ['số tiền ghi có', 'credit amount', 'ghi có', 'credit', 'số tiền', 'amount'],
	description: ['nội dung giao dịch', 'nội dung', 'diễn giải', 'mô tả', 'description', 'content'],
	reference: ['số tham chiếu', 'mã giao dịch', 'transaction id', 'số bút toán', 'reference'],
}
const COLUMNS = Object.keys(ALIASES) as Column[]

function fold(text: string): string {
	return foldDiacritics(text)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
}

const FOLDED_ALIASES = Object.fromEntries(COLUMNS.map((c) => [c, ALIASES[c].map(fold)])) as Record<Column, string[]>

// Headers come as "Số tiền ghi có (VND)" or bilingual, "Ngày giao dịch / Transaction date" or on
// two lines; any of the pieces may be the name we know.
function headerNames(cell: string): string[] {
	const withoutUnit = cell.replace(/\([^)]*\)/g, ' ')
	return [withoutUnit, ...withoutUnit.split(/[/\n|]/)].map(fold).filter(Boolean)
}

type Header = { row: number; columns: Partial<Record<Column, number>>; found: number }

function findHeader(records: string[][]): Header | null {
	for (let row = 0; row < Math.min(records.length, HEADER_SEARCH_ROWS); row++) {
		const names = records[row]!.map(headerNames)
		const columns: Partial<Record<Column, number>> = {}
		for (const column of COLUMNS) {
			let best = Infinity
			names.forEach((cellNames, index) => {
				for (const name of cellNames) {
					const rank = FOLDED_ALIASES[column].indexOf(name)
					if (rank !== -1 && rank < best) {
						best = rank
						columns[column] = index
					}
				}
			})
		}
		// Without the amount and the description there is nothing to reconcile.
		if (columns.amount !== undefined && columns.description !== undefined) return { row, columns, found: Object.keys(columns).length }
	}
	return null
}

type Parsed = { records: string[][]; lines: number[] }

function parseWith(text: string, delimiter: string): Parsed {
	const rows = parse(text, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>
	return {
		records: rows.map((r) => r.record),
		// csv-parse reports the line a record ends on; a quoted cell may span several.
		lines: rows.map((r) => r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)),
	}
}

const VND_SUFFIX = /^(?:vnd|vnđ|đ|₫)|(?:vnd|vnđ|đ|₫)$/gi
// Digits grouped by thousands with '.' or ',' (or not grouped), and maybe a decimal part in the
// other separator: '1.500.000', '1,500,000.00', '1500000,00'.
const NUMBER = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d{1,2}))?$/

/** A credit cell in đồng; null when the row is not a credit (empty, a dash, zero or negative). */
export function parseAmount(cell: string): bigint | null {
	let text = cell.normalize('NFC').replace(/\s+/g, '').replace(VND_SUFFIX, '')
	if (text === '' || /^[-–—]$/.test(text)) return null
	let negative = false
	if (/^\(.*\)$/.test(text)) {
		negative = true
		text = text.slice(1, -1)
	}
	if (/^[-−]/.test(text)) {
		negative = true
		text = text.slice(1)
	} else if (text.startsWith('+')) text = text.slice(1)
	const match = NUMBER.exec(text)
	// A decimal separator equal to the grouping one ('1.500.00') is ambiguous; đồng have no
	// fraction, so a non-zero one means the column is not what we think.
	if (!match || (match[2] && match[3] && match[2] === match[3]) || /[1-9]/.test(match[4] ?? '')) throw new SyntaxError(`Not an amount: ${cell}`)
	const digits = match[1]!.replace(/[.,]/g, '')
	// 16 digits and more is a card or account number in the wrong column, not money.
	if (digits.replace(/^0+/, '').length > 15) throw new SyntaxError(`Not an amount: ${cell}`)
	const amount = BigInt(digits)
	return negative || amount === 0n ? null : amount
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\sT,].*)?$/s
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[\sT].*)?$/s

/** A date cell (dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd, a time after it ignored) as yyyy-mm-dd; null when it is none. */
export function parseStatementDate(cell: string): string | null {
	const text = cell.trim()
	const dmy = DMY.exec(text)
	const ymd = dmy ? null : YMD.exec(text)
	const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : []
	if (!y || !m || !d) return null
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
	// Date.UTC rolls 31/02 over to March; a real date comes back unchanged.
	if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null
	return date.toISOString().slice(0, 10)
}

// Totals and balances under or above the table carry an amount but are no transaction: without a
// date, a row labelled so, or one without a description in a file that has dates, is skipped.
const SUMMARY_ROW = /^(?:tong|total|so du|opening|closing|cong phat sinh)\b/

/** Credit lines of a bank statement CSV (UTF-8, BOM or not, ',' or ';'); throws BankStatementError. */
export function parseBankStatement(input: Uint8Array | string): StatementLine[] {
	// TextDecoder drops a BOM; a string may still start with one.
	const decoded = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : new TextDecoder('utf-8').decode(input)
	const text = decoded.replace(/\r\n?/g, '\n')
	if (text.trim() === '') throw new BankStatementError('empty', 'The file is empty')
	if (text.replace(/\n+$/, '').split('\n').length > MAX_STATEMENT_LINES) {
		throw new BankStatementError('tooLarge', `The file has more than ${MAX_STATEMENT_LINES} lines`)
	}

	// The delimiter is whichever one yields a recognisable header.
	let chosen: { parsed: Parsed; header: Header } | null = null
	let parseError: BankStatementError | null = null
	for (const delimiter of [',', ';']) {
		try {
			const parsed = parseWith(text, delimiter)
			const header = findHeader(parsed.records)
			if (header && (!chosen || header.found > chosen.header.found)) chosen = { parsed, header }
		} catch (error) {
			const line = typeof (error as { lines?: unknown }).lines === 'number' ? ((error as { lines: number }).lines) : null
			parseError ??= new BankStatementError('malformed', 'The file is not valid CSV (a quote is not closed)', line)
		}
	}
	if (!chosen) throw parseError ?? new BankStatementError('noHeader', 'No header row with an amount and a description column was found')

	const { parsed, header } = chosen
	const { columns } = header
	const cell = (record: string[], column: Column) => {
		const index = columns[column]
		return index === undefined ? '' : (record[index] ?? '').trim()
	}
	const lines: StatementLine[] = []
	let dataRows = 0
	for (let i = header.row + 1; i < parsed.records.length; i++) {
		const record = parsed.records[i]!
		const lineNo = parsed.lines[i]!
		if (record.every((c) => c.trim() === '')) continue
		const date = parseStatementDate(cell(record, 'date'))
		const first = record.find((c) => c.trim() !== '') ?? ''
		if (date === null && (SUMMARY_ROW.test(fold(first)) || (columns.date !== undefined && cell(record, 'description') === ''))) continue
		dataRows++
		let amount: bigint | null
		try {
			amount = parseAmount(cell(record, 'amount'))
		} catch {
			throw new BankStatementError('badAmount', `Line ${lineNo}: "${cell(record, 'amount')}" is not an amount`, lineNo)
		}
		if (amount === null) continue
		lines.push({
			lineNo,
			date,
			amount,
			description: cell(record, 'description').normalize('NFC').replace(/\s+/g, ' '),
			bankReference: cell(record, 'reference') || null,
		})
	}
	if (dataRows === 0) throw new BankStatementError('empty', 'The statement has a header but no transactions')
	return lines
}

export type PaymentStatus = 'PENDING' | 'PAID' | 'FAILED' | 'EXPIRED' | 'REFUNDED' | 'CANCELLED'

export type PaymentToReconcile = { id: string; reference: string; amount: bigint; status: PaymentStatus }

/**
 * - exact: settles a PENDING payment (its amount, the first such line): to confirm.
 * - partial: the reference of a PENDING payment that no line settles, with another amount.
 * - duplicate: money beyond the line applied to the payment, or for one already PAID or REFUNDED.
 * - inactive: the reference of a payment no longer awaiting money (FAILED, EXPIRED, CANCELLED).
 * - unknown: no reference of ours, or one no payment has.
 */
export type ReconcileOutcome = 'exact' | 'partial' | 'duplicate' | 'inactive' | 'unknown'

export type ReconciledLine = StatementLine & {
	outcome: ReconcileOutcome
	paymentId: string | null
	/** Our reference as found in the description (upper case), also when no payment has it. */
	reference: string | null
	/** Received minus expected for exact (0), partial and inactive lines; null otherwise. */
	difference: bigint | null
}

export type Reconciliation = { lines: ReconciledLine[]; summary: Record<ReconcileOutcome, number> & { total: number } }

export const DEFAULT_REFERENCE_PATTERN = /\bCN[0-9A-Z]{8}\b/

// Bank apps let the payer retype the content, and some insert spaces or dashes ("CN-AB12 CD34").
// Runs of letters and digits joined across spaces and dashes are tried as well, but only a
// reference some payment has counts that way: "CN HOANKIEM" (a branch, chi nhánh) would
// otherwise read as one.
const MAX_JOINED_PIECES = 5

function referencesIn(description: string, pattern: RegExp, anchored: RegExp, known: Map<string, PaymentToReconcile>): string[] {
	const text = description.normalize('NFC').toUpperCase()
	const found = Array.from(text.matchAll(pattern), (m) => m[0].toUpperCase())
	const pieces = Array.from(text.matchAll(/[A-Z0-9]+/g))
	for (let i = 0; i < pieces.length; i++) {
		let joined = pieces[i]![0]
		for (let j = i + 1; j < Math.min(pieces.length, i + MAX_JOINED_PIECES); j++) {
			const gap = text.slice(pieces[j - 1]!.index + pieces[j - 1]![0].length, pieces[j]!.index)
			if (!/^[ -]+$/.test(gap)) break
			joined += pieces[j]![0]
			if (anchored.test(joined) && known.has(joined)) found.push(joined)
		}
	}
	return found
}

/** Matches each statement line to a payment by the reference in its description and classifies it (see ReconcileOutcome). */
export function reconcileStatement(lines: StatementLine[], payments: PaymentToReconcile[], referencePattern: RegExp = DEFAULT_REFERENCE_PATTERN): Reconciliation {
	const flags = referencePattern.flags.replace(/[gyi]/g, '')
	const pattern = new RegExp(referencePattern.source, `${flags}gi`)
	const anchored = new RegExp(`^(?:${referencePattern.source})$`, `${flags}i`)
	const known = new Map<string, PaymentToReconcile>()
	for (const payment of payments) {
		const reference = payment.reference.toUpperCase()
		// Should a reference ever be reused, the payment still awaiting money is the one meant.
		if (!known.has(reference) || payment.status === 'PENDING') known.set(reference, payment)
	}

	const matched = lines.map((line) => {
		const found = referencesIn(line.description, pattern, anchored, known)
		// A transfer naming several references is reported against the first one we know.
		const reference = found.find((r) => known.has(r)) ?? found[0] ?? null
		return { line, reference, payment: reference === null ? null : (known.get(reference) ?? null) }
	})

	const byPayment = new Map<string, number[]>()
	matched.forEach((m, i) => {
		if (m.payment) byPayment.set(m.payment.id, [...(byPayment.get(m.payment.id) ?? []), i])
	})
	const outcomes = matched.map((m): Pick<ReconciledLine, 'outcome' | 'difference'> => (m.payment ? { outcome: 'duplicate', difference: null } : { outcome: 'unknown', difference: null }))
	for (const indexes of byPayment.values()) {
		const payment = matched[indexes[0]!]!.payment!
		const difference = (i: number) => matched[i]!.line.amount - payment.amount
		if (payment.status === 'PENDING') {
			// A line with the right amount settles it even after one with a wrong amount.
			const settling = indexes.find((i) => difference(i) === 0n)
			if (settling !== undefined) outcomes[settling] = { outcome: 'exact', difference: 0n }
			else outcomes[indexes[0]!] = { outcome: 'partial', difference: difference(indexes[0]!) }
		} else if (payment.status === 'FAILED' || payment.status === 'EXPIRED' || payment.status === 'CANCELLED') {
			for (const i of indexes) outcomes[i] = { outcome: 'inactive', difference: difference(i) }
		}
	}

	const summary = { total: lines.length, exact: 0, partial: 0, duplicate: 0, inactive: 0, unknown: 0 }
	const reconciled = matched.map((m, i): ReconciledLine => {
		const { outcome, difference } = outcomes[i]!
		summary[outcome]++
		return { ...m.line, outcome, paymentId: m.payment?.id ?? null, reference: m.reference, difference }
	})
	return { lines: reconciled, summary }
}
