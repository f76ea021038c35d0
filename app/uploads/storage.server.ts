import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import { pipeline } from 'node:stream/promises'
import { getEnv } from '~/utils/env.server'

export type StoredFile = { size: number; sha256: string }

/** What `put` accepts: bytes, a web stream (File.stream()) or any async iterable of chunks. */
export type FileBody = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>

export type FileStoreGetResult = { stream: ReadableStream<Uint8Array>; size: number }

/**
 * Where attachment bytes live. Keys come from `newStorageKey()`: random, never derived from what
 * a user typed or named, so no key can point outside the store.
 */
export interface FileStore {
	/** Stores the body under `key`; rejects with FileTooLargeError past `maxBytes`, storing nothing. */
	put(key: string, body: FileBody, options?: { maxBytes?: number }): Promise<StoredFile>
	/** The stored bytes as a stream, or null when there is no such file. */
	get(key: string): Promise<FileStoreGetResult | null>
	/** Removes the file; a missing file is not an error (deletes are retried after failures). */
	delete(key: string): Promise<void>
}

export class FileTooLargeError extends Error {
	override name = 'FileTooLargeError'
	constructor(readonly maxBytes: number) {
		super(`file exceeds ${maxBytes} bytes`)
	}
}

// 128 random bits, lower-case hex: safe as a path segment and an object key, and case-insensitive
// file systems (macOS, Windows) cannot merge two keys.
const KEY_PATTERN = /^[0-9a-f]{32}$/

export function newStorageKey() {
	return randomBytes(16).toString('hex')
}

export function isStorageKey(key: string) {
	return KEY_PATTERN.test(key)
}

function assertKey(key: string) {
	if (!isStorageKey(key)) throw new Error('invalid storage key')
}

function toNodeReadable(body: FileBody): Readable {
	if (body instanceof Uint8Array) return Readable.from([body])
	if (typeof (body as ReadableStream<Uint8Array>).getReader === 'function') {
		return Readable.fromWeb(body as unknown as NodeWebReadableStream<Uint8Array>)
	}
	return Readable.from(body as AsyncIterable<Uint8Array>)
}

function isMissing(error: unknown) {
	return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
}

/**
 * Files on the local disk under `root` (by default `<DATA_DIR>/uploads`), sharded by the key's
 * first two characters so no directory grows huge. A write goes to `root/.tmp` first and is
 * renamed into place once complete and flushed, so readers never see half a file and a crash
 * leaves only a temporary file behind (safe to delete when older than a day).
 */
export class LocalFileStore implements FileStore {
	constructor(readonly root: string) {}

	private pathOf(key: string) {
		assertKey(key)
		return path.join(this.root, key.slice(0, 2), key)
	}

	async put(key: string, body: FileBody, options: { maxBytes?: number } = {}): Promise<StoredFile> {
		const target = this.pathOf(key)
		const tmpDir = path.join(this.root, '.tmp')
		await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 })
		await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
		const tmp = path.join(tmpDir, `${key}.${randomBytes(6).toString('hex')}.part`)

		const hash = createHash('sha256')
		let size = 0
		const { maxBytes } = options
		const measure = new Transform({
			transform(chunk: Buffer, _encoding, callback) {
				size += chunk.byteLength
				if (maxBytes !== undefined && size > maxBytes) return callback(new FileTooLargeError(maxBytes))
				hash.update(chunk)
				callback(null, chunk)
			},
		})
		try {
			// flush: fsync before close, so the rename below never publishes a file still in the page cache.
			await pipeline(toNodeReadable(body), measure, createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }))
			await fs.rename(tmp, target)
		} catch (error) {
			await fs.rm(tmp, { force: true })
			throw error
		}
		return { size, sha256: hash.digest('hex') }
	}

	async get(key: string): Promise<FileStoreGetResult | null> {
		if (!isStorageKey(key)) return null
		let handle: fs.FileHandle
		try {
			handle = await fs.open(this.pathOf(key), 'r')
		} catch (error) {
			if (isMissing(error)) return null
			throw error
		}
		try {
			const { size } = await handle.stat()
			// The stream closes the handle when it ends or when the reader cancels (a dropped download).
			// A pulling stream reads as the reader asks; Readable.toWeb (Node 20) reads ahead without
			// limit, so a 70 MB import file would sit in memory whole.
			const chunks = handle.createReadStream()[Symbol.asyncIterator]()
			const stream = new ReadableStream<Uint8Array>(
				{
					async pull(controller) {
						const next = (await chunks.next()) as IteratorResult<Buffer>
						if (next.done) controller.close()
						else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength))
					},
					async cancel() {
						await chunks.return?.()
					},
				},
				{ highWaterMark: 0 },
			)
			return { stream, size }
		} catch (error) {
			await handle.close()
			throw error
		}
	}

	async delete(key: string): Promise<void> {
		try {
			await fs.unlink(this.pathOf(key))
		} catch (error) {
			if (!isMissing(error)) throw error
		}
	}
}

let current: { root: string; store: FileStore } | undefined

/**
 * The store attachments use. Today always the local disk; an S3-compatible object store (MinIO,
 * Cloudflare R2, a Vietnamese cloud's object storage) plugs in here: add its settings to
 * `EnvSchema` (e.g. S3_URL, S3_BUCKET, keys) and return an `S3FileStore implements FileStore`
 * when they are set. Keys, the database rows and the download route stay as they are.
 */
export function getFileStore(): FileStore {
	const root = path.resolve(getEnv().DATA_DIR, 'uploads')
	// Keyed by root so a test that points DATA_DIR elsewhere gets a store there.
	if (current?.root !== root) current = { root, store: new LocalFileStore(root) }
	return current.store
}
