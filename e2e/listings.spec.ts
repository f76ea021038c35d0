/**
 * Technology offers and demands: the guided editor, review by an operator, the public lists with
 * their URL filters (with and without JavaScript), attachments and edits of published listings.
 */
import type { Locator, Page } from '@playwright/test'
import { PDF } from '../app/uploads/test-samples.server.ts'
import { formatVnd } from '../app/utils/format.ts'
import { afterAutosave, expect, fieldError, interpolate, test, texts, uniqueSuffix, type Factory, type TestListing } from './fixtures.ts'

const vi = texts.vi
const L = vi.listings
const N = vi.notifications.kinds.listing

/** An id from a listing URL: /offers/<id>, /offers/<id>/edit?step=…, /operator/review/offer/<id>. */
function listingId(page: Page, kind: 'offer' | 'demand') {
	const match = new RegExp(`/${kind}s?/([^/?#]+)`).exec(new URL(page.url()).pathname)
	expect(match, `a ${kind} id in ${page.url()}`).not.toBeNull()
	return match![1]!
}

function label(page: Page, text: string) {
	return page.getByLabel(text, { exact: true })
}

function button(page: Page, name: string) {
	return page.getByRole('button', { name, exact: true })
}

/**
 * The step forms' main button ("Lưu và tiếp tục"). Tests let the step's autosave finish first
 * (afterAutosave), so each test knows what is saved when it moves on.
 */
async function saveAndContinue(page: Page, kind: 'offer' | 'demand', next: string) {
	await button(page, L.steps.saveAndContinue).click()
	await expect(page).toHaveURL(new RegExp(`/${kind}s/[^/]+/edit\\?step=${next}$`))
}

/** Uploads a file on the attachments step and waits for the page to list it. */
async function upload(page: Page, name: string, options: { confidential?: boolean } = {}) {
	await label(page, vi.uploads.fileLabel).setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(PDF) })
	if (options.confidential) await page.getByRole('checkbox', { name: vi.uploads.confidentialLabel }).check()
	await button(page, vi.uploads.submit).click()
	await expect(downloadLink(page, name)).toBeVisible()
}

function downloadLink(page: Page, fileName: string) {
	return page.getByRole('link', { name: interpolate(vi.uploads.download, { name: fileName }), exact: true })
}

/** The operator opens an item from the review queue by its title. */
async function openFromQueue(page: Page, kind: 'offer' | 'demand', title: string) {
	await page.goto('/operator/review')
	const row = page.getByTestId('review-queue').getByRole('row').filter({ hasText: title })
	await expect(row).toHaveCount(1)
	await row.getByRole('link', { name: L.review.open }).click()
	await expect(page).toHaveURL(new RegExp(`/operator/review/${kind}/[^/?]+$`))
	await expect(page.getByTestId('review-diff')).toBeVisible()
}

async function approve(page: Page, kind: 'offer' | 'demand', title: string, buttonName = L.review.approve) {
	await openFromQueue(page, kind, title)
	await button(page, buttonName).click()
	await expect(page).toHaveURL(/\/operator\/review\?done=approved/)
	await expect(page.getByRole('status').filter({ hasText: interpolate(L.review.approved, { title }) })).toBeVisible()
}

function listLink(page: Page, title: string) {
	return page.getByTestId('listing-list').getByRole('link', { name: title, exact: true })
}

/** The Vietnamese price line of a listing card or the detail page: "500.000.000 ₫ – 800.000.000 ₫". */
function priceRange(min: number, max: number) {
	return `${formatVnd(min, 'vi')} – ${formatVnd(max, 'vi')}`
}

function priceFact(page: Page): Locator {
	return page.getByTestId('listing-detail').locator('dt', { hasText: L.fields.price }).locator('xpath=following-sibling::dd[1]')
}

/** A date a year from now as an <input type="date"> takes it. */
function nextYear() {
	const date = new Date()
	date.setFullYear(date.getFullYear() + 1)
	return date.toISOString().slice(0, 10)
}

