/**
 * Matching (issue 6): a published demand and a published offer on the same subject become a pair
 * within seconds (the relay indexes them, the job ranks them); the enterprise sees why, dismisses it
 * with a reason (without a reason it is told why and keeps its note); the institute expresses
 * interest, which reaches the enterprise; a broker claims the pair and sees both sides.
 * Runs without JavaScript: every action is a plain form.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, interpolate, test, texts } from './fixtures.ts'

const M = texts.vi.matching

/** A made-up word both listings share, so their pair is theirs alone in the shared database. */
function madeUpWord() {
	return `mm${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`
}

/** Reloads /me/matches until the pair with `title` shows (matching runs within seconds of publication). */
async function untilMatched(page: Page, title: string) {
	await expect(async () => {
		await page.goto('/me/matches')
		await expect(page.getByTestId('match').filter({ hasText: title })).toHaveCount(1, { timeout: 1_000 })
	}).toPass({ timeout: 30_000, intervals: [500, 1_000] })
	return page.getByTestId('match').filter({ hasText: title })
}

test.use({ javaScriptEnabled: false })

test('a published demand is matched to the offer on its subject, explained; dismissal needs a reason; interest reaches the other side; a broker claims it', async ({ factory, openPage }) => {
	const word = madeUpWord()
	const institute = await factory.owner()
	const enterprise = await factory.owner({ organisation: { type: 'ENTERPRISE' } })
	const offer = await factory.offer(institute.organisation, {
		status: 'PUBLISHED',
		createdBy: institute.user,
		title: `Máy sấy bơm nhiệt ${word} cho sầu riêng`,
		summary: `Sấy lạnh bằng bơm nhiệt ${word}, giữ màu, mùi và độ giòn của sầu riêng và mít.`,
		description: 'Buồng sấy 500 kg/mẻ điều khiển nhiệt độ và độ ẩm tự động, tiết kiệm 40% điện so với sấy điện trở.',
		keywords: ['máy sấy', 'bơm nhiệt', word],
		fieldCodes: ['210'],
	})
	const demand = await factory.demand(enterprise.organisation, {
		status: 'PUBLISHED',
		createdBy: enterprise.user,
		title: `Cần máy sấy bơm nhiệt ${word} cho sầu riêng`,
		problem: `Hợp tác xã cần sấy sầu riêng và mít bằng bơm nhiệt ${word} mà vẫn giữ màu, mùi và độ giòn; lò sấy củi làm cháy sản phẩm.`,
		desiredOutcome: 'Một máy sấy bơm nhiệt 500 kg/mẻ, điện năng dưới 1 kWh/kg sản phẩm.',
		keywords: ['máy sấy', 'bơm nhiệt', word],
		fieldCodes: ['210'],
	})

	const buyer = await openPage(enterprise.user)
	const pair = await untilMatched(buyer, offer.title)
	await expect(pair.getByTestId('match-score')).toHaveText(/\d+%/)
	// Why: the shared made-up word is among the words found on both sides.
	await pair.getByText(M.match.why).click()
	await expect(pair.getByTestId('match-terms')).toContainText(word)

	// Dismissing without a reason says why and keeps the note typed.
	await pair.getByText(M.match.dismiss, { exact: true }).first().click()
	await pair.getByLabel(M.match.note).fill('Đã làm việc với viện này')
	await pair.getByRole('button', { name: M.match.dismiss }).click()
	const again = buyer.getByTestId('match').filter({ hasText: offer.title })
	await expect(again.getByRole('alert')).toContainText(M.errors.reason)
	await expect(again.getByLabel(M.match.note)).toHaveValue('Đã làm việc với viện này')

	// With a reason it leaves the list and shows among the dismissed ones.
	await again.getByLabel(M.match.dismissWhy).selectOption('ALREADY_KNOWN')
	await again.getByRole('button', { name: M.match.dismiss }).click()
	await expect(buyer.getByText(M.page.done.dismissed)).toBeVisible()
	await expect(buyer.getByTestId('match').filter({ hasText: offer.title })).toHaveCount(0)
	await buyer.getByRole('link', { name: M.page.showDismissed }).click()
	await expect(buyer.getByTestId('match').filter({ hasText: offer.title })).toHaveCount(1)

	// The institute still sees the pair from its side and expresses interest; the enterprise hears of it.
	const seller = await openPage(institute.user)
	const theirs = await untilMatched(seller, demand.title)
	await theirs.getByRole('button', { name: M.match.interest }).click()
	await expect(seller.getByText(M.page.done.interest)).toBeVisible()
	await expect(seller.getByTestId('match').filter({ hasText: demand.title }).getByRole('button', { name: M.match.interested })).toBeDisabled()
	await buyer.goto('/me/notifications')
	const notice = interpolate(texts.vi.notifications.kinds.matching.interest.title, { organisation: institute.organisation.name, other: demand.title })
	await expect(buyer.getByText(notice).first()).toBeVisible()

	// Dismissed by one side: the pair is not in the brokers' queue.
	const broker = await factory.user({ roles: ['BROKER'] })
	const brokerPage = await openPage(broker)
	await brokerPage.goto('/broker/matches')
	await expect(brokerPage.getByRole('heading', { level: 1 })).toHaveText(M.broker.title)
	await expect(brokerPage.getByTestId('broker-match').filter({ hasText: demand.title }).filter({ hasText: offer.title })).toHaveCount(0)
	// A plain member is refused the queue.
	const memberPage = await openPage(enterprise.user)
	const refused = await memberPage.goto('/broker/matches')
	expect(refused?.status()).toBe(403)
})

