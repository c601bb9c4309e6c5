#!/usr/bin/env python3
"""Writes a synthetic heritage guide of N relics, to time builds at scale.

    bench/generate.py [--posters none|plaque-pdf-png|all] [--no-photos] [--seed S]
                      [--commune NAME --base-url URL] N DIR
    bench/generate.py --hugo [--no-photos] [--seed S] N DIR

The first form writes a ditich project: DIR/site.toml (the sample's, with [posters] set by
--posters; default none, and the commune and address of --commune and --base-url when given,
as bench/province.sh does for each member of a province) and DIR/sites/<folder>/index.md for
each relic. The second writes the
same relics as a Hugo site (hugo.toml, content/<folder>/index.md, minimal layouts), so that
`hugo --source DIR` builds comparable pages.

Every relic has about 800 words of Vietnamese built by recombining a bank of real sentences
about history, architecture and festivals, with the names of places and people varied, plus
`##` headings, a table, bullet lists, a footnote and a link to the previous relic. Every 10th
relic has a cover photo (a copy of the sample's 1200 x 800 JPEG, each copy made distinct by a
JPEG comment so that no two share a cache entry), unless --no-photos; every 5th has an English translation
`index.en.md`. Coordinates are spread over Nghệ An.

Python 3 standard library only. The output depends only on N and the seed: two runs write the
same bytes, and both forms write the same relics.
"""

import argparse
import random
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SITE = REPO / "site.toml"
SAMPLE_PHOTO = REPO / "sites" / "nha-tho-ho-doan" / "cover.jpg"

POSTERS = {
    "none": ("[]", '["pdf", "png", "svg"]'),
    "plaque-pdf-png": ('["plaque"]', '["pdf", "png"]'),
    "all": ('["a4", "a5", "plaque"]', '["pdf", "png", "svg"]'),
}

# --- Names ------------------------------------------------------------------------------------

# Syllables of village and commune names as they are found across Nghệ An.
PLACE_SYLLABLES = [
    "Xuân", "Phú", "Yên", "Đông", "Thịnh", "Mỹ", "Hoà", "Kim", "Trung", "Thượng",
    "Tân", "Vĩnh", "Quỳnh", "Diễn", "Nam", "Lạc", "Thanh", "Hưng", "Long", "Phúc",
    "Sơn", "Liên", "Khánh", "Đức", "Bảo", "Minh", "Văn", "Hồng", "Lộc", "Thọ",
]
# Districts of Nghệ An.
DISTRICTS = [
    "Yên Thành", "Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Nam Đàn", "Hưng Nguyên",
    "Đô Lương", "Thanh Chương", "Anh Sơn", "Tân Kỳ", "Nghĩa Đàn", "Quỳ Hợp",
    "Quỳ Châu", "Con Cuông", "Tương Dương", "Quế Phong",
]
SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phan", "Hồ", "Đặng", "Hoàng", "Võ", "Đinh", "Doãn",
    "Bùi", "Cao", "Thái", "Chu", "Đậu", "Nguyễn Cảnh", "Nguyễn Đình", "Phạm",
]
MIDDLE_NAMES = ["Văn", "Đình", "Công", "Hữu", "Bá", "Xuân", "Sĩ", "Đăng", "Khắc", "Quang"]
GIVEN_NAMES = [
    "Thành", "Phùng", "Trứ", "Thiếp", "Hiền", "Lộc", "Tuấn", "Khiêm", "Chất", "Dũng",
    "Huân", "Tảo", "Thuật", "Nghị", "Toản", "Quý", "Bảng", "Cẩn", "Diệu", "Mậu",
]
PERIODS = ["Hậu Lê", "Lê Trung hưng", "Tây Sơn", "Nguyễn"]
PERIODS_EN = {"Hậu Lê": "Later Lê", "Lê Trung hưng": "Restored Lê", "Tây Sơn": "Tây Sơn",
              "Nguyễn": "Nguyễn"}
REIGNS = ["Cảnh Hưng", "Gia Long", "Minh Mệnh", "Thiệu Trị", "Tự Đức", "Thành Thái",
          "Duy Tân", "Khải Định", "Bảo Đại", "Chính Hoà", "Vĩnh Thịnh"]
CENTURIES = ["XV", "XVI", "XVII", "XVIII"]
DIRECTIONS = ["nam", "đông nam", "tây nam", "đông", "tây"]
PLANS = ["Đinh", "Công", "Nhị", "Tam"]
ENGLISH_ORDINALS = {1: "first", 2: "second", 3: "third", 10: "tenth", 12: "twelfth",
                    15: "fifteenth", 16: "sixteenth", 20: "twentieth"}
ENGLISH_MONTHS = {1: "first", 2: "second", 3: "third", 7: "seventh", 8: "eighth",
                  10: "tenth", 12: "twelfth"}

