/**
 * Deals (issue 7): an enterprise opens a deal from a matched offer; the institute takes it up and
 * both accept the NDA, and only then does the offer's confidential section reach the enterprise;
 * they agree on terms with two milestones; the first is paid by bank transfer (VietQR with the
 * transfer reference and the amount), an operator confirms the money arrived, the deal moves to
 * PAYMENT with the payment on its timeline while the second milestone stays due; the receipt
 * names both organisations and the amount, and its PDF is a PDF.
 * Runs without JavaScript: every action is a plain form.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { formatVnd } from '../app/utils/format.ts'
import { expect, interpolate, test, texts } from './fixtures.ts'

const D = texts.vi.deals

/** A made-up word both listings share, so their pair is theirs alone in the shared database. */
function madeUpWord() {
	return `dd${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`
}

/** Reloads /me/matches until the pair with `title` shows (matching runs within seconds of publication). */
async function untilMatched(page: Page, title: string) {
	await expect(async () => {
		await page.goto('/me/matches')
		await expect(page.getByTestId('match').filter({ hasText: title })).toHaveCount(1, { timeout: 1_000 })
	}).toPass({ timeout: 30_000, intervals: [500, 1_000] })
	return page.getByTestId('match').filter({ hasText: title })
}

/** Accepts the deal's NDA for the page's side: the box unticked is refused first, with the reason. */
async function acceptNda(page: Page) {
	const form = page.getByTestId('nda-form')
	await form.getByRole('button', { name: D.actions.acceptNda }).click()
	await expect(form.getByRole('alert')).toHaveText(D.errors.mustAgree)
	await form.getByRole('checkbox', { name: D.actions.ndaAgree }).check()
	await form.getByRole('button', { name: D.actions.acceptNda }).click()
	await expect(page.getByTestId('deal-done')).toHaveText(D.done.ndaAccepted)
}

test.use({ javaScriptEnabled: false })
// Matching alone may take up to 30 s (untilMatched), before a dozen page loads by four people.
test.describe.configure({ timeout: 60_000 })

