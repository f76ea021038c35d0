// What the import pages share with the browser: the kinds of import and the states of a running one.
export const IMPORT_KINDS = ['TASK_RESULTS', 'EXPERTS'] as const

/** While in one of these, a job is working on the import and the page follows its progress. */
export const RUNNING_STATUSES = ['QUEUED', 'VALIDATING', 'APPLYING'] as const
