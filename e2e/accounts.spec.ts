import type { Page } from '@playwright/test'
import { expect, fieldError, formError, interpolate, logOut, test, texts, uniqueSuffix } from './fixtures.ts'

const vi = texts.vi
const r = vi.auth.register

/** The register form's inputs, found by their Vietnamese labels. */
function registerForm(page: Page) {
	return {
		name: page.getByLabel(r.name, { exact: true }),
		email: page.getByLabel(r.email, { exact: true }),
		password: page.getByLabel(r.password, { exact: true }),
		confirmPassword: page.getByLabel(r.confirmPassword, { exact: true }),
		create: page.getByRole('radio', { name: r.modeCreate }),
		orgName: page.getByLabel(r.orgName, { exact: true }),
		orgType: page.getByLabel(r.orgType, { exact: true }),
		orgProvince: page.getByLabel(r.orgProvince, { exact: true }),
		accept: page.getByRole('checkbox', { name: r.accept }),
		submit: page.getByRole('button', { name: r.submit }),
	}
}

test('register with a new organisation, log out, log in again', async ({ page, factory }) => {
	const suffix = uniqueSuffix()
	const name = `Trần Thị Kiểm Thử ${suffix}`
	const email = `dang-ky-${suffix}@kiemthu.example`
	const orgName = `Công ty TNHH Kiểm Thử Đầu Cuối ${suffix}`
	const password = `Cau-noi-${suffix}-Ket-noi!`
	factory.track(email)

	await page.goto('/register')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.title)
	// Hydrated: the "join" fields are hidden while "create" is chosen (without JavaScript both show).
	await expect(page.locator('[data-mode="join"]')).toBeHidden()

	const form = registerForm(page)
	await form.name.fill(name)
	await form.email.fill('khong-phai-email')
	await form.password.fill('password123')
	await form.confirmPassword.fill('password123')
	await expect(form.create).toBeChecked()
	await form.orgName.fill(orgName)
	await form.orgType.selectOption('ENTERPRISE')
	await form.orgProvince.selectOption('01')
	await form.accept.check()
	await form.submit.click()

	// A malformed address is refused in Vietnamese, next to its field.
	await expect(fieldError(page, 'register', 'email')).toHaveText(vi.validation.email)
	await expect(form.email).toHaveAttribute('aria-invalid', 'true')
	await expect(page).toHaveURL(/\/register$/)

	// A well-formed address, but a password from the lists of common passwords: the server says no.
	await form.email.fill(email)
	await form.submit.click()
	await expect(fieldError(page, 'register', 'password')).toHaveText(vi.validation.passwordCommon)
	await expect(fieldError(page, 'register', 'email')).toBeHidden()
	await expect(page).toHaveURL(/\/register$/)
	// What was typed stays. (The server never sends passwords back: see the test without JavaScript.)
	await expect(form.name).toHaveValue(name)
	await expect(form.email).toHaveValue(email)
	await expect(form.orgName).toHaveValue(orgName)
	await expect(form.orgType).toHaveValue('ENTERPRISE')
	await expect(form.orgProvince).toHaveValue('01')
	await expect(form.accept).toBeChecked()

	await form.password.fill(password)
	await form.confirmPassword.fill(password)
	await form.submit.click()

	await expect(page).toHaveURL(/\/me\?welcome=1$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.auth.profile.title)
	await expect(page.getByRole('status').filter({ hasText: name })).toHaveText(interpolate(vi.home.welcomeBack, { name }))
	await expect(page.getByTestId('account-menu')).toContainText(name)

	// The organisation exists and the new user owns it.
	const membership = await factory.db.membership.findFirst({
		where: { user: { email }, organisation: { name: orgName } },
		select: { role: true, status: true, organisation: { select: { type: true, provinceCode: true } } },
	})
	expect(membership).toEqual({ role: 'OWNER', status: 'ACTIVE', organisation: { type: 'ENTERPRISE', provinceCode: '01' } })

	await logOut(page)
	await expect(page).toHaveURL(/\/$/)
	await expect(page.getByRole('link', { name: vi.nav.login, exact: true })).toBeVisible()
	await expect(page.getByTestId('account-menu')).toHaveCount(0)

	await page.goto('/login')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(vi.auth.login.title)
	await page.getByLabel(vi.auth.login.email, { exact: true }).fill(email)
	await page.getByLabel(vi.auth.login.password, { exact: true }).fill('Sai-mat-khau-123')
	await page.getByRole('button', { name: vi.auth.login.submit }).click()
	await expect(formError(page, 'login')).toHaveText(vi.auth.login.invalid)
	await expect(page.getByLabel(vi.auth.login.email, { exact: true })).toHaveValue(email)
	await expect(page.getByTestId('account-menu')).toHaveCount(0)

	await page.getByLabel(vi.auth.login.password, { exact: true }).fill(password)
	await page.getByLabel(vi.auth.login.password, { exact: true }).press('Enter')
	await expect(page).toHaveURL(/\/$/)
	await expect(page.getByTestId('account-menu')).toContainText(name)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(interpolate(vi.home.welcomeBack, { name }))
})

// Regression: the form-level error used to vanish when the password field lost focus, moving the
// button from under the pointer between mousedown and mouseup, so the click did nothing.
test('after a wrong password, one click on the button signs in with the right one', async ({ page, factory }) => {
	const user = await factory.user()
	await page.goto('/login')
	const email = page.getByLabel(vi.auth.login.email, { exact: true })
	const password = page.getByLabel(vi.auth.login.password, { exact: true })
	const submit = page.getByRole('button', { name: vi.auth.login.submit })
	await email.fill(user.email)
	await password.fill('Sai-mat-khau-123')
	await submit.click()
	await expect(formError(page, 'login')).toHaveText(vi.auth.login.invalid)

	await password.fill(user.password)
	await submit.click()
	await expect(page).toHaveURL(/\/$/)
	await expect(page.getByTestId('account-menu')).toContainText(user.name)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the server answers the register form with Vietnamese field errors and keeps the typed values', async ({ page }) => {
		const suffix = uniqueSuffix()
		const name = `Lê Văn Không JS ${suffix}`
		const orgName = `Viện Không Kịch Bản ${suffix}`
		await page.goto('/register')
		const form = registerForm(page)
		await form.name.fill(name)
		await form.email.fill(`sai-dinh-dang-${suffix}`)
		await form.password.fill('password123')
		await form.confirmPassword.fill('password123')
		await form.orgName.fill(orgName)
		await form.orgType.selectOption('UNIVERSITY')
		await form.orgProvince.selectOption('01')
		await form.accept.check()
		const [response] = await Promise.all([page.waitForResponse((res) => res.request().method() === 'POST'), form.submit.click()])
		expect(response.status()).toBe(400)

		await expect(fieldError(page, 'register', 'email')).toHaveText(vi.validation.email)
		await expect(form.name).toHaveValue(name)
		await expect(form.email).toHaveValue(`sai-dinh-dang-${suffix}`)
		await expect(form.orgName).toHaveValue(orgName)
		await expect(form.orgType).toHaveValue('UNIVERSITY')
		await expect(form.orgProvince).toHaveValue('01')
		await expect(form.password).toHaveValue('')
		await expect(form.confirmPassword).toHaveValue('')
	})
})
