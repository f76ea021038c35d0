import { expect, test } from 'vitest'
import { hashPassword, isCommonPassword, verifyPassword } from '~/utils/password.server'

test('hashes with argon2id and verifies only the right password', async () => {
	const hash = await hashPassword('mật khẩu có dấu 2026')
	expect(hash.startsWith('$argon2id$')).toBe(true)
	expect(await verifyPassword(hash, 'mật khẩu có dấu 2026')).toBe(true)
	expect(await verifyPassword(hash, 'mat khau co dau 2026')).toBe(false)
	expect(await verifyPassword('not-a-hash', 'x')).toBe(false)
})

test('common passwords are recognised in any case, including Vietnamese favourites', () => {
	for (const p of ['password', 'PASSWORD123', 'qwerty123', '12345678', 'matkhau123', 'Anhyeuem']) expect(isCommonPassword(p)).toBe(true)
	for (const p of ['Cầu-Nối-2026-an-toàn', 'tram-bom-thong-minh-74']) expect(isCommonPassword(p)).toBe(false)
})
