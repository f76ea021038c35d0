// VietQR payloads: the EMVCo merchant-presented QR profile NAPAS defines for transfers to a bank
// account (NAPAS QR switching spec, IBFT "QRIBFTTA"), which every Vietnamese banking app scans.
// Pure: the image is drawn by qr-image.server.ts.

export const NAPAS_GUID = 'A000000727'
/** Service code for a transfer to an account number (QRIBFTTC would be to a card number). */
export const NAPAS_TRANSFER_TO_ACCOUNT = 'QRIBFTTA'
export const MAX_REFERENCE_CHARS = 25
/** Tag 54 holds at most 13 characters. */
export const MAX_AMOUNT = 10n ** 13n - 1n

export type VietQrErrorCode = 'invalidBankBin' | 'invalidAccountNumber' | 'invalidAmount' | 'invalidReference' | 'malformed' | 'crcMismatch'

export class VietQrError extends Error {
	readonly code: VietQrErrorCode

	constructor(code: VietQrErrorCode, message: string) {
		super(message)
		this.name = 'VietQrError'
		this.code = code
	}
}

export type VietQrInput = {
	/** The bank's 6-digit NAPAS BIN, e.g. '970436' for Vietcombank. */
	bankBin: string
	/** 1 to 19 letters or digits (some banks issue alias accounts with letters). */
	accountNumber: string
	/** Whole đồng, 1 to 13 digits; without it the payer types the amount. */
	amount?: bigint
	/** Purpose of transaction (tag 62.08): up to 25 ASCII letters, digits and spaces, because banks strip or mangle anything else before it reaches the statement. */
	reference?: string
	/** Not supported: banking apps show the holder's name from their own account lookup, so a name in the code would only be a second, unverified one. */
	merchantName?: never
}

const BIN = /^[0-9]{6}$/
const ACCOUNT = /^[A-Za-z0-9]{1,19}$/
// No leading or trailing space: apps trim them, and the statement would then differ from the code.
const REFERENCE = /^[A-Za-z0-9](?:[A-Za-z0-9 ]*[A-Za-z0-9])?$/

function tlv(tag: string, value: string): string {
	return `${tag}${String(value.length).padStart(2, '0')}${value}`
}

/** The VietQR payload for a transfer to one account; dynamic (01=12) when it carries an amount. */
export function buildVietQr(input: VietQrInput): string {
	const { bankBin, accountNumber, amount, reference } = input
	if (!BIN.test(bankBin)) throw new VietQrError('invalidBankBin', 'The bank BIN must be 6 digits')
	if (!ACCOUNT.test(accountNumber)) throw new VietQrError('invalidAccountNumber', 'The account number must be 1 to 19 letters or digits')
	if (amount !== undefined && (amount <= 0n || amount > MAX_AMOUNT)) throw new VietQrError('invalidAmount', 'The amount must be a positive number of đồng with at most 13 digits')
	if (reference !== undefined && (reference.length > MAX_REFERENCE_CHARS || !REFERENCE.test(reference))) {
		throw new VietQrError('invalidReference', `The reference must be at most ${MAX_REFERENCE_CHARS} ASCII letters, digits and inner spaces`)
	}
	const beneficiary = tlv('00', bankBin) + tlv('01', accountNumber)
	const merchantAccount = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', NAPAS_TRANSFER_TO_ACCOUNT)
	let payload = tlv('00', '01') + tlv('01', amount === undefined ? '11' : '12') + tlv('38', merchantAccount) + tlv('53', '704')
	if (amount !== undefined) payload += tlv('54', amount.toString())
	payload += tlv('58', 'VN')
	if (reference !== undefined) payload += tlv('62', tlv('08', reference))
	payload += '6304'
	return payload + crc16Ccitt(payload)
}

const CRC_TABLE = (() => {
	const table = new Uint16Array(256)
	for (let byte = 0; byte < 256; byte++) {
		let crc = byte << 8
		for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
		table[byte] = crc
	}
	return table
})()

