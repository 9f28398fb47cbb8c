"""Header layouts offices produce: flattened two-column headers, header tables,
drafts with blank numbers and days, titles and "V/v" subjects over several
lines, long issuers, departments under their province, and OCR noise.

Synthetic headers are written here in the genre, one layout per case; real
ones are the office texts of tests/data/office (headers.json holds their
fields, written by reading each document).
"""

from __future__ import annotations

import pytest

from ingest.header import org_case, parse_header
from ingest.normalize import normalize, unflatten_header
from tests.helpers import DATA, REAL, load_json

OFFICE = DATA / "office"
FIELDS = ("doc_type", "number", "symbol", "issuer", "unit", "place", "date", "title")

LAYOUTS = [
    # a Party notice as plain text: the two header columns on one line each, a wide gap between
    ("ĐẢNG BỘ TỈNH LÂM ĐỒNG              ĐẢNG CỘNG SẢN VIỆT NAM\n"
     "ĐẢNG ỦY XÃ TÂN HÀ\n"
     "        *\n"
     "Số 07-TB/ĐU                    Tân Hà, ngày 30 tháng 6 năm 2026\n\n"
     "THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ\n"
     "về kết quả thực hiện nhiệm vụ tháng 6 và phương hướng nhiệm vụ tháng 7 năm 2026\n\nI. KẾT QUẢ",
     {"doc_type": "Thông báo kết luận", "number": "07", "symbol": "TB/ĐU", "issuer": "Ban Thường vụ Đảng ủy xã Tân Hà",
      "unit": "xã Tân Hà", "place": "Tân Hà", "date": "2026-06-30"}),
    # state form, flattened, a draft: number and day blank (their gaps split nothing)
    ("ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "PHƯỜNG TÂN HƯNG                       Độc lập - Tự do - Hạnh phúc\n"
     "Số:     /BC-UBND                  Tân Hưng, ngày      tháng 9 năm 2025\n\n"
     "BÁO CÁO\nKết quả thực hiện nhiệm vụ tháng 8 năm 2025\nvà phương hướng nhiệm vụ tháng 9 năm 2025\n\n1. Kết quả",
     {"doc_type": "Báo cáo", "number": None, "symbol": "BC-UBND", "issuer": "Ủy ban nhân dân phường Tân Hưng",
      "unit": "phường Tân Hưng", "place": "Tân Hưng", "date": "2025-09",
      "title": "Kết quả thực hiện nhiệm vụ tháng 8 năm 2025 và phương hướng nhiệm vụ tháng 9 năm 2025"}),
    # a long issuer over three lines, under its Party committee, in full
    ("TỈNH ỦY LÂM ĐỒNG                         ĐẢNG CỘNG SẢN VIỆT NAM\n"
     "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC,\nCÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO,\nCHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06 TỈNH LÂM ĐỒNG\n"
     "              *\n"
     "Số 15-BC/BCĐ                       Lâm Đồng, ngày 05 tháng 9 năm 2025\n\n"
     "BÁO CÁO\nkết quả triển khai Đề án 06 tháng 8/2025",
     {"doc_type": "Báo cáo", "number": "15", "symbol": "BC/BCĐ",
      "issuer": "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng",
      "unit": "tỉnh Lâm Đồng", "place": "Lâm Đồng", "date": "2025-09-05"}),
    # columns separated by tabs (a .docx paragraph with a tab stop); a department under its province
    ("UBND TỈNH LÂM ĐỒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc\n"
     "Số:     /TTr-SNV\tLâm Đồng, ngày    tháng 8 năm 2025\nTỜ TRÌNH\n"
     "Về việc đề nghị ban hành Quyết định thành lập\nHội đồng An toàn, vệ sinh lao động trên địa bàn tỉnh Lâm Đồng\n"
     "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng",
     {"doc_type": "Tờ trình", "number": None, "symbol": "TTr-SNV", "issuer": "Sở Nội vụ tỉnh Lâm Đồng", "unit": "tỉnh Lâm Đồng",
      "date": "2025-08", "title": "Về việc đề nghị ban hành Quyết định thành lập Hội đồng An toàn, vệ sinh lao động trên địa bàn tỉnh Lâm Đồng"}),
    # a header table read cell by cell; the "V/v" subject over two lines; the office of a People's Committee
    ("UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nSố:          /VP-NC\nV/v báo cáo giải trình việc\nGiải thể Hiệp hội rau quả Đà Lạt\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày        tháng 9 năm 2025\n"
     "Kính gửi: Đồng chí Chủ tịch UBND tỉnh",
     {"doc_type": "Công văn", "number": None, "symbol": "VP-NC", "issuer": "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng",
      "date": "2025-09", "title": "V/v báo cáo giải trình việc Giải thể Hiệp hội rau quả Đà Lạt"}),
    # "THÔNG BÁO KẾT LUẬN" on one line, the collective named without its ward
    ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG      ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG TÂN HƯNG\n*\n"
     "Số 21-TB/ĐU                  Tân Hưng, ngày 28 tháng 02 năm 2026\n\n"
     "THÔNG BÁO KẾT LUẬN\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG\nvề kết quả tháng 02 và nhiệm vụ trọng tâm tháng 3 năm 2026",
     {"doc_type": "Thông báo kết luận", "number": "21", "symbol": "TB/ĐU", "issuer": "Ban Thường vụ Đảng ủy phường Tân Hưng",
      "unit": "phường Tân Hưng", "date": "2026-02-28", "title": "về kết quả tháng 02 và nhiệm vụ trọng tâm tháng 3 năm 2026"}),
    # a draft's mark above the type line; the title over two lines
    ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố:          /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Lâm Đồng, ngày        tháng 12 năm 2025\nDỰ THẢO\nQUYẾT ĐỊNH\nVề việc phê duyệt Đề án tổ chức Đại hội\n"
     "Hội Công chứng viên tỉnh Lâm Đồng\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nCăn cứ Luật Công chứng;",
     {"doc_type": "Quyết định", "number": None, "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng", "date": "2025-12",
      "title": "Về việc phê duyệt Đề án tổ chức Đại hội Hội Công chứng viên tỉnh Lâm Đồng"}),
    # a charter: "ĐIỀU LỆ", its decision in brackets under the title, "Chương I / QUY ĐỊNH CHUNG" is no type line
    ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐIỀU LỆ\n"
     "HỘI CỰU GIÁO CHỨC TỈNH LÂM ĐỒNG\n(Kèm theo Quyết định số        /QĐ-UBND ngày        tháng 9 năm 2025\n"
     "của Chủ tịch UBND tỉnh Lâm Đồng)\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Tên gọi.",
     {"doc_type": "Điều lệ", "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng", "title": "HỘI CỰU GIÁO CHỨC TỈNH LÂM ĐỒNG"}),
    # a department's internal cover note
    ("UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nSố: 105/PT-NC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHIẾU TRÌNH\nKính gửi:\n- Lãnh đạo UBND tỉnh;",
     {"doc_type": "Phiếu trình", "number": "105", "symbol": "PT-NC", "issuer": "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"}),
    # the whole header on one padded line (hands O and P): each part to its column; the ward, not the province
    ("ĐẢNG BỘ TỈNH LÀO CAI          ĐẢNG ỦY XÃ NÀ KHƯƠNG          *          ĐẢNG CỘNG SẢN VIỆT NAM          "
     "Số 17-NQ/ĐU          Nà Khương, ngày 05 tháng 8 năm 2026\n\nNGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ\n"
     "về lãnh đạo thực hiện nhiệm vụ tháng 8 năm 2026\n\nCăn cứ Quy chế làm việc;",
     {"doc_type": "Nghị quyết", "number": "17", "symbol": "NQ/ĐU", "unit": "xã Nà Khương", "place": "Nà Khương",
      "date": "2026-08-05"}),
    ("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG          ĐẢNG ỦY PHƯỜNG VÂN GIANG          *          ĐẢNG CỘNG SẢN VIỆT NAM\n"
     "Số 45-TB/ĐU                                                   Vân Giang, ngày 28 tháng 8 năm 2026\n"
     "THÔNG BÁO KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG ỦY PHƯỜNG TẠI HỘI NGHỊ GIAO BAN THÁNG 8 NĂM 2026\n\n1. Kết quả tháng 8",
     {"number": "45", "symbol": "TB/ĐU", "unit": "phường Vân Giang",
      "date": "2026-08-28"}),
    # a commune named with a word that ends names elsewhere ("Cư" as in "bầu cử"; hand H read as tỉnh Đắk Lắk)
    ("ĐẢNG BỘ TỈNH ĐẮK LẮK\nĐẢNG ỦY XÃ CƯ HRIÊNG\n*\nSố 52-BC/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
     "Cư Hriêng, ngày 29 tháng 7 năm 2026\n\nBÁO CÁO\nkết quả thực hiện nhiệm vụ tháng 7",
     {"unit": "xã Cư Hriêng", "issuer": "Đảng ủy xã Cư Hriêng", "date": "2026-07-29"}),
    # the issuer block in running case on one line, number, place and date on the next (hand S)
    ("ĐẢNG CỘNG SẢN VIỆT NAM\nĐảng bộ tỉnh Khánh Hòa - Đảng ủy phường Hòa Tân Hải\nSố: 71-TB/ĐU, Hòa Tân Hải, ngày 30/10/2026\n\n"
     "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Đảng ủy phường tại cuộc họp ngày 29/10/2026\n",
     {"number": "71", "symbol": "TB/ĐU", "issuer": "Đảng ủy phường Hòa Tân Hải", "unit": "phường Hòa Tân Hải",
      "place": "Hòa Tân Hải", "date": "2026-10-30"}),
    # the whole header typed on two lines with dashes and a star between its parts; type, issuer and title on one line (hand U)
    ("ĐẢNG BỘ TỈNH VĨNH LONG - ĐẢNG ỦY PHƯỜNG TÂN MỸ THẠNH * ĐẢNG CỘNG SẢN VIỆT NAM\nSố 21-NQ/ĐU - Tân Mỹ Thạnh, ngày 03 tháng 6 năm 2026\n"
     "NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG về lãnh đạo thực hiện nhiệm vụ tháng 5 và phương hướng, nhiệm vụ tháng 6 năm 2026\n\n"
     "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
     {"doc_type": "Nghị quyết", "number": "21", "symbol": "NQ/ĐU", "issuer": "Ban Thường vụ Đảng ủy phường Tân Mỹ Thạnh",
      "unit": "phường Tân Mỹ Thạnh", "place": "Tân Mỹ Thạnh", "date": "2026-06-03",
      "title": "về lãnh đạo thực hiện nhiệm vụ tháng 5 và phương hướng, nhiệm vụ tháng 6 năm 2026"}),
    # a province's Party committee, its header on one line with single spaces (hand W)
    ("TỈNH ỦY TÂY LĨNH * Số 149-TB/TU ĐẢNG CỘNG SẢN VIỆT NAM Tây Lĩnh, ngày 28 tháng 8 năm 2026\n"
     "THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về tình hình thực hiện nhiệm vụ tháng 7, tháng 8\n",
     {"number": "149", "symbol": "TB/TU", "issuer": "Ban Thường vụ Tỉnh ủy Tây Lĩnh", "unit": "tỉnh Tây Lĩnh", "date": "2026-08-28"}),
    ("TỈNH ỦY TÂY LĨNH\t\tĐẢNG CỘNG SẢN VIỆT NAM\n*\t\nSố 118-TB/TU\t\tTây Lĩnh, ngày 04 tháng 6 năm 2026\n\nTHÔNG BÁO\n"
     "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tình hình thực hiện nhiệm vụ tháng 5, nhiệm vụ trọng tâm tháng 6 năm 2026\n",
     {"doc_type": "Thông báo kết luận", "issuer": "Ban Thường vụ Tỉnh ủy Tây Lĩnh", "unit": "tỉnh Tây Lĩnh", "date": "2026-06-04"}),
    # the ward's level abbreviated, the province's code in brackets; the doc type after the number (hand S)
    ("ĐẢNG ỦY P. HÒA TÂN HẢI (KH) - Số 112-BC/ĐU - BÁO CÁO tháng 8/2026\n\nBÁO CÁO\n"
     "kết quả thực hiện nhiệm vụ tháng 8, phương hướng nhiệm vụ tháng 9 năm 2026\n",
     {"number": "112", "symbol": "BC/ĐU", "issuer": "Đảng ủy phường Hòa Tân Hải", "unit": "phường Hòa Tân Hải"}),
    # the header's parts typed on two lines with whatever separators the hand chose (hands X and Y); a date without "ngày"
    ("ĐẢNG BỘ TỈNH GIA LAI – ĐẢNG ỦY PHƯỜNG CÁT LÂM HẢI  **  ĐẢNG CỘNG SẢN VIỆT NAM\nSố 74-BC/ĐU  //  Cát Lâm Hải, 03/9/2026\n\nBÁO CÁO\n",
     {"number": "74", "symbol": "BC/ĐU", "unit": "phường Cát Lâm Hải", "place": "Cát Lâm Hải", "date": "2026-09-03"}),
    ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG / ĐẢNG ỦY PHƯỜNG TÂN LẠCH / * / Số 53-TB/ĐU ||| ĐẢNG CỘNG SẢN VIỆT NAM / Tân Lạch, ngày 30 tháng 10 năm 2026\n\n"
     "THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG\nvề kết quả thực hiện nhiệm vụ tháng 9, tháng 10 và nhiệm vụ trọng tâm tháng 11 năm 2026\n",
     {"number": "53", "symbol": "TB/ĐU", "unit": "phường Tân Lạch", "issuer": "Ban Thường vụ Đảng ủy phường Tân Lạch", "date": "2026-10-30"}),
    # session 7's blind hands: the office of a People's Committee with dash rules typed on one line, the number
    # set apart by a wide gap below it; the title in running text with the body straight under it
    ("UBND TỈNH TRƯỜNG SƠN VĂN PHÒNG ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
     "Số: 86/TB-VPUBND    Trường Sơn, ngày 04 tháng 3 năm 2026\nTHÔNG BÁO\n"
     "Kết luận của tập thể Ủy ban nhân dân tỉnh tại phiên họp thường kỳ tháng 01 và tháng 02 năm 2026\n"
     "Do trùng với thời gian nghỉ Tết Nguyên đán, UBND tỉnh tổ chức phiên họp chung cho hai tháng vào ngày 02/3/2026. Sau khi nghe báo cáo, "
     "tập thể UBND tỉnh kết luận như sau:\nI. KẾT QUẢ",
     {"number": "86", "symbol": "TB-VPUBND", "issuer": "Văn phòng Ủy ban nhân dân tỉnh Trường Sơn", "unit": "tỉnh Trường Sơn",
      "date": "2026-03-04", "title": "của tập thể Ủy ban nhân dân tỉnh tại phiên họp thường kỳ tháng 01 và tháng 02 năm 2026"}),
    # the place and date set in the right column by tabs, above the organ's star and the number
    ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ\t\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG RẠCH LÁ\n\t\tRạch Lá, ngày 27 tháng 8 năm 2026\n*\nSố 29-NQ/ĐU\n\n"
     "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG\nvề kết quả thực hiện nhiệm vụ tháng 7, tháng 8 và nhiệm vụ trọng tâm tháng 9 năm 2026\n",
     {"number": "29", "symbol": "NQ/ĐU", "unit": "phường Rạch Lá", "issuer": "Ban Thường vụ Đảng ủy phường Rạch Lá", "date": "2026-08-27"}),
    # the number beside the Party's name by a tab, under the organ and its star
    ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ\nBAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG RẠCH LÁ\n*\nSố 33-NQ/ĐU\tĐẢNG CỘNG SẢN VIỆT NAM\n\tRạch Lá, ngày 30 tháng 9 năm 2026\n\n"
     "NGHỊ QUYẾT\nHỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG LẦN THỨ MƯỜI BỐN\nvề kết quả quý III và nhiệm vụ trọng tâm tháng 10 năm 2026\n",
     {"number": "33", "symbol": "NQ/ĐU", "unit": "phường Rạch Lá", "date": "2026-09-30"}),
    # a province's Party committee with the Party's name on its line; no province named in the collective
    ("TỈNH ỦY BẢO SƠN ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 402-TB/TU Bảo Sơn, ngày 02 tháng 4 năm 2026\n\nTHÔNG BÁO\n"
     "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tình hình thực hiện nhiệm vụ tháng 02, tháng 3 và nhiệm vụ trọng tâm tháng 4 năm 2026\n",
     {"number": "402", "symbol": "TB/TU", "unit": "tỉnh Bảo Sơn", "issuer": "Ban Thường vụ Tỉnh ủy Bảo Sơn", "date": "2026-04-02"}),
    # the province's Party organisation, then "TỈNH ỦY" alone; the collective in running text before "về …"
    ("ĐẢNG BỘ TỈNH BẢO SƠN\nTỈNH ỦY\nSố 431-TB/TU\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\nBảo Sơn, ngày 06 tháng 5 năm 2026\n\n"
     "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về kết quả thực hiện nhiệm vụ tháng 4,\nnhiệm vụ trọng tâm tháng 5 năm 2026\n",
     {"number": "431", "unit": "tỉnh Bảo Sơn", "issuer": "Ban Thường vụ Tỉnh ủy Bảo Sơn", "date": "2026-05-06",
      "title": "về kết quả thực hiện nhiệm vụ tháng 4, nhiệm vụ trọng tâm tháng 5 năm 2026"}),
    # the place and date typed after the star
    ("ĐẢNG BỘ TỈNH NAM SƠN ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ ĐÔNG LÂM\n* Đông Lâm, ngày 28 tháng 4 năm 2026\nSố 77-TB/ĐU\n\n"
     "THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ\nvề kết quả thực hiện nhiệm vụ tháng 4 và nhiệm vụ trọng tâm tháng 5 năm 2026\n",
     {"number": "77", "unit": "xã Đông Lâm", "issuer": "Ban Thường vụ Đảng ủy xã Đông Lâm", "date": "2026-04-28"}),
    # the date written only above the signature
    ("ĐẢNG BỘ TỈNH NAM SƠN - ĐẢNG ỦY ĐẶC KHU HÒN GÀ\n*\nSố 163-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n\nTHÔNG BÁO\n"
     "KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY ĐẶC KHU\nvề kết quả công tác tháng 4, nhiệm vụ trọng tâm tháng 5 năm 2026\n\n"
     "1. Kết quả\n- Hoàn thành sửa chữa cầu cảng.\n\nNơi nhận:\n- Lưu Văn phòng.\n\nHòn Gà, ngày 05 tháng 5 năm 2026\n"
     "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nNguyễn Thị Lụa",
     {"number": "163", "unit": "đặc khu Hòn Gà", "place": "Hòn Gà", "date": "2026-05-05"}),
    # the organ in capitals and the place and date in running case on one line
    ("ĐẢNG BỘ TỈNH ĐÔNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ TÂN KHÊ Tân Khê, ngày 30 tháng 12 năm 2025\n*\nSố 55-TB/ĐU\n\n"
     "THÔNG BÁO KẾT LUẬN\ncủa Thường trực Đảng ủy về kết quả công tác tháng 12 năm 2025\n",
     {"number": "55", "unit": "xã Tân Khê", "issuer": "Thường trực Đảng ủy xã Tân Khê", "place": "Tân Khê", "date": "2025-12-30"}),
    # a two-column State header flattened with single spaces, the rules of both columns on one line
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LAM SƠN Độc lập - Tự do - Hạnh phúc\n-------- ---------------\n"
     "Số: 83/BC-UBND Lam Sơn, ngày 27 tháng 3 năm 2026\n\nBÁO CÁO\nTình hình kinh tế - xã hội quý I, nhiệm vụ trọng tâm tháng 4 và quý II năm 2026\n",
     {"doc_type": "Báo cáo", "number": "83", "symbol": "BC-UBND", "issuer": "Ủy ban nhân dân tỉnh Lam Sơn", "unit": "tỉnh Lam Sơn",
      "place": "Lam Sơn", "date": "2026-03-27"}),
    # the whole header on one line with single spaces: the Party organisation, its committee, the star, the number
    ("ĐẢNG BỘ TỈNH NGHỆ SƠN ĐẢNG ỦY XÃ ĐỒNG KHÊ * Số 97-TB/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Đồng Khê, ngày 30 tháng 6 năm 2026\n"
     "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Đảng ủy tại phiên họp thường kỳ tháng 6 năm 2026\n",
     {"number": "97", "symbol": "TB/ĐU", "unit": "xã Đồng Khê", "place": "Đồng Khê", "date": "2026-06-30"}),
    # a header typed as a Markdown table
    ("| ĐẢNG BỘ TỈNH NGHỆ SƠN | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| ĐẢNG ỦY XÃ ĐỒNG KHÊ | |\n"
     "| * | Đồng Khê, ngày 29 tháng 5 năm 2026 |\n| Số 19-NQ/ĐU | |\n\nNGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY\n"
     "về kết quả lãnh đạo thực hiện nhiệm vụ tháng 5 và mục tiêu, nhiệm vụ, giải pháp trọng tâm tháng 6 năm 2026\n",
     {"doc_type": "Nghị quyết", "number": "19", "symbol": "NQ/ĐU", "unit": "xã Đồng Khê", "issuer": "Ban Thường vụ Đảng ủy xã Đồng Khê",
      "place": "Đồng Khê", "date": "2026-05-29"}),
    # session 9's blind hand BC: the right column set by tabs alone, under the number (not a pasted table's row);
    # a province whose name ends in "Nam" (not the "năm" of a year)
    ("ĐẢNG BỘ TỈNH HÒA NAM\nĐẢNG ỦY PHƯỜNG VĨNH TÂN HÒA\n*\nSố 55-NQ/ĐU\n\tĐẢNG CỘNG SẢN VIỆT NAM\n\tVĩnh Tân Hòa, ngày 03 tháng 6 năm 2026\n\n"
     "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG\nvề kết quả thực hiện nhiệm vụ tháng 5 và nhiệm vụ trọng tâm tháng 6 năm 2026\n",
     {"number": "55", "unit": "phường Vĩnh Tân Hòa", "place": "Vĩnh Tân Hòa", "date": "2026-06-03", "province": "tỉnh Hòa Nam",
      "planned_period": "2026-06"}),
    ("TỈNH ỦY QUẢNG NAM\t\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-TB/TU\t\tTam Kỳ, ngày 04 tháng 6 năm 2025\n\nTHÔNG BÁO\n",
     {"unit": "tỉnh Quảng Nam", "issuer": "Tỉnh ủy Quảng Nam"}),
    ("Đảng bộ tỉnh Hà Nam - Đảng ủy phường Lam Hạ\nSố 07-TB/ĐU\nLam Hạ, ngày 02 tháng 3 năm 2025\nTHÔNG BÁO KẾT LUẬN\n",
     {"unit": "phường Lam Hạ", "province": "tỉnh Hà Nam"}),
    # a Party cell of a ward (hand CA, session 10): its own monthly series, within its ward
    ("ĐẢNG BỘ PHƯỜNG TÂN HƯNG\nCHI BỘ KHU PHỐ 3\n*\nSố 02-NQ/CB\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
     "Tân Hưng, ngày 01 tháng 02 năm 2026\n\nNGHỊ QUYẾT\nHội nghị chi bộ định kỳ tháng 02/2026\n",
     {"unit": "Chi bộ khu phố 3, phường Tân Hưng", "doc_type": "Nghị quyết"}),
    # OCR noise in the header degrades a field, never the parse: "4J" for "47", "OH15" for "QH15"
    ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 4J/QĐ-UBND\nLâm Đồng, ngày 1O tháng 9 năm 2025\nQUYẾT ĐỊNH\n"
     "Căn cứ Nghị quyết số 202/2025/OH15 của Quốc hội;",
     {"doc_type": "Quyết định", "symbol": "QĐ-UBND", "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng", "unit": "tỉnh Lâm Đồng"}),
    # session 20's blind hand GC: the stamp of the digital signature above the header of a signed PDF's copy (with the
    # stamp, the whole notice down to its recipients and signature came out with no unit)
    ("Ký bởi: Ủy ban nhân dân phường Sa Lộc\nCơ quan: Tỉnh Vân Hải\nNgày ký: 25.02.2026 17:05:12 +07:00\n\nỦY BAN NHÂN DÂN\n"
     "PHƯỜNG SA LỘC\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 61/BC-UBND\n\n"
     "Sa Lộc, ngày 25 tháng 02 năm 2026\n\nBÁO CÁO\nTình hình kinh tế - xã hội tháng 02 năm 2026\nvà nhiệm vụ trọng tâm tháng 03 năm 2026\n\n"
     "I. KẾT QUẢ\n- Đã hướng dẫn 268/312 hộ kinh doanh.\n\nII. NHIỆM VỤ\n- Phấn đấu thu ngân sách tháng 3.\n\n"
     "Trên đây là báo cáo tình hình kinh tế - xã hội tháng 02 năm 2026 và nhiệm vụ trọng tâm tháng 03 năm 2026 của UBND phường Sa Lộc./.\n\n"
     "Nơi nhận:\n- UBND tỉnh Vân Hải (b/c);\n- Thường trực Đảng ủy phường (b/c);\n- Lưu: VT, VP.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPhạm Văn Thắng\n",
     {"unit": "phường Sa Lộc", "number": "61", "date": "2026-02-25", "planned_period": "2026-03"}),
    # the root of GC's loss: a line above the issuer block that is none of its own (here a scanning office's note)
    # stopped the block's reading, and the signature's bare "TM. ỦY BAN NHÂN DÂN" became an issuer without a ward
    ("Văn bản số hóa từ bản giấy lưu tại Văn phòng\n\nỦY BAN NHÂN DÂN\nXÃ ĐÔNG THẠNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n\nSố: 88/BC-UBND\n\nĐông Thạnh, ngày 28 tháng 4 năm 2026\n\nBÁO CÁO\n"
     "Kết quả thực hiện nhiệm vụ tháng 4 và phương hướng tháng 5 năm 2026\n\nI. KẾT QUẢ\n- Thu ngân sách đạt 41% dự toán.\n\n"
     "II. NHIỆM VỤ THÁNG 5\n- Ra quân tổng vệ sinh môi trường.\n\nNơi nhận:\n- Đảng ủy xã (b/c);\n- Lưu: VT.\n\n"
     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Tám\n",
     {"unit": "xã Đông Thạnh", "issuer": "Ủy ban nhân dân xã Đông Thạnh", "number": "88"}),
    # the same signature under a header whose block says only the organ: the ward comes from the body
    ("ỦY BAN NHÂN DÂN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/BC-UBND\n\n"
     "ngày 28 tháng 4 năm 2026\n\nBÁO CÁO\nKết quả tháng 4 năm 2026\n\nỦy ban nhân dân phường Hòa An báo cáo như sau:\n"
     "I. KẾT QUẢ\n- Thu ngân sách đạt 41% dự toán của phường Hòa An.\n\nNơi nhận:\n- Lưu: VT.\n\n"
     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Tám\n",
     {"unit": "phường Hòa An", "issuer": "Ủy ban nhân dân phường Hòa An"}),
    # session 21's blind hand JB: a commune's conclusions as its office posted them in the officials' chat group — a
    # pictograph before the title, the number and the date on one line with the issuer after a dash, the signer's
    # name with "(đã ký)" beside it
    ("📢 THÔNG BÁO KẾT LUẬN GIAO BAN THƯỜNG TRỰC ĐẢNG ỦY THÁNG 3/2026\nSố 52-TB/ĐU, ngày 30/3/2026 - Đảng ủy xã Cát Lâm Đông\n\n"
     "Chiều 30/3, đ/c Trần Quốc Vinh - Bí thư Đảng ủy chủ trì giao ban TT Đảng ủy tháng 3 👇\n\n📌 Kết quả tháng 3:\n"
     "✅ Bàn giao đủ 41/41 tân binh.\n\n🎯 Nhiệm vụ tháng 4:\n👉 Ra quân tổng vệ sinh môi trường.\n\n"
     "Nơi nhận: TT Đảng ủy; lưu VP.\nTL. THƯỜNG TRỰC ĐẢNG ỦY - CHÁNH VĂN PHÒNG\nLê Thị Mỹ Hạnh (đã ký)\n",
     {"doc_type": "Thông báo kết luận", "number": "52", "symbol": "TB/ĐU", "date": "2026-03-30", "unit": "xã Cát Lâm Đông",
      "title": "GIAO BAN THƯỜNG TRỰC ĐẢNG ỦY THÁNG 3/2026", "reported_months": ("2026-03",), "planned_months": ("2026-04",)}),
    # the same office's post with its number line in brackets and no issuer (the unit: from the notices its signer signed)
    ("🔔📢 THÔNG BÁO KẾT LUẬN GIAO BAN THƯỜNG TRỰC ĐẢNG ỦY THÁNG 6 VÀ THÁNG 7/2026\n(Số 103-TB/ĐU, ngày 31/7/2026)\n\n"
     "📌 Kết quả tháng 6 và tháng 7:\n* Thu NS 6 tháng đạt 52,3% dự toán năm.\n\n🎯 Nhiệm vụ tháng 8:\n➡️ Đăng ký NVQS.\n\n"
     "Nơi nhận: TT Đảng ủy; lưu VP.\nTL. THƯỜNG TRỰC ĐẢNG ỦY - CHÁNH VĂN PHÒNG\nLê Thị Mỹ Hạnh (đã ký)\n",
     {"number": "103", "date": "2026-07-31", "unit": None, "reported_months": ("2026-06", "2026-07"), "planned_months": ("2026-08",)}),
]


