import type { Page } from '@playwright/test'
import { expect, test, texts } from './fixtures.ts'

const { vi, en } = texts

async function expectVietnamese(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await expect(page.getByRole('link', { name: vi.nav.login, exact: true })).toBeVisible()
	await expect(page.getByTestId('locale-switch')).toHaveText('EN')
}

async function expectEnglish(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await expect(page.getByRole('link', { name: en.nav.login, exact: true })).toBeVisible()
	await expect(page.getByTestId('locale-switch')).toHaveText('VI')
}

test('the header switch turns the site English, the choice persists, and switches back', async ({ page, context }) => {
	await page.goto('/organisations')
	await expectVietnamese(page)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.organisations.list.title)

	await page.getByTestId('locale-switch').click()
	await expectEnglish(page)
	// Back on the page it was switched from.
	await expect(page).toHaveURL(/\/organisations$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.organisations.list.title)

	await page.reload()
	await expectEnglish(page)

	const other = await context.newPage()
	await other.goto('/')
	await expectEnglish(other)
	await expect(other).toHaveTitle(en.home.title)
	await other.close()

	await page.getByTestId('locale-switch').click()
	await expectVietnamese(page)
	await page.reload()
	await expectVietnamese(page)
})

test('the switch is a plain form: it works with JavaScript disabled', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false })
	try {
		const page = await context.newPage()
		await page.goto('/')
		await expectVietnamese(page)

		await page.getByTestId('locale-switch').click()
		await page.waitForURL('/')
		await expectEnglish(page)
		await expect(page).toHaveTitle(en.home.title)

		const other = await context.newPage()
		await other.goto('/organisations')
		await expectEnglish(other)

		await other.getByTestId('locale-switch').click()
		await other.waitForURL('/organisations')
		await expectVietnamese(other)
	} finally {
		await context.close()
	}
})

test('a signed-in user’s choice is saved on the profile', async ({ page, factory }) => {
	const user = await factory.user({ locale: 'vi' })
	await factory.signIn(page.context(), user)
	await page.goto('/me')
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.auth.profile.title)

	await page.getByTestId('locale-switch').click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.auth.profile.title)
	await expect
		.poll(async () => (await factory.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } })).locale)
		.toBe('en')
})
