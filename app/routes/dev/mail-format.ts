/** A fixed time zone, so the server render and the browser agree. */
export function formatMailDate(iso: string, language: string) {
	const date = new Date(iso)
	if (Number.isNaN(date.getTime())) return iso
	return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
		dateStyle: 'short',
		timeStyle: 'medium',
		timeZone: 'Asia/Ho_Chi_Minh',
	}).format(date)
}
