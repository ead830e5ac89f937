"""English texts of the demo: the home page, the introduction, the organisation structure
and the contacts (Decree 42/2022/NĐ-CP asks for the structure and contacts in English),
plus the English names of the snippets those pages and the documents use.

Written for the demo from the Vietnamese texts in site_content.py and org_content.py;
proper names are written without diacritics, as the province's English pages do.
"""

from .org_content import LOCAL_COMMITTEES

PORTAL_NAME = "Dong Nai Provincial Party Committee Portal"
ADDRESS = "2 Nguyen Van Tri Street, Tran Bien Ward, Dong Nai Province"

HOME = {
    "title": "Home",
    "slug": "home",
    "seo_title": PORTAL_NAME,
    "search_description": (
        "Official information on the Dong Nai Provincial Party Committee: its organisation, "
        "its agencies and how to contact them."
    ),
    "hero_heading": "Dong Nai Provincial Party Committee – unity, renewal, development",
    "intro": (
        "<p>The official portal of the Party Organisation of Dong Nai Province. These English "
        "pages introduce the portal, the structure of the provincial Party organisation "
        "and the contacts of its agencies; news and documents are published in "
        "Vietnamese.</p>"
    ),
}

# Keyed by the "key" of the Vietnamese section in site_content.SECTIONS, in menu order.
SECTIONS = {
    "org": {
        "title": "Organisation structure",
        "listing_summary": (
            "The Executive Committee, the Standing Committee, the Standing Board, the advisory "
            "agencies and the affiliated Party organisations."
        ),
        "intro": (
            "<p>The chart below shows the Party Organisation of Dong Nai Province for the "
            "2025–2030 term: the leading bodies between two congresses, the advisory and "
            "support agencies of the Provincial Party Committee and the affiliated Party "
            "organisations. Each agency has its own page with its functions, contacts and "
            "members.</p>"
        ),
    },
    "about": {
        "title": "Introduction",
        "listing_summary": "About the Dong Nai Provincial Party Committee Portal.",
        "body": [
            ("heading", "The Provincial Party Committee Portal"),
            (
                "paragraph",
                "<p>The Dong Nai Provincial Party Committee Portal was established by Decision "
                "No. 797-QĐ/TU of 29 September 2022 of the Provincial Party Standing Committee "
                "and officially launched on 9 October 2022 after a trial period. It is the "
                "official information channel of the provincial Party organisation, serving "
                "Party organisations, officials, Party members and the public.</p>",
            ),
            ("heading", "Four main blocks of content"),
            (
                "paragraph",
                "<ul>"
                "<li><b>History and organisation:</b> a brief history of Dong Nai Province, the "
                "structure of the provincial Party organisation, the functions, duties and "
                "contacts of each agency.</li>"
                "<li><b>Activities of the Party organisation:</b> the work of the Executive "
                "Committee, the Standing Committee, the Standing Board, the advisory and "
                "support agencies and the affiliated Party organisations.</li>"
                "<li><b>Events:</b> the major political events of the province, and the "
                "calendar of conferences and seminars.</li>"
                "<li><b>Documents:</b> resolutions, directives and conclusions of the Central "
                "Committee and of the province, with articles on Party-building practice.</li>"
                "</ul>",
            ),
            ("heading", "How the portal is run"),
            (
                "paragraph",
                "<p>A steering committee sets the direction of the content; the editorial "
                "board edits and approves news and articles; the Propaganda and Mass "
                "Mobilisation Commission is the standing body of the editorial board; the "
                "Office of the Provincial Party Committee runs the technical system. News sent "
                "in by contributors is reviewed in two steps (an editor, then the editorial "
                "board) before it is published.</p>",
            ),
            (
                "quote",
                "Information on the portal must be accurate, timely and easy for readers to "
                "look up.",
                "Operating rules of the portal (demo text)",
            ),
        ],
    },
    "contact": {
        "title": "Contact",
        "listing_summary": "Address, telephone and e-mail of the editorial board.",
        "body": [
            ("heading", "Editorial Board of the Provincial Party Committee Portal"),
            (
                "paragraph",
                f"<p>Address: {ADDRESS}<br/>"
                "Telephone: +84 251 3 822 000 – Fax: +84 251 3 822 001<br/>"
                "E-mail: banbientap@dongnai.example</p>",
            ),
            ("heading", "Contributing news and articles"),
            (
                "paragraph",
                "<p>Contributors in the agencies and affiliated Party organisations submit news "
                "and articles through the portal's editing system with the account they were "
                "given. Each item names its author, unit and the source of its pictures.</p>",
            ),
            ("heading", "Technical support"),
            (
                "paragraph",
                "<p>Office of the Provincial Party Committee – Information Technology Division<br/>"
                "Telephone: +84 251 3 822 010 – E-mail: cntt.vptu@dongnai.example</p>"
                "<p><i>The addresses, telephone numbers and e-mail addresses on this page are "
                "demo data.</i></p>",
            ),
        ],
    },
}