RANKS = [("special-national", 1), ("national", 10), ("provincial", 60), ("unranked", 29)]
# (key, weight, Vietnamese noun used in the stories, names in Vietnamese, names in English)
CATEGORIES = [
    ("temple", 20, "ngôi đền", ["Đền {lang}", "Đền thờ {nguoi}", "Đền Cả {lang}"],
     ["{lang} Temple", "Temple of {nguoi}", "Great Temple of {lang}"]),
    ("pagoda", 12, "ngôi chùa", ["Chùa {lang}", "Chùa làng {lang}"],
     ["{lang} Pagoda", "Pagoda of {lang} Village"]),
    ("communal-house", 15, "ngôi đình", ["Đình {lang}", "Đình làng {lang}"],
     ["{lang} Communal House", "Communal House of {lang} Village"]),
    ("ancestral-hall", 25, "nhà thờ họ", ["Nhà thờ họ {ho} làng {lang}"],
     ["{ho} Clan Ancestral Hall, {lang}"]),
    ("shrine", 6, "ngôi miếu", ["Miếu {lang}", "Phủ {lang}"],
     ["{lang} Shrine", "{lang} Palace Shrine"]),
    ("church", 2, "nhà thờ", ["Nhà thờ giáo xứ {lang}"], ["{lang} Parish Church"]),
    ("memorial", 5, "khu lưu niệm", ["Khu lưu niệm {nguoi}"], ["{nguoi} Memorial Site"]),
    ("tomb", 5, "khu lăng mộ", ["Mộ và nhà thờ {nguoi}", "Lăng mộ {nguoi}"],
     ["Tomb and Shrine of {nguoi}", "Tomb of {nguoi}"]),
    ("event-site", 5, "địa điểm", ["Địa điểm cuộc biểu tình năm 1930 ở {lang}"],
     ["Site of the 1930 Demonstration in {lang}"]),
    ("archaeological", 2, "di chỉ", ["Di chỉ khảo cổ {lang}"], ["{lang} Archaeological Site"]),
    ("landscape", 2, "danh thắng", ["Danh thắng núi {lang}"], ["{lang} Mountain Landscape"]),
    ("other", 1, "di tích", ["Giếng cổ {lang}"], ["Ancient Well of {lang}"]),
]
TYPES = ["historical", "architectural-artistic", "archaeological", "landscape", "mixed"]

# --- Sentences ---------------------------------------------------------------------------------
# Placeholders: {noi} the relic ("ngôi đền"…), {lang} village, {xa} commune, {huyen} district,
# {nguoi} the person honoured, {ho} a clan, {trieu} a period, {nien_hieu} a reign, {tk} a
# century, {nam} a year of restoration, {ngay}/{thang} the festival's lunar date, {so} a count of
# royal decrees, {so_cot} of columns, {dien_tich} an area, {huong} a direction, {chu} a plan.

