/**
 * Demo content for Cầu Nối: organisations, users and the logins printed at first start.
 *
 * Pure data, no imports from the app: the seed script turns it into rows. Every organisation,
 * person, address, phone number and tax code here is invented. Websites and e-mail addresses use
 * the reserved `.example` domain. Tax codes have a valid format (the first two digits are the
 * tax-office code of the province, the tenth is the modulo-11 check digit) but are drawn from a
 * range no tax office has issued yet.
 */

export type DemoOrganisationType = 'ENTERPRISE' | 'RESEARCH_INSTITUTE' | 'UNIVERSITY' | 'BROKER_FIRM' | 'AGENCY'

export type DemoOrganisation = {
	/** Stable slug, also the organisation's URL slug. */
	key: string
	/** Vietnamese official-style name. */
	name: string
	shortName?: string
	type: DemoOrganisationType
	/** Mã số thuế: 10 digits, fictional. */
	taxCode?: string
	/** Vietnamese name of one of the 34 provincial units in force since 1 July 2025. */
	province: string
	address: string
	website?: string
	email?: string
	phone?: string
	/** 2-4 sentences in Vietnamese: what the organisation does or needs. */
	description: string
	verified: boolean
	/** S&T field codes, level 2 (3 digits), Decision 12/2008/QĐ-BKHCN. */
	fields: string[]
}

export type DemoMembershipRole = 'OWNER' | 'ADMIN' | 'MEMBER'
export type DemoMembershipStatus = 'ACTIVE' | 'PENDING'
export type DemoPlatformRole = 'MEMBER' | 'BROKER' | 'OPERATOR' | 'ADMIN'

export type DemoUser = {
	key: string
	/** Vietnamese full name (or a foreign name for English-speaking users), invented. */
	name: string
	/** Lower-case, on a `.example` domain. */
	email: string
	locale: 'vi' | 'en'
	roles: DemoPlatformRole[]
	/** `status` defaults to ACTIVE. */
	memberships: Array<{ organisation: string; role: DemoMembershipRole; status?: DemoMembershipStatus }>
	/** Academic or professional title shown before the name, e.g. 'PGS.TS.', 'TS.', 'ThS.', 'KS.', 'DS.'. */
	title?: string
}

