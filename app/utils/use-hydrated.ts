import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** False during server render and hydration, true after: for enhancements that must not change the no-JS page. */
export function useHydrated() {
	return useSyncExternalStore(
		subscribe,
		() => true,
		() => false,
	)
}