HISTORY = [
    "Theo gia phả và lời kể của các cụ cao niên, vùng đất {lang} được khai phá từ thế kỷ {tk}, khi những người đầu tiên từ vùng đồng bằng ven biển tìm đến lập nghiệp.",
    "Tương truyền, {nguoi} là người có công chiêu dân lập ấp, dạy dân cày cấy, đắp đê ngăn lũ và mở chợ họp ở đầu làng.",
    "Sau khi ông mất, dân làng lập nơi thờ để tưởng nhớ công đức, và các triều đại phong kiến nhiều lần ban sắc phong tôn vinh.",
    "Hiện {noi} còn lưu giữ {so} đạo sắc phong thời {trieu}, được cất giữ cẩn thận trong hòm gỗ sơn son đặt tại hậu cung.",
    "Trong kháng chiến chống thực dân Pháp, {noi} là nơi hội họp bí mật của chi bộ Đảng và là chỗ cất giấu lương thực, vũ khí cho du kích địa phương.",
    "Những năm 1930–1931, nhân dân xã {xa} hưởng ứng phong trào Xô viết Nghệ Tĩnh, nhiều cuộc mít tinh đã diễn ra ngay trên sân di tích.",
    "Trong những năm kháng chiến chống Mỹ, mái ngói của công trình bị bom đạn làm hư hại nặng, nhưng bộ khung gỗ vẫn đứng vững.",
    "Năm {nam}, được sự hỗ trợ của Nhà nước và sự đóng góp của con cháu xa gần, di tích được trùng tu lớn, giữ nguyên kết cấu và vật liệu cũ.",
    "Văn bia khắc trên đá cho biết công trình được dựng lại vào niên hiệu {nien_hieu}, trên nền móng của một ngôi miếu nhỏ có từ trước.",
    "Theo sử sách địa phương, {nguoi} từng tham gia nghĩa quân Lam Sơn, lập nhiều chiến công trong cuộc kháng chiến chống quân Minh.",
    "Dòng họ {ho} ở {lang} đã sinh ra nhiều người đỗ đạt, làm quan thanh liêm, được nhân dân trong vùng kính trọng.",
    "Tấm bia đá dựng trước sân ghi lại quá trình khai hoang, lập làng và danh sách những người có công đóng góp xây dựng.",
    "Trải qua nhiều biến cố lịch sử, di tích nhiều lần bị hư hỏng và đều được nhân dân địa phương chung sức tu bổ lại.",
    "Vào thời {trieu}, nơi đây là trung tâm sinh hoạt văn hoá, tín ngưỡng của cả tổng, nơi các chức sắc trong làng bàn việc công.",
    "Những câu chuyện về {nguoi} vẫn được các thế hệ người dân {lang} kể lại cho con cháu qua lời ru và câu hò ví dặm.",
    "Cách mạng Tháng Tám năm 1945 thành công, Uỷ ban nhân dân lâm thời của xã {xa} được thành lập ngay tại nơi này.",
    "Trong thời kỳ hợp tác hoá, công trình từng được dùng làm kho chứa thóc và trụ sở của hợp tác xã nông nghiệp.",
    "Các hiện vật như lư hương, chuông đồng, hoành phi và câu đối là chứng tích sống động về đời sống tâm linh của cư dân nơi đây.",
    "Người dân trong vùng vẫn truyền nhau rằng mỗi khi có thiên tai, dịch bệnh, thần linh ở đây đều phù hộ cho dân làng bình an.",
    "Các cụ trong làng kể rằng thuở trước, mỗi khi làng có việc lớn, các bậc chức sắc đều ra đây làm lễ cáo yết.",
]
ARCHITECTURE = [
    "{Noi} toạ lạc trên một khu đất cao ráo, rộng chừng {dien_tich} mét vuông, mặt quay về hướng {huong}, phía trước có hồ bán nguyệt.",
    "Tổng thể kiến trúc được bố cục theo kiểu chữ {chu}, gồm nghi môn, sân, bái đường, trung đường và hậu cung.",
    "Nghi môn được xây bằng gạch vữa theo kiểu tam quan, gồm ba cửa, trên đỉnh trụ đắp nghê chầu và lồng đèn.",
    "Bái đường gồm năm gian hai chái, bộ khung làm bằng gỗ lim, kết cấu vì kèo kiểu chồng rường giá chiêng.",
    "Các đầu dư, kẻ, bẩy được chạm khắc tinh xảo với đề tài tứ linh long, ly, quy, phượng và tứ quý tùng, cúc, trúc, mai.",
    "Mái lợp ngói mũi hài, bờ nóc đắp hình lưỡng long chầu nguyệt, các đầu đao cong vút như mũi thuyền.",
    "Hậu cung là nơi đặt long ngai, bài vị và tượng thờ; không gian tĩnh lặng, ánh sáng được tiết chế để tạo vẻ trang nghiêm.",
    "Hệ thống cột gồm {so_cot} cột gỗ lim tròn, đặt trên chân tảng bằng đá xanh chạm hình cánh sen.",
    "Nền nhà được lát gạch bát cổ, cao hơn mặt sân khoảng nửa mét, có bậc tam cấp bằng đá ở chính giữa.",
    "Trên các xà ngang treo nhiều bức hoành phi sơn son thếp vàng, khắc chữ Hán ca ngợi công đức của bậc tiền nhân.",
    "Hai dãy tả vu và hữu vu hai bên sân là nơi dân làng sửa soạn lễ vật trong những ngày tế lễ.",
    "Nghệ thuật chạm khắc ở đây mang đậm phong cách thời {trieu}, đường nét mềm mại, bố cục chặt chẽ.",
    "Khuôn viên di tích có nhiều cây cổ thụ như đa, si, muỗm, tạo bóng mát quanh năm và làm nên vẻ cổ kính của công trình.",
    "Giếng làng trước cổng được kè bằng đá ong, nước trong quanh năm, gắn với nhiều kỷ niệm của người dân {lang}.",
    "Bức bình phong trước sân đắp nổi hình hổ phù và cuốn thư, mang ý nghĩa trấn trạch, bảo vệ nơi thờ tự.",
    "Trong lần trùng tu năm {nam}, các cấu kiện gỗ mục được thay bằng gỗ cùng loại, giữ nguyên hoa văn và kích thước cũ.",
    "Các mảng chạm thủng, chạm bong trên cốn và ván nong cho thấy tay nghề điêu luyện của những người thợ mộc xứ Nghệ.",
    "Toàn bộ công trình hài hoà với cảnh quan làng quê, phía sau là luỹ tre xanh, phía trước là cánh đồng lúa.",
]
FESTIVAL = [
    "Hằng năm, lễ hội chính được tổ chức vào ngày {ngay} tháng {thang} âm lịch, thu hút đông đảo người dân và du khách thập phương.",
    "Phần lễ gồm lễ mộc dục, lễ rước kiệu, lễ tế thần theo nghi thức truyền thống và lễ dâng hương của con cháu.",
    "Đội tế gồm các cụ cao niên trong làng, mặc áo thụng, đội mũ cánh chuồn, thực hiện nghi thức theo nhịp trống chiêng.",
    "Phần hội có nhiều trò chơi dân gian như đấu vật, kéo co, đánh đu, bịt mắt bắt dê, thi nấu cơm và hát ví dặm.",
    "Đêm hội, các câu lạc bộ dân ca ví, giặm Nghệ Tĩnh của xã {xa} biểu diễn, thu hút đông đảo người xem.",
    "Lễ vật dâng cúng gồm xôi, gà, bánh chưng, bánh giầy, hoa quả và rượu, do các gia đình trong làng chuẩn bị.",
    "Ngày rằm và mùng một hằng tháng, người dân đến thắp hương cầu mong mưa thuận gió hoà, mùa màng bội thu.",
    "Lễ rước kiệu đi qua các xóm trong xã, với cờ lọng, phường bát âm và đoàn người mặc trang phục truyền thống.",
    "Vào dịp Tết Nguyên đán, con cháu xa quê thường trở về dâng hương, báo cáo với tổ tiên những việc đã làm trong năm.",
    "Lễ hội là dịp để cộng đồng gắn kết, giáo dục truyền thống uống nước nhớ nguồn cho thế hệ trẻ.",
    "Ban quản lý di tích phối hợp với chính quyền xã tổ chức lễ hội theo hướng trang trọng, tiết kiệm, giữ gìn bản sắc.",
    "Trước ngày chính hội, dân làng {lang} dọn dẹp khuôn viên, lau chùi đồ thờ và treo cờ hội.",
]
VALUES = {
    "Lịch sử": [
        "minh chứng cho quá trình hình thành và phát triển của cộng đồng cư dân {lang}.",
        "gắn với công lao khai hoang, lập làng của {nguoi}.",
        "từng là cơ sở cách mạng của xã {xa} trong những năm 1930–1931.",
    ],
    "Kiến trúc nghệ thuật": [
        "bộ khung gỗ lim chạm khắc thời {trieu}, phản ánh trình độ kỹ thuật xây dựng truyền thống.",
        "bố cục chữ {chu} còn giữ được gần như nguyên vẹn.",
        "các mảng chạm tứ linh, tứ quý tinh xảo trên đầu dư, cốn, bẩy.",
    ],
    "Văn hoá": [
        "nơi diễn ra lễ hội truyền thống của làng {lang} vào tháng {thang} âm lịch.",
        "địa chỉ giáo dục truyền thống yêu nước cho thế hệ trẻ địa phương.",
        "nơi lưu giữ tiếng hát ví, giặm trong những đêm hội làng.",
    ],
    "Hiện vật": [
        "{so} đạo sắc phong, hoành phi, câu đối và chuông đồng.",
        "tấm bia đá ghi công người lập làng và lư hương bằng đồng.",
        "long ngai, bài vị sơn son thếp vàng trong hậu cung.",
    ],
}
# Rows of the architecture table: building, structure, period.
TABLE_ROWS = [
    ("Nghi môn", "Xây gạch, ba cửa kiểu tam quan", "Thời {trieu}"),
    ("Bái đường", "Năm gian hai chái, khung gỗ lim", "Niên hiệu {nien_hieu}"),
    ("Trung đường", "Ba gian, vì kèo chồng rường", "Thời {trieu}"),
    ("Hậu cung", "Một gian, đặt long ngai và bài vị", "Thời {trieu}"),
    ("Tả vu, hữu vu", "Nhà ngang hai bên sân", "Trùng tu năm {nam}"),
    ("Bình phong", "Đắp nổi hổ phù và cuốn thư", "Trùng tu năm {nam}"),
    ("Giếng làng", "Kè đá ong, hình tròn", "Thế kỷ {tk}"),
]
SUMMARIES = [
    "nơi thờ {nguoi}, người có công lập làng {lang}",
    "khung gỗ lim chạm khắc thời {trieu}, lễ hội ngày {ngay} tháng {thang} âm lịch",
    "từng là cơ sở cách mạng của xã {xa} thời Xô viết Nghệ Tĩnh",
    "còn giữ {so} đạo sắc phong và tấm bia đá ghi công lập làng",
]
SUMMARIES_EN = [
    "honours {nguoi}, who founded the village",
    "an ironwood frame carved in the {trieu_en} period",
    "a revolutionary base of the 1930–1931 Soviet movement",
    "keeps {so} royal decrees and a stele on the village's founding",
]
KINDS_EN = {
    "temple": "A temple", "pagoda": "A Buddhist pagoda", "communal-house": "A communal house",
    "ancestral-hall": "A clan hall", "shrine": "A shrine", "church": "A parish church",
    "memorial": "A memorial site", "tomb": "A tomb", "event-site": "A historic site",
    "archaeological": "An archaeological site", "landscape": "A landscape", "other": "A relic",
}
OPENING_HOURS = [
    "7:00–17:00 hằng ngày; lễ hội ngày {ngay} tháng {thang} âm lịch.",
    "Mở cửa ngày rằm và mùng một; ngày khác xin liên hệ người trông coi.",
    "Chưa có giờ mở cửa chính thức; xin liên hệ cán bộ văn hoá xã trước khi đến.",
]
ETIQUETTE = [
    "Ăn mặc lịch sự, giữ trật tự; không tự ý di chuyển đồ thờ.",
    "Đây là nơi thờ tự: xin ăn mặc kín đáo và không chụp ảnh trong hậu cung.",
    "Xin giữ gìn vệ sinh chung và không thắp hương ngoài nơi quy định.",
]

