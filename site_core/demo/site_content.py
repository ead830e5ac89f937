"""Portal settings, home page and section pages of the demo (Đồng Nai provincial portal)."""

PORTAL_NAME = "Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai"
ORGANISATION = "Đảng bộ tỉnh Đồng Nai"
HOME_SLUG = "trang-chu"

PORTAL_SETTINGS = {
    "portal_name": PORTAL_NAME,
    "organisation_name": ORGANISATION,
    "tagline": "Thông tin chính thống về hoạt động của Đảng bộ tỉnh",
    "address": "Số 2 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai",
    "phone": "(0251) 3 822 000",
    "fax": "(0251) 3 822 001",
    "email": "banbientap@dongnai.example",
    "responsible_person": (
        "Phạm Thị D, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy, Trưởng Ban biên tập"
    ),
    "licence": (
        "Quyết định số 797-QĐ/TU ngày 29/09/2022 của Ban Thường vụ Tỉnh ủy Đồng Nai "
        "về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh"
    ),
    "footer_text": (
        "<p>Cơ quan chủ quản: <b>Ban Thường vụ Tỉnh ủy Đồng Nai</b>. Cơ quan thường trực "
        "Ban biên tập: Ban Tuyên giáo và Dân vận Tỉnh ủy. Khi phát hành lại thông tin từ cổng, "
        "đề nghị ghi rõ nguồn “Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai”.</p>"
        "<p><i>Nội dung đang hiển thị là dữ liệu minh họa (demo); tên người là tên giả định.</i></p>"
    ),
}