test('an institute posts an offer step by step; the operator returns it, then approves it; the public finds it', async ({ factory, openPage }) => {
	test.slow()
	const suffix = uniqueSuffix()
	const { user: owner, organisation } = await factory.owner({ organisation: { type: 'RESEARCH_INSTITUTE', name: `Viện Nuôi trồng Thủy sản Kiểm thử ${suffix}` } })
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const title = `Hệ thống nuôi tôm tuần hoàn RAS tiết kiệm nước ${suffix}`
	const fixedTitle = `Hệ thống nuôi tôm thẻ chân trắng tuần hoàn RAS ${suffix}`
	const summary = 'Nuôi tôm thẻ chân trắng mật độ cao trong bể tuần hoàn, tái sử dụng trên 90% lượng nước.'
	const description = [
		'Công nghệ do Viện phát triển và thử nghiệm tại Cần Thơ trong ba vụ nuôi liên tiếp.',
		'',
		'- Lọc sinh học **hai cấp**, cảm biến oxy hòa tan',
		'- Năng suất 8 tấn/1.000 m³ mỗi vụ',
	].join('\n')
	const confidential = `Thông số vận hành bộ lọc sinh học: mã bí mật ${suffix}`
	const publicFile = 'Báo cáo kết quả thử nghiệm.pdf'
	const secretFile = 'Quy trình vận hành nội bộ.pdf'
	const reason = 'Tiêu đề cần nêu rõ đối tượng nuôi (tôm thẻ chân trắng).'

	const ownerPage = await openPage(owner)

	// Step 1: the organisation and the basics.
	await ownerPage.goto('/offers/new')
	await expect(ownerPage.getByRole('heading', { level: 1 })).toHaveText(L.offers.newTitle)
	await label(ownerPage, L.fields.organisation).selectOption(organisation.id)
	await label(ownerPage, L.fields.title).fill(title)
	await label(ownerPage, L.fields.summary).fill(summary)
	await label(ownerPage, L.fields.description).fill(description)
	await label(ownerPage, L.fields.fieldCodes).selectOption(['40501', '40504'])
	await label(ownerPage, L.fields.keywords).fill('nuôi tôm, RAS, cảm biến oxy')
	await label(ownerPage, L.fields.province).selectOption('92')
	await button(ownerPage, L.steps.create).click()
	await expect(ownerPage).toHaveURL(/\/offers\/[^/]+\/edit\?step=technical$/)
	const id = listingId(ownerPage, 'offer')
	await expect(ownerPage.getByTestId('listing-status')).toHaveText(L.status.DRAFT)

	// Step 2: technical.
	await label(ownerPage, L.fields.trl).selectOption('6')
	await label(ownerPage, L.fields.ipStatus).selectOption('PATENT_PENDING')
	await label(ownerPage, L.fields.ipNumbers).fill('1-2025-01234')
	await afterAutosave(ownerPage, 'technical', () => label(ownerPage, L.fields.confidential).fill(confidential))
	await saveAndContinue(ownerPage, 'offer', 'commercial')

	// Step 3: commercial.
	await ownerPage.getByRole('checkbox', { name: L.transferModes.LICENSING }).check()
	await ownerPage.getByRole('checkbox', { name: L.transferModes.TRAINING }).check()
	await label(ownerPage, L.fields.priceMin).fill('500.000.000')
	await afterAutosave(ownerPage, 'commercial', () => label(ownerPage, L.fields.priceMax).fill('1.200.000.000'))
	await saveAndContinue(ownerPage, 'offer', 'attachments')

	// Step 4: a public and a confidential PDF.
	await upload(ownerPage, publicFile)
	await upload(ownerPage, secretFile, { confidential: true })
	await ownerPage.getByRole('link', { name: L.steps.saveAndContinue, exact: true }).click()
	await expect(ownerPage).toHaveURL(/\/offers\/[^/]+\/edit\?step=review$/)

	// Step 5: nothing missing; everything the steps saved is in the database.
	await expect(ownerPage.getByTestId('missing')).toHaveCount(0)
	expect(
		await factory.db.offer.findUniqueOrThrow({
			where: { id },
			select: { title: true, summary: true, fieldCodes: true, fieldPaths: true, keywords: true, provinceCode: true, trl: true, ipStatus: true, ipNumbers: true, confidential: true, transferModes: true, priceMin: true, priceMax: true },
		}),
	).toEqual({
		title,
		summary,
		fieldCodes: ['40501', '40504'],
		fieldPaths: ['4', '405', '40501', '40504'],
		keywords: ['nuôi tôm', 'RAS', 'cảm biến oxy'],
		provinceCode: '92',
		trl: 6,
		ipStatus: 'PATENT_PENDING',
		ipNumbers: '1-2025-01234',
		confidential,
		transferModes: ['LICENSING', 'TRAINING'],
		priceMin: 500_000_000n,
		priceMax: 1_200_000_000n,
	})
	await button(ownerPage, L.steps.submit).click()
	await expect(ownerPage).toHaveURL(new RegExp(`/offers/${id}\\?done=submitted$`))
	await expect(ownerPage.getByRole('status').filter({ hasText: L.detail.done.submitted })).toBeVisible()
	await expect(ownerPage.getByTestId('listing-status')).toHaveText(L.status.SUBMITTED)

	// Not public yet.
	const visitor = await openPage(null)
	expect((await visitor.goto(`/offers/${id}`))?.status()).toBe(404)

	// The operator was told, and returns it from the queue with a reason.
	const operatorPage = await openPage(operator)
	await expect.poll(() => factory.db.notification.count({ where: { userId: operator.id, kind: 'listing.submitted', link: `/operator/review/offer/${id}` } })).toBe(1)
	await openFromQueue(operatorPage, 'offer', title)
	await expect(operatorPage.getByTestId('review-diff')).toContainText(summary)
	await expect(operatorPage.getByRole('link', { name: publicFile })).toBeVisible()
	await label(operatorPage, L.review.reason).fill(reason)
	await button(operatorPage, L.review.return).click()
	await expect(operatorPage).toHaveURL(/\/operator\/review\?done=returned/)
	await expect(operatorPage.getByRole('status').filter({ hasText: interpolate(L.review.returned, { title }) })).toBeVisible()
	await expect(operatorPage.getByTestId('review-queue').getByRole('row').filter({ hasText: title })).toHaveCount(0)

	// The owner sees why on the detail page and in a notification.
	await ownerPage.goto(`/offers/${id}`)
	await expect(ownerPage.getByTestId('listing-status')).toHaveText(L.status.RETURNED)
	await expect(ownerPage.getByTestId('return-reason')).toHaveText(interpolate(L.detail.returnedBecause, { reason }))
	await expect(ownerPage.getByTestId('bell-count')).toHaveText('1')
	await ownerPage.getByTestId('bell').click()
	await expect(ownerPage).toHaveURL(/\/me\/notifications$/)
	const notice = ownerPage.getByTestId('notification').filter({ hasText: interpolate(N.returned.title, { title }) })
	await expect(notice).toContainText(interpolate(N.returned.body, { title, reason }))
	await notice.getByRole('link', { name: interpolate(N.returned.title, { title }) }).click()
	await expect(ownerPage).toHaveURL(new RegExp(`/offers/${id}$`))

	// Fixes the title and sends it again.
	await ownerPage.getByRole('link', { name: L.detail.edit }).click()
	await expect(ownerPage).toHaveURL(new RegExp(`/offers/${id}/edit$`))
	await expect(ownerPage.getByText(interpolate(L.detail.returnedBecause, { reason }))).toBeVisible()
	await expect(label(ownerPage, L.fields.title)).toHaveValue(title)
	await label(ownerPage, L.fields.title).fill(fixedTitle)
	await button(ownerPage, L.steps.save).click()
	await expect(ownerPage.getByRole('status').filter({ hasText: /\d\d:\d\d/ })).toBeVisible()
	await ownerPage.getByRole('link', { name: `5. ${L.steps.review}` }).click()
	await expect(ownerPage).toHaveURL(new RegExp(`/offers/${id}/edit\\?step=review$`))
	await button(ownerPage, L.steps.submit).click()
	await expect(ownerPage).toHaveURL(new RegExp(`/offers/${id}\\?done=submitted$`))
	await expect(ownerPage.getByTestId('listing-status')).toHaveText(L.status.SUBMITTED)
	await expect(ownerPage.getByTestId('return-reason')).toHaveCount(0)

	// The operator approves.
	await approve(operatorPage, 'offer', fixedTitle)
	await ownerPage.reload()
	await expect(ownerPage.getByTestId('listing-status')).toHaveText(L.status.PUBLISHED)
	await expect(ownerPage.getByTestId('confidential')).toContainText(confidential)
	await expect(downloadLink(ownerPage, secretFile)).toBeVisible()

	// An anonymous visitor finds it by its broad field (4 for 40501) and by its province, not by another field.
	await visitor.goto('/offers?field=4')
	await expect(listLink(visitor, fixedTitle)).toBeVisible()
	await visitor.goto('/offers?field=405')
	await expect(listLink(visitor, fixedTitle)).toBeVisible()
	await visitor.goto('/offers?field=1')
	await expect(visitor.getByTestId('listing-list')).toBeAttached()
	await expect(listLink(visitor, fixedTitle)).toHaveCount(0)
	await visitor.goto('/offers?province=01')
	await expect(listLink(visitor, fixedTitle)).toHaveCount(0)
	await visitor.goto('/offers?province=92')
	await expect(listLink(visitor, fixedTitle)).toBeVisible()
	await listLink(visitor, fixedTitle).click()
	await expect(visitor).toHaveURL(new RegExp(`/offers/${id}$`))
	const detail = visitor.getByTestId('listing-detail')
	await expect(detail.getByRole('heading', { level: 1 })).toHaveText(fixedTitle)
	await expect(detail).toContainText(summary)
	await expect(priceFact(visitor)).toHaveText(priceRange(500_000_000, 1_200_000_000))
	await expect(visitor.getByTestId('listing-status')).toHaveCount(0)

	// The public file downloads as an attachment; the confidential one is neither listed nor served.
	const link = downloadLink(visitor, publicFile)
	const [download] = await Promise.all([visitor.waitForEvent('download'), link.click()])
	expect(download.suggestedFilename()).toBe(publicFile)
	const file = await visitor.request.get((await link.getAttribute('href'))!)
	expect(file.status()).toBe(200)
	expect(file.headers()['content-disposition']).toMatch(/^attachment;/)
	expect(file.headers()['content-type']).toBe('application/pdf')
	expect(Buffer.from(await file.body()).equals(Buffer.from(PDF))).toBe(true)
	await expect(downloadLink(visitor, secretFile)).toHaveCount(0)
	const secret = await factory.db.attachment.findFirstOrThrow({ where: { offerId: id, confidential: true }, select: { id: true } })
	expect((await visitor.request.get(`/attachments/${secret.id}`)).status()).toBe(404)

	// The confidential section is neither shown nor sent in the page's data.
	await expect(visitor.getByTestId('confidential')).toHaveCount(0)
	await expect(visitor.locator('body')).not.toContainText(confidential)
	const html = await (await visitor.request.get(`/offers/${id}`)).text()
	expect(html).toContain(fixedTitle)
	expect(html).not.toContain(`mã bí mật ${suffix}`)
	expect(html).not.toContain(reason)
})

