// A 50,000-row import (73 MB of CSV) must stream: its dry run runs in a child process whose heap is
// capped well below what holding the file, or its rows, would take, and its live heap (measured
// after collections) is compared with that of a file ten times smaller: what grows with the rows is
// only the keys that spot repeated rows.
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

type Result = { status: string; rowsRead: number; verdicts: number; summary: Record<string, number>; fileBytes: number; heapBeforeMb: number; heapPeakMb: number }

function runChild(rows: number) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, '--expose-gc', '--import', 'tsx', 'tests/import-memory-child.ts'], {
			env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, IMPORT_ROWS: String(rows), LOG_LEVEL: 'silent', DATABASE_POOL_MAX: '2' },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (d) => (stdout += d))
		child.stderr.on('data', (d) => (stderr += d))
		child.on('close', (code) => resolve({ code, stdout, stderr }))
	})
}

async function dryRun(rows: number) {
	const { code, stdout, stderr } = await runChild(rows)
	expect(stderr).not.toMatch(/heap out of memory/i)
	expect(code).toBe(0)
	const result = JSON.parse(stdout.trim().split('\n').pop()!) as Result
	expect(result).toMatchObject({ status: 'VALIDATED', rowsRead: rows, verdicts: rows, summary: expect.objectContaining({ create: rows, reject: 0 }) })
	return { ...result, growthMb: result.heapPeakMb - result.heapBeforeMb }
}

test(`the dry run of a ${ROWS.toLocaleString('en')}-row file streams: it finishes under a ${HEAP_LIMIT_MB} MB heap, its live heap growing by well under a kilobyte a row`, async () => {
	const small = await dryRun(ROWS / 10)
	const large = await dryRun(ROWS)
	expect(large.fileBytes).toBeGreaterThan(60 * 2 ** 20)
	// Holding the file would add about twice its size (UTF-16 strings), some 3 kB a row; what each
	// row leaves behind is only its keys for spotting repeats (about a quarter of a kB).
	const perRowBytes = ((large.growthMb - small.growthMb) * 2 ** 20) / (ROWS - ROWS / 10)
	expect(perRowBytes).toBeLessThan(600)
	expect(large.growthMb).toBeLessThan(large.fileBytes / 2 ** 20 / 2)
	console.info(`import memory: ${ROWS / 10} rows +${small.growthMb.toFixed(1)} MB, ${ROWS} rows +${large.growthMb.toFixed(1)} MB live heap (${perRowBytes.toFixed(0)} B a row)`)
}, 600_000)
