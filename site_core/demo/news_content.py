"""Demo news: categories, articles (2024–2026) and events placed around the run date.

Articles are written for the demo and describe typical activities, not real reports.
"""

CATEGORIES = [
    (
        "Xây dựng Đảng",
        "xay-dung-dang",
        "Công tác chính trị, tư tưởng, tổ chức, cán bộ, kiểm tra, giám sát.",
    ),
    (
        "Chính trị - Xã hội",
        "chinh-tri-xa-hoi",
        "Hoạt động của Mặt trận Tổ quốc, đoàn thể; công tác dân vận.",
    ),
    ("Kinh tế", "kinh-te", "Phát triển kinh tế, đầu tư, hạ tầng, chuyển đổi số."),
    ("Văn hóa - Xã hội", "van-hoa-xa-hoi", "Giáo dục, y tế, văn hóa, an sinh xã hội."),
    (
        "Quốc phòng - An ninh",
        "quoc-phong-an-ninh",
        "Quốc phòng địa phương, an ninh trật tự, nội chính.",
    ),
    ("Hoạt động cơ sở", "hoat-dong-co-so", "Tin từ các đảng bộ xã, phường và cơ sở."),
]

# Per category: (heading, context paragraph, closing paragraph); articles pick one by index.
CATEGORY_TEXT = {
    "xay-dung-dang": [
        (
            "Nâng cao chất lượng tổ chức cơ sở đảng",
            "Thời gian qua, các cấp ủy đã chú trọng đổi mới nội dung sinh hoạt chi bộ, gắn "
            "sinh hoạt với nhiệm vụ chính trị của từng cơ quan, địa phương.",
            "Các cấp ủy được yêu cầu cụ thể hóa nội dung bằng kế hoạch có phân công rõ người, "
            "rõ việc, rõ thời hạn và báo cáo kết quả về Ban Thường vụ Tỉnh ủy.",
        ),
        (
            "Siết chặt kỷ luật, kỷ cương",
            "Công tác kiểm tra, giám sát được tiến hành thường xuyên, kịp thời phát hiện và "
            "chấn chỉnh những hạn chế ngay từ cơ sở.",
            "Hội nghị thống nhất tiếp tục phát huy vai trò nêu gương của người đứng đầu, gắn "
            "trách nhiệm cá nhân với kết quả thực hiện nhiệm vụ.",
        ),
    ],
    "chinh-tri-xa-hoi": [
        (
            "Phát huy sức mạnh khối đại đoàn kết",
            "Mặt trận Tổ quốc và các đoàn thể đã đổi mới phương thức tập hợp đoàn viên, hội "
            "viên, hướng mạnh về khu dân cư.",
            "Các cấp ủy tiếp tục lắng nghe ý kiến của Nhân dân, giải quyết kịp thời những "
            "kiến nghị chính đáng ngay từ cơ sở.",
        ),
        (
            "Dân vận khéo ở cơ sở",
            "Nhiều mô hình “dân vận khéo” được nhân rộng, góp phần giải quyết những việc khó "
            "ngay tại khu dân cư.",
            "Kết quả này là nền tảng để tiếp tục củng cố niềm tin của Nhân dân đối với Đảng và "
            "chính quyền.",
        ),
    ],
    "kinh-te": [
        (
            "Tháo gỡ điểm nghẽn",
            "Các sở, ngành và địa phương đã rà soát từng dự án, phân loại vướng mắc để có giải "
            "pháp phù hợp.",
            "Tỉnh ủy đề nghị Đảng ủy Ủy ban nhân dân tỉnh tiếp tục lãnh đạo đẩy nhanh tiến độ, "
            "báo cáo định kỳ hằng tháng.",
        ),
        (
            "Động lực tăng trưởng mới",
            "Hạ tầng giao thông và các khu công nghiệp thế hệ mới đang mở ra dư địa phát triển "
            "cho giai đoạn tới.",
            "Mục tiêu đặt ra là giữ vững tốc độ tăng trưởng đi đôi với bảo vệ môi trường và nâng "
            "cao đời sống người lao động.",
        ),
    ],
    "van-hoa-xa-hoi": [
        (
            "Không để ai bị bỏ lại phía sau",
            "Công tác an sinh xã hội được các cấp ủy quan tâm lãnh đạo, huy động nhiều nguồn "
            "lực trong xã hội cùng tham gia.",
            "Các địa phương tiếp tục rà soát, hỗ trợ kịp thời các hộ gia đình có hoàn cảnh khó "
            "khăn.",
        ),
        (
            "Giữ gìn bản sắc văn hóa",
            "Các hoạt động văn hóa, thể thao ở cơ sở được duy trì đều đặn, thu hút đông đảo "
            "người dân tham gia.",
            "Qua đó góp phần xây dựng môi trường văn hóa lành mạnh, gắn bó cộng đồng.",
        ),
    ],
    "quoc-phong-an-ninh": [
        (
            "Giữ vững thế trận lòng dân",
            "Lực lượng vũ trang tỉnh đã phối hợp chặt chẽ với cấp ủy, chính quyền cơ sở trong "
            "nắm tình hình, xử lý kịp thời các vụ việc.",
            "Cấp ủy các cấp tiếp tục lãnh đạo xây dựng khu vực phòng thủ vững chắc, bảo đảm an "
            "ninh trật tự trên địa bàn.",
        ),
        (
            "Phòng ngừa từ sớm, từ xa",
            "Công tác nắm tình hình, phòng ngừa vi phạm được triển khai đồng bộ, gắn với các "
            "phong trào quần chúng.",
            "Kết quả góp phần tạo môi trường ổn định cho phát triển kinh tế – xã hội của tỉnh.",
        ),
    ],
    "hoat-dong-co-so": [
        (
            "Sát dân, gần dân",
            "Sau khi vận hành chính quyền địa phương hai cấp, các đảng ủy xã, phường tập trung "
            "ổn định tổ chức và phục vụ người dân tốt hơn.",
            "Đảng ủy xác định tiếp tục lấy sự hài lòng của người dân làm thước đo hiệu quả công "
            "việc.",
        ),
        (
            "Cách làm hay ở chi bộ",
            "Nhiều chi bộ khu dân cư đã đưa nội dung sinh hoạt chuyên đề gắn với những việc cụ "
            "thể của địa phương.",
            "Cách làm này được đề nghị nhân rộng ra các chi bộ khác trong đảng bộ.",
        ),
    ],
}

