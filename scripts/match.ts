// The matching CLI (issue 6's evaluation contract):
//   npm run --silent match -- rank --corpus C.jsonl --queries Q.jsonl [--candidates P.tsv] [--top N]
// reads BEIR files and prints a TREC run (qid Q0 docid rank score tag) to stdout, best first.
import { parseArgs } from 'node:util'
import { createMatcher, type MatcherOptions } from '../matching'
import { InputError, readCandidates, readCorpus, readQueries } from './beir'

const USAGE = `usage: npm run --silent match -- rank --corpus C.jsonl --queries Q.jsonl [--candidates P.tsv] [--top N] [--bm25]
  Ranks each query's candidates in the corpus and prints a TREC run to stdout.
  --candidates  query-id<TAB>corpus-id lines: rank only each query's pool
  --top         results per query (default 100)
  --bm25        plain BM25 instead of the matcher (the baseline)
  --options     matcher options as JSON, over the defaults (for tuning)`

/** Loads the corpus into a matcher and writes the run for every query to `out`. */
export async function rankCommand(args: { corpus: string; queries: string; candidates?: string; top: number; bm25: boolean; options?: Partial<MatcherOptions> }, out: (chunk: string) => void) {
	const matcher = createMatcher(args.options)
	for await (const doc of readCorpus(args.corpus)) matcher.add('corpus', doc)
	const queries = await readQueries(args.queries)
	const pools = args.candidates ? await readCandidates(args.candidates) : null
	const tag = args.bm25 ? 'bm25' : 'caunoi'
	for (const q of queries) {
		const only = pools ? (pools.get(q.id) ?? []) : undefined
		const ranked: Array<{ id: string; score: number }> = args.bm25
			? matcher.rankBm25('corpus', `${q.title ?? ''} ${q.text}`, { top: args.top, only })
			: matcher.rank('corpus', { title: q.title, text: q.text }, { top: args.top, only })
		// Pool members without a matching word still belong to the run, after the rest, in the
		// pool's own order (often a first stage's ranking).
		if (pools && ranked.length < args.top) {
			const seen = new Set(ranked.map((r) => r.id))
			for (const id of only!) {
				if (ranked.length >= args.top) break
				if (!seen.has(id) && matcher.has('corpus', id)) {
					seen.add(id)
					ranked.push({ id, score: 0 })
				}
			}
		}
		let lines = ''
		ranked.forEach((r, i) => {
			lines += `${q.id} Q0 ${r.id} ${i + 1} ${r.score.toFixed(6)} ${tag}\n`
		})
		if (lines) out(lines)
	}
}

async function main() {
	const [command, ...rest] = process.argv.slice(2)
	if (command !== 'rank') {
		console.error(command ? `unknown command: ${command}\n${USAGE}` : USAGE)
		process.exit(2)
	}
	let values: { corpus?: string; queries?: string; candidates?: string; top?: string; bm25?: boolean; options?: string }
	try {
		;({ values } = parseArgs({
			args: rest,
			options: { corpus: { type: 'string' }, queries: { type: 'string' }, candidates: { type: 'string' }, top: { type: 'string' }, bm25: { type: 'boolean' }, options: { type: 'string' } },
		}))
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`)
		process.exit(2)
	}
	const top = values.top === undefined ? 100 : Number(values.top)
	if (!values.corpus || !values.queries || !Number.isInteger(top) || top < 1) {
		console.error(`--corpus and --queries are required; --top is a whole number from 1\n${USAGE}`)
		process.exit(2)
	}
	// A reader that stops early (`| head`) is not an error.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1))
	const chunks: string[] = []
	let size = 0
	const flush = () => {
		if (chunks.length) process.stdout.write(chunks.join(''))
		chunks.length = 0
		size = 0
	}
	try {
		await rankCommand(
			{ corpus: values.corpus, queries: values.queries, candidates: values.candidates, top, bm25: values.bm25 ?? false, options: values.options ? (JSON.parse(values.options) as Partial<MatcherOptions>) : undefined },
			(chunk) => {
				chunks.push(chunk)
				size += chunk.length
				if (size > 1 << 16) flush()
			},
		)
		flush()
	} catch (error) {
		if (error instanceof InputError || error instanceof SyntaxError) {
			console.error(`match: ${error.message}`)
			process.exit(2)
		}
		throw error
	}
}

if (import.meta.url === `file://${process.argv[1]}`) void main()
