// Loaders and actions of the operators' import pages (/operator/imports…).
import { data, redirect, type RouterContextProvider } from 'react-router'
import { z } from 'zod'
import type { ImportAction, Prisma } from '~/generated/prisma/client'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { createImport, ImportError, requestApply } from '~/models/import.server'
import { requireRole } from '~/utils/auth.server'
import { nearDuplicates } from '~/matching/duplicates.server'
import { prisma } from '~/utils/db.server'
import { clientIp, invariantResponse } from '~/utils/http.server'
import { getFileStore } from '~/uploads/storage.server'
import { consume } from '~/utils/rate-limit.server'
import { IMPORT_KINDS } from './states'
import { ImportUploadError, MAX_IMPORT_BYTES, receiveImportUpload } from './upload.server'

type Args = { request: Request; params: { id?: string }; context: Readonly<RouterContextProvider> }

const ROWS_PER_PAGE = 50

/** The latest imports, newest first. */
export async function importsLoader({ request, context }: Args) {
	await requireRole(request, 'OPERATOR')
	const imports = await prisma.import.findMany({
		orderBy: { createdAt: 'desc' },
		take: 50,
		select: { id: true, kind: true, status: true, fileName: true, rowsRead: true, summary: true, createdAt: true, createdBy: { select: { name: true } } },
	})
	const url = new URL(request.url)
	const kind = url.searchParams.get('kind')
	return { imports, locale: getLocale(context) as AppLocale, maxBytes: MAX_IMPORT_BYTES, kind: kind === 'EXPERTS' ? 'EXPERTS' : 'TASK_RESULTS' }
}

const chosenKind = (value: unknown) => (IMPORT_KINDS as readonly unknown[]).includes(value) ? (value as (typeof IMPORT_KINDS)[number]) : null

/** Stores the uploaded file and queues its dry run; refusals come back with the chosen kind kept. */
export async function importsAction({ request }: Args) {
	const user = await requireRole(request, 'OPERATOR')
	await consume('writeUser', user.id)
	let received
	try {
		received = await receiveImportUpload(request)
	} catch (error) {
		if (error instanceof ImportUploadError) return data({ error: `imports.errors.${error.code}`, kind: chosenKind(error.fields.kind) }, { status: error.status })
		throw error
	}
	const kind = z.enum(IMPORT_KINDS).safeParse(received.fields.kind)
	if (!kind.success) {
		await getFileStore().delete(received.file.storageKey)
		return data({ error: 'imports.errors.kind', kind: null }, { status: 400 })
	}
	const created = await createImport(user, { kind: kind.data, ...received.file }, { ip: clientIp(request) })
	return redirect(`/operator/imports/${created.id}?done=uploaded`)
}

const ShowSchema = z.enum(['ALL', 'CREATE', 'UPDATE', 'UNCHANGED', 'REJECT']).catch('ALL')

/** One import: its state and progress, and a page of the dry run's verdicts (rejections first by default when there are any). */
export async function importLoader({ request, params, context }: Args) {
	await requireRole(request, 'OPERATOR')
	const record = await prisma.import.findUnique({
		where: { id: params.id ?? '' },
		select: {
			id: true,
			kind: true,
			status: true,
			fileName: true,
			format: true,
			fileSize: true,
			bytesRead: true,
			rowsRead: true,
			summary: true,
			applied: true,
			errorCode: true,
			errorParams: true,
			createdAt: true,
			validatedAt: true,
			appliedAt: true,
			createdBy: { select: { name: true } },
		},
	})
	invariantResponse(record, 'errors.notFound', { status: 404 })
	const url = new URL(request.url)
	const summary = (record.summary ?? {}) as { reject?: number; unknownColumns?: string[] }
	const requested = url.searchParams.get('show')
	const show = requested ? ShowSchema.parse(requested) : (summary.reject ?? 0) > 0 ? 'REJECT' : 'ALL'
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1))
	const where: Prisma.ImportRowWhereInput = { importId: record.id, ...(show === 'ALL' ? {} : { action: show as ImportAction }) }
	const [rows, total] = await Promise.all([
		prisma.importRow.findMany({ where, orderBy: [{ line: 'asc' }, { id: 'asc' }], skip: (page - 1) * ROWS_PER_PAGE, take: ROWS_PER_PAGE, select: { id: true, line: true, action: true, key: true, label: true, issues: true, changes: true } }),
		prisma.importRow.count({ where }),
	])
	return {
		record: { ...record, errorParams: (record.errorParams ?? {}) as Record<string, string | number> },
		rows: await Promise.all(
			rows.map(async (r) => ({
				...r,
				id: String(r.id),
				issues: r.issues as Array<{ field: string; code: string; params?: Record<string, string | number> }>,
				// A new task result that reads like one already registered may be the same research under another code.
				duplicates: record.kind === 'TASK_RESULTS' && r.action === 'CREATE' && r.label ? await nearDuplicates({ title: r.label, text: '' }, { types: ['task-result'], limit: 3 }) : [],
			})),
		),
		show,
		page,
		pages: Math.max(1, Math.ceil(total / ROWS_PER_PAGE)),
		locale: getLocale(context) as AppLocale,
		done: url.searchParams.get('done'),
	}
}

/** Confirms a validated import: its rows are written by a job. */
export async function importAction({ request, params }: Args) {
	const user = await requireRole(request, 'OPERATOR')
	await consume('writeUser', user.id)
	const form = await request.formData()
	invariantResponse(form.get('intent') === 'apply', 'errors.badRequest', { status: 400 })
	try {
		await requestApply(user, params.id ?? '', { ip: clientIp(request) })
	} catch (error) {
		if (error instanceof ImportError) return data({ error: error.code }, { status: error.status })
		throw error
	}
	return redirect(`/operator/imports/${params.id}?done=applying`)
}

export type ImportsData = Awaited<ReturnType<typeof importsLoader>>
export type ImportData = Awaited<ReturnType<typeof importLoader>>
