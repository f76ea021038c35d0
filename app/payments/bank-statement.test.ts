import { describe, expect, test } from 'vitest'
import { BankStatementError, type BankStatementErrorCode, parseAmount, parseBankStatement, parseStatementDate, type PaymentToReconcile, reconcileStatement, type StatementLine } from './bank-statement'

function expectError(run: () => unknown, code: BankStatementErrorCode, line: number | null = null) {
	try {
		run()
	} catch (error) {
		expect(error).toBeInstanceOf(BankStatementError)
		expect((error as BankStatementError).code).toBe(code)
		expect((error as BankStatementError).line).toBe(line)
		return
	}
	throw new Error(`expected BankStatementError ${code}`)
}

// A Vietcombank-style export: a preamble above the table, Vietnamese headers, ';', a debit column
// beside the credit one, a total under the table. Written out NFD and with a BOM below.
const VIETNAMESE = [
	'NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM',
	'Số tài khoản: 0011001932418;;;;;',
	'Từ ngày 01/03/2024 đến ngày 31/03/2024',
	'',
	'STT;Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ (VND);Số tiền ghi có (VND);Mô tả',
	'1;01/03/2024 08:15:00;FT24061001;;1.500.000;CNAB12CD34 thanh toán hợp đồng',
	'2;02/03/2024;FT24062002;200.000;;Phí dịch vụ SMS',
	'3;03/03/2024;FT24063003;;1.000.000 VND;CN-EF56 GH78 đặt cọc',
	'4;04/03/2024;FT24064004;;"2,500,000";Chuyen tien cnij90kl12',
	'5;05/03/2024;FT24065005;;3 000 000;CNMN34OP56 dot 1',
	'6;06/03/2024;FT24066006;;3.000.000;CNMN34OP56 dot 1 chuyen lai',
	'7;07/03/2024;FT24067007;;700.000;CNQR78ST90',
	'8;08/03/2024;FT24068008;;800.000;TT CNUV12WX34',
	'9;09/03/2024;FT24069009;;900.000;CNZZ99ZZ99 nhầm mã',
	'10;10/03/2024;FT24070010;;100.000;ủng hộ CN HOANKIEM',
	'11;11/03/2024;FT24071011;;400.000;CNPA11RT22 chuyen thieu',
	'12;12/03/2024;FT24072012;;1.000.000;CNPA11RT22 chuyen du',
	'13;13/03/2024;FT24073013;0;-;Rút tiền',
	';;;200.000;13.800.000;',
	'Tổng cộng;;;200.000;13.800.000;',
	'Số dư cuối kỳ;;;;15.000.000;',
].join('\r\n')

const PAYMENTS: PaymentToReconcile[] = [
	{ id: 'p-exact', reference: 'CNAB12CD34', amount: 1_500_000n, status: 'PENDING' },
	{ id: 'p-under', reference: 'CNEF56GH78', amount: 2_000_000n, status: 'PENDING' },
	{ id: 'p-over', reference: 'CNIJ90KL12', amount: 2_000_000n, status: 'PENDING' },
	{ id: 'p-twice', reference: 'CNMN34OP56', amount: 3_000_000n, status: 'PENDING' },
	{ id: 'p-paid', reference: 'CNQR78ST90', amount: 700_000n, status: 'PAID' },
	{ id: 'p-expired', reference: 'CNUV12WX34', amount: 800_000n, status: 'EXPIRED' },
	{ id: 'p-late-exact', reference: 'cnpa11rt22', amount: 1_000_000n, status: 'PENDING' },
	{ id: 'p-unpaid', reference: 'CNNOTPAID1', amount: 5_000_000n, status: 'PENDING' },
]

function vietnameseFile() {
	return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VIETNAMESE.normalize('NFD'), 'utf8')])
}