export const demoOrganisations: DemoOrganisation[] = [
	// Operator of the platform
	{
		key: 'san-giao-dich-cau-noi',
		name: 'Trung tâm Vận hành Sàn Giao dịch Công nghệ Cầu Nối',
		shortName: 'Sàn Cầu Nối',
		type: 'AGENCY',
		province: 'Hà Nội',
		address: 'Tầng 6, tòa nhà Tri Thức, số 52 phố Trần Hưng Đạo, phường Cửa Nam, Hà Nội',
		website: 'https://caunoi.example',
		email: 'hotro@caunoi.example',
		phone: '024 3998 2468',
		description:
			'Đơn vị trực thuộc cơ quan thông tin khoa học và công nghệ quốc gia, vận hành sàn giao dịch thông tin công nghệ Cầu Nối theo mô hình hợp tác công tư. Trung tâm kiểm duyệt thông tin chào bán và nhu cầu công nghệ, đồng bộ dữ liệu kết quả nhiệm vụ KH&CN và tổ chức các phiên kết nối cung - cầu. Cán bộ vận hành hỗ trợ tổ chức, doanh nghiệp đăng ký, xác minh tài khoản và thống kê giao dịch.',
		verified: true,
		fields: ['102', '202'],
	},

	// Research institutes
	{
		key: 'vien-cnsh-nong-nghiep-phuong-nam',
		name: 'Viện Công nghệ Sinh học Nông nghiệp Phương Nam',
		shortName: 'Viện CNSH NN Phương Nam',
		type: 'RESEARCH_INSTITUTE',
		taxCode: '1898425060',
		province: 'Cần Thơ',
		address: 'Số 68 đường 3 Tháng 2, phường Ninh Kiều, Cần Thơ',
		website: 'https://cnshphuongnam.example',
		email: 'lienhe@cnshphuongnam.example',
		phone: '0292 3998 168',
		description:
			'Viện nghiên cứu công lập về công nghệ sinh học phục vụ sản xuất lúa gạo và cây ăn trái vùng Đồng bằng sông Cửu Long. Viện có kết quả về giống lúa chịu mặn, chế phẩm vi sinh cố định đạm và bộ kit chẩn đoán nhanh bệnh vàng lá trên cây có múi. Sẵn sàng chuyển giao quyền sử dụng kèm đào tạo kỹ thuật cho doanh nghiệp và hợp tác xã.',
		verified: true,
		fields: ['404', '401', '106'],
	},
	{
		key: 'vien-cong-nghe-nuoi-bien-nam-trung-bo',
		name: 'Viện Công nghệ Nuôi biển Nam Trung Bộ',
		shortName: 'Viện Nuôi biển NTB',
		type: 'RESEARCH_INSTITUTE',
		taxCode: '4298427801',
		province: 'Khánh Hòa',
		address: 'Số 12 đường Phạm Văn Đồng, phường Bắc Nha Trang, Khánh Hòa',
		website: 'https://nuoibien.example',
		email: 'vanphong@nuoibien.example',
		phone: '0258 3998 212',
		description:
			'Nghiên cứu sản xuất giống và công nghệ nuôi các đối tượng biển có giá trị cao như cá chim vây vàng, tôm hùm bông và hải sâm cát. Viện làm chủ quy trình sản xuất giống nhân tạo, thức ăn công nghiệp cho tôm hùm và hệ thống lồng nuôi HDPE chịu sóng gió cấp 10. Đang tìm doanh nghiệp cùng thương mại hóa thức ăn viên và chế phẩm thảo dược phòng bệnh cho thủy sản.',
		verified: true,
		fields: ['405', '106', '207'],
	},
	{
		key: 'vien-vat-lieu-nang-luong-moi',
		name: 'Viện Vật liệu và Năng lượng Mới',
		shortName: 'IMNE',
		type: 'RESEARCH_INSTITUTE',
		taxCode: '0198414103',
		province: 'Hà Nội',
		address: 'Số 96 phố Trần Quốc Vượng, phường Cầu Giấy, Hà Nội',
		website: 'https://vatlieunangluong.example',
		email: 'info@vatlieunangluong.example',
		phone: '024 3998 1596',
		description:
			'Viện nghiên cứu vật liệu tiên tiến cho lưu trữ và chuyển đổi năng lượng: vật liệu điện cực pin lithium-ion và natri-ion, lớp phủ nano chống bám bẩn cho tấm pin mặt trời. Viện chủ trì nhiều nhiệm vụ KH&CN cấp quốc gia và có dây chuyền thử nghiệm quy mô pilot. Ưu tiên hình thức góp vốn bằng công nghệ hoặc hợp đồng nghiên cứu theo đặt hàng của doanh nghiệp.',
		verified: true,
		fields: ['205', '103', '104', '202'],
	},
	{
		key: 'vien-co-khi-tu-dong-hoa-duyen-hai',
		name: 'Viện Cơ khí và Tự động hóa Duyên hải',
		shortName: 'Viện CKTĐH Duyên hải',
		type: 'RESEARCH_INSTITUTE',
		taxCode: '0298416841',
		province: 'Hải Phòng',
		address: 'Số 25 đường Lạch Tray, phường Lê Chân, Hải Phòng',
		website: 'https://cokhiduyenhai.example',
		email: 'lienhe@cokhiduyenhai.example',
		phone: '0225 3998 025',
		description:
			'Thiết kế, chế tạo thiết bị tự động hóa cho đóng tàu, cảng biển và công nghiệp hỗ trợ. Sản phẩm tiêu biểu gồm robot hàn ống thép, hệ thống giám sát rung động cho cần trục và dây chuyền phân loại sản phẩm bằng thị giác máy. Viện nhận thiết kế theo đặt hàng và chuyển giao trọn gói kèm đào tạo vận hành.',
		verified: true,
		fields: ['203', '202'],
	},
	{
		key: 'vien-duoc-lieu-lam-vien',
		name: 'Viện Nghiên cứu Dược liệu Lâm Viên',
		shortName: 'Viện Dược liệu Lâm Viên',
		type: 'RESEARCH_INSTITUTE',
		taxCode: '5898430540',
		province: 'Lâm Đồng',
		address: 'Số 9 đường Hùng Vương, phường Xuân Hương - Đà Lạt, Lâm Đồng',
		website: 'https://duoclieulamvien.example',
		email: 'vienduoclieu@duoclieulamvien.example',
		phone: '0263 3998 909',
		description:
			'Nghiên cứu bảo tồn, nhân giống và chiết xuất các loài dược liệu vùng cao nguyên như đương quy, atiso, đẳng sâm và đinh lăng. Viện sở hữu quy trình nhân giống bằng nuôi cấy mô và chiết xuất cao chuẩn hóa theo hàm lượng hoạt chất, phù hợp với nhà máy đạt GMP. Đang tìm đối tác sản xuất thực phẩm bảo vệ sức khỏe và thuốc từ dược liệu.',
		verified: true,
		fields: ['301', '104', '106', '401'],
	},
	{
		key: 'vien-ky-thuat-moi-truong-mien-trung',
		name: 'Viện Kỹ thuật Môi trường và Tài nguyên Nước Miền Trung',
		shortName: 'Viện KTMT Miền Trung',
		type: 'RESEARCH_INSTITUTE',
		taxCode: '0498422320',
		province: 'Đà Nẵng',
		address: 'Số 41 đường Lê Duẩn, phường Hải Châu, Đà Nẵng',
		website: 'https://moitruongmientrung.example',
		email: 'lienhe@moitruongmientrung.example',
		phone: '0236 3998 041',
		description:
			'Nghiên cứu và chuyển giao công nghệ xử lý nước thải công nghiệp, cấp nước sạch cho vùng ven biển nhiễm mặn và quan trắc môi trường tự động. Viện có hệ thống xử lý nước thải chế biến thủy sản bằng giá thể sinh học MBBR và thiết bị lọc nước lợ chạy bằng năng lượng mặt trời. Hỗ trợ doanh nghiệp vận hành thử nghiệm và hoàn thiện hồ sơ môi trường.',
		verified: true,
		fields: ['207', '105', '201'],
	},

	// Universities
	{
		key: 'dai-hoc-ky-thuat-cong-nghiep-trung-du',
		name: 'Trường Đại học Kỹ thuật Công nghiệp Trung du',
		shortName: 'ĐH KTCN Trung du',
		type: 'UNIVERSITY',
		taxCode: '4698433285',
		province: 'Thái Nguyên',
		address: 'Số 210 đường Quang Trung, phường Phan Đình Phùng, Thái Nguyên',
		website: 'https://kttrungdu.example',
		email: 'khcn@kttrungdu.example',
		phone: '0208 3998 210',
		description:
			'Đào tạo kỹ sư cơ khí, điện, điện tử và tự động hóa cho vùng trung du và miền núi phía Bắc. Các nhóm nghiên cứu mạnh về điều khiển động cơ, luyện kim bột và gia công CNC. Nhà trường chuyển giao kết quả nghiên cứu qua hợp đồng nghiên cứu, đào tạo và tư vấn kỹ thuật cho doanh nghiệp.',
		verified: true,
		fields: ['203', '202', '205'],
	},
	{
		key: 'dai-hoc-nong-nghiep-cao-nguyen',
		name: 'Trường Đại học Nông nghiệp Cao nguyên',
		shortName: 'ĐH Nông nghiệp Cao nguyên',
		type: 'UNIVERSITY',
		taxCode: '6098436023',
		province: 'Đắk Lắk',
		address: 'Số 45 đường Nguyễn Tất Thành, phường Buôn Ma Thuột, Đắk Lắk',
		website: 'https://nongnghiepcaonguyen.example',
		email: 'phongkhcn@nongnghiepcaonguyen.example',
		phone: '0262 3998 045',
		description:
			'Trường đại học đa ngành có thế mạnh về cà phê, hồ tiêu, sầu riêng và chăn nuôi vùng Tây Nguyên. Các nhóm nghiên cứu có kết quả về giống cà phê vối năng suất cao, chế phẩm Trichoderma phòng bệnh chết nhanh trên hồ tiêu và quy trình canh tác sầu riêng theo hướng hữu cơ. Sẵn sàng liên kết với doanh nghiệp, hợp tác xã để thử nghiệm trên đồng ruộng.',
		verified: true,
		fields: ['401', '404', '402', '403'],
	},
	{
		key: 'dai-hoc-khoa-hoc-ung-dung-huong-giang',
		name: 'Trường Đại học Khoa học Ứng dụng Hương Giang',
		shortName: 'ĐH KHUD Hương Giang',
		type: 'UNIVERSITY',
		taxCode: '3398438763',
		province: 'Huế',
		address: 'Số 77 đường Nguyễn Huệ, phường Thuận Hóa, Huế',
		website: 'https://huonggiang.example',
		email: 'chuyengiao@huonggiang.example',
		phone: '0234 3998 077',
		description:
			'Trường đào tạo và nghiên cứu ứng dụng trong công nghệ thông tin, hóa học và khoa học sức khỏe. Phòng thí nghiệm của trường phát triển phần mềm xử lý tiếng Việt, cảm biến sinh học phát hiện dư lượng kháng sinh trong thực phẩm và bộ sinh phẩm xét nghiệm nhanh. Trường khuyến khích giảng viên thành lập doanh nghiệp spin-off để thương mại hóa kết quả nghiên cứu.',
		verified: true,
		fields: ['102', '104', '301'],
	},
	{
		key: 'dai-hoc-cong-nghe-ky-thuat-dong-nam-bo',
		name: 'Trường Đại học Công nghệ Kỹ thuật Đông Nam Bộ',
		shortName: 'ĐH CNKT Đông Nam Bộ',
		type: 'UNIVERSITY',
		taxCode: '0398419589',
		province: 'TP. Hồ Chí Minh',
		address: 'Số 215 đường Kha Vạn Cân, phường Linh Xuân, TP. Hồ Chí Minh',
		website: 'https://ktdongnambo.example',
		email: 'doimoisangtao@ktdongnambo.example',
		phone: '028 3998 0215',
		description:
			'Trường đại học định hướng ứng dụng với các ngành điện tử, IoT, trí tuệ nhân tạo và cơ điện tử. Trung tâm Đổi mới sáng tạo của trường ươm tạo các nhóm khởi nghiệp công nghệ và đã chuyển giao hệ thống giám sát chuỗi lạnh, robot tự hành vận chuyển hàng trong kho. Trường ưu tiên hợp tác theo mô hình đặt hàng nghiên cứu với doanh nghiệp khu vực Đông Nam Bộ.',
		verified: true,
		fields: ['202', '102', '203'],
	},

	// Enterprises
	{
		key: 'co-khi-truong-thinh-phat',
		name: 'Công ty Cổ phần Chế tạo Cơ khí Trường Thịnh Phát',
		shortName: 'Trường Thịnh Phát',
		type: 'ENTERPRISE',
		taxCode: '2398442870',
		province: 'Bắc Ninh',
		address: 'Lô C6, Khu công nghiệp Quế Võ, phường Quế Võ, Bắc Ninh',
		website: 'https://truongthinhphat.example',
		email: 'kinhdoanh@truongthinhphat.example',
		phone: '0222 3998 606',
		description:
			'Doanh nghiệp sản xuất khuôn mẫu, linh kiện cơ khí chính xác và đồ gá cho các nhà máy điện tử, ô tô. Công ty đang cần giải pháp giám sát tình trạng máy CNC để bảo trì dự đoán và robot hàn tự động cho dây chuyền khung thép. Sẵn sàng cùng đầu tư thử nghiệm với viện, trường trong nước.',
		verified: true,
		fields: ['203', '202'],
	},
	{
		key: 'thuy-san-sao-bien-ca-mau',
		name: 'Công ty TNHH Thủy sản Sao Biển Cà Mau',
		shortName: 'Sao Biển Cà Mau',
		type: 'ENTERPRISE',
		taxCode: '2098445616',
		province: 'Cà Mau',
		address: 'Số 120 đường Lý Thường Kiệt, phường An Xuyên, Cà Mau',
		website: 'https://saobiencamau.example',
		email: 'lienhe@saobiencamau.example',
		phone: '0290 3998 120',
		description:
			'Nuôi tôm thẻ chân trắng siêu thâm canh và tôm sú quảng canh cải tiến trên 150 ha, kết hợp chế biến tôm đông lạnh xuất khẩu. Công ty cần công nghệ phát hiện sớm bệnh vi bào tử trùng (EHP) và hoại tử gan tụy cấp, cùng hệ thống xử lý nước tuần hoàn để giảm thay nước. Ưu tiên giải pháp đã thử nghiệm ở vùng nuôi ven biển Đồng bằng sông Cửu Long.',
		verified: true,
		fields: ['405', '106'],
	},
	{
		key: 'nong-san-thap-muoi',
		name: 'Công ty Cổ phần Nông sản Thực phẩm Tháp Mười',
		shortName: 'Tháp Mười Foods',
		type: 'ENTERPRISE',
		taxCode: '1498448352',
		province: 'Đồng Tháp',
		address: 'Số 35 đường Nguyễn Huệ, phường Cao Lãnh, Đồng Tháp',
		website: 'https://thapmuoifoods.example',
		email: 'info@thapmuoifoods.example',
		phone: '0277 3998 035',
		description:
			'Thu mua và chế biến xoài, sen và các nông sản đặc trưng vùng Đồng Tháp Mười cho thị trường trong nước và xuất khẩu. Doanh nghiệp cần công nghệ sấy lạnh, bảo quản xoài tươi trên 30 ngày và tận dụng tâm sen, lá sen làm trà túi lọc. Có nhu cầu chuyển giao kèm đào tạo vận hành cho công nhân.',
		verified: true,
		fields: ['401', '204'],
	},
	{
		key: 'duoc-thao-moc-pho-hien',
		name: 'Công ty Cổ phần Dược phẩm Thảo mộc Phố Hiến',
		shortName: 'Dược Phố Hiến',
		type: 'ENTERPRISE',
		taxCode: '0998451094',
		province: 'Hưng Yên',
		address: 'Lô B2, Khu công nghiệp Phố Nối A, Hưng Yên',
		website: 'https://thaomocphohien.example',
		email: 'rd@thaomocphohien.example',
		phone: '0221 3998 202',
		description:
			'Sản xuất thuốc cổ truyền và thực phẩm bảo vệ sức khỏe từ dược liệu tại nhà máy đạt GMP-WHO. Công ty đang tìm quy trình chiết xuất cao khô chuẩn hóa hoạt chất và công nghệ bào chế viên nang giải phóng kéo dài. Sẵn sàng nhận chuyển giao quyền sử dụng độc quyền theo vùng thị trường.',
		verified: true,
		fields: ['301', '104'],
	},
	{
		key: 'nang-luong-cao-nguyen-gio',
		name: 'Công ty Cổ phần Năng lượng Tái tạo Cao Nguyên Gió',
		shortName: 'Cao Nguyên Gió',
		type: 'ENTERPRISE',
		taxCode: '5998453830',
		province: 'Gia Lai',
		address: 'Số 52 đường Phạm Văn Đồng, phường Pleiku, Gia Lai',
		website: 'https://caonguyengio.example',
		email: 'vanhanh@caonguyengio.example',
		phone: '0269 3998 052',
		description:
			'Đầu tư và vận hành các nhà máy điện gió và điện mặt trời với tổng công suất khoảng 120 MW. Công ty cần hệ thống quản lý năng lượng cho pin lưu trữ, mô hình dự báo công suất gió ngắn hạn và robot vệ sinh tấm pin không dùng nước. Có thể góp vốn thành lập liên doanh công nghệ với đơn vị nghiên cứu.',
		verified: true,
		fields: ['202', '103', '205'],
	},
	{
		key: 'dien-tu-nexora-viet-nam',
		name: 'Công ty TNHH Điện tử Nexora Việt Nam',
		shortName: 'Nexora Vietnam',
		type: 'ENTERPRISE',
		taxCode: '0298418214',
		province: 'Hải Phòng',
		address: 'Lô F3, Khu công nghiệp Tràng Duệ, Hải Phòng',
		website: 'https://nexora.example',
		email: 'sourcing.vn@nexora.example',
		phone: '0225 3998 303',
		description:
			'Doanh nghiệp 100% vốn đầu tư nước ngoài (Singapore), lắp ráp bo mạch điện tử và mô-đun cảm biến cho thiết bị gia dụng thông minh. Công ty tìm nhà cung cấp trong nước về hệ thống kiểm tra quang học tự động (AOI) dùng học sâu và vật liệu hàn không chì. Làm việc bằng tiếng Anh và tiếng Việt; ưu tiên đối tác có năng lực bảo hành tại chỗ.',
		verified: true,
		fields: ['202', '102'],
	},
	{
		key: 'vat-lieu-xay-dung-thanh-binh',
		name: 'Công ty Cổ phần Vật liệu Xây dựng Thanh Bình',
		shortName: 'VLXD Thanh Bình',
		type: 'ENTERPRISE',
		taxCode: '2898456575',
		province: 'Thanh Hóa',
		address: 'Số 18 đại lộ Lê Lợi, phường Hạc Thành, Thanh Hóa',
		website: 'https://thanhbinhvlxd.example',
		email: 'lienhe@thanhbinhvlxd.example',
		phone: '0237 3998 018',
		description:
			'Sản xuất gạch không nung, bê tông khí chưng áp và vữa khô trộn sẵn cho thị trường Bắc Trung Bộ. Công ty muốn tận dụng tro bay và xỉ lò cao từ các nhà máy nhiệt điện, luyện thép lân cận để thay thế một phần xi măng. Cần tư vấn công nghệ geopolymer và dây chuyền thiết bị công suất 30 triệu viên mỗi năm.',
		verified: false,
		fields: ['201', '205', '207'],
	},
	{
		key: 'kho-van-lanh-phuong-nam-xanh',
		name: 'Công ty Cổ phần Kho vận Lạnh Phương Nam Xanh',
		shortName: 'Phương Nam Xanh Logistics',
		type: 'ENTERPRISE',
		taxCode: '3698459316',
		province: 'Đồng Nai',
		address: 'Số 88 Quốc lộ 51, phường Long Bình, Đồng Nai',
		website: 'https://phuongnamxanh.example',
		email: 'dieuphoi@phuongnamxanh.example',
		phone: '0251 3998 088',
		description:
			'Cung cấp dịch vụ kho lạnh, vận tải hàng đông lạnh và phân phối nông sản, thủy sản cho các tỉnh phía Nam. Công ty cần giải pháp IoT giám sát nhiệt độ theo thời gian thực trên xe và trong kho, kết nối với phần mềm quản lý kho hiện có. Đồng thời quan tâm đến thuật toán tối ưu lộ trình giao hàng nhiều điểm.',
		verified: false,
		fields: ['202', '102'],
	},

	// Broker firms
	{
		key: 'nhip-cau-cong-nghe-phuong-nam',
		name: 'Công ty TNHH Tư vấn Chuyển giao Công nghệ Nhịp Cầu Phương Nam',
		shortName: 'Nhịp Cầu Tech',
		type: 'BROKER_FIRM',
		taxCode: '0398420954',
		province: 'TP. Hồ Chí Minh',
		address: 'Số 27 đường Pasteur, phường Sài Gòn, TP. Hồ Chí Minh',
		website: 'https://nhipcau.example',
		email: 'ketnoi@nhipcau.example',
		phone: '028 3998 0027',
		description:
			'Tổ chức trung gian hỗ trợ chuyển giao công nghệ, tập trung vào nông nghiệp công nghệ cao, thủy sản và thực phẩm. Công ty cung cấp dịch vụ tìm kiếm đối tác, định giá công nghệ, soạn thảo hợp đồng chuyển giao và hỗ trợ đăng ký hợp đồng với cơ quan quản lý. Mạng lưới chuyên gia gồm hơn 80 nhà khoa học tại các viện, trường phía Nam.',
		verified: true,
		fields: ['401', '405', '202'],
	},
	{
		key: 'tu-van-cong-nghe-hong-lam',
		name: 'Công ty Cổ phần Tư vấn và Môi giới Công nghệ Hồng Lam',
		shortName: 'Hồng Lam Tech',
		type: 'BROKER_FIRM',
		taxCode: '2998462050',
		province: 'Nghệ An',
		address: 'Số 14 đường Lê Hồng Phong, phường Thành Vinh, Nghệ An',
		website: 'https://honglam.example',
		email: 'tuvan@honglam.example',
		phone: '0238 3998 014',
		description:
			'Môi giới và tư vấn chuyển giao công nghệ cho doanh nghiệp nhỏ và vừa khu vực Bắc Trung Bộ. Công ty hỗ trợ xây dựng đề án đổi mới công nghệ, hồ sơ xin hỗ trợ từ quỹ phát triển KH&CN và tổ chức chợ công nghệ - thiết bị tại địa phương.',
		verified: false,
		fields: ['203', '401', '207'],
	},
]

