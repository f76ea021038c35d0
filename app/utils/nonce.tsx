import { createContext, useContext } from 'react'

// The CSP nonce of the current response, so inline scripts React Router renders are allowed.
const NonceContext = createContext<string>('')

export const NonceProvider = NonceContext.Provider

export function useNonce() {
	return useContext(NonceContext)
}
