// The local-disk store on a real temporary directory.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { FileTooLargeError, LocalFileStore, newStorageKey } from '~/uploads/storage.server'

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-store-'))
afterAll(() => fs.rm(root, { recursive: true, force: true }))
const store = new LocalFileStore(path.join(root, 'uploads'))

async function allFiles() {
	const entries = await fs.readdir(root, { recursive: true, withFileTypes: true })
	return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

const read = async (key: string) => {
	const found = await store.get(key)
	return found ? new Uint8Array(await new Response(found.stream).arrayBuffer()) : null
}

describe('LocalFileStore', () => {
	test('stores bytes or a stream under a random key, sharded, and hashes them', async () => {
		const key = newStorageKey()
		expect(key).toMatch(/^[0-9a-f]{32}$/)
		const bytes = new TextEncoder().encode('xin chào')
		expect(await store.put(key, bytes)).toEqual({ size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') })
		expect(await read(key)).toEqual(bytes)
		expect(await allFiles()).toContain(path.join('uploads', key.slice(0, 2), key))

		const streamed = newStorageKey()
		await store.put(streamed, new Blob([bytes, bytes]).stream())
		expect((await store.get(streamed))?.size).toBe(bytes.byteLength * 2)
	})

	test('refuses keys that are not its own, so no path can escape the directory', async () => {
		for (const key of ['../../etc/passwd', '..', '', 'ABCDEF0123456789ABCDEF0123456789', `${newStorageKey()}/x`, 'g'.repeat(32)]) {
			await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow(/invalid storage key/)
			expect(await store.get(key)).toBeNull()
			await expect(store.delete(key)).rejects.toThrow(/invalid storage key/)
		}
	})

	test('past maxBytes it stores nothing, not even a temporary file', async () => {
		const before = await allFiles()
		const key = newStorageKey()
		await expect(store.put(key, new Blob([new Uint8Array(3000)]).stream(), { maxBytes: 2048 })).rejects.toBeInstanceOf(FileTooLargeError)
		expect(await allFiles()).toEqual(before)
		expect(await store.get(key)).toBeNull()
	})

	test('a missing file reads as null and deletes quietly', async () => {
		const key = newStorageKey()
		expect(await store.get(key)).toBeNull()
		await expect(store.delete(key)).resolves.toBeUndefined()
		await store.put(key, new Uint8Array([1, 2, 3]))
		await store.delete(key)
		expect(await store.get(key)).toBeNull()
	})
})