@pytest.mark.parametrize(("raw", "expected"), LAYOUTS, ids=[f"layout-{i}" for i in range(len(LAYOUTS))])
def test_layout(raw: str, expected: dict[str, object]) -> None:
    h = parse_header(normalize(raw))
    assert {k: getattr(h, k) for k in expected} == expected


OFFICE_HEADERS = load_json(OFFICE / "headers.json")["headers"]


@pytest.mark.parametrize("name", sorted(OFFICE_HEADERS))
def test_real_office_header(name: str) -> None:
    h = parse_header(normalize((OFFICE / name).read_text(encoding="utf-8")))
    assert {k: getattr(h, k) for k in FIELDS} == OFFICE_HEADERS[name]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # left column top to bottom, then the right one; the star under the left column stays there
        ("ĐẢNG BỘ TỈNH X      ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ Y\n   *\nSố 07-TB/ĐU      Y, ngày 30 tháng 6 năm 2026\nTHÔNG BÁO",
         "ĐẢNG BỘ TỈNH X\nĐẢNG ỦY XÃ Y\n*\nSố 07-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nY, ngày 30 tháng 6 năm 2026\nTHÔNG BÁO"),
        # a line indented as far as the right column belongs to it; the number under the organ, to the left one
        ("UBND XÃ Y          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n                   Độc lập - Tự do - Hạnh phúc\nSố: 12/BC-UBND",
         "UBND XÃ Y\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        # blanks of a draft are not column gaps
        ("Số:        /TB-UBND\nngày       tháng 9 năm 2025", "Số:        /TB-UBND\nngày       tháng 9 năm 2025"),
        # a table row in the body (not at the top) is left alone
        ("THÔNG BÁO\nI. KẾT QUẢ\nnội dung\nthêm\nSTT     Nội dung     Kết quả", "THÔNG BÁO\nI. KẾT QUẢ\nnội dung\nthêm\nSTT     Nội dung     Kết quả"),
    ],
)
def test_unflatten_header(raw: str, expected: str) -> None:
    assert unflatten_header(raw) == expected


