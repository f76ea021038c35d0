// The public API of matching/. app/ and scripts/ import from here only.
export { foldDiacritics, hasDiacritics, normalizeText, syllableBigrams, words } from './text'
export { DEFAULT_TERM_PAIRS, type TermGroup } from './terms'
export { analyze, foldWord, type TermKind } from './analyze'
export {
	createMatcher,
	DEFAULT_OPTIONS,
	type Evidence,
	type FieldName,
	type MatchDocument,
	type MatchedTerm,
	type Matcher,
	type MatcherOptions,
	type MatchExplanation,
	type MatchItem,
	type MatchQuery,
	type MatchResult,
	type RankOptions,
} from './matcher'
export { combine, COMPONENTS, DEFAULT_WEIGHTS, learnWeights, pairwiseAccuracy, type ComponentName, type Contribution, type FeedbackExample, type Weights } from './model'
export { fieldSimilarity, meetsHardRequirements, scoreSignals, SIGNALS, type Attributes, type Requirements, type SignalName } from './signals'
export { ndcg, recall, type Qrels, type Run } from './evaluate'
