// An inverted index over fielded terms, scored with BM25F: a term's frequencies in each field are
// weighted and length-normalised per field, summed, then saturated once. Documents are added and
// removed one at a time. A removed document stays in its postings, skipped, and in document
// frequencies (as Lucene's deletions do) until enough have gone that the postings are compacted.

export type Bm25Params = {
	/** Term-frequency saturation. */
	k1: number
	/** Length normalisation, 0 (none) to 1 (full). */
	b: number
	/** Weight of each field, in the index's field order. */
	fieldWeights: readonly number[]
}

type Posting = { id: number; docs: number[]; tf: number[] }

/** One scored document: its number in the index and its score. */
export type Scored = { doc: number; score: number }

const COMPACT_AT = 0.2

export class TextIndex {
	readonly fieldCount: number
	private readonly postings = new Map<string, Posting>()
	private readonly termById: string[] = []
	private readonly ids: string[] = []
	private readonly numbers = new Map<string, number>()
	private live: Uint8Array = new Uint8Array(1024)
	private lengths: Float64Array
	private readonly totals: number[]
	/** Each document's word terms and frequencies (all fields), for feedback expansion. */
	private readonly forward: Array<{ terms: Int32Array; tf: Float32Array; length: number } | null> = []
	private liveCount = 0
	private deadCount = 0
	private accumulator = new Float64Array(0)

	constructor(fieldCount: number) {
		this.fieldCount = fieldCount
		this.lengths = new Float64Array(1024 * fieldCount)
		this.totals = new Array(fieldCount).fill(0)
	}

	/** Live documents. */
	get size(): number {
		return this.liveCount
	}

	/** The id of a document number. */
	idOf(doc: number): string {
		return this.ids[doc]!
	}

	/** The number of a live document, or undefined. */
	numberOf(id: string): number | undefined {
		return this.numbers.get(id)
	}

	/**
	 * Adds (or replaces) a document given its terms per field. `isWord` tells which terms the
	 * forward index keeps for feedback expansion (none when it is omitted).
	 */
	add(id: string, fields: readonly (readonly string[])[], isWord?: (term: string) => boolean): number {
		if (this.numbers.has(id)) this.remove(id)
		const doc = this.ids.length
		this.ids.push(id)
		this.numbers.set(id, doc)
		this.grow(doc + 1)
		this.live[doc] = 1
		this.liveCount++
		const counts = new Map<string, number[]>()
		for (let f = 0; f < this.fieldCount; f++) {
			const terms = fields[f] ?? []
			this.lengths[doc * this.fieldCount + f] = terms.length
			this.totals[f]! += terms.length
			for (const t of terms) {
				let c = counts.get(t)
				if (!c) counts.set(t, (c = new Array(this.fieldCount).fill(0)))
				c[f]!++
			}
		}
		const forwardTerms: number[] = []
		const forwardTf: number[] = []
		let forwardLength = 0
		for (const [term, c] of counts) {
			let p = this.postings.get(term)
			if (!p) {
				p = { id: this.termById.length, docs: [], tf: [] }
				this.termById.push(term)
				this.postings.set(term, p)
			}
			p.docs.push(doc)
			for (let f = 0; f < this.fieldCount; f++) p.tf.push(c[f]!)
			if (isWord?.(term)) {
				const total = c.reduce((s, x) => s + x, 0)
				forwardTerms.push(p.id)
				forwardTf.push(total)
				forwardLength += total
			}
		}
		this.forward[doc] = isWord ? { terms: Int32Array.from(forwardTerms), tf: Float32Array.from(forwardTf), length: forwardLength } : null
		return doc
	}

	/** Removes a document; true when it was there. */
	remove(id: string): boolean {
		const doc = this.numbers.get(id)
		if (doc === undefined) return false
		this.numbers.delete(id)
		this.live[doc] = 0
		this.forward[doc] = null
		for (let f = 0; f < this.fieldCount; f++) this.totals[f]! -= this.lengths[doc * this.fieldCount + f]!
		this.liveCount--
		this.deadCount++
		if (this.deadCount > COMPACT_AT * (this.liveCount + this.deadCount) && this.deadCount > 64) this.compact()
		return true
	}

	/** Documents containing the term (removed ones included until compaction). */
	documentFrequency(term: string): number {
		return this.postings.get(term)?.docs.length ?? 0
	}

	/** Robertson-Sparck Jones idf, never negative; 0 for a term no document holds. */
	idf(term: string): number {
		const df = this.documentFrequency(term)
		return df === 0 ? 0 : this.idfAt(df)
	}

	/** The idf of a term held by `df` documents. */
	idfAt(df: number): number {
		const n = this.liveCount + this.deadCount
		return Math.log(1 + (n - df + 0.5) / (df + 0.5))
	}

