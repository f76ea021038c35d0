import { expect, test } from 'vitest'
import { qrSvg } from './qr-image.server'
import { buildVietQr } from './vietqr'

test('draws a VietQR payload as an inline SVG of paths that does not contain the payload', async () => {
	const payload = buildVietQr({ bankBin: '970436', accountNumber: '0011001932418', amount: 1_500_000n, reference: 'CNAB12CD34' })
	const svg = await qrSvg(payload)
	expect(svg.startsWith('<svg')).toBe(true)
	expect(svg).toMatch(/<path [^>]*d="M/)
	expect(svg.endsWith('</svg>')).toBe(true)
	expect(svg).not.toContain('CNAB12CD34')
})

test('markup in the payload stays out of the image', async () => {
	const svg = await qrSvg('<script>alert(1)</script>')
	expect(svg).not.toContain('<script')
})