ENGLISH_HISTORY = [
    "Local tradition holds that {nguoi} led the first settlers here, reclaimed the land and founded the village.",
    "During the Nghệ Tĩnh Soviet movement of 1930–1931 the villagers of {xa} held meetings in the courtyard.",
    "The relic keeps {so} royal decrees (sắc phong), stored in a lacquered chest in the sanctuary.",
    "During the wars of the twentieth century the building was damaged several times and repaired by the villagers.",
    "A stone stele in the courtyard records the founding of the village and the names of those who helped build it.",
    "The village elders look after the relic and are glad to tell visitors its story.",
]
ENGLISH_ARCHITECTURE = [
    "The present buildings date from the {trieu_en} period and were restored in {nam}, keeping the original timber where it was sound.",
    "The frame is made of ironwood (gỗ lim), with carved brackets showing dragons, unicorns, tortoises and phoenixes.",
    "Old banyan trees shade the courtyard, and a half-moon pond lies in front of the gate.",
    "The roof is covered with fish-scale tiles, and its ridge bears two dragons facing the moon.",
    "The sanctuary is kept dim and quiet, and holds the throne, the tablets and the statues of worship.",
]
ENGLISH_FESTIVAL = [
    "On the first and fifteenth days of each lunar month, villagers come to burn incense and pray for good harvests.",
    "The main festival takes place on the {ngay_en} day of the {thang_en} lunar month, with a palanquin procession, offerings and folk games.",
    "On festival nights, local clubs sing ví and giặm folk songs, which UNESCO inscribed in 2014.",
    "Wrestling, tug of war and rice-cooking contests fill the courtyard during the festival.",
]


