// Reading BEIR-format files (the matching CLI's input): corpus and query JSONL, qrels and
// candidate-pool TSV. File reading lives here, not in matching/, which does no I/O.
import fs from 'node:fs'
import readline from 'node:readline'
import type { MatchDocument, Qrels } from '../matching'

export type BeirQuery = { id: string; text: string; title?: string }

/** Thrown for a malformed input file; the CLI prints its message and exits 2. */
export class InputError extends Error {}

async function* lines(file: string): AsyncGenerator<{ line: string; number: number }> {
	if (!fs.existsSync(file)) throw new InputError(`no such file: ${file}`)
	const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })
	let number = 0
	for await (const line of rl) {
		number++
		if (line.trim()) yield { line, number }
	}
}

function parse(file: string, number: number, line: string): Record<string, unknown> {
	try {
		const value = JSON.parse(line) as unknown
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
	} catch {
		// reported below
	}
	throw new InputError(`${file}:${number}: not a JSON object`)
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v))

/** Corpus documents, with their optional items. */
export async function* readCorpus(file: string): AsyncGenerator<MatchDocument> {
	for await (const { line, number } of lines(file)) {
		const o = parse(file, number, line)
		if (o._id === undefined) throw new InputError(`${file}:${number}: no "_id"`)
		const items = Array.isArray(o.items)
			? o.items.map((it: unknown) => {
					const r = (it ?? {}) as Record<string, unknown>
					return { title: str(r.title), text: str(r.text) }
				})
			: undefined
		yield { id: str(o._id), title: str(o.title), text: str(o.text), items }
	}
}

export async function readQueries(file: string): Promise<BeirQuery[]> {
	const out: BeirQuery[] = []
	for await (const { line, number } of lines(file)) {
		const o = parse(file, number, line)
		if (o._id === undefined) throw new InputError(`${file}:${number}: no "_id"`)
		out.push({ id: str(o._id), text: str(o.text), title: o.title === undefined ? undefined : str(o.title) })
	}
	return out
}

/** Tab-separated pairs (qrels add a grade), a header line allowed. */
async function readPairs(file: string, withGrade: boolean): Promise<Array<[string, string, number]>> {
	const out: Array<[string, string, number]> = []
	for await (const { line, number } of lines(file)) {
		const cols = line.split('\t').map((c) => c.trim())
		if (number === 1 && /^query[-_]?id$/i.test(cols[0] ?? '')) continue
		if (cols.length < 2 || !cols[0] || !cols[1]) throw new InputError(`${file}:${number}: expected query-id<TAB>corpus-id${withGrade ? '<TAB>score' : ''}`)
		out.push([cols[0], cols[1], withGrade ? Number(cols[2] ?? 1) : 1])
	}
	return out
}

/** query id -> its candidate pool. */
export async function readCandidates(file: string): Promise<Map<string, string[]>> {
	const pools = new Map<string, string[]>()
	for (const [q, d] of await readPairs(file, false)) {
		let pool = pools.get(q)
		if (!pool) pools.set(q, (pool = []))
		pool.push(d)
	}
	return pools
}

export async function readQrels(file: string): Promise<Qrels> {
	const qrels: Qrels = new Map()
	for (const [q, d, g] of await readPairs(file, true)) {
		let m = qrels.get(q)
		if (!m) qrels.set(q, (m = new Map()))
		m.set(d, g)
	}
	return qrels
}
