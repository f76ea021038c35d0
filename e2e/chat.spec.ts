import type { Page } from '@playwright/test'
import { expect, interpolate, test, texts, uniqueSuffix } from './fixtures.ts'

// Chat between two browsers with JavaScript on: a deal's buyer and seller talk live in the deal's
// room, one of them loses the network while the other writes (and writes too), and on the way back
// sees everything once and in order; the header's unread badge follows along without reloads. Then
// a direct conversation opened from an offer keeps a line written offline across a closed tab.

const vi = texts.vi

/** The room page once its live client is connected (the members list then knows who is online). */
async function liveRoom(page: Page) {
	await expect(page.getByTestId('chat-room')).toHaveAttribute('data-live', 'true')
	await expect(page.getByTestId('chat-online-count')).toBeVisible()
}

async function write(page: Page, text: string) {
	await page.getByTestId('chat-body').fill(text)
	await page.getByTestId('chat-send').click()
}

function line(page: Page, text: string) {
	return page.getByTestId('chat-messages').getByTestId('chat-message').filter({ hasText: text })
}

test('buyer and seller talk live in the deal’s room; the one who was offline catches up; the badge follows', async ({ factory, openPage }) => {
	const seller = await factory.owner({ organisation: { type: 'RESEARCH_INSTITUTE' } })
	const buyer = await factory.owner({ organisation: { type: 'ENTERPRISE' } })
	const deal = await factory.db.deal.create({
		data: { code: `GD-2026-${uniqueSuffix().toUpperCase()}`, title: `Chuyển giao quy trình lọc nước ${uniqueSuffix()}`, buyerOrgId: buyer.organisation.id, sellerOrgId: seller.organisation.id, createdById: buyer.user.id },
		select: { id: true, code: true },
	})

	// The buyer opens the room from the deal page.
	const buyerPage = await openPage(buyer.user)
	await buyerPage.goto(`/deals/${deal.id}`)
	await buyerPage.getByTestId('deal-chat-open').click()
	await expect(buyerPage).toHaveURL(/\/messages\/[^/?#]+$/)
	const roomPath = new URL(buyerPage.url()).pathname
	await expect(buyerPage.getByTestId('chat-title')).toContainText(deal.code)
	await expect(line(buyerPage, interpolate(vi.chat.system.roomOpened, { count: 2 }))).toHaveCount(1)
	await liveRoom(buyerPage)

	// The seller, elsewhere on the site, has the room's opening line unread; a new line counts live.
	const sellerPage = await openPage(seller.user)
	await sellerPage.goto('/deals')
	await expect(sellerPage.getByTestId('chat-unread')).toHaveText('1')
	let sellerLoads = 0
	sellerPage.on('load', () => sellerLoads++)
	await write(buyerPage, 'Chào anh chị, bên em muốn trao đổi về **tiến độ** chuyển giao.')
	await expect(line(buyerPage, 'Chào anh chị')).toHaveAttribute('data-state', 'sent')
	await expect(sellerPage.getByTestId('chat-unread')).toHaveText('2')
	expect(sellerLoads).toBe(0)

	// The seller goes to the room through the header: the list shows it unread, opening it reads it.
	await sellerPage.getByTestId('chat-nav').click()
	await expect(sellerPage.getByTestId('chat-room-item').filter({ hasText: deal.code }).getByTestId('chat-room-unread')).toHaveText(interpolate(vi.chat.rooms.unread, { count: 2 }))
	await sellerPage.getByTestId('chat-room-item').filter({ hasText: deal.code }).getByRole('link').click()
	await expect(sellerPage).toHaveURL(new RegExp(`${roomPath}$`))
	await liveRoom(sellerPage)
	await expect(sellerPage.getByTestId('chat-unread')).toHaveCount(0)
	await expect(line(sellerPage, 'Chào anh chị').locator('strong')).toHaveText([buyer.user.name, 'tiến độ'])

	// Both are online, and each sees the other typing and writing without a reload.
	await expect(buyerPage.locator(`[data-testid="chat-member"][data-user-id="${seller.user.id}"]`)).toHaveAttribute('data-online', 'online')
	await sellerPage.getByTestId('chat-body').fill('Bên mình')
	await expect(buyerPage.getByTestId('chat-typing')).toHaveText(interpolate(vi.chat.room.typing, { name: seller.user.name }))
	await sellerPage.getByTestId('chat-send').click()
	await expect(line(buyerPage, 'Bên mình')).toHaveCount(1)
	await expect(buyerPage.getByTestId('chat-typing')).toHaveText('')

	// The buyer loses the network: a banner says so, and what they write waits as pending.
	await buyerPage.context().setOffline(true)
	await expect(buyerPage.getByTestId('chat-offline')).toHaveText(vi.chat.room.disconnected)
	await expect(sellerPage.locator(`[data-testid="chat-member"][data-user-id="${buyer.user.id}"]`)).toHaveAttribute('data-online', 'offline', { timeout: 15_000 })
	await write(sellerPage, 'Tuần sau bên mình gửi bản vẽ.')
	await write(sellerPage, 'Và lịch đào tạo vận hành.')
	await write(buyerPage, 'Em viết lúc mất mạng.')
	await expect(line(buyerPage, 'Em viết lúc mất mạng.')).toHaveAttribute('data-state', 'pending')
	await expect(line(buyerPage, 'Tuần sau bên mình gửi bản vẽ.')).toHaveCount(0)

	// Back online: the missed lines arrive, the pending one goes out, each once and in order.
	await buyerPage.context().setOffline(false)
	await expect(buyerPage.getByTestId('chat-offline')).toHaveCount(0, { timeout: 15_000 })
	await expect(line(buyerPage, 'Tuần sau bên mình gửi bản vẽ.')).toHaveCount(1)
	await expect(line(buyerPage, 'Và lịch đào tạo vận hành.')).toHaveCount(1)
	await expect(line(buyerPage, 'Em viết lúc mất mạng.')).toHaveAttribute('data-state', 'sent')
	await expect(line(sellerPage, 'Em viết lúc mất mạng.')).toHaveCount(1)
	const seqs = await buyerPage.getByTestId('chat-messages').locator('[data-testid="chat-message"][data-seq]').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-seq'))))
	expect(seqs).toEqual(seqs.map((_, i) => i + 1))
	const room = await factory.db.chatRoom.findUniqueOrThrow({ where: { dealId: deal.id }, select: { lastSeq: true, messages: { where: { body: 'Em viết lúc mất mạng.' }, select: { id: true } } } })
	expect(room.messages).toHaveLength(1)
	expect(seqs).toHaveLength(room.lastSeq)

	// The seller leaves the room; a new line from the buyer lights the badge again, live.
	await sellerPage.getByRole('link', { name: vi.chat.room.openDeal }).click()
	await expect(sellerPage).toHaveURL(new RegExp(`/deals/${deal.id}$`))
	await write(buyerPage, 'Anh chị xem giúp em nhé.')
	await expect(sellerPage.getByTestId('chat-unread')).toHaveText('1')
	// The deal page now links straight to the room the seller is in.
	await sellerPage.getByTestId('deal-chat-open').click()
	await expect(line(sellerPage, 'Anh chị xem giúp em nhé.')).toHaveCount(1)
	await expect(sellerPage.getByTestId('chat-unread')).toHaveCount(0)
})

test('a direct conversation opened from an offer; a line written offline survives the closed tab and is sent once', async ({ factory, openPage }) => {
	const seller = await factory.owner({ organisation: { type: 'RESEARCH_INSTITUTE' } })
	const offer = await factory.offer(seller.organisation, { status: 'PUBLISHED', createdBy: seller.user })
	const buyer = await factory.owner({ organisation: { type: 'ENTERPRISE' } })

	const buyerPage = await openPage(buyer.user)
	await buyerPage.goto(offer.path)
	await buyerPage.getByTestId('message-contact').getByRole('button', { name: vi.chat.open.button }).click()
	await expect(buyerPage).toHaveURL(/\/messages\/[^/?#]+$/)
	const roomPath = new URL(buyerPage.url()).pathname
	await expect(buyerPage.getByTestId('chat-title')).toHaveText(seller.user.name)
	await expect(buyerPage.getByRole('link', { name: offer.title })).toBeVisible()
	await liveRoom(buyerPage)

	const context = buyerPage.context()
	await context.setOffline(true)
	await expect(buyerPage.getByTestId('chat-offline')).toBeVisible()
	await write(buyerPage, 'Cho em xin báo giá bản quyền sử dụng.')
	await expect(line(buyerPage, 'Cho em xin báo giá')).toHaveAttribute('data-state', 'pending')
	// Kept in this browser for this person and room, then the tab is closed before it could go.
	expect(await buyerPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('caunoi:chat:pending:')).length)).toBe(1)
	await buyerPage.close()
	await context.setOffline(false)

	const again = await context.newPage()
	await again.goto(roomPath)
	await expect(line(again, 'Cho em xin báo giá')).toHaveAttribute('data-state', 'sent')
	await expect(line(again, 'Cho em xin báo giá')).toHaveCount(1)
	expect(await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('caunoi:chat:pending:')).length)).toBe(0)

	// The seller finds it in their messages, from the same person, once.
	const sellerPage = await openPage(seller.user)
	await sellerPage.goto('/messages')
	await expect(sellerPage.getByTestId('chat-unread')).toHaveText('1')
	await sellerPage.getByTestId('chat-room-item').filter({ hasText: buyer.user.name }).getByRole('link').click()
	await expect(line(sellerPage, 'Cho em xin báo giá')).toHaveCount(1)
	const stored = await factory.db.chatMessage.count({ where: { body: 'Cho em xin báo giá bản quyền sử dụng.', senderId: buyer.user.id } })
	expect(stored).toBe(1)
})