def fold(text):
    """The ASCII slug of a Vietnamese name, as ditich folds folder names."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def capitalise(text):
    return text[:1].upper() + text[1:]


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def words(text):
    return len(text.split())


class Relic:
    """One relic's facts and texts, drawn from the generator: the same for ditich and Hugo."""

    def __init__(self, index, ids_width, rng, used_folders, previous):
        self.index = index
        self.id = f"DT{index:0{ids_width}d}"
        self.rank = weighted(rng, RANKS)
        category = rng.choices(CATEGORIES, weights=[c[1] for c in CATEGORIES])[0]
        self.category, _, noun, names_vi, names_en = category

        ho = rng.choice(SURNAMES)
        ctx = {
            "lang": " ".join(rng.sample(PLACE_SYLLABLES, 2)),
            "xa": " ".join(rng.sample(PLACE_SYLLABLES, 2)),
            "huyen": rng.choice(DISTRICTS),
            "ho": ho,
            "nguoi": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}",
            "trieu": rng.choice(PERIODS),
            "nien_hieu": f"{rng.choice(REIGNS)} thứ {rng.randint(2, 20)}",
            "tk": rng.choice(CENTURIES),
            "nam": rng.choice([1994, 1998, 2003, 2007, 2011, 2015, 2019, 2022]),
            "ngay": rng.choice([1, 2, 3, 10, 12, 15, 16, 20]),
            "thang": rng.choice([1, 2, 3, 7, 8, 10, 12]),
            "so": rng.randint(3, 24),
            "so_cot": rng.choice([16, 24, 32, 48]),
            "dien_tich": rng.choice([800, 1200, 1500, 2000, 3500, 5000]),
            "huong": rng.choice(DIRECTIONS),
            "chu": rng.choice(PLANS),
            "noi": noun,
            "Noi": capitalise(noun),
        }
        ctx["trieu_en"] = PERIODS_EN[ctx["trieu"]]
        ctx["ngay_en"] = ENGLISH_ORDINALS[ctx["ngay"]]
        ctx["thang_en"] = ENGLISH_MONTHS[ctx["thang"]]
        self.ctx = ctx
        which = rng.randrange(len(names_vi))
        self.name = names_vi[which].format(**ctx)
        self.name_en = names_en[which].format(**ctx)

        base = fold(self.name)
        folder, k = base, 1
        while folder in used_folders:
            k += 1
            folder = f"{base}-{k}"
        used_folders.add(folder)
        self.folder = folder

        types = {
            "temple": ["historical"], "pagoda": ["architectural-artistic"],
            "communal-house": ["architectural-artistic"], "ancestral-hall": ["historical"],
            "event-site": ["historical"], "archaeological": ["archaeological"],
            "landscape": ["landscape"],
        }.get(self.category, ["historical"])
        if rng.random() < 0.3 and "architectural-artistic" not in types:
            types = types + ["architectural-artistic"]
        self.types = types

        self.summary = f"{self.name} ở làng {ctx['lang']}, huyện {ctx['huyen']}: " + \
            rng.choice(SUMMARIES).format(**ctx) + "."
        if len(self.summary) > 160:
            self.summary = f"{self.name}: " + SUMMARIES[0].format(**ctx) + "."
        self.summary = self.summary[:160]
        self.hamlet = f"Xóm {rng.choice(PLACE_SYLLABLES)} {rng.randint(1, 12)}"
        self.lat = round(rng.uniform(18.6, 19.9), 4)
        self.lon = round(rng.uniform(104.0, 105.8), 4)
        self.recognition = None
        if self.rank != "unranked":
            year = rng.randint(1962, 2024)
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            number = rng.randint(100, 9999)
            self.recognition = {
                "special-national": (f"{number}/QĐ-TTg", "Thủ tướng Chính phủ"),
                "national": (f"{number}/QĐ-BVHTTDL", "Bộ Văn hoá, Thể thao và Du lịch"),
                "provincial": (f"{number}/QĐ-UBND", "UBND tỉnh Nghệ An"),
            }[self.rank] + (date,)
        self.opening_hours = rng.choice(OPENING_HOURS).format(**ctx)
        self.etiquette = rng.choice(ETIQUETTE)
        self.has_photo = index % 10 == 0
        self.has_english = index % 5 == 0
        self.previous = previous  # (folder, name) of the relic before, for a link
        self.body = self._body(rng)
        self.body_en = self._body_en(rng) if self.has_english else None
        self.summary_en = (f"{KINDS_EN[self.category]} in {ctx['lang']} village, {ctx['huyen']} "
                           f"district: {rng.choice(SUMMARIES_EN).format(**ctx)}.")[:160]

    def _paragraphs(self, rng, bank, sizes):
        picked = rng.sample(bank, sum(sizes))
        out, at = [], 0
        for size in sizes:
            out.append(" ".join(s.format(**self.ctx) for s in picked[at:at + size]))
            at += size
        return out

    def _body(self, rng):
        c = self.ctx
        hamlet = "xóm " + self.hamlet.removeprefix("Xóm ")
        rank_words = {
            "special-national": "di tích quốc gia đặc biệt",
            "national": "di tích cấp quốc gia",
            "provincial": "di tích cấp tỉnh",
        }
        intro = (f"{self.name} ở {hamlet}, làng {c['lang']}, xã {c['xa']}, "
                 f"huyện {c['huyen']}, tỉnh Nghệ An.")
        if self.recognition:
            _, authority, date = self.recognition
            year = date[:4]
            intro += (f" Năm {year}, {c['noi']} được {authority} xếp hạng là "
                      f"{rank_words[self.rank]}.[^qd]")
        else:
            intro += " Di tích chưa được xếp hạng, đang được lập hồ sơ đề nghị công nhận."
        parts = [intro, "## Lịch sử"]
        parts += self._paragraphs(rng, HISTORY, [3, 3, 2])
        parts.append("## Kiến trúc")
        architecture = self._paragraphs(rng, ARCHITECTURE, [3, 3, 2])
        parts += architecture[:2]
        rows = sorted(rng.sample(range(len(TABLE_ROWS)), rng.randint(3, 5)))
        table = ["| Hạng mục | Kết cấu | Niên đại |", "|---|---|---|"]
        table += ["| " + " | ".join(cell.format(**c) for cell in TABLE_ROWS[r]) + " |"
                  for r in rows]
        parts.append("\n".join(table))
        parts.append(architecture[2])
        parts.append("## Lễ hội và tín ngưỡng")
        parts += self._paragraphs(rng, FESTIVAL, [3, 3])
        parts.append("## Giá trị")
        parts.append("\n".join(f"- **{label}:** {rng.choice(options).format(**c)}"
                               for label, options in VALUES.items()))
        visit = [
            f"- **Địa chỉ:** {hamlet}, làng {c['lang']}, xã {c['xa']}, huyện {c['huyen']}, tỉnh Nghệ An.",
            f"- **Giờ mở cửa:** {self.opening_hours}",
            f"- **Lưu ý:** {self.etiquette}",
            "- Vị trí trên bản đồ là gần đúng.",
        ]
        if self.previous:
            folder, name = self.previous
            visit.append(f"- Gần đó: [{name}](@/{folder}).")
        parts += ["## Thông tin tham quan", "\n".join(visit)]
        if self.recognition:
            decision, authority, date = self.recognition
            y, m, d = date.split("-")
            parts.append(f"[^qd]: Quyết định số {decision} ngày {d}/{m}/{y} của {authority}, "
                         f"xếp hạng {self.name} là {rank_words[self.rank]}.")
        return "\n\n".join(parts) + "\n"

    def _body_en(self, rng):
        c = self.ctx
        intro = (f"{self.name_en} ({self.name}) stands in {c['lang']} village, {c['xa']} "
                 f"commune, {c['huyen']} district, Nghệ An province.")
        history = [s.format(**c) for s in rng.sample(ENGLISH_HISTORY, 3)]
        architecture = [s.format(**c) for s in rng.sample(ENGLISH_ARCHITECTURE, 3)]
        festival = [s.format(**c) for s in rng.sample(ENGLISH_FESTIVAL, 2)]
        return "\n\n".join([
            intro,
            "## History",
            " ".join(history),
            "## Architecture",
            " ".join(architecture),
            "## Festival",
            " ".join(festival),
            "## Visitor information\n\n"
            f"- **Address:** {c['lang']} village, {c['xa']} commune, {c['huyen']} district.\n"
            "- **Please note:** dress modestly and keep quiet in the sanctuary.\n"
            "- The map location is approximate.",
        ]) + "\n"


    # --- ditich ---

    def ditich_front_matter(self):
        lines = [
            f"id = {toml_string(self.id)}",
            f"name = {toml_string(self.name)}",
            f"rank = {toml_string(self.rank)}",
            f"category = {toml_string(self.category)}",
            "types = [" + ", ".join(toml_string(t) for t in self.types) + "]",
            f"summary = {toml_string(self.summary)}",
            f"hamlet = {toml_string(self.hamlet)}",
            f"location = {{ lat = {self.lat}, lon = {self.lon} }}",
        ]
        if self.recognition:
            decision, authority, date = self.recognition
            lines.append(f"recognition = {{ decision = {toml_string(decision)}, date = {date}, "
                         f"authority = {toml_string(authority)} }}")
        if self.has_photo:
            lines.append('cover = "cover.jpg"')
            lines.append(f"cover_alt = {toml_string('Toàn cảnh ' + self.ctx['noi'] + ' nhìn từ sân')}")
        lines.append(f"opening_hours = {toml_string(self.opening_hours)}")
        lines.append(f"etiquette = {toml_string(self.etiquette)}")
        return lines

    def ditich_translation_front_matter(self):
        lines = [
            f"id = {toml_string(self.id)}",
            f"name = {toml_string(self.name_en)}",
            f"summary = {toml_string(self.summary_en)}",
        ]
        if self.has_photo:
            lines.append('cover_alt = "The relic seen from its courtyard"')
        return lines