@pytest.mark.parametrize(
    ("upper", "expected"),
    [
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
        ("VĂN PHÒNG UBND TỈNH LÂM ĐỒNG", "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"),  # abbreviation written out
        ("TỈNH ỦY LÂM ĐỒNG", "Tỉnh ủy Lâm Đồng"),  # "Tỉnh ủy" is a committee, not the level "tỉnh"
        ("ỦY BAN KIỂM TRA TỈNH ỦY LÂM ĐỒNG", "Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng"),
        ("HIỆP HỘI DOANH NGHIỆP TỈNH BÌNH THUẬN", "Hiệp hội Doanh nghiệp tỉnh Bình Thuận"),
        ("HỘI GOLF TỈNH LÂM ĐỒNG", "Hội Golf tỉnh Lâm Đồng"),
        ("HỘI LHPN TỈNH LÂM ĐỒNG", "Hội LHPN tỉnh Lâm Đồng"),  # an abbreviation kept as written
        ("CỤC CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY", "Cục Cảnh sát điều tra tội phạm về ma túy"),
        ("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06 TỈNH LÂM ĐỒNG",
         "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng"),
    ],
)
def test_org_case_of_office_names(upper: str, expected: str) -> None:
    assert org_case(upper) == expected


@pytest.mark.parametrize(
    ("raw", "attached_to", "number"),
    [
        # a real appendix file: its parent is a draft decision (number blank)
        ((OFFICE / "pl-doi-ucsc-lamdong-2025.txt").read_text(encoding="utf-8"),
         "Quyết định /QĐ-UBND ngày tháng 9 năm 2025 của Ủy ban nhân dân tỉnh", None),
        # a numbered parent: the appendix names it, and does not take its number (two files, two documents)
        ("PHỤ LỤC\nDanh sách thành viên Tổ công tác\n(Kèm theo Quyết định số 123/QĐ-UBND ngày 05/9/2025\ncủa Ủy ban nhân dân xã Tân Hà)\n1. Ông A",
         "Quyết định số 123/QĐ-UBND ngày 05/9/2025 của Ủy ban nhân dân xã Tân Hà", None),
        # a letter whose crawl lost its header still takes its identity from its own appendix line
        ((REAL / "cv-17899-btc-2025.txt").read_text(encoding="utf-8"), None, "17899"),
    ],
    ids=["real-appendix", "numbered-parent", "headerless-letter"],
)
def test_appendix_names_its_parent(raw: str, attached_to: str | None, number: str | None) -> None:
    h = parse_header(normalize(raw))
    assert (h.attached_to, h.number) == (attached_to, number)


@pytest.mark.parametrize("line", ["Lê Thị Mỹ Hạnh (đã ký)", "Lê Thị Mỹ Hạnh", "Lê Thị Mỹ Hạnh [đã ký]"])
def test_the_signer_is_read_beside_the_copys_note(line: str) -> None:
    """A copy's "(đã ký)" on the name's line is no part of the name, and the signature's span ends at the name."""
    text = normalize("THÔNG BÁO\nKết luận\n\n1. Nội dung.\n\nNơi nhận: lưu VP.\nTL. THƯỜNG TRỰC ĐẢNG ỦY - CHÁNH VĂN PHÒNG\n" + line + "\n")
    signer = parse_header(text).signer
    assert signer is not None and signer.name == "Lê Thị Mỹ Hạnh" and signer.end is not None
    assert text[: signer.end].endswith("Lê Thị Mỹ Hạnh")