RELATED_LINKS = [
    ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
    ("Tư liệu – Văn kiện Đảng", "https://tulieuvankien.dangcongsan.vn/"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Cổng thông tin điện tử tỉnh Đồng Nai", "https://dongnai.gov.vn/"),
    ("Báo Đồng Nai", "https://baodongnai.com.vn/"),
]

SOCIAL_LINKS = [
    ("Facebook", "https://www.facebook.com/congthongtin.dangbo.dongnai.demo"),
    ("YouTube", "https://www.youtube.com/@dangbodongnai-demo"),
    ("Zalo", "https://zalo.me/dangbodongnaidemo"),
]

HOME = {
    "title": "Trang chủ",
    "seo_title": PORTAL_NAME,
    "search_description": (
        "Thông tin chính thống về hoạt động của Đảng bộ tỉnh Đồng Nai: tin hoạt động, "
        "sự kiện, văn bản của Trung ương và của tỉnh, lịch sử và cơ cấu tổ chức."
    ),
    "hero_heading": "Đảng bộ tỉnh Đồng Nai – đoàn kết, đổi mới, phát triển",
    "intro": (
        "<p>Nơi Đảng bộ tỉnh công bố những gì Ban Chấp hành, Ban Thường vụ, Thường trực Tỉnh ủy, "
        "các cơ quan tham mưu và các đảng bộ trực thuộc quyết định và thực hiện; nơi cán bộ, "
        "đảng viên và Nhân dân tra cứu nghị quyết, chỉ thị, kết luận của Trung ương và của "
        "tỉnh.</p>"
    ),
}

# Sections under the home page, in menu order. "kind" selects the page model.
SECTIONS = [
    {
        "key": "history",
        "kind": "history",
        "title": "Lịch sử",
        "listing_summary": "Lược sử vùng đất và Đảng bộ tỉnh Đồng Nai qua các thời kỳ.",
        "intro": (
            "<p>Hơn ba trăm năm kể từ khi vùng đất Trấn Biên được khai phá, Đồng Nai đã đi qua "
            "nhiều biến đổi về địa giới, tên gọi và con người. Trang này tóm lược các giai đoạn "
            "chính và những mốc thời gian đáng nhớ; ở các mốc mà tài liệu ghi chưa thống nhất, "
            "chúng tôi ghi chú nguồn để bạn đọc tiện đối chiếu.</p>"
        ),
    },
    {
        "key": "org",
        "kind": "org",
        "title": "Cơ cấu tổ chức",
        "listing_summary": (
            "Ban Chấp hành, Ban Thường vụ, Thường trực Tỉnh ủy, các cơ quan tham mưu, "
            "giúp việc và các đảng bộ trực thuộc."
        ),
        "intro": (
            "<p>Sơ đồ dưới đây trình bày tổ chức của Đảng bộ tỉnh nhiệm kỳ 2025–2030: cơ quan "
            "lãnh đạo giữa hai kỳ đại hội, các cơ quan tham mưu, giúp việc Tỉnh ủy và các đảng bộ "
            "trực thuộc. Mỗi cơ quan có trang riêng với chức năng, nhiệm vụ, thông tin liên hệ "
            "và danh sách thành viên.</p>"
        ),
    },
    {
        "key": "news",
        "kind": "news",
        "title": "Tin hoạt động",
        "listing_summary": "Tin hoạt động của Tỉnh ủy, các cơ quan và đảng bộ trực thuộc.",
        "intro": (
            "<p>Tin do cộng tác viên ở các cơ quan, địa phương gửi về, được Biên tập viên và "
            "Ban biên tập duyệt trước khi đăng. Bạn đọc có thể lọc theo chuyên mục, đơn vị "
            "đưa tin và thời gian.</p>"
        ),
    },
    {
        "key": "events",
        "kind": "events",
        "title": "Sự kiện",
        "listing_summary": "Lịch hội nghị, hội thảo và các sự kiện lớn của Đảng bộ tỉnh.",
        "intro": (
            "<p>Các hội nghị, hội thảo, lớp bồi dưỡng và sự kiện chính trị của Đảng bộ tỉnh: "
            "sắp diễn ra và đã diễn ra.</p>"
        ),
    },
    {
        "key": "documents",
        "kind": "documents",
        "title": "Văn bản",
        "listing_summary": (
            "Nghị quyết, chỉ thị, kết luận, quyết định của Trung ương và của tỉnh, kèm toàn văn."
        ),
        "intro": (
            "<p>Sổ văn bản của Đảng bộ tỉnh: văn bản của Trung ương được triển khai tại tỉnh và "
            "văn bản do Tỉnh ủy, Ban Thường vụ, các cơ quan tham mưu ban hành. Tra cứu theo số, "
            "ký hiệu, loại văn bản, cơ quan ban hành, nhiệm kỳ hoặc trích yếu; mỗi văn bản có "
            "tệp toàn văn để tải về.</p>"
        ),
    },
    {
        "key": "about",
        "kind": "standard",
        "title": "Giới thiệu",
        "listing_summary": "Về Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai.",
        "body": [
            ("heading", "Cổng thông tin điện tử Đảng bộ tỉnh"),
            (
                "paragraph",
                "<p>Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai được thành lập theo Quyết định số "
                "797-QĐ/TU ngày 29/09/2022 của Ban Thường vụ Tỉnh ủy và chính thức ra mắt ngày "
                "09/10/2022 sau thời gian chạy thử. Cổng là kênh thông tin chính thống của Đảng "
                "bộ tỉnh, phục vụ tổ chức đảng, cán bộ, đảng viên và Nhân dân.</p>",
            ),
            ("heading", "Bốn khối nội dung chính"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Lịch sử và cơ cấu tổ chức:</b> lược sử tỉnh Đồng Nai, tổ chức của Đảng "
                "bộ tỉnh, chức năng, nhiệm vụ và thông tin liên hệ của từng cơ quan.</li>"
                "<li><b>Hoạt động của Đảng bộ:</b> hoạt động của Ban Chấp hành, Ban Thường vụ, "
                "Thường trực Tỉnh ủy, các cơ quan tham mưu, giúp việc và các đảng bộ trực "
                "thuộc.</li>"
                "<li><b>Sự kiện:</b> các sự kiện chính trị lớn của tỉnh, lịch hội nghị, hội "
                "thảo.</li>"
                "<li><b>Văn bản:</b> nghị quyết, chỉ thị, kết luận của Trung ương và của tỉnh, "
                "cùng các bài trao đổi nghiệp vụ công tác xây dựng Đảng.</li>"
                "</ul>",
            ),
            ("heading", "Tổ chức vận hành"),
            (
                "paragraph",
                "<p>Ban Chỉ đạo vận hành cổng định hướng nội dung; Ban biên tập tổ chức biên tập "
                "và duyệt tin, bài; Ban Tuyên giáo và Dân vận Tỉnh ủy là cơ quan thường trực của "
                "Ban biên tập; Văn phòng Tỉnh ủy quản lý hệ thống kỹ thuật. Tin, bài do cộng tác "
                "viên gửi về được duyệt qua hai bước (Biên tập viên, Ban biên tập) trước khi "
                "đăng.</p>",
            ),
            (
                "quote",
                "Thông tin trên cổng phải chính xác, kịp thời và thuận tiện cho người đọc tra cứu.",
                "Quy chế hoạt động của cổng (nội dung minh họa)",
            ),
        ],
    },
    {
        "key": "contact",
        "kind": "standard",
        "title": "Liên hệ",
        "listing_summary": "Địa chỉ, điện thoại và thư điện tử của Ban biên tập.",
        "body": [
            ("heading", "Ban biên tập Cổng thông tin điện tử Đảng bộ tỉnh"),
            (
                "paragraph",
                "<p>Địa chỉ: Số 2 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai<br/>"
                "Điện thoại: (0251) 3 822 000 – Fax: (0251) 3 822 001<br/>"
                "Thư điện tử: banbientap@dongnai.example</p>",
            ),
            ("heading", "Gửi tin, bài cộng tác"),
            (
                "paragraph",
                "<p>Cộng tác viên ở các cơ quan, đảng bộ trực thuộc gửi tin, bài trực tiếp trên hệ "
                "thống quản trị của cổng bằng tài khoản được cấp. Tin, bài ghi rõ tác giả, đơn vị "
                "và nguồn ảnh.</p>",
            ),
            ("heading", "Hỗ trợ kỹ thuật"),
            (
                "paragraph",
                "<p>Văn phòng Tỉnh ủy – Phòng Công nghệ thông tin<br/>"
                "Điện thoại: (0251) 3 822 010 – Thư điện tử: cntt.vptu@dongnai.example</p>"
                "<p><i>Địa chỉ, số điện thoại và thư điện tử trên trang này là thông tin minh "
                "họa.</i></p>",
            ),
        ],
    },
]
