// Each kind has a title (the bell, the list, the e-mail subject), a body (the list and the e-mail)
// and a setting label (the preferences page). A kind added to NOTIFICATION_KINDS needs all three.
export default {
	title: 'Thông báo',
	kinds: {
		account: {
			welcome: {
				title: 'Chào mừng bạn đến với Cầu Nối',
				body: 'Xin chào {{name}}, tài khoản của bạn đã sẵn sàng. Hãy hoàn thiện hồ sơ để bắt đầu kết nối cung cầu công nghệ.',
				setting: 'Lời chào khi tạo tài khoản',
			},
			'password-changed': {
				title: 'Mật khẩu của bạn vừa được thay đổi',
				body: 'Mật khẩu tài khoản Cầu Nối của bạn vừa được thay đổi. Nếu không phải bạn thực hiện, vui lòng đặt lại mật khẩu ngay và báo cho chúng tôi.',
				setting: 'Khi mật khẩu tài khoản được thay đổi',
			},
			'role-granted': {
				title: 'Bạn được cấp vai trò {{role}}',
				body: 'Tài khoản của bạn vừa được cấp vai trò {{role}} trên sàn. Nếu bạn không mong đợi thay đổi này, vui lòng liên hệ bộ phận vận hành.',
				setting: 'Khi tài khoản được cấp vai trò mới trên sàn',
			},
		},
		membership: {
			requested: {
				title: '{{userName}} xin gia nhập {{organisationName}}',
				body: '{{userName}} đã gửi yêu cầu gia nhập {{organisationName}}. Vui lòng xem xét để chấp nhận hoặc từ chối.',
				setting: 'Khi có người xin gia nhập tổ chức bạn quản lý',
			},
			accepted: {
				title: 'Yêu cầu gia nhập {{organisationName}} đã được chấp nhận',
				body: 'Bạn đã trở thành thành viên của {{organisationName}}.',
				setting: 'Khi yêu cầu gia nhập của bạn được chấp nhận',
			},
			declined: {
				title: 'Yêu cầu gia nhập {{organisationName}} chưa được chấp nhận',
				body: '{{organisationName}} đã từ chối yêu cầu gia nhập của bạn. Bạn có thể liên hệ trực tiếp với tổ chức nếu cần.',
				setting: 'Khi yêu cầu gia nhập của bạn bị từ chối',
			},
			removed: {
				title: 'Bạn không còn là thành viên của {{organisationName}}',
				body: 'Quản trị viên của {{organisationName}} đã đưa bạn ra khỏi tổ chức.',
				setting: 'Khi bạn bị đưa ra khỏi một tổ chức',
			},
			added: {
				title: 'Bạn đã được thêm vào {{organisationName}}',
				body: 'Bạn vừa được thêm làm thành viên của {{organisationName}}.',
				setting: 'Khi bạn được thêm vào một tổ chức',
			},
			'role-changed': {
				title: 'Vai trò của bạn tại {{organisationName}} đã thay đổi',
				body: 'Vai trò mới của bạn tại {{organisationName}}: {{role}}.',
				setting: 'Khi vai trò của bạn trong tổ chức thay đổi',
			},
		},
		organisation: {
			verified: {
				title: '{{organisationName}} đã được xác minh',
				body: 'Sàn đã xác minh thông tin của {{organisationName}}. Hồ sơ tổ chức nay hiển thị dấu đã xác minh.',
				setting: 'Khi tổ chức của bạn được xác minh',
			},
			unverified: {
				title: '{{organisationName}} bị gỡ trạng thái xác minh',
				body: 'Trạng thái đã xác minh của {{organisationName}} vừa bị gỡ. Vui lòng kiểm tra và cập nhật thông tin tổ chức.',
				setting: 'Khi tổ chức của bạn bị gỡ trạng thái xác minh',
			},
		},
		listing: {
			submitted: {
				title: 'Tin mới chờ duyệt: {{title}}',
				body: 'Một tin chào bán hoặc nhu cầu công nghệ vừa được gửi duyệt: "{{title}}".',
				setting: 'Khi có tin gửi duyệt (cán bộ vận hành)',
			},
			published: {
				title: 'Tin "{{title}}" đã được đăng',
				body: 'Cán bộ vận hành đã duyệt và đăng tin "{{title}}" lên sàn. Tin có hiệu lực 12 tháng.',
				setting: 'Khi tin của bạn được duyệt và đăng',
			},
			'changes-approved': {
				title: 'Nội dung sửa của "{{title}}" đã được duyệt',
				body: 'Các thay đổi của bạn đối với tin "{{title}}" đã được duyệt và hiển thị công khai.',
				setting: 'Khi nội dung sửa của tin đã đăng được duyệt',
			},
			returned: {
				title: 'Tin "{{title}}" cần chỉnh sửa',
				body: 'Cán bộ vận hành trả lại tin "{{title}}" với lý do: {{reason}}',
				setting: 'Khi tin của bạn bị trả lại để chỉnh sửa',
			},
			expiring: {
				title: 'Tin "{{title}}" sắp hết hạn',
				body: 'Tin "{{title}}" sẽ hết hạn trong vòng {{days}} ngày. Hãy gia hạn nếu công nghệ hoặc nhu cầu vẫn còn.',
				setting: 'Khi tin sắp hết hạn',
			},
			expired: {
				title: 'Tin "{{title}}" đã hết hạn',
				body: 'Tin "{{title}}" đã hết hạn sau 12 tháng và không còn hiển thị công khai. Bạn có thể gia hạn để đăng lại.',
				setting: 'Khi tin hết hạn',
			},
		},
		import: {
			validated: {
				title: 'Đã kiểm tra thử xong tệp "{{title}}"',
				body: 'Kết quả kiểm tra thử tệp "{{title}}" đã sẵn sàng. Hãy xem từng dòng rồi xác nhận để ghi dữ liệu.',
				setting: 'Khi một tệp nhập đã kiểm tra thử xong (cán bộ vận hành)',
			},
			applied: {
				title: 'Đã nhập xong tệp "{{title}}"',
				body: 'Dữ liệu hợp lệ của tệp "{{title}}" đã được ghi.',
				setting: 'Khi một tệp đã nhập xong (cán bộ vận hành)',
			},
			failed: {
				title: 'Không đọc được tệp "{{title}}"',
				body: 'Tệp "{{title}}" không đọc được. Xem lý do trên trang nhập dữ liệu, sửa tệp rồi nhập lại.',
				setting: 'Khi một tệp nhập không đọc được (cán bộ vận hành)',
			},
		},
		search: {
			match: {
				title: 'Tin mới khớp tìm kiếm "{{name}}"',
				body: '"{{title}}" vừa được đăng và khớp với tìm kiếm bạn đã lưu.',
				setting: 'Khi một tin mới khớp với tìm kiếm đã lưu (kênh chọn riêng cho từng tìm kiếm)',
			},
			digest: {
				title: '{{count}} tin mới khớp tìm kiếm "{{name}}"',
				body: 'Từ lần báo trước, {{count}} tin chào bán hoặc nhu cầu mới khớp với tìm kiếm bạn đã lưu. Mới nhất: "{{title}}".',
				setting: 'Bản tin định kỳ các tin mới khớp tìm kiếm đã lưu (kênh chọn riêng cho từng tìm kiếm)',
			},
		},
		chat: {
			unread: {
				title: 'Bạn có {{count}} tin nhắn chưa đọc',
				body: 'Trong lúc bạn vắng mặt có {{count}} tin nhắn mới trong {{rooms}} cuộc trò chuyện: {{titles}}.',
				setting: 'Tóm tắt tin nhắn chưa đọc khi bạn vắng mặt',
			},
		},
		// Webhooks (issue 9): the relay turned a subscription off.
		webhook: {
			gone: {
				title: 'Webhook của {{organisationName}} đã bị tắt',
				body: 'Điểm nhận "{{title}}" trả lời 410 (Gone), nên Cầu Nối đã ngừng gửi sự kiện đến đó. Sửa địa chỉ hoặc bật lại webhook khi điểm nhận sẵn sàng.',
				setting: 'Khi một webhook của tổ chức bị tắt vì điểm nhận trả lời 410',
			},
			failing: {
				title: 'Webhook của {{organisationName}} đã bị tắt vì gửi thất bại liên tục',
				body: 'Các lần gửi đến "{{title}}" đã thất bại liên tục trong hơn 3 ngày, nên Cầu Nối đã ngừng gửi. Xem nhật ký gửi, sửa điểm nhận rồi bật lại và gửi lại các sự kiện cần thiết.',
				setting: 'Khi một webhook của tổ chức bị tắt vì gửi thất bại nhiều ngày',
			},
		},
		expert: {
			claimed: {
				title: 'Bạn đã nhận hồ sơ chuyên gia {{name}}',
				body: 'Hồ sơ chuyên gia "{{name}}" nay gắn với tài khoản của bạn và hiển thị dấu đã xác minh. Bạn có thể tự cập nhật hồ sơ và cho biết có nhận thẩm định, tư vấn hay không.',
				setting: 'Khi bạn nhận một hồ sơ chuyên gia',
			},
		},
		deal: {
			started: {
				title: 'Giao dịch mới {{code}}: "{{title}}"',
				body: 'Một tổ chức đã bày tỏ quan tâm và mở giao dịch {{code}} về "{{title}}". Xem giao dịch để trả lời và mở thỏa thuận bảo mật.',
				setting: 'Khi một giao dịch mới được mở với tổ chức của bạn',
			},
			stage: {
				title: 'Giao dịch {{code}} chuyển sang: {{stage}}',
				body: 'Giao dịch {{code}} về "{{title}}" đã chuyển sang giai đoạn "{{stage}}".',
				setting: 'Khi giao dịch của bạn chuyển giai đoạn',
			},
			'nda-accepted': {
				title: 'Thỏa thuận bảo mật của giao dịch {{code}} đã được chấp nhận',
				body: 'Một bên đã chấp nhận thỏa thuận bảo mật (NDA) của giao dịch {{code}} về "{{title}}". Khi cả hai bên chấp nhận, phần thông tin mật được mở cho bên mua.',
				setting: 'Khi một bên chấp nhận thỏa thuận bảo mật',
			},
			'terms-proposed': {
				title: 'Điều khoản mới (bản {{version}}) cho giao dịch {{code}}',
				body: 'Bản điều khoản {{version}} cho giao dịch {{code}} về "{{title}}" vừa được đề xuất. Xem và ký nếu đồng ý.',
				setting: 'Khi có điều khoản mới được đề xuất',
			},
			'terms-signed': {
				title: 'Điều khoản giao dịch {{code}} đã được một bên ký',
				body: 'Một bên đã ký bản điều khoản {{version}} của giao dịch {{code}}. Thỏa thuận có hiệu lực khi cả hai bên ký.',
				setting: 'Khi một bên ký điều khoản',
			},
			broker: {
				title: 'Môi giới của giao dịch {{code}} đã thay đổi',
				body: 'Giao dịch {{code}} về "{{title}}" có môi giới mới (hoặc không còn môi giới).',
				setting: 'Khi giao dịch có môi giới mới',
			},
			payment: {
				title: 'Thanh toán giao dịch {{code}}: {{status}}',
				body: 'Một khoản thanh toán {{amount}} ₫ của giao dịch {{code}} về "{{title}}" có trạng thái mới: {{status}}.',
				setting: 'Khi một khoản thanh toán được ghi nhận, thất bại hoặc hoàn tiền',
			},
		},
		matching: {
			new: {
				title: 'Khớp mới {{score}}% cho "{{title}}"',
				body: '"{{other}}" ({{organisation}}) khớp {{score}}% với "{{title}}" của bạn. Xem lý do khớp và cho biết có phù hợp không.',
				setting: 'Khi có một cặp khớp mạnh mới cho tin của bạn (mỗi cặp báo một lần)',
			},
			interest: {
				title: '{{organisation}} quan tâm đến "{{other}}"',
				body: '{{organisation}} đã bày tỏ quan tâm đến "{{other}}" của bạn, qua "{{title}}" của họ. Xem cặp khớp để liên hệ.',
				setting: 'Khi một tổ chức bày tỏ quan tâm đến tin của bạn qua một cặp khớp',
			},
		},
	},
	unknownKind: 'Bạn có một thông báo mới',
	live: {
		new: 'Thông báo mới: {{title}}',
	},
	page: {
		title: 'Thông báo',
		heading: 'Thông báo của bạn',
		unreadSummary_one: 'Bạn có {{count}} thông báo chưa đọc.',
		unreadSummary_other: 'Bạn có {{count}} thông báo chưa đọc.',
		allRead: 'Bạn đã đọc hết thông báo.',
		empty: 'Bạn chưa có thông báo nào.',
		unread: 'Chưa đọc',
		open: 'Xem chi tiết',
		markRead: 'Đánh dấu đã đọc',
		markAllRead: 'Đánh dấu tất cả là đã đọc',
		settings: 'Cài đặt thông báo',
		pagination: 'Phân trang thông báo',
	},
	settings: {
		title: 'Cài đặt thông báo',
		heading: 'Cài đặt thông báo',
		lead: 'Chọn cách bạn muốn nhận từng loại thông báo: trên trang (biểu tượng chuông), qua email, cả hai, hoặc không nhận.',
		channels: {
			IN_APP: 'Trên trang',
			EMAIL: 'Email',
			BOTH: 'Cả hai',
			NONE: 'Không nhận',
		},
		groups: {
			account: 'Tài khoản và bảo mật',
			membership: 'Thành viên tổ chức',
			organisation: 'Tổ chức',
			listing: 'Tin chào bán và nhu cầu',
			expert: 'Hồ sơ chuyên gia',
			import: 'Nhập dữ liệu',
			search: 'Tìm kiếm đã lưu',
			matching: 'Kết nối cung cầu',
			deal: 'Giao dịch và thanh toán',
			chat: 'Tin nhắn',
			webhook: 'Webhook',
		},
		required: 'Thông báo bảo mật: bạn có thể chọn kênh nhận nhưng không thể tắt hẳn.',
		defaultChannel: 'Mặc định: {{channel}}',
		save: 'Lưu cài đặt',
		saved: 'Đã lưu cài đặt thông báo.',
		invalid: 'Không lưu được: có lựa chọn không hợp lệ. Vui lòng kiểm tra lại.',
		back: 'Về danh sách thông báo',
	},
	emails: {
		greeting: 'Xin chào {{name}},',
		greetingNoName: 'Xin chào,',
		open: 'Xem trên Cầu Nối',
		signoff: 'Trân trọng,',
		team: 'Đội ngũ Cầu Nối',
		manage: 'Bạn nhận email này theo cài đặt thông báo của mình. Thay đổi cài đặt tại:',
		automated: 'Đây là email tự động, vui lòng không trả lời.',
		'organisation-invitation': {
			subject: 'Lời mời tham gia {{organisationName}} trên Cầu Nối',
			intro: '{{inviterName}} mời bạn tham gia {{organisationName}} trên Cầu Nối, sàn kết nối cung cầu công nghệ. Tạo tài khoản bằng đường dẫn dưới đây để trở thành thành viên.',
			action: 'Nhận lời mời',
			validity_one: 'Lời mời có hiệu lực trong {{count}} ngày và chỉ dùng được một lần, với địa chỉ email này.',
			validity_other: 'Lời mời có hiệu lực trong {{count}} ngày và chỉ dùng được một lần, với địa chỉ email này.',
		},
		'password-reset': {
			subject: 'Đặt lại mật khẩu Cầu Nối',
			intro: 'Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản Cầu Nối gắn với địa chỉ email này.',
			action: 'Đặt lại mật khẩu',
			validity_one: 'Liên kết có hiệu lực trong {{count}} giờ và chỉ dùng được một lần.',
			validity_other: 'Liên kết có hiệu lực trong {{count}} giờ và chỉ dùng được một lần.',
			ignore: 'Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua email này; mật khẩu của bạn sẽ không thay đổi.',
		},
	},
	devMail: {
		title: 'Hộp thư thử nghiệm',
		heading: 'Hộp thư thử nghiệm',
		lead: 'Chưa cấu hình SMTP_URL nên email của máy chủ được ghi vào thư mục {{dir}} thay vì gửi đi. Trang này chỉ dùng khi phát triển và kiểm thử.',
		empty: 'Chưa có email nào.',
		to: 'Người nhận',
		subject: 'Tiêu đề',
		date: 'Thời gian',
		open: 'Mở',
		back: 'Về hộp thư',
		html: 'Bản HTML',
		text: 'Bản văn bản',
		links: 'Các liên kết trong thư',
		frameTitle: 'Nội dung HTML của email',
	},
}
