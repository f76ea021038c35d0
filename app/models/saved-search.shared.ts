// Choices of a saved search's alerts, shared by the model and the forms.
export const ALERT_FREQUENCIES = ['INSTANT', 'DAILY', 'WEEKLY', 'NEVER'] as const
export const ALERT_CHANNELS = ['BOTH', 'IN_APP', 'EMAIL'] as const
export const SAVED_NAME_MAX = 120
