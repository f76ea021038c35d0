/**
 * A poll loop's pause that work can cut short: `sleep(ms)` waits unless `nudge()` came first (or
 * comes meanwhile), so a loop that has just been handed work does not wait out its poll interval.
 * Shared by the job worker and the webhook relay.
 */
export function createWake() {
	let pending = false
	let wake: (() => void) | null = null
	return {
		nudge() {
			if (wake) wake()
			else pending = true
		},
		sleep(ms: number) {
			if (pending) {
				pending = false
				return Promise.resolve()
			}
			return new Promise<void>((resolve) => {
				const timer = setTimeout(done, ms)
				function done() {
					clearTimeout(timer)
					wake = null
					resolve()
				}
				wake = done
			})
		},
	}
}
