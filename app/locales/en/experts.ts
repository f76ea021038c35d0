import type { Shape } from '../shape.ts'
import type vi from '../vi/experts.ts'

export default {} satisfies Shape<typeof vi>