describe('parseBankStatement', () => {
	test('reads a Vietnamese export: NFD headers, semicolons, BOM, preamble; debit, empty and total rows left out', () => {
		const lines = parseBankStatement(vietnameseFile())
		expect(lines.map((l) => l.lineNo)).toEqual([6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])
		expect(lines[0]).toEqual({ lineNo: 6, date: '2024-03-01', amount: 1_500_000n, description: 'CNAB12CD34 thanh toán hợp đồng', bankReference: 'FT24061001' })
		expect(lines.map((l) => l.amount)).toEqual([1_500_000n, 1_000_000n, 2_500_000n, 3_000_000n, 3_000_000n, 700_000n, 800_000n, 900_000n, 100_000n, 400_000n, 1_000_000n])
		// Descriptions come back NFC whatever the file used.
		expect(lines[1]!.description).toBe('CN-EF56 GH78 đặt cọc'.normalize('NFC'))
	})

	test('the same file as a string, NFC, without BOM, gives the same lines', () => {
		expect(parseBankStatement(VIETNAMESE)).toEqual(parseBankStatement(vietnameseFile()))
		expect(parseBankStatement('\uFEFF' + VIETNAMESE)).toEqual(parseBankStatement(VIETNAMESE))
	})

	test('reads an English export: commas, quoted amounts, a signed amount column, ISO dates, a cell on two lines', () => {
		const csv = [
			'Transaction Date,Transaction ID,Description,Amount',
			'2024-03-01 09:00,TX1,"Payment CNAB12CD34, contract",1500000',
			'2024-03-02,TX2,Card fee,"-55,000"',
			'2024-03-03,TX3,"Two',
			'lines CNEF56GH78","1,500,000.00"',
			'2024-03-04,,Interest,12',
		].join('\n')
		expect(parseBankStatement(csv)).toEqual([
			{ lineNo: 2, date: '2024-03-01', amount: 1_500_000n, description: 'Payment CNAB12CD34, contract', bankReference: 'TX1' },
			{ lineNo: 4, date: '2024-03-03', amount: 1_500_000n, description: 'Two lines CNEF56GH78', bankReference: 'TX3' },
			{ lineNo: 6, date: '2024-03-04', amount: 12n, description: 'Interest', bankReference: null },
		])
	})

	test('recognises every header alias, in any case, with or without diacritics, NFC or NFD, bilingual', () => {
		const aliases = {
			date: ['date', 'ngày', 'ngày giao dịch', 'transaction date', 'ngày gd'],
			amount: ['amount', 'số tiền', 'credit', 'ghi có', 'số tiền ghi có', 'credit amount'],
			description: ['description', 'mô tả', 'nội dung', 'content', 'diễn giải', 'nội dung giao dịch'],
			reference: ['reference', 'số tham chiếu', 'mã giao dịch', 'transaction id', 'số bút toán'],
		}
		const base = { date: 'Ngày', amount: 'Số tiền', description: 'Nội dung', reference: 'Số tham chiếu' }
		const variants = (alias: string) => [alias, alias.toUpperCase(), alias.normalize('NFD'), alias.normalize('NFD').toUpperCase(), alias.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'), `${alias} / Something`]
		for (const [column, names] of Object.entries(aliases)) {
			for (const name of names) {
				for (const header of variants(name)) {
					const headers = { ...base, [column]: header }
					const csv = `${headers.date};${headers.reference};${headers.description};${headers.amount}\n15/03/2024;FT1;CNAB12CD34;1.000\n`
					expect(parseBankStatement(csv), `${column}: ${header}`).toEqual([{ lineNo: 2, date: '2024-03-15', amount: 1000n, description: 'CNAB12CD34', bankReference: 'FT1' }])
				}
			}
		}
	})

	test('the credit column wins over a generic amount column, and a debit column is never taken for it', () => {
		const csv = 'Ngày,Số tiền,Số tiền ghi nợ,Ghi có,Nội dung\n01/03/2024,999,5,100,a\n'
		expect(parseBankStatement(csv)[0]!.amount).toBe(100n)
		expectError(() => parseBankStatement('Ngày,Số tiền ghi nợ,Nội dung\n01/03/2024,5,a\n'), 'noHeader')
	})

	test('errors: empty file, no header, header only, bad amount, unclosed quote, too many lines', () => {
		expectError(() => parseBankStatement(''), 'empty')
		expectError(() => parseBankStatement(Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])), 'empty')
		expectError(() => parseBankStatement('Tên,Địa chỉ\nAn,Hà Nội\n'), 'noHeader')
		expectError(() => parseBankStatement('Ngày;Số tiền;Nội dung\n'), 'empty')
		expectError(() => parseBankStatement('Ngày;Số tiền;Nội dung\n;;\nTổng cộng;0;\n'), 'empty')
		expectError(() => parseBankStatement('Ngày;Số tiền;Nội dung\n01/03/2024;100;a\n02/03/2024;1.5;b\n'), 'badAmount', 3)
		expectError(() => parseBankStatement('Ngày;Số tiền;Nội dung\n01/03/2024;100;"a\n'), 'malformed', 2)
		const header = 'Ngày;Số tiền;Nội dung\n'
		expect(parseBankStatement(header + '01/03/2024;100;a\n'.repeat(4_999))).toHaveLength(4_999)
		expectError(() => parseBankStatement(header + '01/03/2024;100;a\n'.repeat(5_000)), 'tooLarge')
	})
})

