// The public API of matching/. app/ imports from here only.
export { foldDiacritics, hasDiacritics, normalizeText, syllableBigrams, words } from './text'
export { DEFAULT_TERM_PAIRS, type TermGroup } from './terms'