export const demoUsers: DemoUser[] = [
	// Platform operator (agency)
	{
		key: 'tran-minh-khoi',
		name: 'Trần Minh Khôi',
		email: 'khoi.tran@caunoi.example',
		locale: 'vi',
		roles: ['MEMBER', 'OPERATOR', 'ADMIN'],
		memberships: [{ organisation: 'san-giao-dich-cau-noi', role: 'OWNER' }],
		title: 'ThS.',
	},
	{
		key: 'le-thi-phuong-thao',
		name: 'Lê Thị Phương Thảo',
		email: 'thao.le@caunoi.example',
		locale: 'vi',
		roles: ['MEMBER', 'OPERATOR'],
		memberships: [{ organisation: 'san-giao-dich-cau-noi', role: 'ADMIN' }],
		title: 'ThS.',
	},
	{
		key: 'pham-quoc-bao',
		name: 'Phạm Quốc Bảo',
		email: 'bao.pham@caunoi.example',
		locale: 'vi',
		roles: ['MEMBER', 'OPERATOR'],
		memberships: [{ organisation: 'san-giao-dich-cau-noi', role: 'MEMBER' }],
		title: 'KS.',
	},

	// Research institutes
	{
		key: 'huynh-van-loc',
		name: 'Huỳnh Văn Lộc',
		email: 'loc.huynh@cnshphuongnam.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-cnsh-nong-nghiep-phuong-nam', role: 'OWNER' }],
		title: 'PGS.TS.',
	},
	{
		key: 'tran-thi-ngoc-han',
		name: 'Trần Thị Ngọc Hân',
		email: 'han.tran@cnshphuongnam.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-cnsh-nong-nghiep-phuong-nam', role: 'MEMBER' }],
		title: 'TS.',
	},
	{
		key: 'vo-thanh-trung',
		name: 'Võ Thành Trung',
		email: 'trung.vo@nuoibien.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-cong-nghe-nuoi-bien-nam-trung-bo', role: 'OWNER' }],
		title: 'TS.',
	},
	{
		key: 'dang-thi-my-linh',
		name: 'Đặng Thị Mỹ Linh',
		email: 'linh.dang@nuoibien.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-cong-nghe-nuoi-bien-nam-trung-bo', role: 'ADMIN' }],
		title: 'ThS.',
	},
	{
		key: 'do-quang-huy',
		name: 'Đỗ Quang Huy',
		email: 'huy.do@vatlieunangluong.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-vat-lieu-nang-luong-moi', role: 'OWNER' }],
		title: 'PGS.TS.',
	},
	{
		// Lecturer in Thái Nguyên who also works on a joint battery-materials project in Hà Nội.
		key: 'nguyen-thi-lan-anh',
		name: 'Nguyễn Thị Lan Anh',
		email: 'lananh.nguyen@kttrungdu.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [
			{ organisation: 'dai-hoc-ky-thuat-cong-nghiep-trung-du', role: 'MEMBER' },
			{ organisation: 'vien-vat-lieu-nang-luong-moi', role: 'MEMBER' },
		],
		title: 'TS.',
	},
	{
		key: 'bui-duc-thang',
		name: 'Bùi Đức Thắng',
		email: 'thang.bui@cokhiduyenhai.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-co-khi-tu-dong-hoa-duyen-hai', role: 'OWNER' }],
		title: 'TS.',
	},
	{
		key: 'hoang-thi-mai-phuong',
		name: 'Hoàng Thị Mai Phương',
		email: 'phuong.hoang@duoclieulamvien.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-duoc-lieu-lam-vien', role: 'OWNER' }],
		title: 'PGS.TS.',
	},
	{
		key: 'le-van-tung',
		name: 'Lê Văn Tùng',
		email: 'tung.le@duoclieulamvien.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-duoc-lieu-lam-vien', role: 'MEMBER' }],
		title: 'ThS.',
	},
	{
		key: 'phan-thanh-tam',
		name: 'Phan Thanh Tâm',
		email: 'tam.phan@moitruongmientrung.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vien-ky-thuat-moi-truong-mien-trung', role: 'OWNER' }],
		title: 'TS.',
	},

	// Universities
	{
		key: 'luong-van-cuong',
		name: 'Lương Văn Cường',
		email: 'cuong.luong@kttrungdu.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dai-hoc-ky-thuat-cong-nghiep-trung-du', role: 'OWNER' }],
		title: 'PGS.TS.',
	},
	{
		key: 'ha-minh-duc',
		name: 'Hà Minh Đức',
		email: 'duc.ha@kttrungdu.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dai-hoc-ky-thuat-cong-nghiep-trung-du', role: 'ADMIN' }],
		title: 'ThS.',
	},
	{
		key: 'le-huu-phuoc',
		name: 'Lê Hữu Phước',
		email: 'phuoc.le@nongnghiepcaonguyen.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dai-hoc-nong-nghiep-cao-nguyen', role: 'OWNER' }],
		title: 'TS.',
	},
	{
		key: 'ton-nu-minh-chau',
		name: 'Tôn Nữ Minh Châu',
		email: 'chau.tonnu@huonggiang.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dai-hoc-khoa-hoc-ung-dung-huong-giang', role: 'OWNER' }],
		title: 'PGS.TS.',
	},
	{
		key: 'ho-dang-khoa',
		name: 'Hồ Đăng Khoa',
		email: 'khoa.ho@huonggiang.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dai-hoc-khoa-hoc-ung-dung-huong-giang', role: 'MEMBER' }],
		title: 'TS.',
	},
	{
		key: 'chau-minh-tuan',
		name: 'Châu Minh Tuấn',
		email: 'tuan.chau@ktdongnambo.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dai-hoc-cong-nghe-ky-thuat-dong-nam-bo', role: 'OWNER' }],
		title: 'TS.',
	},
	{
		key: 'vuong-thi-bich-ngoc',
		name: 'Vương Thị Bích Ngọc',
		email: 'ngoc.vuong@ktdongnambo.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dai-hoc-cong-nghe-ky-thuat-dong-nam-bo', role: 'ADMIN' }],
		title: 'ThS.',
	},

	// Enterprises
	{
		key: 'nguyen-duc-manh',
		name: 'Nguyễn Đức Mạnh',
		email: 'manh.nguyen@truongthinhphat.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'co-khi-truong-thinh-phat', role: 'OWNER' }],
	},
	{
		key: 'pham-van-toan',
		name: 'Phạm Văn Toàn',
		email: 'toan.pham@truongthinhphat.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'co-khi-truong-thinh-phat', role: 'MEMBER' }],
		title: 'KS.',
	},
	{
		key: 'truong-van-nghia',
		name: 'Trương Văn Nghĩa',
		email: 'nghia.truong@saobiencamau.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'thuy-san-sao-bien-ca-mau', role: 'OWNER' }],
	},
	{
		key: 'ly-thi-cam-tu',
		name: 'Lý Thị Cẩm Tú',
		email: 'tu.ly@saobiencamau.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'thuy-san-sao-bien-ca-mau', role: 'ADMIN' }],
		title: 'KS.',
	},
	{
		// Newly hired aquaculture engineer: has asked to join and waits for the owner's decision.
		key: 'lam-thi-diem-my',
		name: 'Lâm Thị Diễm My',
		email: 'diemmy.lam@saobiencamau.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'thuy-san-sao-bien-ca-mau', role: 'MEMBER', status: 'PENDING' }],
		title: 'KS.',
	},
	{
		key: 'doan-thi-thanh-thuy',
		name: 'Đoàn Thị Thanh Thủy',
		email: 'thuy.doan@thapmuoifoods.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'nong-san-thap-muoi', role: 'OWNER' }],
	},
	{
		key: 'vu-thi-thu-trang',
		name: 'Vũ Thị Thu Trang',
		email: 'trang.vu@thaomocphohien.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'duoc-thao-moc-pho-hien', role: 'OWNER' }],
		title: 'DS.',
	},
	{
		key: 'dinh-van-khai',
		name: 'Đinh Văn Khải',
		email: 'khai.dinh@thaomocphohien.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'duoc-thao-moc-pho-hien', role: 'MEMBER' }],
		title: 'ThS.',
	},
	{
		key: 'luu-quang-vinh',
		name: 'Lưu Quang Vinh',
		email: 'vinh.luu@caonguyengio.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'nang-luong-cao-nguyen-gio', role: 'OWNER' }],
		title: 'KS.',
	},
	{
		key: 'lena-fischer',
		name: 'Lena Fischer',
		email: 'lena.fischer@nexora.example',
		locale: 'en',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dien-tu-nexora-viet-nam', role: 'OWNER' }],
	},
	{
		key: 'nguyen-hoang-nam',
		name: 'Nguyễn Hoàng Nam',
		email: 'nam.nguyen@nexora.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dien-tu-nexora-viet-nam', role: 'ADMIN' }],
		title: 'KS.',
	},
	{
		key: 'arjun-mehta',
		name: 'Arjun Mehta',
		email: 'arjun.mehta@nexora.example',
		locale: 'en',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'dien-tu-nexora-viet-nam', role: 'MEMBER' }],
	},
	{
		key: 'mai-xuan-truong',
		name: 'Mai Xuân Trường',
		email: 'truong.mai@thanhbinhvlxd.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'vat-lieu-xay-dung-thanh-binh', role: 'OWNER' }],
	},
	{
		key: 'quach-thi-ngoc-bich',
		name: 'Quách Thị Ngọc Bích',
		email: 'bich.quach@phuongnamxanh.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'kho-van-lanh-phuong-nam-xanh', role: 'OWNER' }],
	},

	// Broker firms
	{
		key: 'duong-thanh-son',
		name: 'Dương Thanh Sơn',
		email: 'son.duong@nhipcau.example',
		locale: 'vi',
		roles: ['MEMBER', 'BROKER'],
		memberships: [{ organisation: 'nhip-cau-cong-nghe-phuong-nam', role: 'OWNER' }],
		title: 'ThS.',
	},
	{
		key: 'kieu-thi-bao-tram',
		name: 'Kiều Thị Bảo Trâm',
		email: 'tram.kieu@nhipcau.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [{ organisation: 'nhip-cau-cong-nghe-phuong-nam', role: 'MEMBER' }],
	},
	{
		key: 'cao-van-hieu',
		name: 'Cao Văn Hiếu',
		email: 'hieu.cao@honglam.example',
		locale: 'vi',
		roles: ['MEMBER', 'BROKER'],
		memberships: [{ organisation: 'tu-van-cong-nghe-hong-lam', role: 'OWNER' }],
	},

	// Independent expert, no organisation (expert directory, appraisals)
	{
		key: 'trieu-van-dat',
		name: 'Triệu Văn Đạt',
		email: 'dat.trieu@chuyengia.example',
		locale: 'vi',
		roles: ['MEMBER'],
		memberships: [],
		title: 'PGS.TS.',
	},
]

/** One shared password for every demo account. Demo only: never used outside a demo database. */
export const DEMO_PASSWORD = 'CauNoi-demo-2026-ketnoi'

/** The accounts printed at first start, one per kind of user worth trying. */
export const demoLogins: Array<{ role: string; roleVi: string; email: string }> = [
	{ role: 'Administrator', roleVi: 'Quản trị hệ thống', email: 'khoi.tran@caunoi.example' },
	{ role: 'Operator', roleVi: 'Cán bộ vận hành sàn', email: 'thao.le@caunoi.example' },
	{ role: 'Broker', roleVi: 'Nhà môi giới công nghệ', email: 'son.duong@nhipcau.example' },
	{ role: 'Enterprise owner', roleVi: 'Chủ doanh nghiệp', email: 'manh.nguyen@truongthinhphat.example' },
	{ role: 'Research institute owner', roleVi: 'Lãnh đạo viện nghiên cứu', email: 'loc.huynh@cnshphuongnam.example' },
	{ role: 'University member', roleVi: 'Giảng viên trường đại học', email: 'khoa.ho@huonggiang.example' },
]
