// Which chat room this page shows live, so the header's badge can tell a line the reader is looking
// at (the room marks it read and the server sends the new total) from one that adds to the count.

let openRoomId: string | null = null

export function setOpenRoom(roomId: string | null) {
	openRoomId = roomId
}

/** Whether the reader sees the room now: it is this page's room and the tab is in front. */
export function isViewingRoom(roomId: string) {
	return openRoomId === roomId && typeof document !== 'undefined' && document.visibilityState === 'visible'
}