test('a broker claims an open pair and sees both sides; the pair is then marked as taken for other brokers', async ({ factory, openPage }) => {
	const word = madeUpWord()
	const institute = await factory.owner()
	const enterprise = await factory.owner({ organisation: { type: 'ENTERPRISE' } })
	const offer = await factory.offer(institute.organisation, {
		status: 'PUBLISHED',
		createdBy: institute.user,
		title: `Giống lúa chịu mặn ${word} cho vùng ven biển`,
		summary: `Giống lúa ${word} ngắn ngày chịu mặn 4‰, năng suất 6 tấn/ha trên đất nhiễm mặn.`,
		keywords: ['giống lúa', 'chịu mặn', word],
		fieldCodes: ['401'],
	})
	const demand = await factory.demand(enterprise.organisation, {
		status: 'PUBLISHED',
		createdBy: enterprise.user,
		title: `Cần giống lúa chịu mặn ${word}`,
		problem: `Ruộng ven biển bị xâm nhập mặn 3–4‰; cần giống lúa ${word} chịu mặn, ngắn ngày.`,
		desiredOutcome: 'Giống lúa chịu mặn 4‰, năng suất trên 5 tấn/ha.',
		keywords: ['giống lúa', 'chịu mặn', word],
		fieldCodes: ['401'],
	})
	await untilMatched(await openPage(enterprise.user), offer.title)

	const broker = await factory.user({ roles: ['BROKER'] })
	const page = await openPage(broker)
	await page.goto('/broker/matches')
	const row = page.getByTestId('broker-match').filter({ hasText: demand.title }).filter({ hasText: offer.title })
	await row.getByRole('button', { name: M.broker.claim }).click()
	await expect(page.getByText(M.broker.claimedDone)).toBeVisible()
	const sides = page.getByTestId('side-by-side')
	await expect(sides).toContainText(demand.title)
	await expect(sides).toContainText(offer.title)
	await expect(page.getByTestId('match-why')).toContainText(word)

	const other = await openPage(await factory.user({ roles: ['BROKER'] }))
	await other.goto('/broker/matches')
	await expect(other.getByTestId('broker-match').filter({ hasText: demand.title }).filter({ hasText: offer.title })).toHaveCount(0)
})
