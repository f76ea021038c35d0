/** The same keys as the Vietnamese source, any strings: English must translate every key. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
