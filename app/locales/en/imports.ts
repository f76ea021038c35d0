import type { Shape } from '../shape.ts'
import type vi from '../vi/imports.ts'

export default {} satisfies Shape<typeof vi>
