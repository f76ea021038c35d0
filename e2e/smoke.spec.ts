import { demoOrganisations } from '../prisma/seed/demo-data.ts'
import { expect, test, textPattern, texts } from './fixtures.ts'

const vi = texts.vi

test('/healthz says ok', async ({ request }) => {
	const response = await request.get('/healthz')
	expect(response.status()).toBe(200)
	expect(response.headers()['cache-control']).toContain('no-store')
	expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' })
})

test('the home page renders in Vietnamese with its title', async ({ page }) => {
	const response = await page.goto('/')
	expect(response?.status()).toBe(200)
	await expect(page).toHaveTitle(vi.home.title)
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.home.title)
	await expect(page.getByRole('link', { name: vi.nav.login })).toBeVisible()
	// The stats come from the seeded database (other tests may add organisations meanwhile).
	const organisations = await page.getByTestId('home-stats').locator('dd').first().textContent()
	expect(Number(organisations?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(demoOrganisations.length)
})

test('/organisations lists the seeded organisations', async ({ page }) => {
	await page.goto('/organisations')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.organisations.list.title)
	const count = await page.getByRole('status').filter({ hasText: textPattern(vi.organisations.list.count_other) }).textContent()
	expect(Number(count?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(demoOrganisations.length)

	// Other tests add and remove organisations meanwhile, which can move one across a page
	// boundary between two page loads: walk the pages again until every seeded one was seen.
	await expect(async () => {
		const seen = new Set<string>()
		await page.goto('/organisations')
		for (let pageNumber = 1; pageNumber <= 10; pageNumber++) {
			const names = await page.getByTestId('organisation-list').getByRole('heading', { level: 2 }).allTextContents()
			for (const name of names) seen.add(name.trim())
			const next = page.getByRole('link', { name: new RegExp(vi.common.next) })
			if ((await next.count()) === 0) break
			await next.click()
			await expect(page).toHaveURL(new RegExp(`page=${pageNumber + 1}`))
		}
		const missing = demoOrganisations.map((org) => org.name).filter((name) => !seen.has(name))
		expect(missing).toEqual([])
	}).toPass({ timeout: 20_000 })
})

test('an unknown page shows the translated 404 page with status 404', async ({ page }) => {
	const response = await page.goto('/trang-khong-ton-tai')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.errors.notFound)
	await expect(page.getByRole('link', { name: vi.errors.backHome })).toBeVisible()
})