def _functions(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _address(number):
    return f"{number} Nguyen Van Tri Street, Tran Bien Ward, Dong Nai Province"


# Keyed by the "key" of the unit in org_content.UNITS: title, functions, address.
UNITS = {
    "bch": {
        "title": "Provincial Party Executive Committee",
        "functions": _functions(
            "The leading body of the provincial Party organisation between two congresses.",
            "Leads the implementation of the resolutions of the Provincial Party Congress and "
            "of the resolutions and directives of the Central Committee.",
            "Decides the main policies on socio-economic development, defence and security, and "
            "on building the Party and the political system of the province.",
        ),
    },
    "btv": {
        "title": "Provincial Party Standing Committee",
        "functions": _functions(
            "Leads and directs the implementation of the Executive Committee's resolutions "
            "between its plenary meetings.",
            "Decides on organisation and personnel matters within its remit.",
            "Directs inspection and supervision, propaganda, mass mobilisation and internal "
            "affairs.",
        ),
    },
    "tt": {
        "title": "Standing Board of the Provincial Party Committee",
        "functions": _functions(
            "Directs and checks the implementation of the resolutions, directives and decisions "
            "of the Executive Committee and the Standing Committee.",
            "Handles the day-to-day work of the Party organisation and prepares the meetings of "
            "the Executive Committee and the Standing Committee.",
        ),
    },
    "vptu": {
        "title": "Office of the Provincial Party Committee",
        "functions": _functions(
            "Advises on organising and running the work of the Provincial Party Committee, its "
            "Standing Committee and Standing Board.",
            "Manages the finances and assets of the Party organisation, records and archives.",
            "Runs the technical system of the Provincial Party Committee Portal and the "
            "information network of the Party agencies.",
        ),
    },
    "btctu": {
        "title": "Organisation Commission",
        "functions": _functions(
            "Advises on organisational structure, personnel, Party members and internal "
            "political protection.",
            "Guides the admission of new Party members and the keeping of membership records.",
            "Vets the personnel managed by the Provincial Party Standing Committee.",
        ),
        "address": _address(4),
    },
    "btgdvtu": {
        "title": "Propaganda and Mass Mobilisation Commission",
        "functions": _functions(
            "Advises on propaganda, political education, science and education, culture and "
            "the arts, and mass mobilisation.",
            "Acts as the standing body of the editorial board of the Provincial Party Committee "
            "Portal.",
            "Follows and guides public information, and reports on the views of officials, Party "
            "members and the public.",
        ),
        "address": _address(6),
    },
    "ubkttu": {
        "title": "Inspection Commission",
        "functions": _functions(
            "Inspects Party organisations and members where there are signs of violations; "
            "carries out thematic supervision.",
            "Checks how Party discipline is enforced; settles denunciations and complaints about "
            "Party discipline.",
            "Inspects the finances of lower-level Party committees and of the Provincial Party "
            "Committee's finance bodies.",
        ),
        "address": _address(8),
    },
    "bnctu": {
        "title": "Internal Affairs Commission",
        "functions": _functions(
            "Advises on internal affairs, on preventing and combating corruption, waste and "
            "negative practices, and on judicial reform.",
            "Follows up on cases monitored and directed by the Provincial Party Standing "
            "Committee.",
        ),
        "address": _address(10),
    },
    "bcd-cong": {
        "title": "Steering Committee of the Provincial Party Committee Portal",
        "functions": _functions(
            "Sets the direction of the portal's content and decides on new sections.",
            "Directs how the agencies and affiliated Party organisations supply information.",
        ),
    },
    "bbt": {
        "title": "Editorial Board of the Provincial Party Committee Portal",
        "functions": _functions(
            "Edits, approves and publishes the news, articles and documents on the portal.",
            "Trains and guides editors and contributors.",
        ),
    },
    "du-cqd": {
        "title": "Party Committee of the Provincial Party Agencies",
        "functions": _functions(
            "Leads the grassroots Party organisations in the Party agencies, the Fatherland "
            "Front and the socio-political organisations at provincial level.",
            "Develops the officials and Party members of its sector.",
        ),
        "address": _address(12),
    },
    "du-ubnd": {
        "title": "Party Committee of the Provincial People's Committee",
        "functions": _functions(
            "Leads the Party organisations in the departments and agencies of the Provincial "
            "People's Committee.",
            "Leads the political tasks and the administrative reform of the provincial government.",
        ),
    },
    "du-quansu": {
        "title": "Provincial Military Party Committee",
        "functions": _functions(
            "Leads all military and local defence work.",
            "Leads the building of strong provincial armed forces.",
        ),
        "address": "Tran Bien Ward, Dong Nai Province",
    },
    "du-congan": {
        "title": "Provincial Police Party Committee",
        "functions": _functions(
            "Leads the work of ensuring political security, public order and social safety.",
            "Leads the building of a clean and strong provincial police force.",
        ),
        "address": "Tran Bien Ward, Dong Nai Province",
    },
}

LOCAL_PLACES = {
    "p-tran-bien": "Tran Bien Ward",
    "p-tam-hiep": "Tam Hiep Ward",
    "x-long-thanh": "Long Thanh Commune",
    "x-xuan-loc": "Xuan Loc Commune",
    "p-dong-xoai": "Dong Xoai Ward",
    "x-nhon-trach": "Nhon Trach Commune",
}

POSITIONS = {
    "Bí thư Tỉnh ủy": "Secretary of the Provincial Party Committee",
    "Bí thư Đảng ủy": "Secretary of the Party Committee",
    "Bí thư Đảng ủy Khối các cơ quan tỉnh": "Secretary of the Party Committee of Provincial Agencies",
    "Chánh Văn phòng Tỉnh ủy": "Chief of the Office of the Provincial Party Committee",
    "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy": "Chairperson of the Inspection Commission",
    "Phó Bí thư Thường trực Tỉnh ủy": "Standing Deputy Secretary of the Provincial Party Committee",
    "Phó Bí thư Tỉnh ủy": "Deputy Secretary of the Provincial Party Committee",
    "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh": (
        "Deputy Secretary of the Provincial Party Committee, Chairperson of the Provincial "
        "People's Committee"
    ),
    "Phó Chánh Văn phòng Tỉnh ủy": "Deputy Chief of the Office of the Provincial Party Committee",
    "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy": "Deputy Chairperson of the Inspection Commission",
    "Phó Trưởng Ban Chỉ đạo": "Deputy Head of the Steering Committee",
    "Phó Trưởng Ban biên tập": "Deputy Head of the Editorial Board",
    "Thành viên": "Member",
    "Trưởng Ban Chỉ đạo": "Head of the Steering Committee",
    "Trưởng Ban Nội chính Tỉnh ủy": "Head of the Internal Affairs Commission",
    "Trưởng Ban Tuyên giáo Tỉnh ủy": "Head of the Propaganda Commission",
    "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy": (
        "Head of the Propaganda and Mass Mobilisation Commission"
    ),
    "Trưởng Ban Tổ chức Tỉnh ủy": "Head of the Organisation Commission",
    "Trưởng Ban biên tập": "Head of the Editorial Board",
    "Tỉnh ủy viên, Bí thư Đảng ủy các cơ quan Đảng tỉnh": (
        "Member of the Provincial Party Committee, Secretary of the Party Committee of the "
        "Provincial Party Agencies"
    ),
    "Tỉnh ủy viên, Bí thư Đảng ủy Ủy ban nhân dân tỉnh": (
        "Member of the Provincial Party Committee, Secretary of the Party Committee of the "
        "Provincial People's Committee"
    ),
    "Tỉnh ủy viên, Trưởng Ban Nội chính Tỉnh ủy": (
        "Member of the Provincial Party Committee, Head of the Internal Affairs Commission"
    ),
    "Tỉnh ủy viên, Trưởng Ban Tuyên giáo Tỉnh ủy": (
        "Member of the Provincial Party Committee, Head of the Propaganda Commission"
    ),
    "Ủy viên Ban Thường vụ Tỉnh ủy": "Member of the Provincial Party Standing Committee",
    "Ủy viên Ban Thường vụ, Chánh Văn phòng Tỉnh ủy": (
        "Member of the Standing Committee, Chief of the Office of the Provincial Party Committee"
    ),
    "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy": (
        "Member of the Standing Committee, Chairperson of the Inspection Commission"
    ),
    "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy": (
        "Member of the Standing Committee, Head of the Propaganda and Mass Mobilisation Commission"
    ),
    "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy": (
        "Member of the Standing Committee, Head of the Organisation Commission"
    ),
}

for _key, _place, _secretary, _phone in LOCAL_COMMITTEES:
    _english = LOCAL_PLACES[_key]
    UNITS[_key] = {
        "title": f"Party Committee of {_english}",
        "functions": _functions(
            f"Leads the political tasks of {_english}.",
            "Leads the building of the local government, the Fatherland Front and the mass "
            "organisations at the grassroots.",
            "Builds strong Party cells and improves the quality of their meetings in "
            "residential areas.",
        ),
        "address": f"Party Committee Office of {_english}, Dong Nai Province",
    }
    POSITIONS[f"Bí thư Đảng ủy {_place}"] = f"Secretary of the Party Committee of {_english}"


def unit_summary(title):
    return f"{title}: functions, duties, contacts and members."


def phone(vietnamese):
    """'(0251) 3 822 000' -> '+84 251 3 822 000'."""
    if vietnamese.startswith("(0"):
        area, _, rest = vietnamese[2:].partition(")")
        return f"+84 {area} {rest.strip()}"
    return vietnamese


# News categories, by the Vietnamese slug: (name, slug, description).
NEWS_CATEGORIES = {
    "xay-dung-dang": (
        "Party building",
        "party-building",
        "Political, ideological and organisational work, personnel, inspection and supervision.",
    ),
    "chinh-tri-xa-hoi": (
        "Politics and society",
        "politics-and-society",
        "The Fatherland Front, the mass organisations and mass mobilisation.",
    ),
    "kinh-te": ("Economy", "economy", "Economic development, investment, infrastructure."),
    "van-hoa-xa-hoi": (
        "Culture and society",
        "culture-and-society",
        "Education, health, culture and social welfare.",
    ),
    "quoc-phong-an-ninh": (
        "Defence and security",
        "defence-and-security",
        "Local defence, public order and internal affairs.",
    ),
    "hoat-dong-co-so": (
        "Grassroots activities",
        "grassroots-activities",
        "News from the commune, ward and grassroots Party organisations.",
    ),
}

# Issuing bodies, by their Vietnamese name (issuing_bodies.csv has no English column).
ISSUING_BODIES = {
    "Ban Chấp hành Trung ương Đảng (Bộ Chính trị; Ban Bí thư)": (
        "Party Central Committee (Politburo; Secretariat)"
    ),
    "Tỉnh ủy": "Provincial Party Committee",
    "Ban Thường vụ Tỉnh ủy": "Provincial Party Standing Committee",
    "Văn phòng Tỉnh ủy": "Office of the Provincial Party Committee",
    "Ban Tổ chức Tỉnh ủy": "Organisation Commission",
    "Ban Tuyên giáo Tỉnh ủy": "Propaganda Commission",
    "Ban Dân vận Tỉnh ủy": "Mass Mobilisation Commission",
    "Ủy ban Kiểm tra Tỉnh ủy": "Inspection Commission",
    "Huyện ủy": "District Party Committee",
    "Đảng ủy": "Party Committee",
    "Ban cán sự đảng": "Party Affairs Committee",
    "Đảng đoàn": "Party Delegation",
    "Ban Chỉ đạo": "Steering Committee",
    "Văn phòng Trung ương Đảng": "Office of the Party Central Committee",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy": "Propaganda and Mass Mobilisation Commission",
    "Ban Nội chính Tỉnh ủy": "Internal Affairs Commission",
}
