// Words too common to say anything about a need or a solution. Vietnamese ones are kept in their
// exact (accented) form: folded, many collide with content words ("của" and "cua", crab).

const VIETNAMESE = `và của các có là được cho với trong những này để một không đã khi thì từ theo
	đến người như về cũng nhưng hay hoặc mà nên vì do tại bị ra vào lại còn rất đó nào gì sẽ đang
	đều chỉ nếu thế nhiều ở trên dưới sau trước vẫn đây việc bởi qua nhằm cùng giữa tới mỗi các
	hơn nữa rằng thay đối vậy sao bao nhiêu hãy phải`

const ENGLISH = `a an and are as at be been being but by can could did do does for from had has have
	he her his how i if in into is it its itself may might more most no nor not of on or our over
	she should so such than that the their them then there these they this those through to too
	under until up very was we were what when where which while who whom why will with would you your
	also both each few further here just only other own same some any all about above after again
	against am because before below between during once out off`

const LIST = new Set(`${VIETNAMESE} ${ENGLISH}`.split(/\s+/).filter(Boolean).map((w) => w.normalize('NFC')))

/** True for a word (exact form, as `words()` gives it) that carries no meaning of its own. */
export function isStopword(word: string): boolean {
	return LIST.has(word)
}
