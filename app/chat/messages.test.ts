// The client's bookkeeping without a browser: history pages and live lines merge by seq (no
// duplicates, in order, an edit never undone by a stale copy), the unsent queue survives a reload
// and drops what it cannot read, retries back off to 30 s, and drafts are checked as the server does.
import { describe, expect, test } from 'vitest'
import { checkDraft, isTransient, mergeMessages, newClientMsgId, readPending, retryDelay, writePending, type ChatMessage, type PendingMessage } from './messages'

function msg(seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
	return {
		id: `m${seq}`,
		roomId: 'r',
		seq,
		clientMsgId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
		kind: 'TEXT',
		body: `tin ${seq}`,
		sender: { id: 'u', name: 'Hoa' },
		replyTo: null,
		attachment: null,
		editedAt: null,
		deletedAt: null,
		createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
		...overrides,
	}
}

function memoryStorage() {
	const map = new Map<string, string>()
	return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map }
}

describe('mergeMessages', () => {
	test('orders by seq and keeps one copy of each, whatever order pages and live lines arrive in', () => {
		const merged = mergeMessages([msg(3), msg(5)], [msg(4), msg(5), msg(1), msg(3)])
		expect(merged.map((m) => m.seq)).toEqual([1, 3, 4, 5])
		expect(mergeMessages(merged, [msg(2)]).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
	})

	test('an edit or a delete replaces the line; a stale copy arriving later does not bring the old text back', () => {
		const edited = msg(2, { body: 'đã sửa', editedAt: '2026-01-01T01:00:00.000Z' })
		const after = mergeMessages([msg(1), msg(2)], [edited])
		expect(after[1]!.body).toBe('đã sửa')
		expect(mergeMessages(after, [msg(2)])[1]!.body).toBe('đã sửa')
		const deleted = msg(2, { body: '', editedAt: edited.editedAt, deletedAt: '2026-01-01T02:00:00.000Z' })
		expect(mergeMessages(after, [deleted])[1]!.deletedAt).not.toBeNull()
	})

	test('returns the same array when nothing changed, so React does not re-render', () => {
		const current = [msg(1), msg(2)]
		expect(mergeMessages(current, [msg(2)])).toBe(current)
		expect(mergeMessages(current, [])).toBe(current)
	})
})

describe('the unsent queue', () => {
	const p = (id: string): PendingMessage => ({ clientMsgId: id, body: `nháp ${id}`, replyTo: null, createdAt: '2026-01-01T00:00:00.000Z', attempts: 2, nextAttemptAt: 5, error: null })

	test('is kept per person and room, and emptied by removing the key', () => {
		const storage = memoryStorage()
		writePending(storage, 'u1', 'r1', [p('a'), p('b')])
		writePending(storage, 'u2', 'r1', [p('c')])
		expect(readPending(storage, 'u1', 'r1').map((x) => x.clientMsgId)).toEqual(['a', 'b'])
		expect(readPending(storage, 'u1', 'r2')).toEqual([])
		writePending(storage, 'u1', 'r1', [])
		expect(storage.map.has('caunoi:chat:pending:u1:r1')).toBe(false)
		expect(readPending(storage, 'u2', 'r1')).toHaveLength(1)
	})

	test('what cannot be read is dropped instead of retried', () => {
		const storage = memoryStorage()
		storage.setItem('caunoi:chat:pending:u:r', '{not json')
		expect(readPending(storage, 'u', 'r')).toEqual([])
		storage.setItem('caunoi:chat:pending:u:r', JSON.stringify([{ clientMsgId: 1 }, null, p('ok')]))
		expect(readPending(storage, 'u', 'r').map((x) => x.clientMsgId)).toEqual(['ok'])
		expect(readPending(null, 'u', 'r')).toEqual([])
	})
})

test('retries back off from about a second to at most 30 s, with jitter', () => {
	expect(retryDelay(1, () => 0.5)).toBe(1_000)
	expect(retryDelay(2, () => 0.5)).toBe(2_000)
	expect(retryDelay(20, () => 0.5)).toBe(30_000)
	expect(retryDelay(20, () => 1)).toBe(37_500)
	expect(retryDelay(1, () => 0)).toBe(750)
	expect(isTransient('INTERNAL')).toBe(true)
	expect(isTransient('INVALID')).toBe(false)
})

test('drafts are checked as the server checks them; client UUIDs are version 4', () => {
	expect(checkDraft('  \n ')).toEqual({ key: 'chat.errors.emptyMessage' })
	expect(checkDraft('x'.repeat(4001))).toEqual({ key: 'chat.errors.tooLong', params: { max: 4000 } })
	expect(checkDraft(' xin chào ')).toBeNull()
	expect(newClientMsgId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})