def photo_bytes(source, tag):
    """The sample JPEG with a comment segment after its JFIF header, so each copy differs."""
    assert source[:2] == b"\xff\xd8" and source[2:4] == b"\xff\xe0", "expected a JFIF JPEG"
    app0_end = 4 + int.from_bytes(source[4:6], "big")
    comment = f"ditich bench photo {tag}".encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return source[:app0_end] + segment + source[app0_end:]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")


def relics(n, seed):
    rng = random.Random(seed)
    width = max(5, len(str(n)))
    used, previous = set(), None
    for i in range(1, n + 1):
        relic = Relic(i, width, rng, used, previous)
        previous = (relic.folder, relic.name)
        yield relic


def site_toml(posters, commune=None, base_url=None):
    sizes, formats = POSTERS[posters]
    text = SAMPLE_SITE.read_text(encoding="utf-8")
    if commune:
        text = re.sub(r'(?m)^name = "Long Thành"$', f"name = {toml_string(commune)}", text, 1)
    if base_url:
        text = re.sub(r"(?m)^base_url = .*$", f"base_url = {toml_string(base_url)}", text, 1)
    text = re.sub(r"(?m)^sizes = .*$", f"sizes = {sizes}", text)
    text = re.sub(r"(?m)^formats = .*$", f"formats = {formats}", text)
    text = re.sub(r'(?m)^vi = ".*"$', 'vi = "Di tích Nghệ An (dữ liệu thử hiệu năng)"', text, 1)
    text = re.sub(r'(?m)^en = ".*"$', 'en = "Heritage of Nghệ An (benchmark data)"', text, 1)
    header = ("# Written by bench/generate.py: synthetic relics for timing builds, "
              "not real heritage records.\n")
    return header + text


