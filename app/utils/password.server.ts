import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'

// @node-rs/argon2 defaults to argon2id; these are OWASP's minimum recommended costs.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128

export function hashPassword(password: string) {
	return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string) {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

// Vietnamese favourites that the English-centred list lacks.
const VIETNAMESE_COMMON = ['matkhau', 'matkhau123', 'anhyeuem', 'emyeuanh', 'iloveyou', '123456789a', 'vietnam', 'vietnam123', 'caunoi', 'caunoi123']

let commonSet: Set<string> | undefined

/** True for passwords found in public lists of common passwords (49k entries), case-insensitively. */
export function isCommonPassword(password: string) {
	commonSet ??= new Set([...(dictionary['passwords-common'] as string[]), ...VIETNAMESE_COMMON])
	return commonSet.has(password.toLowerCase())
}
