import { expect, formError, logOut, test, textPattern, texts } from './fixtures.ts'

const vi = texts.vi
const EVIL = 'https://evil.example'

test.describe('cross-site requests', () => {
	test('a cross-origin POST to /login and to /logout is refused with 403', async ({ request, baseURL }) => {
		for (const path of ['/login', '/logout']) {
			const response = await request.post(path, {
				headers: { Origin: EVIL },
				form: { email: 'nan-nhan@kiemthu.example', password: 'khong-quan-trong' },
				maxRedirects: 0,
			})
			expect(response.status(), `${path} with Origin ${EVIL}`).toBe(403)
			expect(await response.text()).toContain(vi.errors.crossOrigin)
		}
		// Without Origin, a browser's Sec-Fetch-Site still gives a cross-site request away.
		const fetchSite = await request.post('/logout', { headers: { 'Sec-Fetch-Site': 'cross-site' }, maxRedirects: 0 })
		expect(fetchSite.status()).toBe(403)
		// The same request from the site itself goes through (logging out redirects home).
		const own = await request.post('/logout', { headers: { Origin: baseURL! }, maxRedirects: 0 })
		expect(own.status()).toBe(302)
	})

	test('a forged cross-origin logout does not end the victim’s session', async ({ page, factory }) => {
		const user = await factory.user()
		await factory.signIn(page.context(), user)
		// page.request shares the browser context's cookies, as a forged form post would.
		const forged = await page.request.post('/logout', { headers: { Origin: EVIL }, maxRedirects: 0 })
		expect(forged.status()).toBe(403)
		await page.goto('/me')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.auth.profile.title)
	})
})

test('after logging out, the old session cookie no longer opens /me', async ({ page, browser, baseURL, factory }) => {
	const user = await factory.user()
	await factory.signIn(page.context(), user)
	await page.goto('/me')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.auth.profile.title)
	const captured = (await page.context().cookies()).find((cookie) => cookie.name === '__session')
	expect(captured?.value).toBeTruthy()

	await logOut(page)
	await expect(page).toHaveURL(/\/$/)
	expect((await page.context().cookies()).find((cookie) => cookie.name === '__session')).toBeUndefined()

	const replay = await browser.newContext({ baseURL })
	try {
		await replay.addCookies([{ name: '__session', value: captured!.value, url: baseURL!, httpOnly: true, sameSite: 'Lax' }])
		const page2 = await replay.newPage()
		await page2.goto('/me')
		await expect(page2).toHaveURL(/\/login\?redirectTo=%2Fme$/)
		await expect(page2.getByRole('heading', { level: 1 })).toHaveText(vi.auth.login.title)
	} finally {
		await replay.close()
	}
})

test('repeated wrong passwords lock the account with a translated message', async ({ page, request, factory }) => {
	// A fresh account: the limiter counts failures per e-mail (8 per 15 minutes).
	const user = await factory.user()
	for (let attempt = 1; attempt <= 8; attempt++) {
		const response = await request.post('/login', { form: { email: user.email, password: `Sai-mat-khau-${attempt}` }, maxRedirects: 0 })
		expect(response.status(), `failed attempt ${attempt}`).toBe(400)
	}

	await page.goto('/login')
	await page.getByLabel(vi.auth.login.email, { exact: true }).fill(user.email)
	await page.getByLabel(vi.auth.login.password, { exact: true }).fill('Sai-mat-khau-9')
	const [answer] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/login')),
		page.getByRole('button', { name: vi.auth.login.submit }).click(),
	])
	expect(answer.status()).toBe(429)
	await expect(formError(page, 'login')).toHaveText(textPattern(vi.auth.login.locked))
	await expect(formError(page, 'login')).toContainText(/\d+ phút/)
	await expect(page.getByTestId('account-menu')).toHaveCount(0)

	// Locked means locked: even the right password is turned away until the window passes.
	const right = await request.post('/login', { form: { email: user.email, password: user.password }, maxRedirects: 0 })
	expect(right.status()).toBe(429)
	await expect(right.text()).resolves.toMatch(textPattern(vi.auth.login.locked))
	expect(right.headers()['set-cookie'] ?? '').not.toContain('__session=')
})

test('an organisation owner cannot manage another organisation', async ({ page, factory, baseURL }) => {
	const mine = await factory.owner()
	const theirs = await factory.owner()
	await factory.signIn(page.context(), mine.user)

	for (const tab of ['members', 'edit']) {
		const own = await page.goto(`/organisations/${mine.organisation.slug}/${tab}`)
		expect(own?.status(), `own /${tab}`).toBe(200)

		const other = await page.goto(`/organisations/${theirs.organisation.slug}/${tab}`)
		expect(other?.status(), `other organisation's /${tab}`).toBe(403)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.errors.forbidden)
	}

	// Nor by posting the form directly: no way to add oneself as an owner.
	const post = await page.request.post(`/organisations/${theirs.organisation.slug}/members`, {
		headers: { Origin: baseURL! },
		form: { intent: 'add', email: mine.user.email, role: 'OWNER' },
		maxRedirects: 0,
	})
	expect(post.status()).toBe(403)
	const membership = await factory.db.membership.findFirst({ where: { userId: mine.user.id, organisationId: theirs.organisation.id } })
	expect(membership).toBeNull()
})

test('/operator is 403 for a plain member and 200 for an operator', async ({ browser, baseURL, factory }) => {
	const member = await factory.user()
	const operator = await factory.user({ roles: ['OPERATOR'] })

	const memberContext = await browser.newContext({ baseURL })
	const operatorContext = await browser.newContext({ baseURL })
	try {
		await factory.signIn(memberContext, member)
		const memberPage = await memberContext.newPage()
		const refused = await memberPage.goto('/operator')
		expect(refused?.status()).toBe(403)
		await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(vi.errors.forbidden)

		await factory.signIn(operatorContext, operator)
		const operatorPage = await operatorContext.newPage()
		const allowed = await operatorPage.goto('/operator')
		expect(allowed?.status()).toBe(200)
		await expect(operatorPage.getByRole('heading', { level: 1 })).toHaveText(vi.operator.title)
	} finally {
		await memberContext.close()
		await operatorContext.close()
	}
})

test('pages carry the security headers; every script has the per-response CSP nonce', async ({ page }) => {
	const violations: string[] = []
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text())
	})
	const response = await page.goto('/')
	expect(response).not.toBeNull()
	const headers = response!.headers()

	const csp = headers['content-security-policy'] ?? ''
	const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? ''
	const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(scriptSrc)?.[1]
	expect(nonce, `script-src with a nonce in: ${csp}`).toBeTruthy()
	expect(scriptSrc).not.toContain("'unsafe-inline'")
	expect(csp).toMatch(/object-src 'none'/)

	expect(headers['x-content-type-options']).toBe('nosniff')
	const framing = /^(DENY|SAMEORIGIN)$/i.test(headers['x-frame-options'] ?? '') || /frame-ancestors '(none|self)'/.test(csp)
	expect(framing, 'X-Frame-Options or CSP frame-ancestors').toBe(true)
	expect(headers['x-powered-by']).toBeUndefined()

	const html = await response!.text()
	const scripts = html.match(/<script\b[^>]*>/g) ?? []
	expect(scripts.length).toBeGreaterThan(0)
	for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)

	// A new nonce for every response.
	const again = await page.request.get('/')
	expect(again.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`)

	// The app hydrates under its own policy: the language switch works client-side without errors.
	await page.getByTestId('locale-switch').click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	expect(violations).toEqual([])
})
