// A search relay that SIGKILLs its own process right after writing the engine and before settling
// the outbox: the crash the outbox test recovers from.
import { relayBatch } from '../../app/search/relay.server'

await relayBatch({
	leaseMs: 1000,
	limit: 1000,
	afterSend: () => {
		process.stdout.write('engine written\n', () => process.kill(process.pid, 'SIGKILL'))
		return new Promise(() => {})
	},
})
