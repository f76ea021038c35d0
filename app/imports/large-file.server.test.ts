// A 50,000-row import (73 MB of CSV) must stream: its dry run runs in a child process whose heap is
// capped well below what holding the file, or its rows, would take, and the live heap is measured.
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { useTestDatabase } from '../../tests/db'

const ROWS = 50_000
// The app, Prisma and tsx take about 70 MB of heap; the file alone would be ~150 MB as a string.
const HEAP_LIMIT_MB = 192

const { url } = await useTestDatabase()
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-import-memory-'))
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

function runChild() {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, '--expose-gc', '--import', 'tsx', 'tests/import-memory-child.ts'], {
			env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, IMPORT_ROWS: String(ROWS), LOG_LEVEL: 'silent', DATABASE_POOL_MAX: '2' },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (d) => (stdout += d))
		child.stderr.on('data', (d) => (stderr += d))
		child.on('close', (code) => resolve({ code, stdout, stderr }))
	})
}

test(`the dry run of a ${ROWS.toLocaleString('en')}-row file streams: it finishes under a ${HEAP_LIMIT_MB} MB heap and its live heap stays flat`, async () => {
	const { code, stdout, stderr } = await runChild()
	expect(stderr).not.toMatch(/heap out of memory/i)
	expect(code).toBe(0)
	const result = JSON.parse(stdout.trim().split('\n').pop()!) as { status: string; rowsRead: number; verdicts: number; summary: Record<string, number>; fileBytes: number; heapBeforeMb: number; heapPeakMb: number }
	expect(result).toMatchObject({ status: 'VALIDATED', rowsRead: ROWS, verdicts: ROWS, summary: expect.objectContaining({ create: ROWS, reject: 0 }) })
	expect(result.fileBytes).toBeGreaterThan(60 * 2 ** 20)
	// Live memory grows by less than a third of the file's size while all of it is read.
	expect(result.heapPeakMb - result.heapBeforeMb).toBeLessThan(result.fileBytes / 2 ** 20 / 3)
	console.info(`import memory: ${JSON.stringify(result)}`)
}, 600_000)
