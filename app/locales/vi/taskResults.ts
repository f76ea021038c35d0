// Texts of the taskResults area (Vietnamese, the source of truth).
export default {}
