// Run by app/imports/large-file.server.test.ts in a child process with a small heap limit: the dry
// run of a generated 50,000-row file must finish inside it. Prints one JSON line with what it saw.
import { createImport } from '../app/models/import.server.ts'
import { validateImport } from '../app/imports/run.server.ts'
import { sampleTaskResultCsv } from '../app/imports/sample-files.server.ts'
import { getFileStore, newStorageKey } from '../app/uploads/storage.server.ts'
import { disconnectPrisma, prisma } from '../app/utils/db.server.ts'

const rows = Number(process.env.IMPORT_ROWS)
const gc = (globalThis as { gc?: () => void }).gc
let peak = 0
const sample = () => {
	gc?.()
	peak = Math.max(peak, process.memoryUsage().heapUsed)
}
const operator = await prisma.user.create({ data: { email: `memory-${Date.now()}@caunoi.example`, name: 'Memory check', passwordHash: 'x', roles: ['OPERATOR'] } })
const storageKey = newStorageKey()
const stored = await getFileStore().put(storageKey, sampleTaskResultCsv(rows))
sample()
const before = peak
const timer = setInterval(sample, 250)
const { id } = await createImport({ id: operator.id, roles: operator.roles }, { kind: 'TASK_RESULTS', fileName: 'memory.csv', format: 'csv', storageKey, size: stored.size, sha256: stored.sha256 })
await validateImport(id)
clearInterval(timer)
sample()
const record = await prisma.import.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, rowsRead: true } })
const verdicts = await prisma.importRow.count({ where: { importId: id } })
console.log(JSON.stringify({ ...record, verdicts, fileBytes: stored.size, heapBeforeMb: before / 2 ** 20, heapPeakMb: peak / 2 ** 20 }))
await disconnectPrisma()
