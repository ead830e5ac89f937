"""Demo Party documents.

Central documents (57-NQ/TW, 45-CT/TW, 01-KL/TW, 36-HD/VPTW) carry their public number,
date and subject; provincial ones are invented for the demo. The signers of central
documents are left empty; provincial signers are the fictional people of org_content.
Each entry: type (abbreviation), number, issuer (name in the reference table), co_issuers,
term, dates, summary (trích yếu, lower-case start so it reads after the type and number),
signing authority, signer, relations [(relation type, target key)].
"""

import datetime

D = datetime.date

TU_PREV_SIGNERS = {
    "T/M": ("Tô Văn X", "Bí thư"),
    "K/T": ("Châu Thị Y", "Phó Bí thư Thường trực"),
}
TU_NOW_SIGNERS = {
    "T/M": ("Nguyễn Văn A", "Bí thư"),
    "K/T": ("Trần Thị B", "Phó Bí thư Thường trực"),
    "T/L": ("Vũ Thị G", "Chánh Văn phòng"),
}

DOCUMENTS = [
    # --- Central documents -------------------------------------------------------------
    {
        "key": "hd36",
        "type": "HD",
        "number": 36,
        "issuer": "Văn phòng Trung ương Đảng",
        "term": "2016–2021",
        "issued": D(2018, 4, 3),
        "place": "Hà Nội",
        "summary": "về thể thức và kỹ thuật trình bày văn bản của Đảng",
        "authority": "",
        "signer": ("", "Chánh Văn phòng Trung ương Đảng"),
    },
    {
        "key": "kl01",
        "type": "KL",
        "number": 1,
        "issuer": "Ban Chấp hành Trung ương Đảng (Bộ Chính trị; Ban Bí thư)",
        "term": "2021–2026",
        "issued": D(2021, 5, 18),
        "place": "Hà Nội",
        "summary": (
            "về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và "
            "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
        ),
        "authority": "T/M",
        "signer": ("", "Bộ Chính trị"),
    },
    {
        "key": "nq57",
        "type": "NQ",
        "number": 57,
        "issuer": "Ban Chấp hành Trung ương Đảng (Bộ Chính trị; Ban Bí thư)",
        "term": "2021–2026",
        "issued": D(2024, 12, 22),
        "place": "Hà Nội",
        "summary": (
            "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
        ),
        "authority": "T/M",
        "signer": ("", "Bộ Chính trị"),
    },
    {
        "key": "ct45",
        "type": "CT",
        "number": 45,
        "issuer": "Ban Chấp hành Trung ương Đảng (Bộ Chính trị; Ban Bí thư)",
        "term": "2021–2026",
        "issued": D(2025, 4, 14),
        "place": "Hà Nội",
        "summary": (
            "về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
        ),
        "authority": "T/M",
        "signer": ("", "Bộ Chính trị"),
    },
    # --- Term 2020–2025 ----------------------------------------------------------------
    {
        "key": "nq01-a",
        "type": "NQ",
        "number": 1,
        "issuer": "Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2020, 11, 20),
        "summary": (
            "về chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020–2025"
        ),
        "authority": "T/M",
    },
    {
        "key": "qdi08",
        "type": "QĐi",
        "number": 8,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2021, 6, 15),
        "summary": (
            "về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu cơ "
            "quan, đơn vị"
        ),
        "authority": "T/M",
    },
    {
        "key": "qd797",
        "type": "QĐ",
        "number": 797,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2022, 9, 29),
        "summary": "về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai",
        "authority": "T/M",
        "paragraphs": [
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020–2025;",
            "Xét đề nghị của Ban Tuyên giáo Tỉnh ủy và Văn phòng Tỉnh ủy,",
            "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH",
            "Điều 1. Thành lập Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai. Cổng là kênh thông "
            "tin chính thống của Đảng bộ tỉnh trên môi trường mạng.",
            "Điều 2. Ban Tuyên giáo Tỉnh ủy là cơ quan thường trực của Ban biên tập; Văn phòng "
            "Tỉnh ủy quản lý hệ thống kỹ thuật của cổng.",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị liên quan chịu "
            "trách nhiệm thi hành quyết định này.",
        ],
    },
    {
        "key": "qc12",
        "type": "QC",
        "number": 12,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2022, 10, 5),
        "summary": (
            "quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử Đảng bộ tỉnh"
        ),
        "authority": "T/M",
    },
    {
        "key": "qc05",
        "type": "QC",
        "number": 5,
        "issuer": "Ban Tổ chức Tỉnh ủy",
        "co_issuers": ["Ban Dân vận Tỉnh ủy"],
        "term": "2020–2025",
        "issued": D(2023, 3, 10),
        "summary": (
            "phối hợp giữa Ban Tổ chức Tỉnh ủy và Ban Dân vận Tỉnh ủy trong công tác phát triển "
            "đảng viên ở khu dân cư và doanh nghiệp"
        ),
        "authority": "",
        "signer": ("Hoàng Văn E", "Trưởng Ban Tổ chức Tỉnh ủy"),
    },
    {
        "key": "ct12",
        "type": "CT",
        "number": 12,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2023, 5, 8),
        "summary": (
            "về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm trật tự, an toàn giao "
            "thông"
        ),
        "authority": "T/M",
    },
    {
        "key": "qd650",
        "type": "QĐ",
        "number": 650,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2023, 6, 20),
        "summary": "ban hành quy định tạm thời về chế độ thông tin, báo cáo trong Đảng bộ tỉnh",
        "authority": "K/T",
    },
    {
        "key": "kh120",
        "type": "KH",
        "number": 120,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2024, 1, 10),
        "expired": D(2024, 12, 31),
        "summary": "tuyên truyền các ngày lễ lớn, sự kiện lịch sử quan trọng năm 2024",
        "authority": "K/T",
    },
    {
        "key": "kl25",
        "type": "KL",
        "number": 25,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2024, 7, 22),
        "summary": (
            "về tình hình thực hiện nhiệm vụ 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối "
            "năm 2024"
        ),
        "authority": "T/M",
    },
    {
        "key": "kh55",
        "type": "KH",
        "number": 55,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2025, 2, 12),
        "summary": (
            "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
            "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
        ),
        "authority": "T/M",
        "relations": [("guides", "nq57")],
    },
    {
        "key": "kh-ct45",
        "type": "KH",
        "number": 380,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2020–2025",
        "issued": D(2025, 4, 25),
        "summary": (
            "thực hiện Chỉ thị số 45-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới "
            "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
        ),
        "authority": "T/M",
        "relations": [("guides", "ct45")],
    },
    # --- Term 2025–2030 ----------------------------------------------------------------
    {
        "key": "nq01-b",
        "type": "NQ",
        "number": 1,
        "issuer": "Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2025, 10, 20),
        "summary": (
            "về chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh khóa I, nhiệm kỳ "
            "2025–2030"
        ),
        "authority": "T/M",
    },
    {
        "key": "hd05-btctu",
        "type": "HD",
        "number": 5,
        "issuer": "Ban Tổ chức Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2025, 10, 28),
        "summary": "một số vấn đề về nghiệp vụ công tác đảng viên trong các đảng bộ xã, phường",
        "authority": "",
        "signer": ("Hoàng Văn E", "Trưởng Ban Tổ chức Tỉnh ủy"),
    },
    {
        "key": "qd15",
        "type": "QĐ",
        "number": 15,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2025, 11, 20),
        "summary": (
            "sửa đổi, bổ sung Quyết định số 797-QĐ/TU về việc thành lập Cổng thông tin điện tử "
            "Đảng bộ tỉnh Đồng Nai"
        ),
        "authority": "T/M",
        "relations": [("amends", "qd797")],
    },
    {
        "key": "ctr01",
        "type": "CTr",
        "number": 1,
        "issuer": "Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2025, 11, 25),
        "summary": "hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I",
        "authority": "T/M",
    },
    {
        "key": "qc03",
        "type": "QC",
        "number": 3,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2025, 12, 10),
        "summary": (
            "quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử Đảng bộ tỉnh "
            "(thay thế Quy chế số 12-QC/TU)"
        ),
        "authority": "T/M",
        "relations": [("replaces", "qc12")],
    },
    {
        "key": "tt05",
        "type": "TT",
        "number": 5,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2025, 12, 26),
        "summary": "về lãnh đạo tổ chức đón Tết Nguyên đán Bính Ngọ năm 2026",
        "authority": "K/T",
    },
    {
        "key": "qd20",
        "type": "QĐ",
        "number": 20,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2026, 2, 10),
        "summary": (
            "bãi bỏ Quyết định số 650-QĐ/TU ban hành quy định tạm thời về chế độ thông tin, báo "
            "cáo trong Đảng bộ tỉnh"
        ),
        "authority": "T/M",
        "relations": [("repeals", "qd650")],
    },
    {
        "key": "nq09",
        "type": "NQ",
        "number": 9,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2026, 3, 25),
        "summary": (
            "về đẩy mạnh chuyển đổi số trong các cơ quan Đảng, Mặt trận Tổ quốc và các tổ chức "
            "chính trị – xã hội tỉnh đến năm 2030"
        ),
        "authority": "T/M",
    },
    {
        "key": "hd02-btgdv",
        "type": "HD",
        "number": 2,
        "issuer": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2026, 4, 15),
        "summary": "tuyên truyền, học tập Nghị quyết số 09-NQ/TU của Ban Thường vụ Tỉnh ủy",
        "authority": "",
        "signer": ("Phạm Thị D", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        "relations": [("guides", "nq09")],
    },
    {
        "key": "hd03-ubkt",
        "type": "HD",
        "number": 3,
        "issuer": "Ủy ban Kiểm tra Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2026, 4, 28),
        "summary": "giám sát chuyên đề việc thực hiện quy chế làm việc của cấp ủy cơ sở",
        "authority": "T/M",
        "signer": ("Đặng Văn H", "Chủ nhiệm"),
    },
    {
        "key": "cv250",
        "type": "CV",
        "number": 250,
        "issuer": "Văn phòng Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2026, 6, 5),
        "summary": "về việc tăng cường cung cấp thông tin cho Cổng thông tin điện tử Đảng bộ tỉnh",
        "authority": "",
        "signer": ("Vũ Thị G", "Chánh Văn phòng Tỉnh ủy"),
    },
    {
        "key": "bc30",
        "type": "BC",
        "number": 30,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2026, 7, 10),
        "summary": "sơ kết công tác xây dựng Đảng và hệ thống chính trị 6 tháng đầu năm 2026",
        "authority": "T/L",
    },
    {
        "key": "tb45",
        "type": "TB",
        "number": 45,
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "term": "2025–2030",
        "issued": D(2026, 9, 8),
        "summary": (
            "kết luận của Thường trực Tỉnh ủy về tiến độ các công trình, dự án trọng điểm của tỉnh"
        ),
        "authority": "T/L",
    },
]

BODY_TEMPLATE = [
    "Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định hiện hành của Trung ương;",
    "Căn cứ tình hình thực tiễn của địa phương, cơ quan, đơn vị,",
    "Văn bản này quy định, hướng dẫn hoặc chỉ đạo {subject}.",
    "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị có liên quan căn cứ nội dung văn bản để tổ "
    "chức thực hiện, định kỳ báo cáo kết quả về cơ quan ban hành.",
    "(Toàn văn minh họa cho dữ liệu demo của cổng thông tin.)",
]
