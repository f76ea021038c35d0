// An unexpected console.error fails the test that logged it: React warnings, swallowed errors
// and failed background work all end up there and would otherwise pass unnoticed.
//
// Opt out for one test with expectConsoleError(pattern) (which also fails the test if nothing
// matching is logged), or by replacing console.error yourself (vi.spyOn(console, 'error')).
import { format } from 'node:util'
import { afterAll, afterEach, beforeEach } from 'vitest'

interface Expectation {
	pattern: RegExp | string
	messages: string[]
}

let expectations: Expectation[] = []
let unexpected: string[] = []
// Kept on globalThis so a module re-evaluated in the same worker never wraps its own guard.
const store = globalThis as { __caunoiConsoleError?: typeof console.error }
const original = (store.__caunoiConsoleError ??= console.error.bind(console))

function guard(...args: unknown[]) {
	const message = format(...args)
	const expectation = expectations.find(({ pattern }) => (typeof pattern === 'string' ? message.includes(pattern) : pattern.test(message)))
	if (expectation) {
		expectation.messages.push(message)
		return
	}
	unexpected.push(message)
	original(...args)
}

/** Lets the current test log console.errors matching `pattern`; returns them as they arrive. */
export function expectConsoleError(pattern: RegExp | string = /[\s\S]*/): string[] {
	const expectation: Expectation = { pattern, messages: [] }
	expectations.push(expectation)
	return expectation.messages
}

/** Installs the guard and its hooks; tests/setup-file.ts calls it for every test file. */
export function failOnConsoleError() {
	console.error = guard
	beforeEach(() => {
		expectations = []
		unexpected = []
	})
	afterEach(() => {
		const problems = console.error === guard ? unexpected.map((message) => `unexpected console.error: ${message}`) : []
		for (const { pattern, messages } of expectations) {
			if (messages.length === 0) problems.push(`expected a console.error matching ${String(pattern)}, but none was logged`)
		}
		expectations = []
		unexpected = []
		if (problems.length > 0) throw new Error(problems.join('\n'))
	})
	// Catches what hooks and module code log outside any test.
	afterAll(() => {
		const problems = console.error === guard ? unexpected : []
		unexpected = []
		if (problems.length > 0) throw new Error(problems.map((message) => `unexpected console.error: ${message}`).join('\n'))
	})
}