BYLINES = [
    "Thu Hà",
    "Minh Khôi",
    "Ngọc Lan",
    "Hoài Nam",
    "Bảo Trâm",
    "Quốc Việt",
    "Phương Thảo",
    "Nhóm phóng viên Ban biên tập",
]

# date: (year, month, day, hour). unit: key of org_content.UNITS. docs: keys of documents.
ARTICLES = [
    {
        "title": "Hội nghị Ban Chấp hành Đảng bộ tỉnh triển khai nhiệm vụ năm 2024",
        "date": (2024, 1, 18, 9),
        "cats": ["xay-dung-dang"],
        "unit": "bch",
        "sapo": (
            "Hội nghị thống nhất các nhiệm vụ trọng tâm năm 2024, trong đó ưu tiên đẩy nhanh "
            "các công trình hạ tầng giao thông và nâng cao chất lượng sinh hoạt chi bộ."
        ),
        "detail": (
            "Các đại biểu đã thảo luận báo cáo kết quả năm 2023, chỉ ra những việc làm được và "
            "những việc còn chậm. Hội nghị giao Ban Thường vụ Tỉnh ủy chỉ đạo xây dựng chương "
            "trình công tác cụ thể cho từng quý."
        ),
        "tags": ["hội nghị Tỉnh ủy", "kế hoạch năm"],
    },
    {
        "title": "Trao Huy hiệu Đảng cho đảng viên lão thành dịp mừng Đảng, mừng Xuân",
        "date": (2024, 2, 2, 15),
        "cats": ["xay-dung-dang"],
        "unit": "btctu",
        "sapo": (
            "Nhân kỷ niệm ngày thành lập Đảng, nhiều đảng viên có 40, 50, 60 năm tuổi Đảng "
            "được trao Huy hiệu Đảng tại nơi sinh hoạt."
        ),
        "detail": (
            "Đại diện cấp ủy đã đến tận nhà thăm hỏi những đảng viên cao tuổi, sức khỏe yếu. "
            "Các đảng viên lão thành bày tỏ niềm tự hào và mong thế hệ trẻ tiếp tục giữ gìn "
            "truyền thống cách mạng của quê hương."
        ),
        "tags": ["Huy hiệu Đảng", "đảng viên"],
    },
    {
        "title": "Tháo gỡ vướng mắc giải phóng mặt bằng các dự án giao thông trọng điểm",
        "date": (2024, 3, 20, 10),
        "cats": ["kinh-te"],
        "unit": "du-ubnd",
        "sapo": (
            "Đoàn công tác của Tỉnh ủy làm việc với các địa phương về tiến độ bồi thường, hỗ "
            "trợ, tái định cư cho các dự án đường cao tốc và đường vành đai."
        ),
        "detail": (
            "Nhiều hộ dân đã đồng thuận bàn giao mặt bằng sớm sau khi được vận động, giải thích "
            "rõ chính sách. Đoàn đề nghị các địa phương công khai phương án bồi thường và bố "
            "trí khu tái định cư có hạ tầng đầy đủ trước khi người dân di dời."
        ),
        "tags": ["hạ tầng giao thông", "giải phóng mặt bằng"],
    },
    {
        "title": "Hội thi tìm hiểu lịch sử Đảng bộ tỉnh trong đoàn viên, thanh niên",
        "date": (2024, 4, 16, 14),
        "cats": ["van-hoa-xa-hoi"],
        "unit": "btgdvtu",
        "sapo": (
            "Hội thi thu hút hàng nghìn bài dự thi trực tuyến, giúp đoàn viên, thanh niên hiểu "
            "thêm về truyền thống cách mạng của quê hương."
        ),
        "detail": (
            "Nội dung câu hỏi trải dài từ thời kỳ khai phá vùng đất Trấn Biên đến các chặng "
            "đường xây dựng, phát triển của tỉnh. Ban tổ chức đã trao giải cho các tập thể và "
            "cá nhân có bài thi xuất sắc."
        ),
        "tags": ["lịch sử Đảng bộ", "thanh niên"],
    },
    {
        "title": "Học tập và làm theo Bác: lan tỏa những cách làm hay ở cơ sở",
        "date": (2024, 5, 17, 8),
        "cats": ["chinh-tri-xa-hoi", "xay-dung-dang"],
        "unit": "btgdvtu",
        "sapo": (
            "Nhiều tập thể, cá nhân được biểu dương vì có cách làm sáng tạo trong học tập và "
            "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
        ),
        "detail": (
            "Các mô hình được biểu dương đều bắt đầu từ những việc nhỏ, cụ thể: giải quyết thủ "
            "tục nhanh cho người dân, giữ gìn đường làng ngõ xóm sạch đẹp, giúp đỡ học sinh "
            "nghèo. Điểm chung là sự bền bỉ và tinh thần trách nhiệm của người đứng đầu."
        ),
        "quote": (
            "Việc gì có lợi cho dân, ta phải hết sức làm.",
            "Lời dạy của Chủ tịch Hồ Chí Minh",
        ),
        "tags": ["học tập và làm theo Bác"],
        "docs": ["kl01"],
    },
    {
        "title": "Nâng cao hiệu quả phòng, chống tham nhũng, tiêu cực ở cơ sở",
        "date": (2024, 6, 12, 9),
        "cats": ["quoc-phong-an-ninh"],
        "unit": "bnctu",
        "sapo": (
            "Ban Nội chính Tỉnh ủy sơ kết việc thực hiện các kết luận của Ban Thường vụ về "
            "phòng, chống tham nhũng, tiêu cực trong lĩnh vực đất đai và đầu tư công."
        ),
        "detail": (
            "Báo cáo cho thấy việc công khai, minh bạch thông tin ở cấp cơ sở đã có chuyển "
            "biến. Hội nghị đề nghị tăng cường tiếp nhận, xử lý phản ánh của người dân qua "
            "đường dây nóng và cổng thông tin."
        ),
        "tags": ["phòng chống tham nhũng", "nội chính"],
    },
    {
        "title": "Thăm, tặng quà gia đình chính sách nhân Ngày Thương binh – Liệt sĩ",
        "date": (2024, 7, 25, 16),
        "cats": ["van-hoa-xa-hoi", "chinh-tri-xa-hoi"],
        "unit": "du-cqd",
        "sapo": (
            "Các đoàn công tác của tỉnh đến thăm hỏi, tặng quà thương binh, thân nhân liệt sĩ và "
            "người có công với cách mạng."
        ),
        "detail": (
            "Cùng với quà tặng, các đoàn đã lắng nghe tâm tư, nguyện vọng của các gia đình chính "
            "sách. Các địa phương được đề nghị rà soát, hỗ trợ sửa chữa nhà ở cho những hộ còn "
            "khó khăn."
        ),
        "tags": ["đền ơn đáp nghĩa", "an sinh xã hội"],
    },
    {
        "title": "Ủy ban Kiểm tra Tỉnh ủy sơ kết công tác kiểm tra, giám sát 6 tháng",
        "date": (2024, 8, 6, 9),
        "cats": ["xay-dung-dang"],
        "unit": "ubkttu",
        "sapo": (
            "Sáu tháng đầu năm, ủy ban kiểm tra các cấp đã tiến hành kiểm tra, giám sát theo kế "
            "hoạch và kiểm tra khi có dấu hiệu vi phạm đối với nhiều tổ chức đảng, đảng viên."
        ),
        "detail": (
            "Qua kiểm tra, phần lớn tổ chức đảng và đảng viên chấp hành tốt; một số nơi còn "
            "chậm khắc phục hạn chế sau giám sát. Ủy ban Kiểm tra Tỉnh ủy lưu ý việc giám sát "
            "thường xuyên để phát hiện sớm vi phạm."
        ),
        "tags": ["kiểm tra giám sát"],
    },
    {
        "title": "Thu hút đầu tư vào các khu công nghiệp tiếp tục khởi sắc",
        "date": (2024, 9, 10, 10),
        "cats": ["kinh-te"],
        "unit": "du-ubnd",
        "sapo": (
            "Nhiều dự án mới trong lĩnh vực công nghệ cao, công nghiệp hỗ trợ được cấp phép, "
            "tạo thêm việc làm cho người lao động."
        ),
        "detail": (
            "Tỉnh ưu tiên các dự án sử dụng ít đất, ít lao động phổ thông và thân thiện với môi "
            "trường. Cùng với đó, các khu công nghiệp được yêu cầu hoàn thiện hạ tầng xử lý "
            "nước thải và nhà ở cho công nhân."
        ),
        "tags": ["khu công nghiệp", "đầu tư"],
    },
    {
        "title": "Hai năm vận hành Cổng thông tin điện tử Đảng bộ tỉnh",
        "date": (2024, 10, 8, 9),
        "cats": ["xay-dung-dang"],
        "unit": "vptu",
        "sapo": (
            "Sau hai năm đi vào hoạt động, cổng đã trở thành kênh thông tin chính thống, tin cậy "
            "của Đảng bộ tỉnh đối với cán bộ, đảng viên và Nhân dân."
        ),
        "detail": (
            "Số tin, bài và văn bản được đăng tải tăng đều qua từng quý; các đảng bộ trực thuộc "
            "đã chủ động cung cấp thông tin. Ban biên tập đề nghị tiếp tục nâng cao chất lượng "
            "ảnh, tin và cập nhật văn bản kịp thời."
        ),
        "tags": ["cổng thông tin", "chuyển đổi số"],
        "docs": ["qd797", "qc12"],
        "featured": True,
    },
    {
        "title": "Chăm lo đời sống công nhân tại các khu công nghiệp",
        "date": (2024, 11, 14, 15),
        "cats": ["van-hoa-xa-hoi"],
        "unit": "btgdvtu",
        "sapo": (
            "Công đoàn các cấp phối hợp với doanh nghiệp tổ chức nhiều hoạt động hỗ trợ nhà ở, "
            "chăm sóc sức khỏe và đời sống tinh thần cho công nhân."
        ),
        "detail": (
            "Các thiết chế văn hóa trong khu công nghiệp được đầu tư, sửa chữa; nhiều doanh "
            "nghiệp mở nhà trẻ cho con công nhân. Tổ chức đảng trong doanh nghiệp được đề nghị "
            "phát huy vai trò nắm bắt tâm tư người lao động."
        ),
        "tags": ["công nhân", "an sinh xã hội"],
    },
    {
        "title": "Tỉnh ủy quán triệt yêu cầu sắp xếp, tinh gọn tổ chức bộ máy",
        "date": (2024, 12, 26, 8),
        "cats": ["xay-dung-dang"],
        "unit": "btctu",
        "sapo": (
            "Ban Thường vụ Tỉnh ủy chỉ đạo các cơ quan, đơn vị khẩn trương rà soát chức năng, "
            "nhiệm vụ để sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả."
        ),
        "detail": (
            "Các cơ quan được yêu cầu đề xuất phương án sắp xếp, bảo đảm không gián đoạn công "
            "việc và làm tốt công tác tư tưởng cho cán bộ, công chức. Ban Tổ chức Tỉnh ủy là "
            "cơ quan thường trực tổng hợp phương án."
        ),
        "tags": ["tinh gọn bộ máy", "công tác cán bộ"],
    },
    {
        "title": "Quán triệt Nghị quyết 57-NQ/TW về khoa học, công nghệ và chuyển đổi số",
        "date": (2025, 1, 15, 8),
        "cats": ["xay-dung-dang", "kinh-te"],
        "unit": "btgdvtu",
        "sapo": (
            "Hội nghị trực tuyến đến các đảng bộ trực thuộc quán triệt Nghị quyết số 57-NQ/TW "
            "của Bộ Chính trị và triển khai kế hoạch thực hiện của Tỉnh ủy."
        ),
        "detail": (
            "Tỉnh xác định khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá "
            "quan trọng hàng đầu. Kế hoạch của Tỉnh ủy giao nhiệm vụ cụ thể cho từng cơ quan, "
            "trong đó có việc số hóa hồ sơ, văn bản của các cơ quan Đảng."
        ),
        "quote": (
            "Chuyển đổi số phải bắt đầu từ chính các cơ quan Đảng.",
            "Phát biểu chỉ đạo tại hội nghị",
        ),
        "tags": ["Nghị quyết 57", "chuyển đổi số"],
        "docs": ["nq57", "kh55"],
        "featured": True,
    },
    {
        "title": "Ra mắt Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "date": (2025, 2, 28, 14),
        "cats": ["xay-dung-dang", "chinh-tri-xa-hoi"],
        "unit": "btgdvtu",
        "sapo": (
            "Ban Tuyên giáo và Dân vận Tỉnh ủy được thành lập trên cơ sở hợp nhất Ban Tuyên giáo "
            "và Ban Dân vận Tỉnh ủy, bắt tay ngay vào công việc."
        ),
        "detail": (
            "Cơ quan mới tiếp nhận chức năng tham mưu về tuyên giáo và dân vận, đồng thời là cơ "
            "quan thường trực của Ban biên tập cổng thông tin. Lãnh đạo tỉnh đề nghị sớm ổn "
            "định tổ chức, không để gián đoạn công việc."
        ),
        "tags": ["tinh gọn bộ máy"],
    },
    {
        "title": "Dồn sức hoàn thành hạ tầng kết nối Cảng hàng không quốc tế Long Thành",
        "date": (2025, 3, 12, 10),
        "cats": ["kinh-te"],
        "unit": "du-ubnd",
        "sapo": (
            "Các tuyến đường kết nối với cảng hàng không được tập trung thi công, phấn đấu về "
            "đích đúng tiến độ."
        ),
        "detail": (
            "Chủ đầu tư và nhà thầu tổ chức thi công nhiều ca, bảo đảm an toàn lao động và vệ "
            "sinh môi trường. Đảng ủy các địa phương vận động người dân hỗ trợ giải phóng mặt "
            "bằng các phần còn lại."
        ),
        "tags": ["hạ tầng giao thông", "Long Thành"],
    },
    {
        "title": "Triển khai Chỉ thị 45-CT/TW về đại hội đảng bộ các cấp",
        "date": (2025, 4, 18, 8),
        "cats": ["xay-dung-dang"],
        "unit": "btctu",
        "sapo": (
            "Ban Thường vụ Tỉnh ủy ban hành kế hoạch tổ chức đại hội đảng bộ các cấp tiến tới "
            "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng."
        ),
        "detail": (
            "Kế hoạch nêu rõ lộ trình tổ chức đại hội ở cơ sở, đại hội điểm và Đại hội đại biểu "
            "Đảng bộ tỉnh. Công tác chuẩn bị nhân sự được yêu cầu làm chặt chẽ, đúng quy "
            "trình."
        ),
        "tags": ["đại hội đảng", "công tác cán bộ"],
        "docs": ["ct45", "kh-ct45"],
    },
    {
        "title": "Kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước",
        "date": (2025, 4, 29, 19),
        "cats": ["van-hoa-xa-hoi"],
        "unit": "btgdvtu",
        "sapo": (
            "Chương trình nghệ thuật đặc biệt tái hiện những chặng đường đấu tranh giải phóng "
            "quê hương và khát vọng phát triển hôm nay."
        ),
        "detail": (
            "Bên cạnh chương trình nghệ thuật, nhiều hoạt động như triển lãm ảnh, thi tìm hiểu "
            "lịch sử, dâng hương tại các di tích được tổ chức khắp tỉnh. Các cựu chiến binh kể "
            "lại những kỷ niệm về mùa xuân năm 1975."
        ),
        "tags": ["lịch sử Đảng bộ", "kỷ niệm"],
        "featured": True,
    },
    {
        "title": "Diễn tập khu vực phòng thủ bảo đảm an toàn tuyệt đối",
        "date": (2025, 5, 22, 11),
        "cats": ["quoc-phong-an-ninh"],
        "unit": "du-quansu",
        "sapo": (
            "Cuộc diễn tập kiểm tra khả năng lãnh đạo, chỉ đạo của cấp ủy và sự phối hợp giữa "
            "các lực lượng trong tình huống giả định."
        ),
        "detail": (
            "Các tình huống được xây dựng sát thực tế, từ phòng chống thiên tai đến xử lý các "
            "vụ việc phức tạp về an ninh trật tự. Ban chỉ đạo diễn tập đánh giá cuộc diễn tập "
            "đạt yêu cầu đề ra."
        ),
        "tags": ["diễn tập", "quốc phòng"],
    },
    {
        "title": "Công bố quyết định thành lập các đảng bộ xã, phường",
        "date": (2025, 6, 30, 15),
        "cats": ["xay-dung-dang"],
        "unit": "btctu",
        "sapo": (
            "Chuẩn bị cho chính quyền địa phương hai cấp, Ban Thường vụ Tỉnh ủy công bố các "
            "quyết định thành lập đảng bộ xã, phường và chỉ định cấp ủy lâm thời."
        ),
        "detail": (
            "Các đảng bộ mới được yêu cầu hoạt động ngay từ ngày 01/07/2025, bảo đảm thông suốt "
            "và không để ảnh hưởng đến việc giải quyết thủ tục cho người dân, doanh nghiệp."
        ),
        "tags": ["chính quyền hai cấp", "sắp xếp đơn vị hành chính"],
        "featured": True,
    },
    {
        "title": "Đảng bộ phường Trấn Biên ra mắt, bắt tay ngay vào công việc",
        "date": (2025, 7, 1, 10),
        "cats": ["hoat-dong-co-so"],
        "unit": "p-tran-bien",
        "sapo": (
            "Ngay trong ngày đầu vận hành, Đảng ủy phường Trấn Biên họp phiên đầu tiên, phân "
            "công nhiệm vụ cho cấp ủy viên."
        ),
        "detail": (
            "Trung tâm phục vụ hành chính công của phường tiếp nhận hồ sơ bình thường. Bí thư "
            "Đảng ủy phường đề nghị cán bộ tận tình hướng dẫn người dân trong những ngày đầu "
            "thay đổi."
        ),
        "tags": ["chính quyền hai cấp"],
    },
    {
        "title": "Trung tâm phục vụ hành chính công phường Đồng Xoài vận hành thông suốt",
        "date": (2025, 7, 3, 9),
        "cats": ["hoat-dong-co-so"],
        "unit": "p-dong-xoai",
        "sapo": (
            "Sau những ngày đầu vận hành, việc tiếp nhận, giải quyết hồ sơ tại phường Đồng Xoài "
            "diễn ra ổn định, người dân không phải chờ lâu."
        ),
        "detail": (
            "Phường bố trí tổ hỗ trợ hướng dẫn người dân nộp hồ sơ trực tuyến. Các thủ tục về "
            "đất đai, hộ tịch được ưu tiên giải quyết trong ngày."
        ),
        "tags": ["chính quyền hai cấp", "cải cách hành chính"],
    },
    {
        "title": "Xã Long Thành tổ chức đại hội điểm đảng bộ nhiệm kỳ 2025–2030",
        "date": (2025, 7, 18, 14),
        "cats": ["hoat-dong-co-so", "xay-dung-dang"],
        "unit": "x-long-thanh",
        "sapo": (
            "Đại hội điểm rút kinh nghiệm cho các đảng bộ xã, phường trong tỉnh về nội dung văn "
            "kiện, công tác nhân sự và tổ chức đại hội."
        ),
        "detail": (
            "Đại hội đề ra mục tiêu phát triển xã gắn với lợi thế của cảng hàng không và các "
            "khu công nghiệp. Đại biểu thảo luận sôi nổi về giải pháp chăm lo đời sống người "
            "dân vùng dự án."
        ),
        "tags": ["đại hội đảng"],
    },
    {
        "title": "Đại hội Đảng bộ xã Xuân Lộc lần thứ I, nhiệm kỳ 2025–2030",
        "date": (2025, 8, 12, 9),
        "cats": ["hoat-dong-co-so"],
        "unit": "x-xuan-loc",
        "sapo": (
            "Đại hội xác định phát triển nông nghiệp ứng dụng công nghệ cao và du lịch sinh "
            "thái là hướng đi chính của xã trong nhiệm kỳ mới."
        ),
        "detail": (
            "Đại hội bầu Ban Chấp hành Đảng bộ xã khóa I và đoàn đại biểu dự Đại hội đại biểu "
            "Đảng bộ tỉnh. Nhiều ý kiến đề xuất xây dựng thương hiệu nông sản của địa phương."
        ),
        "tags": ["đại hội đảng", "nông nghiệp"],
    },
    {
        "title": "Đại hội Đảng bộ các cơ quan Đảng tỉnh lần thứ I",
        "date": (2025, 8, 25, 8),
        "cats": ["xay-dung-dang"],
        "unit": "du-cqd",
        "sapo": (
            "Đại hội đề ra các chỉ tiêu về xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh "
            "và nâng cao chất lượng tham mưu của các cơ quan Đảng."
        ),
        "detail": (
            "Đảng bộ các cơ quan Đảng tỉnh được thành lập trong quá trình sắp xếp bộ máy, tập "
            "hợp các tổ chức đảng trong các cơ quan Đảng, Mặt trận Tổ quốc và đoàn thể cấp "
            "tỉnh."
        ),
        "tags": ["đại hội đảng"],
    },
    {
        "title": "Khai mạc Đại hội đại biểu Đảng bộ tỉnh Đồng Nai lần thứ I, nhiệm kỳ 2025–2030",
        "date": (2025, 9, 30, 8),
        "cats": ["xay-dung-dang"],
        "unit": "bch",
        "sapo": (
            "Đại hội đầu tiên của Đảng bộ tỉnh sau hợp nhất thảo luận phương hướng phát triển "
            "tỉnh trong giai đoạn mới và bầu Ban Chấp hành Đảng bộ tỉnh khóa I."
        ),
        "detail": (
            "Báo cáo chính trị trình Đại hội đánh giá kết quả nhiệm kỳ 2020–2025 và xác định các "
            "đột phá chiến lược về hạ tầng, nguồn nhân lực và chuyển đổi số. Đại biểu đại diện "
            "cho các đảng bộ trực thuộc trên địa bàn tỉnh mới."
        ),
        "quote": (
            "Đại hội là dịp để toàn Đảng bộ nhìn lại chặng đường đã qua và thống nhất ý chí cho "
            "chặng đường mới.",
            "Diễn văn khai mạc (nội dung minh họa)",
        ),
        "tags": ["đại hội đảng", "nhiệm kỳ 2025–2030"],
        "featured": True,
    },
    {
        "title": "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh khóa I",
        "date": (2025, 10, 1, 16),
        "cats": ["xay-dung-dang"],
        "unit": "btv",
        "sapo": (
            "Hội nghị bầu Ban Thường vụ, Bí thư, các Phó Bí thư Tỉnh ủy và Ủy ban Kiểm tra Tỉnh "
            "ủy nhiệm kỳ 2025–2030."
        ),
        "detail": (
            "Ngay sau hội nghị, Thường trực Tỉnh ủy phân công nhiệm vụ, chỉ đạo xây dựng chương "
            "trình làm việc toàn khóa và quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa "
            "I."
        ),
        "tags": ["nhiệm kỳ 2025–2030", "công tác cán bộ"],
        "docs": ["nq01-b"],
    },
    {
        "title": "Giải ngân vốn đầu tư công: quyết liệt trong những tháng cuối năm",
        "date": (2025, 10, 28, 10),
        "cats": ["kinh-te"],
        "unit": "du-ubnd",
        "sapo": (
            "Thường trực Tỉnh ủy yêu cầu các chủ đầu tư rà soát từng dự án, điều chuyển vốn từ "
            "nơi chậm sang nơi có khả năng giải ngân tốt."
        ),
        "detail": (
            "Những dự án chậm tiến độ do nguyên nhân chủ quan sẽ bị xem xét trách nhiệm người "
            "đứng đầu. Các địa phương được yêu cầu báo cáo tiến độ hằng tuần."
        ),
        "tags": ["đầu tư công"],
    },
    {
        "title": "Phổ cập kỹ năng số cho người dân ở các xã vùng sâu",
        "date": (2025, 11, 10, 9),
        "cats": ["van-hoa-xa-hoi", "kinh-te"],
        "unit": "du-ubnd",
        "sapo": (
            "Các tổ công nghệ số cộng đồng đến từng khu dân cư hướng dẫn người dân dùng dịch vụ "
            "công trực tuyến, thanh toán không dùng tiền mặt."
        ),
        "detail": (
            "Đoàn viên, thanh niên là lực lượng nòng cốt của các tổ công nghệ số. Nhiều người "
            "cao tuổi lần đầu tự nộp hồ sơ trực tuyến với sự hỗ trợ của các bạn trẻ."
        ),
        "tags": ["chuyển đổi số", "thanh niên"],
        "docs": ["nq57"],
    },
    {
        "title": "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
        "date": (2025, 11, 15, 8),
        "cats": ["chinh-tri-xa-hoi"],
        "unit": "x-nhon-trach",
        "sapo": (
            "Lãnh đạo tỉnh dự ngày hội cùng người dân một khu dân cư, biểu dương các gia đình "
            "tiêu biểu trong xây dựng nông thôn mới."
        ),
        "detail": (
            "Ngày hội có nhiều hoạt động văn nghệ, thể thao, trao quà cho học sinh vượt khó. "
            "Người dân kiến nghị về hạ tầng giao thông nông thôn và được lãnh đạo địa phương "
            "trả lời ngay tại chỗ."
        ),
        "tags": ["đại đoàn kết", "dân vận khéo"],
    },
    {
        "title": "Công an tỉnh ra quân cao điểm bảo đảm trật tự dịp cuối năm",
        "date": (2025, 12, 5, 7),
        "cats": ["quoc-phong-an-ninh"],
        "unit": "du-congan",
        "sapo": (
            "Đợt cao điểm tập trung phòng ngừa tội phạm, bảo đảm trật tự an toàn giao thông "
            "trong dịp cuối năm và Tết Nguyên đán."
        ),
        "detail": (
            "Lực lượng công an xã, phường tăng cường tuần tra ở khu dân cư, khu công nghiệp và "
            "các tuyến giao thông trọng điểm. Người dân được khuyến khích cung cấp thông tin "
            "qua ứng dụng trực tuyến."
        ),
        "tags": ["an ninh trật tự"],
    },
    {
        "title": "Lan tỏa truyền thống Quân đội nhân dân Việt Nam",
        "date": (2025, 12, 22, 9),
        "cats": ["quoc-phong-an-ninh", "van-hoa-xa-hoi"],
        "unit": "du-quansu",
        "sapo": (
            "Nhiều hoạt động tri ân, giáo dục truyền thống được tổ chức nhân kỷ niệm ngày thành "
            "lập Quân đội nhân dân Việt Nam."
        ),
        "detail": (
            "Các đơn vị lực lượng vũ trang tổ chức gặp mặt cựu chiến binh, thăm hỏi gia đình "
            "chính sách và giao lưu với học sinh các trường học trên địa bàn."
        ),
        "tags": ["quốc phòng", "kỷ niệm"],
    },
    {
        "title": "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I",
        "date": (2026, 1, 8, 8),
        "cats": ["xay-dung-dang"],
        "unit": "btgdvtu",
        "sapo": (
            "Hội nghị được tổ chức trực tiếp kết hợp trực tuyến đến tất cả chi bộ, đảng bộ cơ sở "
            "trong tỉnh."
        ),
        "detail": (
            "Sau hội nghị, các cấp ủy xây dựng chương trình hành động của cấp mình, gắn với "
            "những việc cụ thể, đo đếm được. Ban Tuyên giáo và Dân vận Tỉnh ủy phát hành tài "
            "liệu hỏi – đáp dành cho đảng viên ở chi bộ."
        ),
        "tags": ["nhiệm kỳ 2025–2030", "học tập nghị quyết"],
        "docs": ["ctr01", "nq01-b"],
    },
    {
        "title": "Kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "date": (2026, 2, 3, 8),
        "cats": ["xay-dung-dang"],
        "unit": "btv",
        "sapo": (
            "Lễ kỷ niệm ôn lại truyền thống vẻ vang của Đảng và trao Huy hiệu Đảng cho các đảng "
            "viên lão thành."
        ),
        "detail": (
            "Phát biểu tại buổi lễ, lãnh đạo Tỉnh ủy nhấn mạnh yêu cầu tiếp tục xây dựng Đảng "
            "bộ trong sạch, vững mạnh, gắn bó máu thịt với Nhân dân."
        ),
        "tags": ["Huy hiệu Đảng", "kỷ niệm"],
        "featured": True,
    },
    {
        "title": "Chăm lo Tết Bính Ngọ cho hộ nghèo và công nhân khó khăn",
        "date": (2026, 2, 10, 15),
        "cats": ["van-hoa-xa-hoi", "chinh-tri-xa-hoi"],
        "unit": "btgdvtu",
        "sapo": (
            "Hàng nghìn phần quà được trao tận tay các hộ nghèo, gia đình chính sách và công "
            "nhân không về quê đón Tết."
        ),
        "detail": (
            "Các cấp ủy, chính quyền phối hợp với doanh nghiệp tổ chức “Chuyến xe mùa xuân” "
            "đưa công nhân về quê. Ở các khu nhà trọ, nhiều chương trình văn nghệ mừng Xuân "
            "được tổ chức."
        ),
        "tags": ["an sinh xã hội", "công nhân"],
        "docs": ["tt05"],
    },
    {
        "title": "Phường Tam Hiệp ra mắt mô hình chi bộ số",
        "date": (2026, 3, 17, 10),
        "cats": ["hoat-dong-co-so"],
        "unit": "p-tam-hiep",
        "sapo": (
            "Tài liệu sinh hoạt, nghị quyết và thông báo của chi bộ được gửi đến đảng viên qua "
            "ứng dụng, giảm giấy tờ và tiết kiệm thời gian."
        ),
        "detail": (
            "Mô hình được thí điểm ở ba chi bộ khu phố trước khi nhân rộng. Đảng viên cao tuổi "
            "được các đoàn viên thanh niên hỗ trợ cài đặt, sử dụng ứng dụng."
        ),
        "tags": ["chuyển đổi số", "chi bộ"],
        "docs": ["nq09"],
    },
    {
        "title": "Quý I/2026: sản xuất công nghiệp tăng trưởng khá",
        "date": (2026, 4, 9, 9),
        "cats": ["kinh-te"],
        "unit": "du-ubnd",
        "sapo": (
            "Chỉ số sản xuất công nghiệp tăng so với cùng kỳ; xuất khẩu của các doanh nghiệp "
            "trong khu công nghiệp duy trì đà phục hồi."
        ),
        "detail": (
            "Tỉnh tiếp tục cải thiện môi trường đầu tư, rút ngắn thời gian giải quyết thủ tục "
            "cho doanh nghiệp. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo rà soát các dự án chậm "
            "triển khai để thu hồi, giao cho nhà đầu tư có năng lực."
        ),
        "tags": ["khu công nghiệp", "tăng trưởng"],
    },
    {
        "title": "Giám sát việc thực hiện quy chế làm việc của cấp ủy cơ sở",
        "date": (2026, 5, 14, 9),
        "cats": ["xay-dung-dang"],
        "unit": "ubkttu",
        "sapo": (
            "Ủy ban Kiểm tra Tỉnh ủy giám sát chuyên đề tại một số đảng bộ xã, phường về việc "
            "thực hiện quy chế làm việc và nguyên tắc tập trung dân chủ."
        ),
        "detail": (
            "Đoàn giám sát ghi nhận nhiều đảng bộ đã ban hành đầy đủ quy chế, phân công rõ "
            "trách nhiệm. Một số nơi cần cải thiện việc lưu trữ biên bản, nghị quyết sinh hoạt."
        ),
        "tags": ["kiểm tra giám sát"],
        "docs": ["hd03-ubkt"],
    },
    {
        "title": "Đối thoại giữa người đứng đầu cấp ủy với Nhân dân xã Nhơn Trạch",
        "date": (2026, 6, 18, 8),
        "cats": ["chinh-tri-xa-hoi", "hoat-dong-co-so"],
        "unit": "x-nhon-trach",
        "sapo": (
            "Buổi đối thoại tập trung vào các vấn đề người dân quan tâm: đất đai, môi trường, "
            "việc làm cho lao động địa phương."
        ),
        "detail": (
            "Các kiến nghị được trả lời trực tiếp; những việc vượt thẩm quyền được tổng hợp báo "
            "cáo cấp trên. Đảng ủy xã cam kết thông báo kết quả giải quyết đến người dân."
        ),
        "tags": ["dân vận khéo", "đối thoại"],
    },
    {
        "title": "Một năm vận hành chính quyền địa phương hai cấp ở phường Đồng Xoài",
        "date": (2026, 7, 1, 9),
        "cats": ["hoat-dong-co-so"],
        "unit": "p-dong-xoai",
        "sapo": (
            "Sau một năm, bộ máy phường hoạt động ổn định, thời gian giải quyết thủ tục hành "
            "chính được rút ngắn."
        ),
        "detail": (
            "Đảng ủy phường đánh giá những việc làm được và những khó khăn về cơ sở vật chất, "
            "nhân lực. Người dân ghi nhận thái độ phục vụ của cán bộ tiến bộ rõ rệt."
        ),
        "tags": ["chính quyền hai cấp"],
    },
    {
        "title": "Phát triển hợp tác xã nông nghiệp ứng dụng công nghệ cao",
        "date": (2026, 8, 27, 9),
        "cats": ["kinh-te", "hoat-dong-co-so"],
        "unit": "x-xuan-loc",
        "sapo": (
            "Nhiều hợp tác xã ở xã Xuân Lộc đã liên kết với doanh nghiệp, xây dựng vùng nguyên "
            "liệu đạt chuẩn xuất khẩu."
        ),
        "detail": (
            "Chi bộ trong các hợp tác xã đóng vai trò hạt nhân, vận động thành viên áp dụng quy "
            "trình sản xuất an toàn. Thu nhập của người trồng trọt tăng so với trước."
        ),
        "tags": ["nông nghiệp", "hợp tác xã"],
    },
    {
        "title": "Bốn năm Cổng thông tin điện tử Đảng bộ tỉnh: mở rộng dữ liệu văn bản",
        "date": (2026, 9, 29, 9),
        "cats": ["xay-dung-dang"],
        "unit": "vptu",
        "sapo": (
            "Cổng được nâng cấp giao diện, bổ sung chức năng tra cứu văn bản theo số, ký hiệu "
            "và hỗ trợ tìm kiếm không dấu."
        ),
        "detail": (
            "Văn phòng Tỉnh ủy phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy cập nhật toàn văn "
            "các nghị quyết, chỉ thị, kết luận còn hiệu lực. Người dùng có thể in hoặc lưu "
            "từng bài viết."
        ),
        "tags": ["cổng thông tin", "chuyển đổi số"],
        "docs": ["qd797", "qc03", "cv250"],
        "featured": True,
    },
    {
        "title": "Sơ kết công tác cải cách tư pháp 9 tháng năm 2026",
        "date": (2026, 10, 15, 9),
        "cats": ["quoc-phong-an-ninh"],
        "unit": "bnctu",
        "sapo": (
            "Các cơ quan tư pháp trong tỉnh đã giải quyết đúng hạn phần lớn các vụ việc, vụ án; "
            "chất lượng tranh tụng tại phiên tòa được nâng lên."
        ),
        "detail": (
            "Ban Nội chính Tỉnh ủy đề nghị tăng cường ứng dụng công nghệ thông tin trong hoạt "
            "động tư pháp và làm tốt công tác tiếp công dân."
        ),
        "tags": ["nội chính", "cải cách tư pháp"],
    },
    {
        "title": "Tôn vinh nhà giáo tiêu biểu nhân Ngày Nhà giáo Việt Nam",
        "date": (2026, 11, 18, 15),
        "cats": ["van-hoa-xa-hoi"],
        "unit": "btgdvtu",
        "sapo": (
            "Nhiều thầy cô giáo có thành tích xuất sắc trong giảng dạy và đổi mới phương pháp "
            "được biểu dương, khen thưởng."
        ),
        "detail": (
            "Các nhà giáo được tôn vinh đến từ nhiều cấp học, trong đó có những thầy cô công "
            "tác lâu năm ở các xã vùng sâu. Lãnh đạo tỉnh mong ngành giáo dục tiếp tục đổi mới "
            "và chăm lo đội ngũ."
        ),
        "tags": ["giáo dục"],
    },
]