test('an enterprise posts a demand; once approved it is listed at /demands', async ({ factory, openPage }) => {
	test.slow()
	const suffix = uniqueSuffix()
	const { user: owner, organisation } = await factory.owner({ organisation: { type: 'ENTERPRISE', name: `Công ty Chế biến Thủy sản Kiểm thử ${suffix}` } })
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const title = `Cần công nghệ xử lý nước thải chế biến thủy sản ${suffix}`
	const problem =
		'Nhà máy thải khoảng 500 m³ nước thải mỗi ngày với hàm lượng hữu cơ và nitơ cao; hệ thống hiện tại không đạt quy chuẩn xả thải.'
	const desiredOutcome = 'Nước thải sau xử lý đạt QCVN 11-MT:2015/BTNMT cột A.'

	const ownerPage = await openPage(owner)
	await ownerPage.goto('/demands/new')
	await expect(ownerPage.getByRole('heading', { level: 1 })).toHaveText(L.demands.newTitle)
	await label(ownerPage, L.fields.organisation).selectOption(organisation.id)
	await label(ownerPage, L.fields.title).fill(title)
	await label(ownerPage, L.fields.problem).fill(problem)
	await label(ownerPage, L.fields.desiredOutcome).fill(desiredOutcome)
	await label(ownerPage, L.fields.fieldCodes).selectOption(['20701'])
	await label(ownerPage, L.fields.keywords).fill('nước thải, thủy sản')
	await label(ownerPage, L.fields.province).selectOption('96')
	await button(ownerPage, L.steps.create).click()
	await expect(ownerPage).toHaveURL(/\/demands\/[^/]+\/edit\?step=technical$/)
	const id = listingId(ownerPage, 'demand')

	await label(ownerPage, L.fields.minTrl).selectOption('5')
	await afterAutosave(ownerPage, 'technical', () => label(ownerPage, L.fields.deadline).fill(nextYear()))
	await saveAndContinue(ownerPage, 'demand', 'commercial')
	await ownerPage.getByRole('checkbox', { name: L.transferModes.RD_CONTRACT }).check()
	await afterAutosave(ownerPage, 'commercial', () => ownerPage.getByRole('checkbox', { name: L.fields.budgetUndisclosed }).check())
	await saveAndContinue(ownerPage, 'demand', 'attachments')
	await ownerPage.getByRole('link', { name: L.steps.saveAndContinue, exact: true }).click()
	await expect(ownerPage).toHaveURL(/\/demands\/[^/]+\/edit\?step=review$/)
	await expect(ownerPage.getByTestId('missing')).toHaveCount(0)
	await button(ownerPage, L.steps.submit).click()
	await expect(ownerPage).toHaveURL(new RegExp(`/demands/${id}\\?done=submitted$`))
	await expect(ownerPage.getByTestId('listing-status')).toHaveText(L.status.SUBMITTED)

	const operatorPage = await openPage(operator)
	await approve(operatorPage, 'demand', title)
	await expect.poll(() => factory.db.notification.count({ where: { userId: owner.id, kind: 'listing.published' } })).toBe(1)

	const visitor = await openPage(null)
	await visitor.goto('/demands')
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(L.demands.title)
	await expect(listLink(visitor, title)).toBeVisible()
	await visitor.goto('/demands?field=2&province=96')
	await expect(listLink(visitor, title)).toBeVisible()
	await listLink(visitor, title).click()
	await expect(visitor).toHaveURL(new RegExp(`/demands/${id}$`))
	const detail = visitor.getByTestId('listing-detail')
	await expect(detail.getByRole('heading', { level: 1 })).toHaveText(title)
	await expect(detail).toContainText(problem)
	await expect(detail).toContainText(desiredOutcome)
	await expect(detail).toContainText(L.fields.undisclosed)
	await expect(detail).toContainText(L.transferModes.RD_CONTRACT)
})

