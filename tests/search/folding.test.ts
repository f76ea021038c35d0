// The application folds query words (matching/text.ts) and the database folds documents
// (caunoi_unaccent): for Vietnamese they must agree letter by letter, or a word typed without
// diacritics would miss its document.
import { expect, test } from 'vitest'
import { foldDiacritics, normalizeText } from '../../matching'
import { useTestDatabase } from '../db'

const { prisma } = await useTestDatabase()

const VOWELS = 'aăâeêioôơuưy'
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']

test('every Vietnamese letter folds the same in JavaScript and in PostgreSQL', async () => {
	const letters: string[] = ['đ', 'Đ']
	for (const v of VOWELS) for (const tone of TONES) letters.push(`${v}${tone}`.normalize('NFC'))
	for (const l of [...letters]) letters.push(l.toLocaleUpperCase('vi'))
	const rows = await prisma.$queryRaw<Array<{ l: string; f: string }>>`
		SELECT l, lower(caunoi_unaccent(l)) AS f FROM unnest(${letters}::text[]) l`
	for (const { l, f } of rows) expect(f, l).toBe(foldDiacritics(normalizeText(l)))
	expect(rows).toHaveLength(letters.length)
})
