import { redirect } from 'react-router'
import type { Route } from './+types/attachments'
import { attachmentsPagePath, listingAttachmentsAction } from '~/routes/attachments/listing-attachments.server'

/** Nothing to show here: a GET (a reload after a failed post, a bookmark) goes to the form page. */
export async function loader({ params }: Route.LoaderArgs) {
	return redirect(attachmentsPagePath('demand', params.id))
}

/** Uploads and removes the demand's files; see listingAttachmentsAction. */
export async function action(args: Route.ActionArgs) {
	return listingAttachmentsAction('demand', args)
}