HUGO_CONFIG = """\
# Written by bench/generate.py: the same relics as the ditich project, for comparison.
baseURL = "https://longthanh.yenthanh.nghean.gov.vn/du-lich/"
title = "Di tích Nghệ An (dữ liệu thử hiệu năng)"
defaultContentLanguage = "vi"
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = true

[languages.vi]
weight = 1
languageName = "Tiếng Việt"

[languages.en]
weight = 2
languageName = "English"
title = "Heritage of Nghệ An (benchmark data)"

[markup.goldmark.renderer]
unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Title }}{{ end }}">
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
{{ range .Translations }} · <a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ .Params.summary }}</p>
{{ with .Params.cover }}{{ with $.Resources.GetMatch . }}
{{ $s := .Resize "400x" }}{{ $m := .Resize "600x" }}{{ $l := .Resize "900x" }}
<img src="{{ $m.RelPermalink }}" srcset="{{ $s.RelPermalink }} 400w, {{ $m.RelPermalink }} 600w, {{ $l.RelPermalink }} 900w" sizes="100vw" width="{{ $m.Width }}" height="{{ $m.Height }}" alt="{{ $.Params.cover_alt }}">
{{ end }}{{ end }}
{{ .Content }}
</article>
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>
{{ end }}</ul>
{{ end }}
""",
    "index.html": """\
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>
{{ end }}</ul>
{{ end }}
""",
    "404.html": """\
{{ define "main" }}<h1>404</h1><p><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></p>{{ end }}
""",
}


