// Texts of the experts area (Vietnamese, the source of truth).
export default {}
