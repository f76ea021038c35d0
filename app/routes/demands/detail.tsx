import { data } from 'react-router'

// Placeholder while the exchange floor is built.
export async function loader() {
	throw data({ message: 'errors.notFound' }, { status: 404 })
}

export default function Placeholder() {
	return null
}
