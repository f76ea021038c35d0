import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { getFixedT } from '~/emails/i18n.server'
import type { AppLocale } from '~/locales'
import { dealRoles, type DealActor } from '~/models/deal.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { formatDateTime, formatVnd } from '~/utils/format'

// A receipt for a settled payment, as data for the printable page and as a PDF made from the same
// data. Only the deal's parties (and operators) may have it.

const require = createRequire(import.meta.url)
// DejaVu has every Vietnamese glyph; PDF's standard fonts have none of the tone marks.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

const party = { select: { name: true, taxCode: true, address: true } } as const

/** The receipt of a PAID or REFUNDED payment, or null when it is not the user's to see. */
export async function loadReceipt(user: DealActor, dealId: string, paymentId: string) {
	const payment = await prisma.payment.findFirst({
		where: { id: paymentId, dealId, status: { in: ['PAID', 'REFUNDED'] } },
		include: {
			milestone: { select: { title: true, position: true, deliverable: true } },
			confirmedBy: { select: { name: true } },
			deal: { select: { id: true, code: true, title: true, buyerOrgId: true, sellerOrgId: true, brokerId: true, buyerOrg: party, sellerOrg: party, broker: { select: { name: true } } } },
		},
	})
	if (!payment || dealRoles(user, payment.deal).length === 0) return null
	const env = getEnv()
	return {
		number: `${payment.deal.code}-${String(payment.milestone.position + 1).padStart(2, '0')}-${payment.reference}`,
		payment,
		platform: { name: env.PLATFORM_LEGAL_NAME, taxCode: env.PLATFORM_TAX_CODE ?? null, address: env.PLATFORM_ADDRESS ?? null },
	}
}

export type Receipt = NonNullable<Awaited<ReturnType<typeof loadReceipt>>>

/** The receipt's lines as label/value pairs, shared by the PDF (the page lays them out itself). */
export function receiptLines(receipt: Receipt, locale: AppLocale) {
	const t = getFixedT(locale)
	const p = receipt.payment
	const org = (o: { name: string; taxCode: string | null; address: string | null }) =>
		[o.name, o.taxCode ? `${t('deals.receipt.taxCode')}: ${o.taxCode}` : null, o.address || null].filter(Boolean).join('\n')
	return {
		title: t('deals.receipt.title'),
		parties: [
			[t('deals.receipt.platform'), org(receipt.platform)],
			[t('deals.roles.buyer'), org(p.deal.buyerOrg)],
			[t('deals.roles.seller'), org(p.deal.sellerOrg)],
		] as Array<[string, string]>,
		facts: [
			[t('deals.receipt.number'), receipt.number],
			[t('deals.receipt.deal'), `${p.deal.code} · ${p.deal.title}`],
			[t('deals.receipt.milestone'), p.milestone.title],
			[t('deals.payments.provider'), t(`deals.payments.providers.${p.provider}`)],
			[t('deals.payments.reference'), p.reference],
			...(p.providerRef ? [[t('deals.receipt.providerRef'), p.providerRef] as [string, string]] : []),
			[t('deals.receipt.paidAt'), p.paidAt ? formatDateTime(p.paidAt, locale) : '—'],
			[t('deals.payments.amount'), formatVnd(p.amount, locale)],
			[t('deals.payments.platformFee'), formatVnd(p.platformFee, locale)],
			[t('deals.payments.brokerShare'), formatVnd(p.brokerShare, locale) + (p.deal.broker ? ` (${p.deal.broker.name})` : '')],
			[t('deals.payments.sellerNet'), formatVnd(p.sellerNet, locale)],
			...(p.status === 'REFUNDED' ? [[t('deals.receipt.refunded'), formatVnd(p.refundedAmount, locale)] as [string, string]] : []),
		] as Array<[string, string]>,
		note: t('deals.receipt.note'),
	}
}

/** The receipt as a PDF (A4), in the reader's language. */
export function receiptPdf(receipt: Receipt, locale: AppLocale): Promise<Buffer> {
	const lines = receiptLines(receipt, locale)
	const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${lines.title} ${receipt.number}`, Author: receipt.platform.name } })
	doc.registerFont('body', FONT)
	doc.registerFont('bold', FONT_BOLD)
	const chunks: Buffer[] = []
	doc.on('data', (c: Buffer) => chunks.push(c))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	doc.font('bold').fontSize(18).text(lines.title)
	doc.moveDown()
	for (const [label, value] of lines.parties) {
		doc.font('bold').fontSize(11).text(label)
		doc.font('body').fontSize(10).text(value)
		doc.moveDown(0.5)
	}
	doc.moveDown()
	for (const [label, value] of lines.facts) {
		doc.font('bold').fontSize(10).text(`${label}: `, { continued: true })
		doc.font('body').text(value)
	}
	doc.moveDown()
	doc.font('body').fontSize(8).fillColor('#555').text(lines.note)
	doc.end()
	return done
}