describe('parseAmount', () => {
	test('reads đồng written the ways banks write them', () => {
		for (const cell of ['1.500.000', '1,500,000', '1500000', '1.500.000 VND', '1 500 000', '1\u00a0500\u00a0000', '1.500.000 ₫', '1.500.000đ', 'VND 1,500,000', '1,500,000.00', '1.500.000,00', '1500000.0', '+1.500.000']) {
			expect(parseAmount(cell), cell).toBe(1_500_000n)
		}
		expect(parseAmount('1.500')).toBe(1_500n)
		expect(parseAmount('999')).toBe(999n)
	})

	test('a debit, zero or empty cell is not a credit', () => {
		for (const cell of ['', '  ', '-', '—', '0', '0,00', '-1.500.000', '(1.500.000)', '−200']) expect(parseAmount(cell), cell).toBeNull()
	})

	test('rejects what is not a whole number of đồng', () => {
		for (const cell of ['1.5', '1.500,5', '1.500.00', '1500.000', '1,500.000,00', '1.500,000', 'abc', '12ab', '1234567890123456', '1e6']) {
			expect(() => parseAmount(cell), cell).toThrow(SyntaxError)
		}
	})
})

describe('parseStatementDate', () => {
	test('dd/mm/yyyy, dd-mm-yyyy and yyyy-mm-dd, with or without a time', () => {
		expect(parseStatementDate('05/03/2024')).toBe('2024-03-05')
		expect(parseStatementDate('5/3/2024')).toBe('2024-03-05')
		expect(parseStatementDate('05-03-2024 14:30')).toBe('2024-03-05')
		expect(parseStatementDate('05/03/2024 14:30:59')).toBe('2024-03-05')
		expect(parseStatementDate('2024-03-05')).toBe('2024-03-05')
		expect(parseStatementDate('2024-03-05T14:30:00+07:00')).toBe('2024-03-05')
		expect(parseStatementDate('29/02/2024')).toBe('2024-02-29')
	})

	test('anything else is no date', () => {
		for (const cell of ['31/02/2024', '29/02/2023', '13/13/2024', '2024/03/05', '05/03/24', 'hôm nay', '']) expect(parseStatementDate(cell), cell).toBeNull()
	})
})

