// Texts of the imports area (Vietnamese, the source of truth).
export default {}
