import { expect, test, texts } from './fixtures.ts'

const vi = texts.vi

test('an owner’s bell counts a join request live, without reloading', async ({ browser, baseURL, factory }) => {
	const { user: owner, organisation } = await factory.owner()
	const requester = await factory.user()

	const ownerContext = await browser.newContext({ baseURL })
	const requesterContext = await browser.newContext({ baseURL })
	try {
		await factory.signIn(ownerContext, owner)
		const ownerPage = await ownerContext.newPage()
		let loads = 0
		ownerPage.on('load', () => loads++)
		await ownerPage.goto('/organisations')
		await expect(ownerPage.getByTestId('account-menu')).toContainText(owner.name)
		await expect(ownerPage.getByTestId('bell')).toBeVisible()
		await expect(ownerPage.getByTestId('bell-count')).toHaveCount(0)
		// Marks this document: a reload or a full navigation would lose it.
		await ownerPage.evaluate(() => {
			;(window as unknown as { __e2eMarker?: string }).__e2eMarker = 'same-document'
		})
		const loadsBefore = loads

		await factory.signIn(requesterContext, requester)
		const requesterPage = await requesterContext.newPage()
		await requesterPage.goto(`/organisations/${organisation.slug}`)
		await expect(requesterPage.getByRole('heading', { level: 1 })).toHaveText(organisation.name)
		await requesterPage.getByRole('button', { name: vi.organisations.detail.requestJoin }).click()
		await expect(requesterPage.getByText(vi.organisations.detail.joinSent)).toBeVisible()

		// The request reached the owner as an unread notification...
		await expect
			.poll(() => factory.db.notification.count({ where: { userId: owner.id, readAt: null } }), { timeout: 10_000 })
			.toBe(1)
		// ...and the open page shows it without being reloaded.
		await expect(ownerPage.getByTestId('bell-count')).toHaveText('1', { timeout: 15_000 })
		expect(await ownerPage.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker)).toBe('same-document')
		expect(loads).toBe(loadsBefore)
		await expect(ownerPage).toHaveURL(/\/organisations$/)
	} finally {
		await ownerContext.close()
		await requesterContext.close()
	}
})