describe('reconcileStatement', () => {
	const result = reconcileStatement(parseBankStatement(vietnameseFile()), PAYMENTS)
	const byLine = new Map(result.lines.map((l) => [l.lineNo, l]))
	const outcome = (lineNo: number) => {
		const l = byLine.get(lineNo)!
		return { outcome: l.outcome, paymentId: l.paymentId, reference: l.reference, difference: l.difference }
	}

	test('the amount of a pending payment with its reference is exact', () => {
		expect(outcome(6)).toEqual({ outcome: 'exact', paymentId: 'p-exact', reference: 'CNAB12CD34', difference: 0n })
	})

	test('another amount is partial, under or over, with the difference; spaces, dashes and case tolerated', () => {
		expect(outcome(8)).toEqual({ outcome: 'partial', paymentId: 'p-under', reference: 'CNEF56GH78', difference: -1_000_000n })
		expect(outcome(9)).toEqual({ outcome: 'partial', paymentId: 'p-over', reference: 'CNIJ90KL12', difference: 500_000n })
	})

	test('a second line for the same reference, or a line for a paid payment, is a duplicate', () => {
		expect(outcome(10)).toEqual({ outcome: 'exact', paymentId: 'p-twice', reference: 'CNMN34OP56', difference: 0n })
		expect(outcome(11)).toEqual({ outcome: 'duplicate', paymentId: 'p-twice', reference: 'CNMN34OP56', difference: null })
		expect(outcome(12)).toEqual({ outcome: 'duplicate', paymentId: 'p-paid', reference: 'CNQR78ST90', difference: null })
	})

	test('the line with the right amount settles a payment even after a wrong one', () => {
		expect(outcome(16)).toEqual({ outcome: 'duplicate', paymentId: 'p-late-exact', reference: 'CNPA11RT22', difference: null })
		expect(outcome(17)).toEqual({ outcome: 'exact', paymentId: 'p-late-exact', reference: 'CNPA11RT22', difference: 0n })
	})

	test('money for an expired payment is inactive; unknown references and no reference are unknown', () => {
		expect(outcome(13)).toEqual({ outcome: 'inactive', paymentId: 'p-expired', reference: 'CNUV12WX34', difference: 0n })
		expect(outcome(14)).toEqual({ outcome: 'unknown', paymentId: null, reference: 'CNZZ99ZZ99', difference: null })
		// "CN" for a branch (chi nhánh) followed by 8 letters is not taken for a reference.
		expect(outcome(15)).toEqual({ outcome: 'unknown', paymentId: null, reference: null, difference: null })
	})

	test('counts every outcome, and no reference is exact twice', () => {
		expect(result.summary).toEqual({ total: 11, exact: 3, partial: 2, duplicate: 3, inactive: 1, unknown: 2 })
		const exactRefs = result.lines.filter((l) => l.outcome === 'exact').map((l) => l.reference)
		expect(new Set(exactRefs).size).toBe(exactRefs.length)
		// The statement's own fields pass through.
		expect(byLine.get(6)).toMatchObject({ date: '2024-03-01', amount: 1_500_000n, bankReference: 'FT24061001' })
	})

	test('three exact-amount lines for one reference: one exact, two duplicates', () => {
		const line = (lineNo: number): StatementLine => ({ lineNo, date: null, amount: 1_500_000n, description: `CK CNAB12CD34 lan ${lineNo}`, bankReference: null })
		const { lines } = reconcileStatement([line(1), line(2), line(3)], PAYMENTS)
		expect(lines.map((l) => l.outcome)).toEqual(['exact', 'duplicate', 'duplicate'])
	})

	test('a reference pattern of our choosing, and references only as whole tokens', () => {
		const line = (description: string): StatementLine => ({ lineNo: 1, date: null, amount: 10n, description, bankReference: null })
		const payments: PaymentToReconcile[] = [{ id: 'x', reference: 'DH-000123', amount: 10n, status: 'PENDING' }]
		expect(reconcileStatement([line('tra tien dh-000123')], payments, /\bDH-\d{6}\b/).lines[0]).toMatchObject({ outcome: 'exact', reference: 'DH-000123' })
		expect(reconcileStatement([line('XCNAB12CD34'), line('CNAB12CD345')], PAYMENTS).lines.map((l) => l.reference)).toEqual([null, null])
	})
})