const utf8 = new TextEncoder()

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) of the text's UTF-8 bytes, as 4 upper-case hex digits: the EMVCo tag 63 checksum. */
export function crc16Ccitt(text: string): string {
	let crc = 0xffff
	for (const byte of utf8.encode(text)) crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ byte) & 0xff]!
	return crc.toString(16).toUpperCase().padStart(4, '0')
}

export type EmvField = {
	tag: string
	value: string
	/** Data objects inside a template (merchant account information, additional data, ...); null for a primitive. */
	children: EmvField[] | null
}

export type EmvPayload = { fields: EmvField[]; crc: string }

// EMVCo root templates: merchant account information 26-51, additional data 62, language 64,
// unreserved 80-99. Everything else at the root is primitive.
function isRootTemplate(tag: string): boolean {
	const n = Number(tag)
	return (n >= 26 && n <= 51) || n === 62 || n === 64 || n >= 80
}

// Lengths count characters, not UTF-16 units (the EMVCo sample has Chinese in tag 64), so the
// text is walked as code points.
function parseObjects(chars: string[], where: string): EmvField[] {
	const fields: EmvField[] = []
	let i = 0
	while (i < chars.length) {
		const head = chars.slice(i, i + 4).join('')
		if (!/^[0-9]{4}$/.test(head)) throw new VietQrError('malformed', `Expected a tag and length at character ${i} of ${where}`)
		const length = Number(head.slice(2))
		if (length === 0 || i + 4 + length > chars.length) throw new VietQrError('malformed', `Tag ${head.slice(0, 2)} of ${where} has a wrong length`)
		fields.push({ tag: head.slice(0, 2), value: chars.slice(i + 4, i + 4 + length).join(''), children: null })
		i += 4 + length
	}
	return fields
}

function withChildren(field: EmvField, path: string): EmvField {
	return { ...field, children: parseObjects(Array.from(field.value), `tag ${path}`) }
}

/** Splits an EMVCo payload into its data objects, templates into their children; throws VietQrError ('crcMismatch', 'malformed') unless the checksum and every length agree. */
export function parseEmv(payload: string): EmvPayload {
	// The checksum first: it covers every character, so any damage is reported as such even when
	// it also breaks a length.
	// Lower-case hex is read, then fails the comparison: the checksum is written in upper case.
	const crcMatch = /6304([0-9A-Fa-f]{4})$/.exec(payload)
	if (!crcMatch) throw new VietQrError('malformed', 'The payload does not end with a CRC (tag 63)')
	const crc = crcMatch[1]!
	if (crc16Ccitt(payload.slice(0, -4)) !== crc) throw new VietQrError('crcMismatch', 'The CRC does not match the payload')
	const fields = parseObjects(Array.from(payload), 'the payload').map((field) => {
		if (!isRootTemplate(field.tag)) return field
		const template = withChildren(field, field.tag)
		// NAPAS nests the beneficiary (BIN and account) one level deeper, in 01 of its template.
		if (template.children!.some((c) => c.tag === '00' && c.value === NAPAS_GUID)) {
			template.children = template.children!.map((c) => (c.tag === '01' ? withChildren(c, `${field.tag}.01`) : c))
		}
		return template
	})
	if (fields.at(-1)?.tag !== '63' || fields.filter((f) => f.tag === '63').length !== 1) throw new VietQrError('malformed', 'The CRC must be the last data object')
	if (fields[0]?.tag !== '00' || fields[0].value !== '01') throw new VietQrError('malformed', 'The payload must start with format indicator 01')
	return { fields, crc }
}

/** The value at a dotted path of tags, e.g. '38.01.00' for the bank BIN; undefined when absent. */
export function emvValue(fields: EmvField[], path: string): string | undefined {
	let level: EmvField[] | null = fields
	let found: EmvField | undefined
	for (const tag of path.split('.')) {
		found = level?.find((f) => f.tag === tag)
		if (!found) return undefined
		level = found.children
	}
	return found?.value
}
