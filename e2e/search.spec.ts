/**
 * Search (issue 5): the header's suggestions, the /search page with and without JavaScript (facets,
 * tabs, sort, highlights, empty state, ignored parameters), saved searches with their instant alert
 * (exactly once) and their settings page, and the operators' synonym groups.
 *
 * Listings are indexed asynchronously (the server's relay polls the outbox every second), so a test
 * that has just created or published one polls the search until it is there.
 */
import { randomBytes } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { expect, interpolate, test, texts, type Factory } from './fixtures.ts'

const vi = texts.vi
const S = vi.search
const L = vi.listings

/**
 * A made-up word of letters only (one search word, never stemmed or split), far from any other
 * such word in spelling, so the spelling fallback cannot turn one test's word into another's.
 */
function madeUpWord(prefix = 'xyz') {
	const letters = [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('')
	return `${prefix}${letters}`
}

function searchUrl(params: Record<string, string | string[]>) {
	const qs = new URLSearchParams()
	for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) qs.append(name, v)
	return `/search?${qs.toString()}`
}

/** Reloads `url` until its results hold exactly `count` hits (the relay indexes within seconds). */
async function untilIndexed(page: Page, url: string, count: number) {
	await expect(async () => {
		await page.goto(url)
		await expect(page.getByTestId('search-hit')).toHaveCount(count, { timeout: 1_000 })
	}).toPass({ timeout: 15_000, intervals: [250, 500, 1_000] })
}

function hits(page: Page) {
	return page.getByTestId('search-results').getByTestId('search-hit')
}

async function hitTitles(page: Page) {
	return (await hits(page).getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim())
}

