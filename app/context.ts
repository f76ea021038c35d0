import { createContext } from 'react-router'

/** Per-request values the Node server hands to React Router (see server.ts). */
export type ServerContext = { cspNonce: string }

export const serverContext = createContext<ServerContext>({ cspNonce: '' })