	/**
	 * Scores every live document that holds a query term (restricted to `only` when given) and
	 * returns the best `top`, best first; ties go to the earlier-added document.
	 */
	search(query: ReadonlyMap<string, number>, params: Bm25Params, top: number, only?: ReadonlySet<number>): Scored[] {
		const n = this.ids.length
		if (this.accumulator.length < n) this.accumulator = new Float64Array(Math.max(n, this.accumulator.length * 2))
		const acc = this.accumulator
		const touched: number[] = []
		const avg = this.averages()
		for (const [term, weight] of query) {
			const p = this.postings.get(term)
			if (!p || weight === 0) continue
			const w = weight * this.idf(term)
			for (let j = 0; j < p.docs.length; j++) {
				const d = p.docs[j]!
				if (!this.live[d] || (only && !only.has(d))) continue
				const s = this.termScore(p, j, d, params, avg)
				if (acc[d] === 0) touched.push(d)
				acc[d] = acc[d]! + w * s
			}
		}
		const result = topK(touched, acc, top)
		for (const d of touched) acc[d] = 0
		return result
	}

	/** Of the given terms, those one document holds: the saturated BM25F frequency (0 to 1) and the fields. */
	termDetails(doc: number, terms: Iterable<string>, params: Bm25Params): Map<string, { score: number; fields: number[] }> {
		const out = new Map<string, { score: number; fields: number[] }>()
		if (!this.live[doc]) return out
		const avg = this.averages()
		for (const term of terms) {
			const p = this.postings.get(term)
			if (!p) continue
			const j = binarySearch(p.docs, doc)
			if (j < 0) continue
			const fields: number[] = []
			for (let f = 0; f < this.fieldCount; f++) if (p.tf[j * this.fieldCount + f]! > 0) fields.push(f)
			out.set(term, { score: this.termScore(p, j, doc, params, avg), fields })
		}
		return out
	}

	/** The word terms of a document with their frequencies over its length, for feedback. */
	wordDistribution(doc: number): Array<[string, number]> {
		const f = this.forward[doc]
		if (!f || f.length === 0) return []
		const out: Array<[string, number]> = []
		for (let i = 0; i < f.terms.length; i++) out.push([this.termById[f.terms[i]!]!, f.tf[i]! / f.length])
		return out
	}

	private termScore(p: Posting, j: number, d: number, params: Bm25Params, avg: number[]): number {
		let tf = 0
		const base = j * this.fieldCount
		for (let f = 0; f < this.fieldCount; f++) {
			const raw = p.tf[base + f]!
			if (raw === 0) continue
			const norm = 1 - params.b + (params.b * this.lengths[d * this.fieldCount + f]!) / (avg[f]! || 1)
			tf += ((params.fieldWeights[f] ?? 1) * raw) / norm
		}
		return tf / (params.k1 + tf)
	}

	private averages(): number[] {
		return this.totals.map((t) => (this.liveCount ? t / this.liveCount : 0))
	}

	private grow(size: number) {
		if (size <= this.live.length) return
		const capacity = Math.max(size, this.live.length * 2)
		const live = new Uint8Array(capacity)
		live.set(this.live)
		this.live = live
		const lengths = new Float64Array(capacity * this.fieldCount)
		lengths.set(this.lengths)
		this.lengths = lengths
	}

	/** Drops removed documents from the postings and statistics (document numbers stay as they are); runs by itself once a fifth are removed. */
	compact() {
		for (const [term, p] of this.postings) {
			const docs: number[] = []
			const tf: number[] = []
			for (let j = 0; j < p.docs.length; j++) {
				if (!this.live[p.docs[j]!]) continue
				docs.push(p.docs[j]!)
				for (let f = 0; f < this.fieldCount; f++) tf.push(p.tf[j * this.fieldCount + f]!)
			}
			if (docs.length === 0) this.postings.delete(term)
			else {
				p.docs = docs
				p.tf = tf
			}
		}
		this.deadCount = 0
	}
}

function binarySearch(sorted: readonly number[], value: number): number {
	let lo = 0
	let hi = sorted.length - 1
	while (lo <= hi) {
		const mid = (lo + hi) >> 1
		const v = sorted[mid]!
		if (v === value) return mid
		if (v < value) lo = mid + 1
		else hi = mid - 1
	}
	return -1
}

/** The best `k` of the touched documents, best first, ties to the lower number; a heap when k is small. */
function topK(touched: number[], acc: Float64Array, k: number): Scored[] {
	const better = (a: number, b: number) => acc[a]! > acc[b]! || (acc[a] === acc[b] && a < b)
	let chosen: number[]
	if (touched.length <= k * 4) {
		chosen = touched.slice().sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, k)
	} else {
		// A min-heap of the best k so far: the root is the worst kept.
		const heap: number[] = []
		const down = (i: number) => {
			for (;;) {
				const l = 2 * i + 1
				const r = l + 1
				let m = i
				if (l < heap.length && better(heap[m]!, heap[l]!)) m = l
				if (r < heap.length && better(heap[m]!, heap[r]!)) m = r
				if (m === i) return
				;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
				i = m
			}
		}
		const up = (i: number) => {
			while (i > 0) {
				const parent = (i - 1) >> 1
				if (!better(heap[parent]!, heap[i]!)) return
				;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
				i = parent
			}
		}
		for (const d of touched) {
			if (heap.length < k) {
				heap.push(d)
				up(heap.length - 1)
			} else if (better(d, heap[0]!)) {
				heap[0] = d
				down(0)
			}
		}
		chosen = heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
	}
	return chosen.map((doc) => ({ doc, score: acc[doc]! }))
}
