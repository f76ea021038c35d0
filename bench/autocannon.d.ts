// The slice of autocannon 8's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events'

	export interface Options {
		url: string
		connections?: number
		duration?: number
		timeout?: number
		headers?: Record<string, string>
		method?: string
	}

	export interface Histogram {
		average: number
		mean: number
		stddev: number
		min: number
		max: number
		total: number
		p50: number
		p90: number
		p97_5: number
		p99: number
	}

	export interface Result {
		url: string
		duration: number
		requests: Histogram & { sent: number }
		latency: Histogram
		throughput: Histogram
		errors: number
		timeouts: number
		non2xx: number
		'2xx': number
	}

	export interface Instance extends EventEmitter {
		stop(): void
		on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this
		on(event: string, listener: (...args: unknown[]) => void): this
	}

	export default function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance
}
