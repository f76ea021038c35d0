import type { Shape } from '../shape.ts'
import type vi from '../vi/taskResults.ts'

export default {} satisfies Shape<typeof vi>
