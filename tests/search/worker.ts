// Runs the real job worker until nothing is due, with the app's handlers (e-mail sending can be left out).
import { JOB_HANDLERS, startWorker } from '~/jobs/worker.server'

export async function runWorkerUntilIdle({ except = [] as string[] } = {}) {
	const handlers = Object.fromEntries(Object.entries(JOB_HANDLERS).filter(([queue]) => !except.includes(queue)))
	const worker = startWorker({ handlers, periodic: [], pollMs: 50 })
	try {
		await worker.drain(20_000)
	} finally {
		await worker.stop()
	}
}