test('without JavaScript: open from an offer, send through the plain form, an empty message is refused translated', async ({ factory, openPage }) => {
	const seller = await factory.owner({ organisation: { type: 'RESEARCH_INSTITUTE' } })
	const offer = await factory.offer(seller.organisation, { status: 'PUBLISHED', createdBy: seller.user })
	const buyer = await factory.owner({ organisation: { type: 'ENTERPRISE' } })
	const page = await openPage(buyer.user, { javaScriptEnabled: false })
	await page.goto(offer.path)
	await page.getByTestId('message-contact').getByRole('button', { name: vi.chat.open.button }).click()
	await expect(page).toHaveURL(/\/messages\/[^/?#]+$/)
	await expect(page.getByTestId('chat-room')).not.toHaveAttribute('data-live', 'true')

	const refused = page.waitForResponse((r) => r.request().method() === 'POST')
	await page.getByTestId('chat-send').click()
	expect((await refused).status()).toBe(400)
	await expect(page.getByTestId('chat-error')).toHaveText(vi.chat.errors.emptyMessage)

	await page.getByTestId('chat-body').fill('Gửi không cần **JavaScript**.')
	await page.getByTestId('chat-send').click()
	await expect(page).toHaveURL(/#m-1$/)
	await expect(line(page, 'Gửi không cần')).toHaveAttribute('data-state', 'sent')
	await expect(line(page, 'Gửi không cần').locator('.markdown strong')).toHaveText('JavaScript')
	await expect(page.getByTestId('chat-body')).toHaveValue('')
	expect(await factory.db.chatMessage.count({ where: { senderId: buyer.user.id } })).toBe(1)
})
