import { data } from 'react-router'
import type { Route } from './+types/download'
import { canDownload, findAttachment, findChatAttachmentFor, isPublicAttachment } from '~/models/attachment.server'
import { downloadHeaders, isNotModified } from '~/uploads/download.server'
import { getFileStore } from '~/uploads/storage.server'
import { getUser } from '~/utils/auth.server'
import { logger } from '~/utils/logger.server'

function notFound() {
	return data({ message: 'errors.notFound' }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } })
}

/**
 * GET /attachments/:id streams a file to whoever may see it. Everyone else, signed in or not, gets
 * the same 404 as for an id that does not exist, so a draft's files do not reveal themselves.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const [listingFile, viewer] = await Promise.all([findAttachment(params.id), getUser(request)])
	// A file sent in chat has no listing: its room's current members may read it, nobody else.
	const chatFile = listingFile ? null : await findChatAttachmentFor(params.id, viewer)
	if (listingFile && !(await canDownload(viewer, listingFile))) throw notFound()
	const attachment = listingFile ?? chatFile
	if (!attachment) throw notFound()

	const headers = downloadHeaders({ ...attachment, isPublic: listingFile ? isPublicAttachment(listingFile) : false })
	if (headers.has('ETag') && isNotModified(request, attachment.sha256)) {
		headers.delete('Content-Length')
		return new Response(null, { status: 304, headers })
	}

	// HEAD asks for the headers only: opening the file would leave a handle nobody reads or closes.
	if (request.method === 'HEAD') return new Response(null, { status: 200, headers })

	const file = await getFileStore().get(attachment.storageKey)
	if (!file) {
		// A row without its bytes: a lost disk or a half-finished restore. Say so in the log, not to the user.
		logger.error({ attachmentId: attachment.id, storageKey: attachment.storageKey }, 'attachment file missing from the store')
		throw notFound()
	}
	headers.set('Content-Length', String(file.size))
	return new Response(file.stream, { status: 200, headers })
}