def hugo_front_matter(relic, english):
    """TOML front matter for Hugo: the same facts, under Hugo's names; the plaque codes'
    landing pages become aliases, as ditich writes /Q/<ID>/ and /q/<id>/."""
    lines = [
        f"title = {toml_string(relic.name_en if english else relic.name)}",
        f"summary = {toml_string(relic.summary_en if english else relic.summary)}",
    ]
    if not english:
        lines += [
            f"id = {toml_string(relic.id)}",
            f"rank = {toml_string(relic.rank)}",
            f"category = {toml_string(relic.category)}",
            f"location = {{ lat = {relic.lat}, lon = {relic.lon} }}",
            f'aliases = ["/Q/{relic.id}/", "/q/{relic.id.lower()}/"]',
        ]
    if relic.has_photo:
        lines.append('cover = "cover.jpg"')
        alt = "The relic seen from its courtyard" if english else "Toàn cảnh " + relic.ctx["noi"] + " nhìn từ sân"
        lines.append(f"cover_alt = {toml_string(alt)}")
    return lines


def hugo_body(body):
    # ditich links another relic by its folder, (@/folder); Hugo by a relative path.
    return re.sub(r"\]\(@/([a-z0-9-]+)\)", r"](../\1/)", body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="number of relics")
    parser.add_argument("dir", type=Path, metavar="DIR", help="folder to write (new or empty)")
    parser.add_argument("--hugo", action="store_true", help="write a Hugo site instead")
    parser.add_argument("--posters", choices=sorted(POSTERS), default="none",
                        help="print files the ditich project makes (default: none)")
    parser.add_argument("--no-photos", action="store_true",
                        help="give no relic a photo (the case of the speed targets)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default: 2026)")
    parser.add_argument("--commune", help="the commune's name in site.toml (default: the sample's)")
    parser.add_argument("--base-url", help="the base_url in site.toml (default: the sample's)")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")
    if args.dir.exists() and any(args.dir.iterdir()):
        parser.error(f"{args.dir} is not empty")
    args.dir.mkdir(parents=True, exist_ok=True)

    photo = SAMPLE_PHOTO.read_bytes()
    if args.hugo:
        write(args.dir / "hugo.toml", HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            write(args.dir / "layouts" / name, text)
        root = args.dir / "content"
    else:
        write(args.dir / "site.toml", site_toml(args.posters, args.commune, args.base_url))
        root = args.dir / "sites"

    total_words = photos = translations = 0
    for relic in relics(args.n, args.seed):
        relic.has_photo = relic.has_photo and not args.no_photos
        folder = root / relic.folder
        if args.hugo:
            main_fm, en_fm = hugo_front_matter(relic, False), hugo_front_matter(relic, True)
            body, body_en = hugo_body(relic.body), relic.body_en
        else:
            main_fm, en_fm = relic.ditich_front_matter(), relic.ditich_translation_front_matter()
            body, body_en = relic.body, relic.body_en
        write(folder / "index.md", "+++\n" + "\n".join(main_fm) + "\n+++\n\n" + body)
        total_words += words(relic.body)
        if relic.has_english:
            write(folder / "index.en.md", "+++\n" + "\n".join(en_fm) + "\n+++\n\n" + body_en)
            translations += 1
        if relic.has_photo:
            (folder / "cover.jpg").write_bytes(photo_bytes(photo, relic.id))
            photos += 1

    kind = "Hugo site" if args.hugo else f"ditich project (posters: {args.posters})"
    print(f"wrote a {kind} of {args.n} relics to {args.dir}: {total_words // args.n} words each "
          f"on average, {photos} photos, {translations} translations", file=sys.stderr)


if __name__ == "__main__":
    main()