test('a matched offer becomes a deal: NDA, confidential section, two milestones, the first paid by bank transfer and confirmed, receipt', async ({ factory, openPage }) => {
	const word = madeUpWord()
	const secret = `Bí mật ${word}: sơ đồ mạch điều khiển và công thức môi chất lạnh R-${randomBytes(3).toString('hex')}`
	const institute = await factory.owner()
	const enterprise = await factory.owner({ organisation: { type: 'ENTERPRISE' } })
	const offer = await factory.offer(institute.organisation, {
		status: 'PUBLISHED',
		createdBy: institute.user,
		title: `Kho lạnh năng lượng mặt trời ${word} cho thanh long`,
		summary: `Kho lạnh ${word} chạy điện mặt trời, bảo quản thanh long và xoài 30 ngày sau thu hoạch.`,
		description: 'Kho lạnh 20 tấn dùng pin mặt trời và tích lạnh bằng đá, giữ 5–8 °C không cần điện lưới.',
		keywords: ['kho lạnh', 'điện mặt trời', word],
		fieldCodes: ['210'],
		confidential: secret,
	})
	const demand = await factory.demand(enterprise.organisation, {
		status: 'PUBLISHED',
		createdBy: enterprise.user,
		title: `Cần kho lạnh năng lượng mặt trời ${word} cho thanh long`,
		problem: `Hợp tác xã cần kho lạnh ${word} chạy điện mặt trời để bảo quản thanh long và xoài, vùng trồng xa điện lưới.`,
		desiredOutcome: 'Kho lạnh 20 tấn giữ 5–8 °C, không cần điện lưới.',
		keywords: ['kho lạnh', 'điện mặt trời', word],
		fieldCodes: ['210'],
	})
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const price = 300_000_000n
	const milestones = [
		{ title: `Đợt 1: tạm ứng ${word}`, amount: 120_000_000n },
		{ title: `Đợt 2: nghiệm thu ${word}`, amount: 180_000_000n },
	] as const

	// The enterprise opens a deal from the pair on /me/matches.
	const buyer = await openPage(enterprise.user)
	const pair = await untilMatched(buyer, offer.title)
	await pair.getByTestId('open-deal').click()
	await expect(buyer).toHaveURL(/\/deals\/new\?match=/)
	const start = buyer.getByTestId('start-deal-form')
	await expect(start).toContainText(interpolate(D.start.matchSides, { buyer: enterprise.organisation.name, seller: institute.organisation.name }))
	await start.getByLabel(D.start.message).fill('Chúng tôi cần 2 kho cho vụ thu hoạch tới.')
	await start.getByRole('button', { name: D.start.submit }).click()
	await expect(buyer.getByTestId('deal-done')).toHaveText(D.done.started)
	const dealPath = new URL(buyer.url()).pathname
	expect(dealPath).toMatch(/^\/deals\/[^/]+$/)
	await expect(buyer.getByTestId('deal-stage')).toHaveText(D.stages.INTEREST)
	await expect(buyer.getByRole('link', { name: offer.title, exact: true })).toHaveAttribute('href', offer.path)
	await expect(buyer.getByRole('link', { name: demand.title, exact: true })).toHaveAttribute('href', demand.path)
	await expect(buyer.getByTestId('confidential-locked')).toHaveText(D.detail.confidentialLocked)
	expect(await buyer.content()).not.toContain(secret)

	// The institute takes it up: the NDA is now to be accepted by both.
	const seller = await openPage(institute.user)
	await seller.goto(dealPath)
	await seller.getByRole('button', { name: D.actions.openNda }).click()
	await expect(seller.getByTestId('deal-done')).toHaveText(D.done.ndaOpened)
	await expect(seller.getByTestId('deal-stage')).toHaveText(D.stages.NDA)
	await acceptNda(seller)

	// One side's acceptance is not enough: the enterprise still cannot read the secret.
	await buyer.goto(dealPath)
	await expect(buyer.getByTestId('deal-stage')).toHaveText(D.stages.NDA)
	await expect(buyer.getByTestId('confidential-locked')).toBeVisible()
	expect(await buyer.content()).not.toContain(secret)
	await acceptNda(buyer)

	// Both accepted: the deal moves to negotiation and the confidential section opens.
	await expect(buyer.getByTestId('deal-stage')).toHaveText(D.stages.NEGOTIATION)
	await expect(buyer.getByTestId('deal-confidential')).toContainText(secret)
	await expect(buyer.getByTestId('confidential-locked')).toHaveCount(0)

	// The institute proposes terms with two milestones that add up to the price.
	await seller.goto(dealPath)
	const terms = seller.getByTestId('terms-form')
	await terms.locator('select[name="transferMode"]').selectOption('LICENSING')
	await terms.locator('input[name="price"]').fill(price.toString())
	for (const [i, m] of milestones.entries()) {
		await terms.locator(`input[name="milestones[${i}].title"]`).fill(m.title)
		await terms.locator(`input[name="milestones[${i}].amount"]`).fill(m.amount.toString())
	}
	await terms.getByRole('button', { name: D.actions.submitTerms }).click()
	await expect(seller.getByTestId('deal-done')).toHaveText(D.done.termsProposed)
	await expect(seller.getByTestId('deal-price')).toHaveText(formatVnd(price, 'vi'))

	// Both sign; the second signature makes it the agreement.
	await seller.getByTestId('sign-terms').click()
	await expect(seller.getByTestId('deal-done')).toHaveText(D.done.termsSigned)
	await expect(seller.getByTestId('deal-stage')).toHaveText(D.stages.NEGOTIATION)
	await buyer.goto(dealPath)
	await buyer.getByTestId('sign-terms').click()
	await expect(buyer.getByTestId('deal-done')).toHaveText(D.done.termsSigned)
	await expect(buyer.getByTestId('deal-stage')).toHaveText(D.stages.AGREEMENT)
	const rows = buyer.getByTestId('milestone')
	await expect(rows).toHaveCount(2)
	await expect(rows.nth(0)).toContainText(milestones[0].title)
	await expect(rows.nth(1)).toContainText(milestones[1].title)
	await expect(rows.nth(0)).toHaveAttribute('data-status', 'DUE')

	// The enterprise pays the first milestone by bank transfer: a VietQR code for that amount and reference.
	const payByTransfer = rows.nth(0).getByTestId('pay-BANK_TRANSFER')
	await expect(payByTransfer, 'bank transfer is offered: the e2e server needs a receiving account (BANK_BIN, BANK_ACCOUNT)').toBeVisible()
	await payByTransfer.click()
	await expect(buyer).toHaveURL(new RegExp(`^[^?]*${dealPath}/payments/[^/?]+$`))
	const vietqr = buyer.getByTestId('vietqr')
	await expect(vietqr).toBeVisible()
	await expect(vietqr.locator('svg')).toHaveCount(1)
	await expect(buyer.getByTestId('payment-status')).toHaveText(D.payments.statuses.PENDING)
	const reference = (await buyer.getByTestId('transfer-reference').textContent())?.trim() ?? ''
	expect(reference).toMatch(/^CN[0-9A-Z]{8}$/)
	const payload = (await buyer.getByTestId('vietqr-payload').textContent())?.trim() ?? ''
	const amount1 = milestones[0].amount.toString()
	// EMVCo: tag 54 the amount, tag 62.08 the reference, tag 63 the checksum at the end.
	expect(payload).toContain(`54${String(amount1.length).padStart(2, '0')}${amount1}`)
	expect(payload).toContain(`08${String(reference.length).padStart(2, '0')}${reference}`)
	expect(payload).toMatch(/6304[0-9A-F]{4}$/)
	const paymentPath = new URL(buyer.url()).pathname

	// An operator sees the pending transfer on the payments desk and confirms the money arrived.
	const desk = await openPage(operator)
	await desk.goto('/operator/payments')
	const pending = desk.getByTestId('pending-transfer').filter({ hasText: reference })
	await expect(pending).toHaveCount(1)
	await expect(pending).toContainText(enterprise.organisation.name)
	await expect(pending).toContainText(formatVnd(milestones[0].amount, 'vi'))
	await pending.getByPlaceholder(D.payments.bankRef).fill(`FT${word.toUpperCase()}`)
	await pending.getByRole('button', { name: D.payments.confirmReceipt }).click()
	await expect(desk.getByText(D.operator.done.confirmed)).toBeVisible()
	await expect(desk.getByTestId('pending-transfer').filter({ hasText: reference })).toHaveCount(0)

	// The deal moved on to PAYMENT; the first milestone is paid, the second still due; the timeline shows the payment.
	await buyer.goto(dealPath)
	await expect(buyer.getByTestId('deal-stage')).toHaveText(D.stages.PAYMENT)
	await expect(rows.nth(0)).toHaveAttribute('data-status', 'PAID')
	await expect(rows.nth(0).getByTestId('payment')).toHaveAttribute('data-status', 'PAID')
	await expect(rows.nth(1)).toHaveAttribute('data-status', 'DUE')
	await expect(rows.nth(1)).toContainText(D.milestones.status.DUE)
	await expect(rows.nth(1).getByTestId('payment')).toHaveCount(0)
	await expect(rows.nth(1).getByTestId('pay-BANK_TRANSFER')).toBeVisible()
	const paid = buyer.getByTestId('deal-timeline').locator('li[data-kind="payment.paid"]')
	await expect(paid).toHaveCount(1)
	await expect(paid).toContainText(interpolate(D.timeline.kinds['payment.paid'], { amount: formatVnd(milestones[0].amount, 'vi'), reference }))
	await expect(paid).toContainText(operator.name)
	await expect(buyer.getByTestId('deal-timeline').locator('li[data-kind="stage"]').last()).toContainText(
		interpolate(D.timeline.kinds.stage, { from: D.stages.AGREEMENT, to: D.stages.PAYMENT }),
	)

	// The receipt: both organisations, the milestone and its amount; and the same as a PDF.
	await rows.nth(0).getByRole('link', { name: D.payments.receipt }).click()
	await expect(buyer).toHaveURL(new RegExp(`${paymentPath}/receipt$`))
	const receipt = buyer.getByTestId('receipt')
	await expect(receipt.getByRole('heading', { level: 1 })).toHaveText(D.receipt.title)
	await expect(receipt).toContainText(enterprise.organisation.name)
	await expect(receipt).toContainText(institute.organisation.name)
	await expect(receipt).toContainText(milestones[0].title)
	await expect(receipt).toContainText(formatVnd(milestones[0].amount, 'vi'))
	await expect(receipt).toContainText(reference)
	await expect(receipt).not.toContainText(milestones[1].title)
	const href = await buyer.getByTestId('receipt-pdf').getAttribute('href')
	expect(href).toBe(`${paymentPath}/receipt.pdf`)
	const pdf = await buyer.request.get(href!)
	expect(pdf.status()).toBe(200)
	expect(pdf.headers()['content-type']).toContain('application/pdf')
	expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

	// The receipt is the parties' own: someone outside the deal gets nothing.
	const outsider = await openPage(await factory.user())
	const refused = await outsider.goto(`${paymentPath}/receipt`)
	expect(refused?.status()).toBe(404)
})
