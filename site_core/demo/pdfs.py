"""Small but real PDF files for the demo documents, laid out like a Party document.

fpdf2 with a Unicode TrueType font writes the Vietnamese text as it is; on a machine
without one, the text is transliterated with anyascii and set in a core PDF font.
"""

from anyascii import anyascii
from fpdf import FPDF

from .fonts import font_pair

DEMO_NOTICE = "VĂN BẢN MINH HỌA – DỮ LIỆU DEMO, KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"


class _DemoPDF(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.set_margins(20, 18, 15)
        self.set_auto_page_break(True, margin=18)
        pair = font_pair("serif")
        if pair:
            self.add_font("Body", "", str(pair[0]))
            self.add_font("Body", "B", str(pair[1]))
            self.family, self.unicode_ok = "Body", True
        else:
            self.family, self.unicode_ok = "Times", False

    def text_of(self, value):
        return value if self.unicode_ok else anyascii(value)

    def use(self, size, bold=False):
        self.set_font(self.family, "B" if bold else "", size)

    def footer(self):
        self.set_y(-14)
        self.use(8)
        self.set_text_color(150, 0, 0)
        self.cell(0, 6, self.text_of(DEMO_NOTICE), align="C")
        self.set_text_color(0, 0, 0)


def party_document_pdf(
    *,
    header_left,
    symbol,
    place_date,
    type_name,
    summary,
    paragraphs,
    signing_lines,
    signer,
    recipients=("Như trên", "Lưu Văn phòng"),
    title="",
):
    """PDF bytes of a one- or two-page document.

    header_left: lines under the issuer column ("ĐẢNG BỘ TỈNH ĐỒNG NAI", "TỈNH ỦY", "*").
    signing_lines: e.g. ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"].
    """
    pdf = _DemoPDF()
    t = pdf.text_of
    pdf.set_title(t(title or f"{type_name} {symbol}"))
    pdf.set_author(t(header_left[-1] if header_left else ""))
    pdf.set_creator("seed_demo")
    pdf.add_page()

    column = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    top = pdf.get_y()
    pdf.use(11)
    for index, line in enumerate(header_left):
        pdf.use(11, bold=index > 0)
        pdf.set_x(pdf.l_margin)
        pdf.cell(column - 10, 5.5, t(line), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin)
    pdf.use(11)
    pdf.cell(column - 10, 6, t(f"Số {symbol}"), align="C")
    bottom = pdf.get_y() + 6

    pdf.set_xy(pdf.l_margin + column, top)
    pdf.use(12, bold=True)
    pdf.cell(column, 6, t("ĐẢNG CỘNG SẢN VIỆT NAM"), align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_x(pdf.l_margin + column + column * 0.25)
    pdf.cell(column * 0.5, 1, "", border="T", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin + column, pdf.get_y() + 4)
    pdf.use(11)
    pdf.cell(column, 6, t(place_date), align="C")
    pdf.set_y(max(bottom, pdf.get_y() + 6) + 8)

    pdf.use(14, bold=True)
    pdf.cell(0, 8, t(type_name.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.use(12, bold=True)
    pdf.multi_cell(0, 6.5, t(summary), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.w / 2 - 15)
    pdf.cell(30, 4, "", border="B", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    pdf.use(12)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6.5, t(paragraph), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    pdf.ln(6)
    if pdf.get_y() > pdf.h - 70:
        pdf.add_page()
    block_top = pdf.get_y()
    pdf.use(10, bold=True)
    pdf.cell(column, 5, t("Nơi nhận:"), new_x="LMARGIN", new_y="NEXT")
    pdf.use(10)
    for recipient in recipients:
        pdf.cell(column, 5, t(f"- {recipient},"), new_x="LMARGIN", new_y="NEXT")

    pdf.set_y(block_top)
    pdf.use(12, bold=True)
    for line in signing_lines:
        pdf.set_x(pdf.l_margin + column)
        pdf.cell(column, 6, t(line), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + column)
    pdf.use(10)
    pdf.cell(column, 6, t("(đã ký)"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_x(pdf.l_margin + column)
    pdf.use(12, bold=True)
    pdf.cell(column, 6, t(signer), align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
