"""The demo org chart: units, fictional people and their positions.

Names are placeholders (Nguyễn Văn A, Trần Thị B...): the real office-holders change with
each term and are content for editors, not data for a demo.
"""

import datetime

TERM_NOW = "2025–2030"
TERM_PREV = "2020–2025"
CONGRESS_NOW = datetime.date(2025, 9, 30)
CONGRESS_PREV = datetime.date(2020, 10, 15)
MERGER = datetime.date(2025, 7, 1)

# key -> (full name, honorific, e-mail local part)
PEOPLE = {
    "A": ("Nguyễn Văn A", "TS.", "nva"),
    "B": ("Trần Thị B", "ThS.", "ttb"),
    "C": ("Lê Văn C", "TS.", "lvc"),
    "D": ("Phạm Thị D", "ThS.", "ptd"),
    "E": ("Hoàng Văn E", "", "hve"),
    "G": ("Vũ Thị G", "ThS.", "vtg"),
    "H": ("Đặng Văn H", "", "dvh"),
    "K": ("Bùi Thị K", "ThS.", "btk"),
    "L": ("Đỗ Văn L", "", "dvl"),
    "M": ("Hồ Thị M", "TS.", "htm"),
    "N": ("Ngô Văn N", "", "ngvn"),
    "P": ("Dương Thị P", "", "dtp"),
    "Q": ("Lý Văn Q", "", "lvq"),
    "R": ("Mai Thị R", "", "mtr"),
    "S": ("Trịnh Văn S", "", "tvs"),
    "T": ("Phan Thị T", "", "ptt"),
    "U": ("Võ Văn U", "ThS.", "vvu"),
    "V": ("Lâm Thị V", "", "ltv"),
    "X": ("Tô Văn X", "TS.", "tvx"),
    "Y": ("Châu Thị Y", "ThS.", "cty"),
    "Z": ("Đinh Văn Z", "", "dvz"),
    "Đ": ("Quách Văn Đ", "", "qvd"),
}


def biography(key):
    name = PEOPLE[key][0]
    return (
        f"<p>{name} là nhân vật giả định dùng cho dữ liệu minh họa của cổng thông tin. "
        "Tiểu sử thật của cán bộ do Ban biên tập cập nhật theo hồ sơ được công bố.</p>"
    )


def _now(person, position, start=CONGRESS_NOW):
    return (person, position, TERM_NOW, start, None)


def _former(person, position, start=CONGRESS_PREV, end=CONGRESS_NOW - datetime.timedelta(days=1)):
    return (person, position, TERM_PREV, start, end)