# offset_days from the run date; time (hour, minute); duration in hours or days.
EVENTS = [
    {
        "title": "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm",
        "offset_days": -150,
        "time": (8, 0),
        "hours": 4,
        "place": "Hội trường Tỉnh ủy, phường Trấn Biên",
        "organiser": "bch",
        "summary": (
            "Đánh giá kết quả công tác xây dựng Đảng 6 tháng đầu năm và bàn nhiệm vụ 6 tháng "
            "cuối năm."
        ),
        "news": ["Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh khóa I"],
    },
    {
        "title": "Hội thảo khoa học về lịch sử Đảng bộ tỉnh",
        "offset_days": -75,
        "time": (8, 0),
        "hours": 8,
        "place": "Trường Chính trị tỉnh",
        "organiser": "btgdvtu",
        "summary": (
            "Các nhà nghiên cứu, cán bộ lão thành trao đổi về tư liệu lịch sử Đảng bộ tỉnh qua "
            "các thời kỳ."
        ),
        "news": ["Hội thi tìm hiểu lịch sử Đảng bộ tỉnh trong đoàn viên, thanh niên"],
    },
    {
        "title": "Tập huấn nghiệp vụ công tác tổ chức, cán bộ cho cấp ủy cơ sở",
        "offset_days": -40,
        "time": (7, 30),
        "days": 2,
        "place": "Hội trường Ban Tổ chức Tỉnh ủy",
        "organiser": "btctu",
        "summary": (
            "Bồi dưỡng kỹ năng về quản lý đảng viên, phát triển đảng viên và quy trình công tác "
            "cán bộ cho cấp ủy viên xã, phường."
        ),
        "news": ["Công bố quyết định thành lập các đảng bộ xã, phường"],
    },
    {
        "title": "Hội nghị báo cáo viên tháng",
        "offset_days": -14,
        "time": (14, 0),
        "hours": 3,
        "place": "Trực tuyến đến các đảng bộ trực thuộc",
        "organiser": "btgdvtu",
        "summary": "Thông tin thời sự trong nước, quốc tế và định hướng tuyên truyền trong tháng.",
        "news": [],
    },
    {
        "title": "Tập huấn sử dụng Cổng thông tin điện tử cho cộng tác viên",
        "offset_days": -3,
        "time": (8, 30),
        "hours": 4,
        "place": "Phòng họp trực tuyến Văn phòng Tỉnh ủy",
        "organiser": "vptu",
        "summary": (
            "Hướng dẫn cộng tác viên soạn tin, gửi duyệt và cập nhật văn bản trên hệ thống quản "
            "trị của cổng."
        ),
        "news": ["Bốn năm Cổng thông tin điện tử Đảng bộ tỉnh: mở rộng dữ liệu văn bản"],
    },
    {
        "title": "Hội nghị học tập chuyên đề tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "offset_days": 4,
        "time": (8, 0),
        "hours": 4,
        "place": "Hội trường Tỉnh ủy, kết nối trực tuyến đến các xã, phường",
        "organiser": "btgdvtu",
        "summary": "Quán triệt chuyên đề học tập năm và biểu dương các điển hình tiêu biểu.",
        "news": ["Học tập và làm theo Bác: lan tỏa những cách làm hay ở cơ sở"],
    },
    {
        "title": "Hội nghị Ban Chấp hành Đảng bộ tỉnh thường kỳ",
        "offset_days": 12,
        "time": (8, 0),
        "hours": 8,
        "place": "Hội trường Tỉnh ủy, phường Trấn Biên",
        "organiser": "bch",
        "summary": (
            "Thảo luận tình hình thực hiện nhiệm vụ năm và cho ý kiến vào các chương trình, đề "
            "án trọng điểm."
        ),
        "news": ["Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I"],
    },
    {
        "title": "Lớp bồi dưỡng kiến thức quốc phòng và an ninh",
        "offset_days": 30,
        "time": (7, 30),
        "days": 3,
        "place": "Trường Quân sự tỉnh",
        "organiser": "du-quansu",
        "summary": (
            "Bồi dưỡng kiến thức quốc phòng và an ninh cho cán bộ chủ chốt các xã, phường."
        ),
        "news": ["Diễn tập khu vực phòng thủ bảo đảm an toàn tuyệt đối"],
    },
    {
        "title": "Hội thi Bí thư chi bộ giỏi",
        "offset_days": 60,
        "time": (8, 0),
        "days": 2,
        "place": "Nhà văn hóa Lao động tỉnh",
        "organiser": "du-cqd",
        "summary": (
            "Hội thi tìm hiểu nghiệp vụ công tác đảng và kỹ năng điều hành sinh hoạt chi bộ."
        ),
        "news": ["Phường Tam Hiệp ra mắt mô hình chi bộ số"],
    },
    {
        "title": "Diễn đàn chuyển đổi số trong công tác Đảng",
        "offset_days": 100,
        "time": (8, 0),
        "hours": 6,
        "place": "Trung tâm Hội nghị tỉnh",
        "organiser": "vptu",
        "summary": (
            "Chia sẻ kinh nghiệm số hóa văn bản, hồ sơ đảng viên và vận hành cổng thông tin của "
            "các đảng bộ."
        ),
        "news": ["Quán triệt Nghị quyết 57-NQ/TW về khoa học, công nghệ và chuyển đổi số"],
    },
]
