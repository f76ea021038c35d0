// Receives an import file: the multipart body is streamed to the file store as it arrives (busboy),
// never held in memory, and the file's kind is decided from its bytes, not its name.
import { Readable, Transform } from 'node:stream'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import Busboy from 'busboy'
import { fileTypeFromBuffer } from 'file-type'
import { FileTooLargeError, getFileStore, newStorageKey } from '~/uploads/storage.server'
import type { FileFormat } from './read.server'

/** Largest import file: 256 MiB holds several hundred thousand task results with their abstracts. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024

// Enough of the start to see a workbook's first parts and a text file's first rows.
const HEAD_BYTES = 64 * 1024

/** A refusal of the upload: an i18n key under `imports.errors` and the HTTP status. */
export class ImportUploadError extends Error {
	/** The text fields read before the refusal, so the form can show them again. */
	fields: Record<string, string> = {}
	constructor(
		readonly code: 'missing' | 'tooLarge' | 'malformed' | 'notTable' | 'legacyXls' | 'notXlsx' | 'binary' | 'kind',
		readonly status: number,
	) {
		super(code)
	}
}

export type ReceivedImport = {
	fields: Record<string, string>
	file: { storageKey: string; fileName: string; size: number; sha256: string; format: FileFormat }
}

/** The format a file's bytes show: XLSX by the parts its zip holds, JSON or CSV by its first character. */
export async function detectFormat(head: Buffer, fileName: string): Promise<FileFormat> {
	if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
		const type = await fileTypeFromBuffer(head)
		// Workbooks name their parts "xl/…"; Word, PowerPoint and OpenDocument files do not.
		if (type?.ext === 'xlsx' || ((!type || type.ext === 'zip') && head.includes('xl/workbook.xml'))) return 'xlsx'
		throw new ImportUploadError('notXlsx', 415)
	}
	if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new ImportUploadError('legacyXls', 415)
	// UTF-16 text goes on to the reader, which refuses it with advice on how to save the file (its
	// byte order mark would otherwise pass for an MPEG audio header).
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'csv'
	const binary = await fileTypeFromBuffer(head)
	if (binary) throw new ImportUploadError('notTable', 415)
	const text = head.toString('utf8').replace(/^\ufeff/, '').trimStart()
	if (text.startsWith('[')) return 'json'
	if (text.startsWith('{')) return /\.(jsonl|ndjson)$/i.test(fileName) ? 'jsonl' : 'json'
	return 'csv'
}

function cleanFileName(name: string) {
	// The display name only: storage keys are random. Path parts and control characters go.
	const base = name.normalize('NFC').split(/[/\\]/).pop() ?? ''
	return base.replace(/\p{C}/gu, '').trim().slice(0, 200) || 'import'
}

/**
 * Reads a multipart form with one file (field `file`) and small text fields, storing the file.
 * Refuses (ImportUploadError) an empty or missing file, one over MAX_IMPORT_BYTES, or content that
 * is not a table; nothing stays stored after a refusal.
 */
export async function receiveImportUpload(request: Request, { maxBytes = MAX_IMPORT_BYTES } = {}): Promise<ReceivedImport> {
	const type = request.headers.get('Content-Type') ?? ''
	if (!type.toLowerCase().startsWith('multipart/form-data') || !request.body) throw new ImportUploadError('malformed', 400)
	const declared = Number(request.headers.get('Content-Length') ?? 0)
	if (declared > maxBytes + 64 * 1024) throw new ImportUploadError('tooLarge', 413)

	const store = getFileStore()
	const fields: Record<string, string> = Object.create(null) as Record<string, string>
	let busboy: Busboy.Busboy
	try {
		busboy = Busboy({ headers: { 'content-type': type }, limits: { files: 1, fields: 20, fieldSize: 10_000, fileSize: maxBytes + 1 } })
	} catch {
		throw new ImportUploadError('malformed', 400)
	}
	const stored = new Promise<ReceivedImport['file'] | null>((resolve, reject) => {
		let pending: Promise<ReceivedImport['file'] | null> = Promise.resolve(null)
		busboy.on('field', (name, value) => {
			if (!Object.hasOwn(fields, name)) fields[name] = value
		})
		busboy.on('file', (name, stream, info) => {
			const fileName = info.filename
			if (name !== 'file' || !fileName) {
				stream.resume()
				return
			}
			const key = newStorageKey()
			let head = Buffer.alloc(0)
			const peek = new Transform({
				transform(chunk: Buffer, _enc, callback) {
					if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)])
					callback(null, chunk)
				},
			})
			stream.on('limit', () => peek.destroy(new FileTooLargeError(maxBytes)))
			pending = store.put(key, stream.pipe(peek), { maxBytes }).then(async (saved) => {
				if (saved.size === 0) {
					await store.delete(key)
					throw new ImportUploadError('missing', 400)
				}
				try {
					const format = await detectFormat(head, fileName)
					return { storageKey: key, fileName: cleanFileName(fileName), size: saved.size, sha256: saved.sha256, format }
				} catch (error) {
					await store.delete(key)
					throw error
				}
			})
		})
		busboy.on('error', () => reject(new ImportUploadError('malformed', 400)))
		busboy.on('close', () => pending.then(resolve, reject))
	})
	Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>)
		.on('error', () => busboy.destroy())
		.pipe(busboy)
	let file: ReceivedImport['file'] | null
	try {
		file = await stored
		if (!file) throw new ImportUploadError('missing', 400)
	} catch (error) {
		const refusal = error instanceof FileTooLargeError ? new ImportUploadError('tooLarge', 413) : error
		if (refusal instanceof ImportUploadError) refusal.fields = { ...fields }
		throw refusal
	}
	return { fields, file }
}