def _functions(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


ADDRESS = "Số 2 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai"

# In tree order; "parent" is the key of the parent unit, None for the chart itself.
UNITS = [
    {
        "key": "bch",
        "parent": None,
        "title": "Ban Chấp hành Đảng bộ tỉnh",
        "kind": "ban-chap-hanh",
        "abbreviation": "BCH",
        "functions": _functions(
            "Cơ quan lãnh đạo của Đảng bộ tỉnh giữa hai kỳ đại hội.",
            "Lãnh đạo thực hiện nghị quyết đại hội, nghị quyết, chỉ thị của Trung ương.",
            "Quyết định những chủ trương lớn về phát triển kinh tế – xã hội, quốc phòng – an "
            "ninh và xây dựng Đảng, hệ thống chính trị của tỉnh.",
        ),
        "address": ADDRESS,
        "phone": "(0251) 3 822 000",
        "email": "tinhuy@dongnai.example",
        "members": [
            _now("A", "Bí thư Tỉnh ủy"),
            _now("B", "Phó Bí thư Thường trực Tỉnh ủy"),
            _now("C", "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh"),
            _now("D", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"),
            _now("E", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy"),
            _now("G", "Ủy viên Ban Thường vụ, Chánh Văn phòng Tỉnh ủy"),
            _now("H", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
            _now("K", "Tỉnh ủy viên, Trưởng Ban Nội chính Tỉnh ủy"),
            _now("L", "Tỉnh ủy viên, Bí thư Đảng ủy các cơ quan Đảng tỉnh"),
            _now("M", "Tỉnh ủy viên, Bí thư Đảng ủy Ủy ban nhân dân tỉnh"),
            _former("X", "Bí thư Tỉnh ủy"),
            _former("Y", "Phó Bí thư Thường trực Tỉnh ủy"),
            _former("Z", "Tỉnh ủy viên, Trưởng Ban Tuyên giáo Tỉnh ủy"),
        ],
    },
    {
        "key": "btv",
        "parent": "bch",
        "title": "Ban Thường vụ Tỉnh ủy",
        "kind": "ban-thuong-vu",
        "abbreviation": "BTVTU",
        "functions": _functions(
            "Lãnh đạo, chỉ đạo thực hiện nghị quyết của Ban Chấp hành Đảng bộ tỉnh giữa hai kỳ "
            "hội nghị.",
            "Quyết định các vấn đề về tổ chức, cán bộ theo phân cấp quản lý.",
            "Chỉ đạo công tác kiểm tra, giám sát, công tác tuyên giáo, dân vận và nội chính.",
        ),
        "address": ADDRESS,
        "phone": "(0251) 3 822 002",
        "email": "btv.tinhuy@dongnai.example",
        "members": [
            _now("A", "Bí thư Tỉnh ủy"),
            _now("B", "Phó Bí thư Thường trực Tỉnh ủy"),
            _now("C", "Phó Bí thư Tỉnh ủy"),
            _now("D", "Ủy viên Ban Thường vụ Tỉnh ủy"),
            _now("E", "Ủy viên Ban Thường vụ Tỉnh ủy"),
            _now("G", "Ủy viên Ban Thường vụ Tỉnh ủy"),
            _now("H", "Ủy viên Ban Thường vụ Tỉnh ủy"),
            _former("X", "Bí thư Tỉnh ủy"),
            _former("Y", "Phó Bí thư Thường trực Tỉnh ủy"),
        ],
    },
    {
        "key": "tt",
        "parent": "btv",
        "title": "Thường trực Tỉnh ủy",
        "kind": "thuong-truc",
        "abbreviation": "TTTU",
        "functions": _functions(
            "Chỉ đạo, kiểm tra việc thực hiện nghị quyết, chỉ thị, quyết định của Ban Chấp hành, "
            "Ban Thường vụ Tỉnh ủy.",
            "Giải quyết công việc hằng ngày của Đảng bộ; chuẩn bị nội dung các kỳ họp của Ban "
            "Chấp hành và Ban Thường vụ.",
        ),
        "address": ADDRESS,
        "phone": "(0251) 3 822 003",
        "email": "thuongtruc.tinhuy@dongnai.example",
        "members": [
            _now("A", "Bí thư Tỉnh ủy"),
            _now("B", "Phó Bí thư Thường trực Tỉnh ủy"),
            _now("C", "Phó Bí thư Tỉnh ủy"),
            _former("X", "Bí thư Tỉnh ủy"),
            _former("Y", "Phó Bí thư Thường trực Tỉnh ủy"),
        ],
    },
    {
        "key": "vptu",
        "parent": None,
        "title": "Văn phòng Tỉnh ủy",
        "kind": "co-quan-tham-muu",
        "abbreviation": "VPTU",
        "functions": _functions(
            "Tham mưu tổ chức, điều hành công việc của Tỉnh ủy, Ban Thường vụ, Thường trực "
            "Tỉnh ủy.",
            "Quản lý tài chính, tài sản của Đảng bộ; công tác văn thư, lưu trữ.",
            "Quản lý hệ thống kỹ thuật của Cổng thông tin điện tử Đảng bộ tỉnh và mạng thông "
            "tin của các cơ quan Đảng.",
        ),
        "address": ADDRESS,
        "phone": "(0251) 3 822 010",
        "email": "vanphong.tinhuy@dongnai.example",
        "members": [
            _now("G", "Chánh Văn phòng Tỉnh ủy"),
            _now("U", "Phó Chánh Văn phòng Tỉnh ủy", start=datetime.date(2025, 10, 15)),
        ],
    },
    {
        "key": "btctu",
        "parent": None,
        "title": "Ban Tổ chức Tỉnh ủy",
        "kind": "co-quan-tham-muu",
        "abbreviation": "BTCTU",
        "functions": _functions(
            "Tham mưu về tổ chức bộ máy, cán bộ, đảng viên và bảo vệ chính trị nội bộ.",
            "Hướng dẫn công tác phát triển đảng viên, quản lý hồ sơ đảng viên.",
            "Thẩm định nhân sự thuộc diện Ban Thường vụ Tỉnh ủy quản lý.",
        ),
        "address": "Số 4 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 020",
        "email": "bantochuc.tinhuy@dongnai.example",
        "members": [_now("E", "Trưởng Ban Tổ chức Tỉnh ủy")],
    },
    {
        "key": "btgdvtu",
        "parent": None,
        "title": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "kind": "co-quan-tham-muu",
        "abbreviation": "BTGDVTU",
        "functions": _functions(
            "Tham mưu về công tác tuyên truyền, giáo dục chính trị, khoa giáo, văn hóa – văn "
            "nghệ và công tác dân vận.",
            "Là cơ quan thường trực của Ban biên tập Cổng thông tin điện tử Đảng bộ tỉnh.",
            "Theo dõi, định hướng thông tin, tổng hợp tình hình tư tưởng trong cán bộ, đảng "
            "viên và Nhân dân.",
        ),
        "address": "Số 6 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 030",
        "email": "tuyengiaodanvan.tinhuy@dongnai.example",
        "members": [
            _now("D", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", start=datetime.date(2025, 3, 1)),
            _former(
                "Z",
                "Trưởng Ban Tuyên giáo Tỉnh ủy",
                start=datetime.date(2020, 11, 1),
                end=datetime.date(2025, 2, 28),
            ),
        ],
    },
    {
        "key": "ubkttu",
        "parent": None,
        "title": "Ủy ban Kiểm tra Tỉnh ủy",
        "kind": "uy-ban-kiem-tra",
        "abbreviation": "UBKTTU",
        "functions": _functions(
            "Kiểm tra tổ chức đảng và đảng viên khi có dấu hiệu vi phạm; giám sát theo chuyên đề.",
            "Kiểm tra việc thi hành kỷ luật trong Đảng; giải quyết tố cáo, khiếu nại kỷ luật đảng.",
            "Kiểm tra tài chính của cấp ủy cấp dưới và cơ quan tài chính của Tỉnh ủy.",
        ),
        "address": "Số 8 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 040",
        "email": "ubkt.tinhuy@dongnai.example",
        "members": [
            _now("H", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
            _now("V", "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
        ],
    },
    {
        "key": "bnctu",
        "parent": None,
        "title": "Ban Nội chính Tỉnh ủy",
        "kind": "co-quan-tham-muu",
        "abbreviation": "BNCTU",
        "functions": _functions(
            "Tham mưu về công tác nội chính, phòng, chống tham nhũng, lãng phí, tiêu cực và cải "
            "cách tư pháp.",
            "Theo dõi, đôn đốc việc xử lý các vụ việc, vụ án thuộc diện Ban Thường vụ theo "
            "dõi, chỉ đạo.",
        ),
        "address": "Số 10 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 050",
        "email": "noichinh.tinhuy@dongnai.example",
        "members": [_now("K", "Trưởng Ban Nội chính Tỉnh ủy")],
    },
    {
        "key": "bcd-cong",
        "parent": None,
        "title": "Ban Chỉ đạo vận hành Cổng thông tin điện tử Đảng bộ tỉnh",
        "kind": "ban-chi-dao",
        "abbreviation": "BCĐ",
        "functions": _functions(
            "Định hướng nội dung thông tin trên cổng; quyết định các chuyên mục mới.",
            "Chỉ đạo việc phối hợp cung cấp thông tin giữa các cơ quan, đảng bộ trực thuộc.",
        ),
        "address": ADDRESS,
        "phone": "(0251) 3 822 060",
        "email": "bcd.congthongtin@dongnai.example",
        "members": [
            _now("B", "Trưởng Ban Chỉ đạo"),
            _now("D", "Phó Trưởng Ban Chỉ đạo"),
            _now("G", "Thành viên"),
        ],
    },
    {
        "key": "bbt",
        "parent": None,
        "title": "Ban biên tập Cổng thông tin điện tử Đảng bộ tỉnh",
        "kind": "khac",
        "abbreviation": "BBT",
        "functions": _functions(
            "Tổ chức biên tập, duyệt và đăng tin, bài, văn bản trên cổng.",
            "Hướng dẫn nghiệp vụ cho biên tập viên và cộng tác viên.",
        ),
        "address": ADDRESS,
        "phone": "(0251) 3 822 000",
        "email": "banbientap@dongnai.example",
        "members": [
            _now("D", "Trưởng Ban biên tập", start=datetime.date(2025, 3, 1)),
            _now("U", "Phó Trưởng Ban biên tập", start=datetime.date(2025, 10, 15)),
            _former(
                "Z",
                "Trưởng Ban biên tập",
                start=datetime.date(2022, 9, 29),
                end=datetime.date(2025, 2, 28),
            ),
        ],
    },
    {
        "key": "du-cqd",
        "parent": None,
        "title": "Đảng ủy các cơ quan Đảng tỉnh",
        "kind": "dang-bo-truc-thuoc",
        "abbreviation": "ĐUCCQĐ",
        "functions": _functions(
            "Lãnh đạo các tổ chức cơ sở đảng trong các cơ quan Đảng, Mặt trận Tổ quốc, đoàn "
            "thể chính trị – xã hội cấp tỉnh.",
            "Chăm lo xây dựng đội ngũ cán bộ, đảng viên trong khối.",
        ),
        "address": "Số 12 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 070",
        "email": "dangbo.coquandang@dongnai.example",
        "members": [
            _now("L", "Bí thư Đảng ủy", start=datetime.date(2025, 8, 25)),
            _former("Đ", "Bí thư Đảng ủy Khối các cơ quan tỉnh", end=datetime.date(2025, 2, 28)),
        ],
    },
    {
        "key": "du-ubnd",
        "parent": None,
        "title": "Đảng ủy Ủy ban nhân dân tỉnh",
        "kind": "dang-bo-truc-thuoc",
        "abbreviation": "ĐUUBND",
        "functions": _functions(
            "Lãnh đạo các tổ chức đảng trong các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh.",
            "Lãnh đạo thực hiện nhiệm vụ chính trị, cải cách hành chính trong khối chính quyền.",
        ),
        "address": "Số 2 đường Nguyễn Văn Trị, phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 080",
        "email": "dangbo.ubnd@dongnai.example",
        "members": [_now("M", "Bí thư Đảng ủy", start=datetime.date(2025, 8, 20))],
    },
    {
        "key": "du-quansu",
        "parent": None,
        "title": "Đảng ủy Quân sự tỉnh",
        "kind": "dang-bo-truc-thuoc",
        "abbreviation": "ĐUQS",
        "functions": _functions(
            "Lãnh đạo mọi mặt công tác quân sự, quốc phòng địa phương.",
            "Lãnh đạo xây dựng lực lượng vũ trang tỉnh vững mạnh toàn diện.",
        ),
        "address": "Phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 090",
        "email": "dangbo.quansu@dongnai.example",
        "members": [],
    },
    {
        "key": "du-congan",
        "parent": None,
        "title": "Đảng ủy Công an tỉnh",
        "kind": "dang-bo-truc-thuoc",
        "abbreviation": "ĐUCA",
        "functions": _functions(
            "Lãnh đạo công tác bảo đảm an ninh chính trị, trật tự, an toàn xã hội.",
            "Lãnh đạo xây dựng lực lượng Công an tỉnh trong sạch, vững mạnh.",
        ),
        "address": "Phường Trấn Biên, tỉnh Đồng Nai",
        "phone": "(0251) 3 822 095",
        "email": "dangbo.congan@dongnai.example",
        "members": [],
    },
]

# Ward and commune Party committees set up on 01/07/2025: (key, name, secretary, phone).
LOCAL_COMMITTEES = [
    ("p-tran-bien", "phường Trấn Biên", "N", "(0251) 3 840 001"),
    ("p-tam-hiep", "phường Tam Hiệp", "P", "(0251) 3 840 002"),
    ("x-long-thanh", "xã Long Thành", "Q", "(0251) 3 840 003"),
    ("x-xuan-loc", "xã Xuân Lộc", "R", "(0251) 3 840 004"),
    ("p-dong-xoai", "phường Đồng Xoài", "S", "(0271) 3 840 005"),
    ("x-nhon-trach", "xã Nhơn Trạch", "T", "(0251) 3 840 006"),
]

for _key, _place, _secretary, _phone in LOCAL_COMMITTEES:
    UNITS.append(
        {
            "key": _key,
            "parent": None,
            "title": f"Đảng bộ {_place}",
            "kind": "dang-bo-truc-thuoc",
            "abbreviation": "ĐU",
            "functions": _functions(
                f"Lãnh đạo thực hiện nhiệm vụ chính trị trên địa bàn {_place}.",
                "Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể ở cơ sở.",
                "Chăm lo xây dựng chi bộ, nâng cao chất lượng sinh hoạt chi bộ khu dân cư.",
            ),
            "address": f"Trụ sở Đảng ủy {_place}, tỉnh Đồng Nai",
            "phone": _phone,
            "email": f"dangbo.{_key}@dongnai.example",
            "members": [
                _now(_secretary, f"Bí thư Đảng ủy {_place}", start=MERGER),
            ],
        }
    )
