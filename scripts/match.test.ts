// The evaluation contract of issue 6, run as a real process exactly as the evaluators run it.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '..')
let dir: string

async function match(...args: string[]) {
	try {
		const { stdout, stderr } = await run('npm', ['run', '--silent', 'match', '--', ...args], { cwd: root, maxBuffer: 1 << 26 })
		return { code: 0, stdout, stderr }
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string }
		return { code: e.code, stdout: e.stdout, stderr: e.stderr }
	}
}

const file = (name: string, text: string) => {
	fs.writeFileSync(path.join(dir, name), text)
	return path.join(dir, name)
}

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-match-'))
	const corpus = [
		{ _id: 'd1', title: 'Công nghệ nuôi tôm', text: 'Nuôi tôm thẻ chân trắng trong hệ thống tuần hoàn.' },
		{ _id: 'd2', title: 'Xử lý nước thải', text: 'Xử lý nước thải chế biến thủy sản bằng vi sinh.' },
		{ _id: 'd3', title: 'Giống lúa chịu mặn', text: 'Giống lúa cho vùng nhiễm mặn.' },
		{ _id: 'e1', title: 'TS. Nguyễn Văn A', text: 'Viện Thủy sản', items: [{ title: 'Bệnh đốm trắng trên tôm', text: 'phòng bệnh cho tôm nuôi' }] },
		{ _id: 'd4', title: 'Lithium battery recycling', text: 'Recovering cobalt from spent batteries.' },
	]
	file('corpus.jsonl', `${corpus.map((d) => JSON.stringify(d)).join('\n')}\n`)
	file('queries.jsonl', [{ _id: 'q1', text: 'cong nghe nuoi tom' }, { _id: 'q2', text: 'battery recycling' }, { _id: 'q3', text: 'bệnh đốm trắng' }].map((q) => JSON.stringify(q)).join('\n'))
	file('candidates.tsv', 'q1\td2\nq1\td3\nq2\td4\n')
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('npm run --silent match -- rank', () => {
	test('prints a TREC run, best first, ranks from 1, scores descending, nothing else on stdout', async () => {
		const { code, stdout } = await match('rank', '--corpus', path.join(dir, 'corpus.jsonl'), '--queries', path.join(dir, 'queries.jsonl'))
		expect(code).toBe(0)
		const lines = stdout.trimEnd().split('\n').map((l) => l.split(' '))
		for (const l of lines) {
			expect(l).toHaveLength(6)
			expect(l[1]).toBe('Q0')
			expect(Number.isFinite(Number(l[4]))).toBe(true)
		}
		const byQuery = new Map<string, string[][]>()
		for (const l of lines) byQuery.set(l[0]!, [...(byQuery.get(l[0]!) ?? []), l])
		expect(byQuery.get('q1')![0]![2]).toBe('d1')
		expect(byQuery.get('q2')![0]![2]).toBe('d4')
		// An expert is found through one of its items.
		expect(byQuery.get('q3')![0]![2]).toBe('e1')
		for (const rows of byQuery.values()) {
			expect(rows.map((r) => Number(r[3]))).toEqual(rows.map((_, i) => i + 1))
			const scores = rows.map((r) => Number(r[4]))
			expect([...scores].sort((a, b) => b - a)).toEqual(scores)
		}
	})

	test('candidates restrict each query to its pool (unmatched ones last, in pool order), a query without a pool gets nothing, --top cuts', async () => {
		const args = ['rank', '--corpus', path.join(dir, 'corpus.jsonl'), '--queries', path.join(dir, 'queries.jsonl'), '--candidates', path.join(dir, 'candidates.tsv')]
		const all = await match(...args)
		expect(all.code).toBe(0)
		const lines = all.stdout.trimEnd().split('\n').map((l) => l.split(' '))
		expect(lines.map((l) => [l[0], l[2], l[3]])).toEqual([
			['q1', 'd2', '1'],
			['q1', 'd3', '2'],
			['q2', 'd4', '1'],
		])
		expect(Number(lines[0]![4])).toBe(0)
		const top1 = await match(...args, '--top', '1')
		expect(top1.stdout.trimEnd().split('\n').map((l) => l.split(' ')[2])).toEqual(['d2', 'd4'])
	})

	test('bad input exits 2 with a message on stderr, not a stack trace', async () => {
		const missing = await match('rank', '--corpus', path.join(dir, 'nope.jsonl'), '--queries', path.join(dir, 'queries.jsonl'))
		expect(missing.code).toBe(2)
		expect(missing.stderr).toMatch(/nope\.jsonl/)
		const broken = await match('rank', '--corpus', file('broken.jsonl', '{"_id": "x", "title": \n'), '--queries', path.join(dir, 'queries.jsonl'))
		expect(broken.code).toBe(2)
		expect(broken.stderr).toMatch(/broken\.jsonl:1:/)
		const usage = await match('rank', '--corpus', path.join(dir, 'corpus.jsonl'))
		expect(usage.code).toBe(2)
		expect(usage.stderr).toMatch(/usage/)
	})
})
