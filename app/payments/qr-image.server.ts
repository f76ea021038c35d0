// The QR image of a payment payload, drawn on the server so pages embed it inline (no image
// request, nothing for a script to fetch, and it prints with the receipt).
import QRCode from 'qrcode'

// What qrcode's SVG renderer writes: one <svg> of <path>s. The payload never appears in it, only
// module coordinates; anything else would mean the library changed and is not embedded unseen.
const ONLY_PATHS = /^<svg [^<>]*>(?:<path [^<>]*\/>)+<\/svg>$/

/** The payload as an inline SVG QR code (error correction M, 2-module quiet zone), checked to hold only paths. */
export async function qrSvg(payload: string): Promise<string> {
	const svg = (await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })).trim()
	if (!ONLY_PATHS.test(svg)) throw new Error('qrcode produced SVG with unexpected markup')
	return svg
}