function tab(page: Page, label: string): Locator {
	// A tab's name is its label followed by its count badge.
	return page.getByTestId('search-tabs').getByRole('link', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+$`) })
}

async function provinceName(factory: Factory, code: string) {
	const province = await factory.db.province.findUniqueOrThrow({ where: { code }, select: { nameVi: true } })
	return province.nameVi
}

/** The operator opens the item from the review queue and approves it (as e2e/listings.spec.ts does). */
async function approveFromQueue(page: Page, kind: 'offer' | 'demand', title: string) {
	await page.goto('/operator/review')
	const row = page.getByTestId('review-queue').getByRole('row').filter({ hasText: title })
	await expect(row).toHaveCount(1)
	await row.getByRole('link', { name: L.review.open }).click()
	await expect(page).toHaveURL(new RegExp(`/operator/review/${kind}/[^/?]+$`))
	await page.getByRole('button', { name: L.review.approve, exact: true }).click()
	await expect(page).toHaveURL(/\/operator\/review\?done=approved/)
	await expect(page.getByRole('status').filter({ hasText: interpolate(L.review.approved, { title }) })).toBeVisible()
}

/**
 * Types `text` in the header's search box until its suggestions show. Hydration is asynchronous
 * (app/entry.client.tsx), and what is typed before it reaches no React handler: typed again until
 * the box answers.
 */
async function typeInHeader(page: Page, text: string) {
	const box = page.getByTestId('header-search')
	await expect(async () => {
		await box.fill('')
		await box.fill(text)
		await expect(page.getByTestId('suggestions').getByRole('option').first()).toBeVisible({ timeout: 2_000 })
	}).toPass({ timeout: 15_000 })
	return box
}

test.describe('the header search box', () => {
	test('suggests as one types without diacritics; ArrowDown + Enter opens the first suggestion', async ({ page, baseURL }) => {
		await page.goto('/')
		await expect(page.getByTestId('header-search')).toHaveAttribute('role', 'combobox')
		const box = await typeInHeader(page, 'nuoi tom')
		const suggestions = page.getByTestId('suggestions')
		await expect(suggestions).toBeVisible()
		await expect(box).toHaveAttribute('aria-expanded', 'true')
		const options = suggestions.getByRole('option')
		await expect(options.first()).toBeVisible()
		// The words typed without diacritics are marked in the titles as they are written: "nuôi tôm".
		await expect(suggestions.locator('mark').filter({ hasText: /^nuôi tôm$/i }).first()).toBeVisible()

		const first = options.first()
		const href = await first.getByRole('link').getAttribute('href')
		expect(href).toBeTruthy()
		await box.press('ArrowDown')
		await expect(first).toHaveAttribute('aria-selected', 'true')
		await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!)
		await box.press('Enter')
		await expect(page).toHaveURL(new URL(href!, baseURL).toString())
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	})

	test('Enter with no suggestion highlighted searches the text on /search', async ({ page }) => {
		await page.goto('/')
		const box = await typeInHeader(page, 'nuoi tom')
		await expect(page.getByTestId('suggestions').getByRole('option', { selected: true })).toHaveCount(0)
		await box.press('Enter')
		await expect(page).toHaveURL(/\/search\?q=nuoi(\+|%20)tom$/)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(interpolate(S.page.titleFor, { q: 'nuoi tom' }))
		await expect(hits(page).first()).toBeVisible()
		await expect(page.getByTestId('search-count')).toHaveText(/^[1-9][\d.]* kết quả$/)
		await expect(hits(page).first().locator('mark').first()).toBeVisible()
		// The box keeps the text searched for.
		await expect(page.getByTestId('header-search')).toHaveValue('nuoi tom')
	})
})

test.describe('/search without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	/** Three offers and a demand sharing a made-up word, published at known times. */
	async function searchFixtures(factory: Factory) {
		const word = madeUpWord()
		const { organisation } = await factory.owner({ organisation: { type: 'UNIVERSITY' } })
		const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000)
		const oldest = await factory.offer(organisation, {
			status: 'PUBLISHED',
			title: `Máy sấy nông sản năng lượng mặt trời ${word}`,
			summary: `Máy sấy ${word} dùng năng lượng mặt trời cho nông sản sau thu hoạch.`,
			keywords: [word, 'máy sấy'],
			provinceCode: '01',
			publishedAt: ago(72),
		})
		const older = await factory.offer(organisation, { status: 'PUBLISHED', title: `Chế phẩm sinh học cải tạo đất ${word}`, provinceCode: '79', publishedAt: ago(24) })
		const newest = await factory.offer(organisation, { status: 'PUBLISHED', title: `Thiết bị lọc nước nhiễm mặn ${word}`, provinceCode: '01', publishedAt: ago(2) })
		const demand = await factory.demand(organisation, { status: 'PUBLISHED', title: `Cần dây chuyền đóng gói tự động ${word}`, provinceCode: '79', publishedAt: ago(48) })
		return { word, oldest, older, newest, demand, all: [oldest, older, newest, demand] }
	}

	test('results with a count and highlights; a province facet, the type tabs and the sort apply through the button', async ({ page, factory }) => {
		test.slow()
		const { word, oldest, older, newest, demand, all } = await searchFixtures(factory)
		const hanoi = await provinceName(factory, '01')
		await untilIndexed(page, searchUrl({ q: word }), 4)

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(interpolate(S.page.titleFor, { q: word }))
		await expect(page.getByTestId('search-count')).toHaveText(interpolate(S.page.results_other, { formatted: 4 }))
		expect((await hitTitles(page)).sort()).toEqual(all.map((l) => l.title).sort())
		// Every title has the word in a <mark>.
		for (const hit of await hits(page).all()) await expect(hit.getByRole('heading', { level: 2 }).locator('mark')).toHaveText(word)
		await expect(tab(page, S.types.all)).toHaveAttribute('aria-current', 'page')
		// Saving is for signed-in users; the link brings them back to this search.
		await expect(page.getByTestId('save-search')).toHaveCount(0)
		await expect(page.getByTestId('save-search-sign-in').getByRole('link')).toHaveAttribute('href', `/login?redirectTo=${encodeURIComponent(`/search?q=${word}`)}`)

		// Tabs switch the type and keep the text.
		await expect(tab(page, S.types.demand)).toHaveAccessibleName(`${S.types.demand} 1`)
		await tab(page, S.types.demand).click()
		await expect(page).toHaveURL(searchUrl({ q: word, type: 'demand' }))
		await expect(tab(page, S.types.demand)).toHaveAttribute('aria-current', 'page')
		expect(await hitTitles(page)).toEqual([demand.title])
		await expect(page.getByTestId('search-count')).toHaveText(interpolate(S.page.results_one, { formatted: 1 }))
		await expect(hits(page).first()).toContainText(S.typeBadge.demand)
		await tab(page, S.types.offer).click()
		await expect(page).toHaveURL(searchUrl({ q: word, type: 'offer' }))
		expect((await hitTitles(page)).sort()).toEqual([oldest, older, newest].map((l) => l.title).sort())
		await tab(page, S.types.all).click()
		await expect(page).toHaveURL(searchUrl({ q: word }))
		await expect(hits(page)).toHaveCount(4)

		// Ticking a province does nothing by itself without JavaScript; the button applies it.
		const filters = page.getByRole('search', { name: S.page.filters })
		const provinceBox = page.getByTestId('facet-province').getByRole('checkbox', { name: new RegExp(`^${hanoi} \\(2\\)$`) })
		await provinceBox.check()
		await expect(page).toHaveURL(searchUrl({ q: word }))
		await filters.getByRole('button', { name: S.page.apply }).click()
		await expect(page).toHaveURL(/[?&]province=01(&|$)/)
		expect(new URL(page.url()).searchParams.get('q')).toBe(word)
		await expect(hits(page)).toHaveCount(2)
		for (const hit of await hits(page).all()) await expect(hit.locator('.meta-line').first()).toContainText(hanoi)
		expect((await hitTitles(page)).sort()).toEqual([oldest, newest].map((l) => l.title).sort())
		await expect(page.getByTestId('facet-province').getByRole('checkbox', { name: new RegExp(`^${hanoi} `) })).toBeChecked()
		await expect(page.getByTestId('search-count')).toHaveText(interpolate(S.page.results_other, { formatted: 2 }))
		// The filter stays when the tab changes.
		await tab(page, S.types.offer).click()
		await expect(page).toHaveURL(searchUrl({ q: word, type: 'offer', province: '01' }))
		await expect(hits(page)).toHaveCount(2)
		await page.getByRole('link', { name: S.page.clear }).click()
		await expect(page).toHaveURL(searchUrl({ q: word, type: 'offer' }))
		await tab(page, S.types.all).click()

		// Newest first, whatever the relevance order was.
		await filters.getByLabel(S.page.sort, { exact: true }).selectOption('newest')
		await filters.getByRole('button', { name: S.page.apply }).click()
		await expect(page).toHaveURL(searchUrl({ q: word, sort: 'newest' }))
		expect(await hitTitles(page)).toEqual([newest, older, demand, oldest].map((l) => l.title))
		await expect(filters.getByLabel(S.page.sort, { exact: true })).toHaveValue('newest')
	})

	test('no results: the empty state offers to loosen the filters; a parameter it cannot read is ignored and said so', async ({ page }) => {
		const nonsense = madeUpWord('qq')
		const response = await page.goto(searchUrl({ q: nonsense, province: '01', type: 'offer' }))
		expect(response?.status()).toBe(200)
		const empty = page.getByTestId('search-empty')
		await expect(empty).toBeVisible()
		await expect(empty.getByRole('heading')).toHaveText(S.empty.title)
		await expect(page.getByTestId('search-count')).toHaveText(interpolate(S.page.results_other, { formatted: 0 }))
		await expect(hits(page)).toHaveCount(0)
		// The province ticked stays visible (to untick it) though nothing matches it now.
		await expect(page.getByTestId('facet-province').getByRole('checkbox')).toBeChecked()
		await expect(empty.getByRole('link', { name: S.empty.allTypes })).toHaveAttribute('href', searchUrl({ q: nonsense, province: '01' }))
		await empty.getByRole('link', { name: S.empty.loosen }).click()
		await expect(page).toHaveURL(searchUrl({ q: nonsense, type: 'offer' }))
		await expect(page.getByTestId('search-empty')).toBeVisible()
		await expect(page.getByTestId('search-empty').getByRole('link', { name: S.empty.loosen })).toHaveCount(0)

		// trl=99 and sort=cheapest cannot be read: the rest of the search still runs, with a note.
		const invalid = await page.goto('/search?q=nuoi+tom&trl=99&sort=cheapest')
		expect(invalid?.status()).toBe(200)
		await expect(page.getByTestId('search-ignored')).toHaveText(interpolate(S.page.ignored, { names: [S.params.trl, S.params.sort].join(', ') }))
		await expect(hits(page).first()).toBeVisible()
		await expect(page.getByRole('search', { name: S.page.filters }).getByLabel(S.page.sort, { exact: true })).toHaveValue('relevance')
		// A valid search has no note.
		await page.goto('/search?q=nuoi+tom&trl=6')
		await expect(page.getByTestId('search-ignored')).toHaveCount(0)
	})
})

test('a saved search with instant in-app alerts tells its owner once about a new matching offer; its settings are changed and it is deleted', async ({ page, factory, openPage }) => {
	test.slow()
	const word = madeUpWord()
	const name = `Theo dõi ${word}`
	const user = await factory.user()
	await factory.signIn(page.context(), user)

	await page.goto(searchUrl({ q: word }))
	await expect(page.getByTestId('search-empty')).toBeVisible()
	const card = page.getByTestId('save-search')
	await expect(card.getByRole('heading', { name: S.saved.save })).toBeVisible()
	await expect(card.getByLabel(S.saved.name, { exact: true })).toHaveValue(word)
	await card.getByLabel(S.saved.name, { exact: true }).fill(name)
	await card.getByLabel(S.saved.frequency, { exact: true }).selectOption('INSTANT')
	await card.getByLabel(S.saved.channel, { exact: true }).selectOption('IN_APP')
	await card.getByRole('button', { name: S.saved.save, exact: true }).click()
	await expect(page).toHaveURL(`${searchUrl({ q: word })}&saved=1`)
	await expect(card.getByRole('status')).toHaveText(S.saved.savedNotice)
	await expect(card.getByLabel(S.saved.frequency, { exact: true })).toHaveValue('INSTANT')
	await expect(card.getByLabel(S.saved.channel, { exact: true })).toHaveValue('IN_APP')
	const saved = await factory.db.savedSearch.findMany({ where: { userId: user.id }, select: { id: true, name: true, query: true, frequency: true, channel: true } })
	expect(saved).toEqual([{ id: expect.any(String), name, query: `q=${word}`, frequency: 'INSTANT', channel: 'IN_APP' }])
	// Coming back to the same search: it is known as saved.
	await page.goto(searchUrl({ q: word }))
	await expect(card.getByRole('status')).toHaveText(S.saved.already)
	await expect(card.getByRole('button', { name: S.saved.update, exact: true })).toBeVisible()
	await expect(card.getByLabel(S.saved.name, { exact: true })).toHaveValue(name)

	// An institute's offer with the word goes through review and is published by an operator.
	const { user: owner, organisation } = await factory.owner()
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const offer = await factory.offer(organisation, { status: 'SUBMITTED', createdBy: owner, title: `Hệ thống tưới nhỏ giọt thông minh ${word}` })
	const operatorPage = await openPage(operator)
	await approveFromQueue(operatorPage, 'offer', offer.title)

	const matches = () => factory.db.notification.findMany({ where: { userId: user.id }, select: { kind: true, link: true } })
	await expect.poll(matches, { timeout: 15_000 }).toEqual([{ kind: 'search.match', link: offer.path }])
	const title = interpolate(vi.notifications.kinds.search.match.title, { name })
	await page.goto('/me/notifications')
	const notifications = page.getByTestId('notification')
	await expect(notifications).toHaveCount(1)
	await expect(notifications.getByRole('heading', { level: 2 })).toHaveText(title)
	await expect(notifications).toContainText(interpolate(vi.notifications.kinds.search.match.body, { title: offer.title }))
	await expect(page.getByTestId('bell-count')).toHaveText('1')

	// The offer is indexed again (an edit of a published listing's summary): its alerts job runs
	// again and finds the hit already reported. First everything the approval queued has settled.
	const indexing = async () => {
		const pending = await factory.db.searchOutbox.count({ where: { entityId: offer.id, processedAt: null } })
		const jobs = await factory.db.job.findMany({ where: { queue: 'search.alerts' }, select: { payload: true, status: true } })
		const mine = jobs.filter((j) => ((j.payload as { documentIds?: string[] }).documentIds ?? []).includes(`offer:${offer.id}`))
		return { pending, jobs: mine.length, unsettled: mine.filter((j) => j.status !== 'DONE').length }
	}
	await expect
		.poll(async () => {
			const now = await indexing()
			return now.pending + now.unsettled
		}, { timeout: 15_000 })
		.toBe(0)
	const { jobs: jobsBefore } = await indexing()
	expect(jobsBefore).toBeGreaterThanOrEqual(1)
	await factory.db.offer.update({ where: { id: offer.id }, data: { summary: `Tưới nhỏ giọt ${word} theo độ ẩm đất, điều khiển qua điện thoại.` } })
	await expect
		.poll(async () => {
			const now = await indexing()
			return now.pending === 0 && now.unsettled === 0 && now.jobs > jobsBefore
		}, { timeout: 15_000 })
		.toBe(true)
	expect(await matches()).toHaveLength(1)
	await page.goto('/me/notifications')
	await expect(notifications).toHaveCount(1)
	await expect(page.getByTestId('bell-count')).toHaveText('1')
	await notifications.getByRole('link', { name: title }).click()
	await expect(page).toHaveURL(offer.path)

	// The settings page lists the search; it becomes a weekly digest, then goes.
	await page.goto('/me/saved-searches')
	const item = page.getByTestId('saved-searches').getByTestId('saved-search')
	await expect(item).toHaveCount(1)
	await expect(item.getByLabel(S.saved.name, { exact: true })).toHaveValue(name)
	await expect(item.getByLabel(S.saved.frequency, { exact: true })).toHaveValue('INSTANT')
	await expect(item.getByLabel(S.saved.channel, { exact: true })).toHaveValue('IN_APP')
	await expect(item.getByRole('link', { name: S.saved.open })).toHaveAttribute('href', searchUrl({ q: word }))
	await item.getByLabel(S.saved.frequency, { exact: true }).selectOption('WEEKLY')
	await item.getByRole('button', { name: S.saved.update, exact: true }).click()
	await expect(page).toHaveURL('/me/saved-searches?done=updated')
	await expect(page.getByRole('status').filter({ hasText: S.saved.updated })).toBeVisible()
	await expect(item.getByLabel(S.saved.frequency, { exact: true })).toHaveValue('WEEKLY')
	await expect(item.getByLabel(S.saved.channel, { exact: true })).toHaveValue('IN_APP')
	await expect(item.getByLabel(S.saved.name, { exact: true })).toHaveValue(name)
	expect(await factory.db.savedSearch.findMany({ where: { userId: user.id }, select: { frequency: true, channel: true, name: true } })).toEqual([
		{ frequency: 'WEEKLY', channel: 'IN_APP', name },
	])

	await item.getByRole('button', { name: S.saved.delete, exact: true }).click()
	await expect(page).toHaveURL('/me/saved-searches?done=deleted')
	await expect(page.getByRole('status').filter({ hasText: S.saved.deleted })).toBeVisible()
	await expect(item).toHaveCount(0)
	await expect(page.getByText(S.saved.none)).toBeVisible()
	expect(await factory.db.savedSearch.count({ where: { userId: user.id } })).toBe(0)
})

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled })

		test('saving a search without a name says why and keeps the other choices', async ({ page, factory }) => {
			const user = await factory.user()
			await factory.signIn(page.context(), user)
			await page.goto('/search?q=nuoi+tom&type=offer')
			const card = page.getByTestId('save-search')
			const nameInput = card.getByLabel(S.saved.name, { exact: true })
			await expect(nameInput).toHaveValue('nuoi tom')
			await nameInput.fill('')
			await card.getByLabel(S.saved.frequency, { exact: true }).selectOption('WEEKLY')
			await card.getByLabel(S.saved.channel, { exact: true }).selectOption('EMAIL')
			await card.getByRole('button', { name: S.saved.save, exact: true }).click()

			await expect(card.locator('#saved-name-error')).toHaveText(vi.validation.required)
			await expect(nameInput).toHaveAttribute('aria-invalid', 'true')
			await expect(nameInput).toHaveAttribute('aria-describedby', 'saved-name-error')
			await expect(nameInput).toHaveValue('')
			await expect(card.getByLabel(S.saved.frequency, { exact: true })).toHaveValue('WEEKLY')
			await expect(card.getByLabel(S.saved.channel, { exact: true })).toHaveValue('EMAIL')
			// The search itself is still on the page, and nothing was saved.
			await expect(page).toHaveURL('/search?q=nuoi+tom&type=offer')
			await expect(hits(page).first()).toBeVisible()
			expect(await factory.db.savedSearch.count({ where: { userId: user.id } })).toBe(0)

			// Given a name, the same form saves with the choices kept.
			await nameInput.fill('Nuôi tôm, chỉ chào bán')
			await card.getByRole('button', { name: S.saved.save, exact: true }).click()
			await expect(card.getByRole('status')).toHaveText(S.saved.savedNotice)
			await expect(card.locator('#saved-name-error')).toHaveCount(0)
			expect(await factory.db.savedSearch.findMany({ where: { userId: user.id }, select: { name: true, query: true, frequency: true, channel: true } })).toEqual([
				{ name: 'Nuôi tôm, chỉ chào bán', query: 'q=nuoi+tom&type=offer', frequency: 'WEEKLY', channel: 'EMAIL' },
			])
		})
	})
}

// A name of spaces only is missing, with the same message as an empty one (conform reads the
// trimmed "" as undefined).
test('a name of spaces only is refused as missing', async ({ page, factory }) => {
	const user = await factory.user()
	await factory.signIn(page.context(), user)
	await page.goto('/search?q=nuoi+tom')
	const card = page.getByTestId('save-search')
	await card.getByLabel(S.saved.name, { exact: true }).fill('   ')
	await card.getByRole('button', { name: S.saved.save, exact: true }).click()
	await expect(card.locator('#saved-name-error')).toHaveText(vi.validation.required)
})

test('an operator’s synonym group makes a listing findable by the other word; deleting the group undoes it', async ({ page, factory }) => {
	test.slow()
	const one = madeUpWord('xyzmot')
	const other = madeUpWord('xyzhai')
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const { organisation } = await factory.owner()
	const offer = await factory.offer(organisation, { status: 'PUBLISHED', title: `Cảm biến đo độ mặn ${one}` })
	// The other word followed by more words (the test below searches it alone).
	const query = `${other} cảm biến`
	try {
		await untilIndexed(page, searchUrl({ q: one }), 1)
		await page.goto(searchUrl({ q: query }))
		await expect(page.getByTestId('search-empty')).toBeVisible()

		await factory.signIn(page.context(), operator)
		await page.goto('/operator/search')
		const status = page.getByTestId('search-index-status')
		await expect(status.getByRole('heading', { name: S.index.title })).toBeVisible()
		await expect(status).toContainText(interpolate(S.index.engine, { engine: 'PostgreSQL' }))
		const add = page.getByTestId('synonym-add')
		await add.getByLabel(S.synonyms.terms, { exact: true }).fill(`${one}, ${other}`)
		await add.getByRole('button', { name: S.synonyms.add, exact: true }).click()
		await expect(page).toHaveURL('/operator/search?done=added')
		await expect(page.getByTestId('search-admin-done')).toHaveText(S.synonyms.added)
		const group = page.getByTestId('synonyms').getByRole('listitem').filter({ has: page.locator(`input[name="terms"][value="${one}, ${other}"]`) })
		await expect(group).toHaveCount(1)

		// Searching with the other word now finds the listing, its own word marked.
		await untilIndexed(page, searchUrl({ q: query }), 1)
		expect(await hitTitles(page)).toEqual([offer.title])
		await expect(hits(page).first().getByRole('heading', { level: 2 }).locator('mark').filter({ hasText: one })).toHaveText(one)

		await page.goto('/operator/search')
		await group.getByRole('button', { name: S.synonyms.delete, exact: true }).click()
		await expect(page).toHaveURL('/operator/search?done=deleted')
		await expect(page.getByTestId('search-admin-done')).toHaveText(S.synonyms.deleted)
		await expect(group).toHaveCount(0)
		await untilIndexed(page, searchUrl({ q: query }), 0)
		await expect(page.getByTestId('search-empty')).toBeVisible()
	} finally {
		// Synonyms are global: never leave the test's group behind, even when the test failed.
		await factory.db.searchSynonym.deleteMany({ where: { terms: { has: one } } })
	}
})

// One synonym word alone (the whole query, so also the word a prefix matches) finds its group.
test('a search of one synonym word alone finds the listings with the other word', async ({ page, factory }) => {
	test.slow()
	const one = madeUpWord('xyzmot')
	const other = madeUpWord('xyzhai')
	const operator = await factory.user({ roles: ['OPERATOR'] })
	const { organisation } = await factory.owner()
	const offer = await factory.offer(organisation, { status: 'PUBLISHED', title: `Cảm biến đo độ mặn ${one}` })
	try {
		await untilIndexed(page, searchUrl({ q: one }), 1)
		// Added through the page, which drops the server's synonym cache at once.
		await factory.signIn(page.context(), operator)
		await page.goto('/operator/search')
		await page.getByTestId('synonym-add').getByLabel(S.synonyms.terms, { exact: true }).fill(`${one}, ${other}`)
		await page.getByTestId('synonym-add').getByRole('button', { name: S.synonyms.add, exact: true }).click()
		await expect(page).toHaveURL('/operator/search?done=added')
		await untilIndexed(page, searchUrl({ q: other }), 1)
		expect(await hitTitles(page)).toEqual([offer.title])
	} finally {
		await factory.db.searchSynonym.deleteMany({ where: { terms: { has: one } } })
	}
})