test.describe('a step that does not validate keeps what was typed', () => {
	test('with JavaScript: a price range upside down on the commercial step', async ({ factory, openPage }) => {
		const { user: owner, organisation } = await factory.owner()
		const offer = await factory.offer(organisation, { createdBy: owner, transferModes: [], priceMin: null, priceMax: null })
		const before = await factory.db.offer.findUniqueOrThrow({ where: { id: offer.id }, select: { version: true } })
		const page = await openPage(owner)
		await page.goto(`${offer.path}/edit?step=commercial`)
		const formId = `edit-offer-${offer.id}-commercial`
		await page.getByRole('checkbox', { name: L.transferModes.LICENSING }).check()
		await page.getByRole('checkbox', { name: L.transferModes.CONSULTING }).check()
		await label(page, L.fields.priceMin).fill('900.000.000')
		await label(page, L.fields.priceMax).fill('100.000.000')
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/offers/${offer.id}/edit`) && !r.request().postData()?.includes('autosave')),
			button(page, L.steps.saveAndContinue).click(),
		])
		expect(response.status()).toBe(400)

		await expect(fieldError(page, formId, 'priceMax')).toHaveText(L.validation.range)
		await expect(page).toHaveURL(new RegExp(`/offers/${offer.id}/edit\\?step=commercial$`))
		await expect(page.getByRole('checkbox', { name: L.transferModes.LICENSING })).toBeChecked()
		await expect(page.getByRole('checkbox', { name: L.transferModes.CONSULTING })).toBeChecked()
		await expect(page.getByRole('checkbox', { name: L.transferModes.TRAINING })).not.toBeChecked()
		await expect(label(page, L.fields.priceMin)).toHaveValue('900.000.000')
		await expect(label(page, L.fields.priceMax)).toHaveValue('100.000.000')
		await expect(page.getByRole('checkbox', { name: L.fields.priceNegotiable })).not.toBeChecked()
		// Nothing was saved, not even by the autosave.
		await page.waitForTimeout(2_000)
		expect(await factory.db.offer.findUniqueOrThrow({ where: { id: offer.id }, select: { version: true, transferModes: true, priceMin: true, priceMax: true } })).toEqual({
			version: before.version,
			transferModes: [],
			priceMin: null,
			priceMax: null,
		})
	})

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false })

		test('a title too short on step 1 keeps the other basics; a short summary is then listed as missing', async ({ page, factory }) => {
			const suffix = uniqueSuffix()
			const { user: owner, organisation } = await factory.owner()
			await factory.signIn(page.context(), owner)
			const summary = 'Tóm tắt ngắn quá.'
			const description = `Mô tả chi tiết công nghệ sấy lạnh nông sản bằng bơm nhiệt, giữ màu và vitamin, tiết kiệm 40% điện năng. ${suffix}`
			await page.goto('/offers/new')
			await label(page, L.fields.organisation).selectOption(organisation.id)
			await label(page, L.fields.title).fill('Sấy')
			await label(page, L.fields.summary).fill(summary)
			await label(page, L.fields.description).fill(description)
			await label(page, L.fields.fieldCodes).selectOption(['40107', '20701'])
			await label(page, L.fields.keywords).fill('sấy lạnh, bơm nhiệt')
			await label(page, L.fields.province).selectOption('86')
			const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button(page, L.steps.create).click()])
			expect(response.status()).toBe(400)

			await expect(fieldError(page, 'new-offer', 'title')).toHaveText(interpolate(vi.validation.tooShort, { min: 5 }))
			await expect(label(page, L.fields.title)).toHaveValue('Sấy')
			await expect(label(page, L.fields.summary)).toHaveValue(summary)
			await expect(label(page, L.fields.description)).toHaveValue(description)
			await expect(label(page, L.fields.fieldCodes)).toHaveValues(['20701', '40107'])
			await expect(label(page, L.fields.keywords)).toHaveValue('sấy lạnh, bơm nhiệt')
			await expect(label(page, L.fields.province)).toHaveValue('86')
			await expect(label(page, L.fields.organisation)).toHaveValue(organisation.id)
			expect(await factory.db.offer.count({ where: { organisationId: organisation.id } })).toBe(0)

			// A draft may hold a short summary; the review step names it before anything is sent.
			await label(page, L.fields.title).fill(`Công nghệ sấy lạnh nông sản ${suffix}`)
			await button(page, L.steps.create).click()
			await expect(page).toHaveURL(/\/offers\/[^/]+\/edit\?step=technical$/)
			const id = listingId(page, 'offer')
			await page.goto(`/offers/${id}/edit?step=review`)
			const missing = page.getByTestId('missing')
			await expect(missing.getByRole('listitem').filter({ hasText: L.fields.summary })).toHaveText(`${L.fields.summary}: ${interpolate(vi.validation.tooShort, { min: 30 })}`)
			await expect(missing.getByRole('listitem').filter({ hasText: L.fields.trl })).toHaveText(`${L.fields.trl}: ${L.validation.trl}`)
			await expect(button(page, L.steps.submit)).toBeDisabled()
		})
	})
})

// Regression: an autosave scheduled on one step used to fire after "Lưu và tiếp tục" and post the
// next step's form to the previous step's URL, blanking the step just saved.
test('going on to the next step right after typing: the pending autosave does not undo the step just saved', async ({ factory, openPage }) => {
	const { user: owner, organisation } = await factory.owner()
	const offer = await factory.offer(organisation, { createdBy: owner, trl: null, ipStatus: 'NONE' })
	const confidential = `Tỷ lệ phối trộn chế phẩm: bí mật ${uniqueSuffix()}`
	const page = await openPage(owner)
	await page.goto(`${offer.path}/edit?step=technical`)
	await label(page, L.fields.trl).selectOption('7')
	await label(page, L.fields.ipStatus).selectOption('KNOW_HOW')
	await label(page, L.fields.confidential).fill(confidential)
	await saveAndContinue(page, 'offer', 'commercial')
	// Someone reads the next step for a few seconds before touching it.
	await page.waitForTimeout(3_000)
	expect(await factory.db.offer.findUniqueOrThrow({ where: { id: offer.id }, select: { trl: true, ipStatus: true, confidential: true } })).toEqual({
		trl: 7,
		ipStatus: 'KNOW_HOW',
		confidential,
	})
	await page.getByRole('link', { name: `2. ${L.steps.technical}` }).click()
	await expect(label(page, L.fields.trl)).toHaveValue('7')
	await expect(label(page, L.fields.confidential)).toHaveValue(confidential)
})

/** Four published offers sharing a token in their titles, of which only `match` is in field 4, province 01, TRL ≥ 5; and a draft. */
async function filterFixtures(factory: Factory) {
	const token = `LOC${uniqueSuffix()}`
	const { organisation } = await factory.owner({ organisation: { type: 'UNIVERSITY' } })
	const match = await factory.offer(organisation, { status: 'PUBLISHED', title: `Chế phẩm vi sinh xử lý đáy ao nuôi tôm ${token}`, fieldCodes: ['40504'], provinceCode: '01', trl: 7 })
	const otherField = await factory.offer(organisation, { status: 'PUBLISHED', title: `Phần mềm quản lý trang trại ${token}`, fieldCodes: ['10201'], provinceCode: '01', trl: 7 })
	const otherProvince = await factory.offer(organisation, { status: 'PUBLISHED', title: `Giống tôm sạch bệnh ${token}`, fieldCodes: ['40502'], provinceCode: '79', trl: 7 })
	const lowTrl = await factory.offer(organisation, { status: 'PUBLISHED', title: `Thức ăn tôm thảo dược ${token}`, fieldCodes: ['40501'], provinceCode: '01', trl: 3 })
	const draft = await factory.offer(organisation, { title: `Bản nháp chưa công khai ${token}`, fieldCodes: ['40504'], provinceCode: '01', trl: 8 })
	return { token, match, others: [otherField, otherProvince, lowTrl], lowTrl, draft, all: [match, otherField, otherProvince, lowTrl] }
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the offer list is rendered from the filters in the URL', async ({ page, factory }) => {
		const { token, match, others, lowTrl, draft, all } = await filterFixtures(factory)
		await page.goto(`/offers?q=${token}`)
		for (const offer of all) await expect(listLink(page, offer.title)).toBeVisible()
		await expect(listLink(page, draft.title)).toHaveCount(0)
		await expect(page.getByRole('status').filter({ hasText: interpolate(L.offers.count_other, { count: 4 }) })).toBeVisible()

		await page.goto(`/offers?q=${token}&field=4&province=01&trl=5`)
		await expect(listLink(page, match.title)).toBeVisible()
		for (const offer of others) await expect(listLink(page, offer.title)).toHaveCount(0)
		await expect(page.getByRole('status').filter({ hasText: interpolate(L.offers.count_one, { count: 1 }) })).toBeVisible()
		// The form shows the filters it applied.
		const filters = page.getByRole('search', { name: L.filters.title })
		await expect(filters.getByLabel(L.filters.q, { exact: true })).toHaveValue(token)
		await expect(filters.getByLabel(L.filters.field, { exact: true })).toHaveValue('4')
		await expect(filters.getByLabel(L.filters.province, { exact: true })).toHaveValue('01')
		await expect(filters.getByLabel(L.filters.trl, { exact: true })).toHaveValue('5')

		// TRL 7 before TRL 3, whatever the order among the three at TRL 7.
		await page.goto(`/offers?q=${token}&sort=trl-desc`)
		const titles = (await page.getByTestId('listing-list').getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim())
		expect([...titles].sort()).toEqual(all.map((o) => o.title).sort())
		expect(titles.at(-1)).toBe(lowTrl.title)

		// Clearing the filters is a plain link.
		await page.getByRole('link', { name: L.filters.clear }).click()
		await expect(page).toHaveURL(/\/offers$/)
	})
})

for (const javaScriptEnabled of [false, true]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled })

		// Regression: blank price inputs (`min=&max=`) used to be read as 0 and filter everything out.
		test('submitting the filter form puts the filters in the URL and filters the list', async ({ page, factory }) => {
			const { token, match, others } = await filterFixtures(factory)
			await page.goto('/offers')
			const filters = page.getByRole('search', { name: L.filters.title })
			await filters.getByLabel(L.filters.q, { exact: true }).fill(token)
			await filters.getByLabel(L.filters.field, { exact: true }).selectOption('4')
			await filters.getByLabel(L.filters.province, { exact: true }).selectOption('01')
			await filters.getByLabel(L.filters.trl, { exact: true }).selectOption('5')
			await filters.getByRole('button', { name: L.filters.apply }).click()

			await expect(page).toHaveURL(/\/offers\?.*field=4/)
			const params = new URL(page.url()).searchParams
			expect(params.get('q')).toBe(token)
			expect(params.get('field')).toBe('4')
			expect(params.get('province')).toBe('01')
			expect(params.get('trl')).toBe('5')
			await expect(listLink(page, match.title)).toBeVisible()
			for (const offer of others) await expect(listLink(page, offer.title)).toHaveCount(0)
			await expect(page.getByRole('status').filter({ hasText: interpolate(L.offers.count_one, { count: 1 }) })).toBeVisible()
			await expect(filters.getByLabel(L.filters.min, { exact: true })).toHaveValue('')
			await expect(filters.getByLabel(L.filters.max, { exact: true })).toHaveValue('')
		})
	})
}

test('edits to a published offer’s price wait for review; the public sees the old price until approved', async ({ factory, openPage }) => {
	test.slow()
	const { user: owner, organisation } = await factory.owner()
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const offer: TestListing = await factory.offer(organisation, { status: 'PUBLISHED', createdBy: owner, priceMin: 500_000_000n, priceMax: 800_000_000n })
	const oldPrice = priceRange(500_000_000, 800_000_000)
	const newPrice = priceRange(500_000_000, 950_000_000)

	const ownerPage = await openPage(owner)
	await ownerPage.goto(`${offer.path}/edit?step=commercial`)
	await expect(ownerPage.getByText(L.steps.pendingNote)).toBeVisible()
	await expect(label(ownerPage, L.fields.priceMax)).toHaveValue('800000000')
	await label(ownerPage, L.fields.priceMax).fill('950.000.000')
	await button(ownerPage, L.steps.save).click()
	await expect(ownerPage.getByRole('status').filter({ hasText: /\d\d:\d\d/ })).toBeVisible()

	await ownerPage.goto(offer.path)
	await expect(ownerPage.getByTestId('listing-status')).toHaveText(L.status.PUBLISHED)
	await expect(ownerPage.getByText(L.status.pendingEdits, { exact: true })).toBeVisible()
	await expect(ownerPage.getByText(L.detail.pendingBanner)).toBeVisible()
	await ownerPage.goto('/me/listings')
	await expect(ownerPage.getByTestId('my-listings').getByRole('row').filter({ hasText: offer.title })).toContainText(L.status.pendingEdits)

	const visitor = await openPage(null)
	await visitor.goto(offer.path)
	await expect(priceFact(visitor)).toHaveText(oldPrice)
	await expect(visitor.getByText(L.status.pendingEdits)).toHaveCount(0)
	await visitor.goto(`/offers?q=${encodeURIComponent(offer.title)}`)
	await expect(visitor.getByTestId('listing-list').getByRole('listitem').filter({ hasText: offer.title })).toContainText(oldPrice)

	const operatorPage = await openPage(operator)
	await openFromQueue(operatorPage, 'offer', offer.title)
	const changed = operatorPage.getByTestId('review-diff').getByRole('row').filter({ has: operatorPage.getByRole('rowheader', { name: L.fields.priceMax, exact: true }) })
	await expect(changed.locator('del')).toHaveText('800000000')
	await expect(changed.locator('ins')).toHaveText('950000000')
	await approve(operatorPage, 'offer', offer.title, L.review.approveEdits)

	await visitor.goto(offer.path)
	await expect(priceFact(visitor)).toHaveText(newPrice)
	await ownerPage.goto(offer.path)
	await expect(ownerPage.getByText(L.status.pendingEdits, { exact: true })).toHaveCount(0)
	await expect(priceFact(ownerPage)).toHaveText(newPrice)
	await expect.poll(() => factory.db.notification.count({ where: { userId: owner.id, kind: 'listing.changes-approved' } })).toBe(1)
})
