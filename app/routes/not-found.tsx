import { data } from 'react-router'
import { GeneralErrorBoundary } from '~/components/error-boundary'

export async function loader() {
	throw data({ message: 'errors.notFound' }, { status: 404 })
}

export async function action() {
	throw data({ message: 'errors.notFound' }, { status: 404 })
}

export default function NotFound() {
	return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
