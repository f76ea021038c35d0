import fs from 'node:fs'
import { expect, test } from 'vitest'
import { DOC_PATH, importColumnsDoc } from './import-columns-doc'

test('docs/imports/README.md is the column reference of the code (regenerate with npx tsx scripts/import-columns-doc.ts)', () => {
	expect(fs.readFileSync(DOC_PATH, 'utf8')).toBe(importColumnsDoc())
})
