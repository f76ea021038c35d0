// `npm run search:rebuild`: rebuilds the search index of the configured engine (Meilisearch when
// MEILI_URL is set, else PostgreSQL) from the tables, with a progress bar. Run it after switching
// engines or on a fresh Meilisearch; the running app keeps serving meanwhile.
import { SingleBar, Presets } from 'cli-progress'
import { searchEngine } from '../app/search/engine.server'
import { rebuildIndex } from '../app/search/reconcile.server'
import { disconnectPrisma } from '../app/utils/db.server'

if (!process.env.DATABASE_URL) {
	console.error('DATABASE_URL is not set / Chưa đặt DATABASE_URL')
	process.exit(1)
}
const engine = searchEngine()
console.log(`Rebuilding the ${engine.name} search index / Đang dựng lại chỉ mục tìm kiếm (${engine.name})`)
const bar = new SingleBar({ format: ' {bar} {percentage}% | {value}/{total} documents | {eta_formatted}', hideCursor: true }, Presets.shades_classic)
let started = false
const startedAt = Date.now()
try {
	const { indexed, removed } = await rebuildIndex(({ done, total }) => {
		if (!started) {
			bar.start(total, done)
			started = true
		} else bar.setTotal(total)
		bar.update(done)
	}, engine)
	bar.stop()
	const seconds = (Date.now() - startedAt) / 1000
	console.log(`Indexed ${indexed} documents, removed ${removed} stale ones in ${seconds.toFixed(1)} s (${Math.round(indexed / Math.max(seconds, 0.001))} documents/s).`)
} catch (error) {
	bar.stop()
	console.error('Rebuild failed / Dựng lại chỉ mục thất bại:', error)
	process.exitCode = 1
} finally {
	await disconnectPrisma()
}
