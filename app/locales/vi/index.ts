import api from './api.ts'
import listings from './listings.ts'
import auth from './auth.ts'
import common from './common.ts'
import notifications from './notifications.ts'
import operator from './operator.ts'
import organisations from './organisations.ts'
import uploads from './uploads.ts'
import taskResults from './taskResults.ts'
import experts from './experts.ts'
import imports from './imports.ts'
import expertProfile from './expertProfile.ts'
import search from './search.ts'
import matching from './matching.ts'
import deals from './deals.ts'
import chat from './chat.ts'
import stats from './stats.ts'
import webhooks from './webhooks.ts'

// Vietnamese is the source of truth; each area's file is owned by its feature.
const vi = { ...common, auth, organisations, operator, notifications, api, uploads, listings, taskResults, experts, imports, expertProfile, search, matching, deals, chat, stats, webhooks }

export default vi
