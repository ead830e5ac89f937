"""The demo timeline: periods with a short text and dated events.

Every fact of the history table in the domain notes is here (1698, 1808 with the 1802/1808
note, 1976, 1991, 29/09/2022, 01/07/2025, 30/09/2025); the other events are broad,
well-known milestones. Texts were written for the demo.
"""

# event: (year, month, day, title, text, note)
PERIODS = [
    {
        "title": "Vùng đất Trấn Biên – Biên Hòa",
        "start_year": 1698,
        "end_year": 1861,
        "summary": (
            "Từ khi phủ Gia Định được lập năm 1698, vùng đất ven sông Đồng Nai trở thành nơi "
            "khai phá, giao thương sầm uất của phương Nam."
        ),
        "body": [
            ("heading", "Khai phá vùng đất mới"),
            (
                "paragraph",
                "<p>Cuối thế kỷ XVII, lưu dân từ nhiều vùng đã đến khai hoang dọc đôi bờ sông "
                "Đồng Nai, lập làng, mở ruộng, dựng chợ. Năm 1698, Nguyễn Hữu Cảnh vào kinh lược "
                "phương Nam, lập phủ Gia Định; vùng đất này được tổ chức thành huyện Phước Long, "
                "đặt dinh Trấn Biên.</p>",
            ),
            (
                "paragraph",
                "<p>Trong thế kỷ XVIII, cù lao Phố trên sông Đồng Nai trở thành nơi buôn bán "
                "nhộn nhịp, thuyền buôn ra vào tấp nập. Các nghề thủ công như làm gốm, chế tác "
                "đá hình thành từ thời kỳ này và còn được gìn giữ đến ngày nay.</p>",
            ),
            (
                "paragraph",
                "<p>Đầu thế kỷ XIX, dinh Trấn Biên được đổi thành trấn Biên Hòa; về năm đổi tên, "
                "các tài liệu ghi chưa thống nhất (1802 hoặc 1808). Đến cuộc cải cách hành chính "
                "năm 1832, trấn Biên Hòa trở thành tỉnh Biên Hòa, một trong sáu tỉnh Nam Kỳ.</p>",
            ),
        ],
        "events": [
            (
                1698,
                None,
                None,
                "Nguyễn Hữu Cảnh lập phủ Gia Định",
                "Vùng đất Đồng Nai ngày nay được tổ chức thành huyện Phước Long, đặt dinh "
                "Trấn Biên.",
                "",
            ),
            (
                1808,
                None,
                None,
                "Dinh Trấn Biên đổi thành trấn Biên Hòa",
                "Tên gọi Biên Hòa bắt đầu được dùng cho vùng đất này.",
                "Các nguồn ghi khác nhau: năm 1802 hoặc năm 1808.",
            ),
            (
                1832,
                None,
                None,
                "Thành lập tỉnh Biên Hòa",
                "Sau cải cách hành chính, trấn Biên Hòa trở thành tỉnh Biên Hòa, một trong "
                "sáu tỉnh Nam Kỳ.",
                "",
            ),
        ],
    },
    {
        "title": "Chống thực dân Pháp, Đảng bộ ra đời",
        "start_year": 1861,
        "end_year": 1945,
        "summary": (
            "Nhân dân Biên Hòa bền bỉ chống ách đô hộ; trong các đồn điền cao su, phong trào "
            "công nhân và các tổ chức cơ sở của Đảng lần lượt ra đời."
        ),
        "body": [
            (
                "paragraph",
                "<p>Cuối năm 1861, quân Pháp đánh chiếm Biên Hòa. Nhân dân trong tỉnh cùng các "
                "toán nghĩa binh bám làng, bám đất chống giặc dù lực lượng chênh lệch.</p>",
            ),
            (
                "paragraph",
                "<p>Đầu thế kỷ XX, các đồn điền cao su mọc lên khắp miền Đông Nam Bộ. Chính tại "
                "đây, đội ngũ công nhân hình thành, sớm tiếp thu chủ nghĩa Mác – Lênin; các tổ "
                "chức cơ sở của Đảng ra đời, lãnh đạo quần chúng đấu tranh đòi quyền sống.</p>",
            ),
            (
                "quote",
                "Đất lành chim đậu, người có lòng thì đất cũng có tình.",
                "Ca dao, tục ngữ Nam Bộ",
            ),
            (
                "paragraph",
                "<p>Phong trào cách mạng ở Biên Hòa và ở vùng đồn điền Phú Riềng (nay thuộc tỉnh "
                "Đồng Nai) đã rèn luyện nên lớp đảng viên, cán bộ kiên trung, chuẩn bị lực lượng "
                "cho cao trào giành chính quyền năm 1945.</p>",
            ),
        ],
        "events": [
            (
                1861,
                12,
                None,
                "Quân Pháp đánh chiếm Biên Hòa",
                "Mở đầu thời kỳ nhân dân Biên Hòa đấu tranh chống ách đô hộ.",
                "",
            ),
            (
                1930,
                None,
                None,
                "Phong trào đấu tranh của công nhân đồn điền cao su Phú Riềng",
                "Cuộc đấu tranh do tổ chức đảng lãnh đạo, một dấu mốc của phong trào công nhân "
                "cao su miền Đông.",
                "",
            ),
        ],
    },
    {
        "title": "Kháng chiến chống thực dân Pháp",
        "start_year": 1945,
        "end_year": 1954,
        "summary": (
            "Giành chính quyền tháng Tám năm 1945, rồi bước vào cuộc kháng chiến chín năm với "
            "căn cứ Chiến khu Đ."
        ),
        "body": [
            (
                "paragraph",
                "<p>Tháng 8 năm 1945, hưởng ứng lệnh tổng khởi nghĩa, nhân dân Biên Hòa nhất tề "
                "đứng lên giành chính quyền về tay Nhân dân.</p>",
            ),
            (
                "paragraph",
                "<p>Khi thực dân Pháp trở lại xâm lược, rừng miền Đông, nhất là Chiến khu Đ, trở "
                "thành nơi đứng chân của nhiều cơ quan lãnh đạo và lực lượng kháng chiến. Đảng bộ "
                "các địa phương vừa xây dựng lực lượng vũ trang, vừa giữ vững cơ sở trong "
                "dân.</p>",
            ),
            (
                "paragraph",
                "<p>Hiệp định Giơ-ne-vơ năm 1954 khép lại cuộc kháng chiến chín năm; đất nước "
                "tạm thời chia cắt, nhân dân miền Nam bước vào giai đoạn đấu tranh mới.</p>",
            ),
        ],
        "events": [
            (
                1945,
                8,
                None,
                "Giành chính quyền ở Biên Hòa",
                "Nhân dân trong tỉnh hưởng ứng tổng khởi nghĩa, lập chính quyền cách mạng.",
                "",
            ),
            (
                1954,
                7,
                None,
                "Hiệp định Giơ-ne-vơ được ký kết",
                "Kết thúc cuộc kháng chiến chống thực dân Pháp.",
                "",
            ),
        ],
    },
    {
        "title": "Kháng chiến chống Mỹ, cứu nước",
        "start_year": 1954,
        "end_year": 1975,
        "summary": (
            "Hơn hai mươi năm bám đất, bám dân; tháng 4 năm 1975, chiến thắng Xuân Lộc mở "
            "cánh cửa tiến về Sài Gòn."
        ),
        "body": [
            (
                "paragraph",
                "<p>Trong hơn hai mươi năm kháng chiến, Đảng bộ và nhân dân các tỉnh miền Đông "
                "kiên trì xây dựng lực lượng, bám trụ địa bàn, phối hợp với các đơn vị chủ lực "
                "trong nhiều chiến dịch.</p>",
            ),
            (
                "paragraph",
                "<p>Tháng 4 năm 1975, trận đánh ở Xuân Lộc – nơi được ví là “cánh cửa thép” bảo "
                "vệ Sài Gòn – kết thúc thắng lợi, mở đường cho các cánh quân tiến vào giải phóng "
                "Sài Gòn. Ngày 30/04/1975, miền Nam hoàn toàn giải phóng, đất nước thống "
                "nhất.</p>",
            ),
        ],
        "events": [
            (
                1975,
                4,
                None,
                "Chiến thắng Xuân Lộc",
                "Phá vỡ tuyến phòng thủ từ xa của Sài Gòn.",
                "",
            ),
            (
                1975,
                4,
                30,
                "Giải phóng miền Nam, thống nhất đất nước",
                "Toàn tỉnh được giải phóng, bắt tay vào khắc phục hậu quả chiến tranh.",
                "",
            ),
        ],
    },
    {
        "title": "Tỉnh Đồng Nai xây dựng và đổi mới",
        "start_year": 1976,
        "end_year": 2020,
        "summary": (
            "Tỉnh Đồng Nai ra đời năm 1976; qua công cuộc đổi mới, tỉnh trở thành một trung "
            "tâm công nghiệp lớn của cả nước."
        ),
        "body": [
            (
                "paragraph",
                "<p>Năm 1976, tỉnh Đồng Nai được thành lập trên cơ sở hợp nhất các tỉnh Biên Hòa, "
                "Bà Rịa – Long Khánh và Tân Phú. Những năm đầu, Đảng bộ tập trung ổn định đời "
                "sống, khôi phục sản xuất, xây dựng hệ thống chính trị ở cơ sở.</p>",
            ),
            (
                "paragraph",
                "<p>Thực hiện đường lối đổi mới do Đại hội VI của Đảng đề ra, tỉnh từng bước "
                "chuyển dịch cơ cấu kinh tế; nhiều khu công nghiệp được hình thành, thu hút lao "
                "động từ khắp các vùng miền. Năm 1991, Bà Rịa – Vũng Tàu được tách ra thành đơn "
                "vị hành chính riêng.</p>",
            ),
            ("heading", "Xây dựng Đảng gắn với phát triển"),
            (
                "paragraph",
                "<p>Qua các nhiệm kỳ, công tác xây dựng, chỉnh đốn Đảng được coi là nhiệm vụ then "
                "chốt: kiện toàn tổ chức cơ sở đảng, nâng cao chất lượng sinh hoạt chi bộ, phát "
                "triển đảng viên trong doanh nghiệp và khu công nghiệp.</p>",
            ),
        ],
        "events": [
            (
                1976,
                None,
                None,
                "Thành lập tỉnh Đồng Nai",
                "Hợp nhất các tỉnh Biên Hòa, Bà Rịa – Long Khánh và Tân Phú.",
                "",
            ),
            (
                1986,
                12,
                None,
                "Đại hội VI của Đảng khởi xướng công cuộc đổi mới",
                "Đảng bộ tỉnh quán triệt và cụ thể hóa đường lối đổi mới vào điều kiện địa phương.",
                "",
            ),
            (
                1991,
                None,
                None,
                "Bà Rịa – Vũng Tàu tách khỏi tỉnh Đồng Nai",
                "Địa giới tỉnh Đồng Nai được điều chỉnh.",
                "",
            ),
        ],
    },
    {
        "title": "Nhiệm kỳ 2020–2025: chuyển đổi số trong công tác Đảng",
        "start_year": 2020,
        "end_year": 2025,
        "summary": (
            "Đảng bộ tỉnh đẩy mạnh ứng dụng công nghệ thông tin; Cổng thông tin điện tử Đảng "
            "bộ tỉnh ra đời năm 2022."
        ),
        "body": [
            (
                "paragraph",
                "<p>Đại hội đại biểu Đảng bộ tỉnh nhiệm kỳ 2020–2025 xác định chuyển đổi số là "
                "một động lực phát triển. Các cơ quan Đảng từng bước dùng văn bản điện tử, họp "
                "trực tuyến và quản lý hồ sơ đảng viên trên phần mềm.</p>",
            ),
            (
                "paragraph",
                "<p>Ngày 29/09/2022, Ban Thường vụ Tỉnh ủy ban hành Quyết định số 797-QĐ/TU thành "
                "lập Cổng thông tin điện tử Đảng bộ tỉnh. Sau thời gian chạy thử, cổng chính "
                "thức ra mắt ngày 09/10/2022 với các khối nội dung về lịch sử, tổ chức, hoạt "
                "động và văn bản của Đảng bộ.</p>",
            ),
            (
                "paragraph",
                "<p>Cuối năm 2024, Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW về đột phá phát "
                "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Tỉnh ủy "
                "xây dựng kế hoạch thực hiện phù hợp với điều kiện của tỉnh.</p>",
            ),
        ],
        "events": [
            (
                2020,
                None,
                None,
                "Đại hội đại biểu Đảng bộ tỉnh nhiệm kỳ 2020–2025",
                "Đề ra các chỉ tiêu phát triển kinh tế – xã hội và xây dựng Đảng cho nhiệm kỳ.",
                "",
            ),
            (
                2022,
                9,
                29,
                "Thành lập Cổng thông tin điện tử Đảng bộ tỉnh",
                "Quyết định số 797-QĐ/TU của Ban Thường vụ Tỉnh ủy.",
                "",
            ),
            (
                2022,
                10,
                9,
                "Cổng thông tin điện tử Đảng bộ tỉnh chính thức ra mắt",
                "Sau thời gian chạy thử, cổng đi vào hoạt động chính thức.",
                "",
            ),
            (
                2024,
                12,
                22,
                "Nghị quyết số 57-NQ/TW của Bộ Chính trị",
                "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
                "quốc gia.",
                "",
            ),
        ],
    },
    {
        "title": "Tỉnh Đồng Nai mới",
        "start_year": 2025,
        "end_year": None,
        "summary": (
            "Từ ngày 01/07/2025, tỉnh Bình Phước hợp nhất vào tỉnh Đồng Nai; chính quyền địa "
            "phương hai cấp với 95 xã, phường."
        ),
        "body": [
            (
                "paragraph",
                "<p>Thực hiện chủ trương sắp xếp đơn vị hành chính, từ ngày 01/07/2025 tỉnh Bình "
                "Phước hợp nhất vào tỉnh Đồng Nai, cấp huyện kết thúc hoạt động; tỉnh có 95 đơn "
                "vị hành chính cấp xã. Các đảng bộ xã, phường được thành lập và đi vào hoạt động "
                "ngay từ ngày đầu.</p>",
            ),
            (
                "paragraph",
                "<p>Ngày 30/09/2025, Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ "
                "2025–2030 khai mạc – đại hội đầu tiên của Đảng bộ tỉnh sau hợp nhất, đề ra "
                "phương hướng phát triển cho giai đoạn mới.</p>",
            ),
            (
                "quote",
                "Đoàn kết – Dân chủ – Kỷ cương – Đổi mới – Phát triển.",
                "Chủ đề thường gặp của các kỳ đại hội đảng bộ",
            ),
        ],
        "events": [
            (
                2025,
                7,
                1,
                "Tỉnh Bình Phước hợp nhất vào tỉnh Đồng Nai",
                "Kết thúc hoạt động của cấp huyện; tỉnh có 95 xã, phường.",
                "",
            ),
            (
                2025,
                9,
                30,
                "Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025–2030",
                "Đại hội đầu tiên của Đảng bộ tỉnh sau hợp nhất.",
                "",
            ),
            (
                2025,
                10,
                None,
                "Ban hành chương trình làm việc toàn khóa",
                "Ban Chấp hành Đảng bộ tỉnh cụ thể hóa Nghị quyết Đại hội thành chương trình "
                "làm việc cả nhiệm kỳ.",
                "",
            ),
        ],
    },
]
