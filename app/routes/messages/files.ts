import { redirect } from 'react-router'
import type { Route } from './+types/files'
import { addChatAttachment, AttachmentError } from '~/models/attachment.server'
import { alreadySent, ChatError, checkBody, checkClientMsgId, isMember, sendMessage } from '~/models/chat.server'
import { readUploadForm, UploadFormError } from '~/uploads/form.server'
import { UPLOAD_ERROR_PARAM, uploadErrorCode } from '~/uploads/rules'
import { getUser } from '~/utils/auth.server'
import { clientIp } from '~/utils/http.server'
import { hit } from '~/utils/rate-limit.server'

// POST /messages/:roomId/files: a file (field `file`, checked by content like every upload) sent as
// a message, with optional words (`body`), in one request, so it works from a plain form. The form's
// `clientMsgId` makes a double submit send once. A browser gets a 303 back to the room (with
// `?uploadError=<key>` on a refusal); a client asking for JSON gets the message or `{ error: { code } }`.

function wantsJson(request: Request) {
	const accept = request.headers.get('Accept') ?? ''
	return /\bapplication\/json\b/i.test(accept) && !/\btext\/html\b/i.test(accept)
}

export async function loader({ params }: Route.LoaderArgs) {
	return redirect(`/messages/${encodeURIComponent(params.roomId)}`)
}

export async function action({ request, params }: Route.ActionArgs) {
	const roomPath = `/messages/${encodeURIComponent(params.roomId)}`
	const json = wantsJson(request)
	const refuse = (code: string, status: number) => (json ? Response.json({ error: { code } }, { status }) : redirect(`${roomPath}?${UPLOAD_ERROR_PARAM}=${encodeURIComponent(code)}`, { status: 303 }))
	const user = await getUser(request)
	if (!user) return json ? Response.json({ error: { code: 'errors.unauthorized' } }, { status: 401 }) : redirect(`/login?redirectTo=${encodeURIComponent(roomPath)}`, { status: 303 })
	// A stranger's upload is refused before its bytes are read.
	if (!(await isMember(params.roomId, user.id))) throw new Response(null, { status: 404 })
	if ((await hit('chatMessageUser', user.id)) !== null) return refuse(uploadErrorCode('rateLimited'), 429)
	try {
		const form = await readUploadForm(request)
		if (!form.file) return refuse(uploadErrorCode('missing'), 400)
		// The message is checked before the file is stored, so a refusal leaves no stray file.
		const clientMsgId = checkClientMsgId(form.fields.clientMsgId)
		if (form.fields.body?.trim()) checkBody(form.fields.body)
		// Submitted twice: the first file was sent; the second copy is not stored at all.
		const sent = await alreadySent(user, params.roomId, clientMsgId)
		if (sent) return json ? Response.json({ message: sent }) : redirect(`${roomPath}#m${sent.seq}`, { status: 303 })
		const attachment = await addChatAttachment({ actor: user, roomId: params.roomId, file: form.file, ip: clientIp(request) })
		const { message } = await sendMessage(user, { roomId: params.roomId, clientMsgId, body: form.fields.body ?? '', replyToId: form.fields.replyToId, attachmentId: attachment.id })
		return json ? Response.json({ message }, { status: 201 }) : redirect(`${roomPath}#m${message.seq}`, { status: 303 })
	} catch (error) {
		if (error instanceof AttachmentError || error instanceof UploadFormError) return refuse(error.code, error.status)
		if (error instanceof ChatError) return refuse(error.key, error.status)
		throw error
	}
}
