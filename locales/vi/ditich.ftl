# Lời của ditich bằng tiếng Việt. Mỗi mã ở đây cũng có trong ../en/ditich.ftl, với cùng các
# biến; `cargo test i18n` kiểm tra điều đó. Khóa TOML, tên tệp và giá trị cán bộ phải gõ
# đúng từng chữ thì để nguyên, trong dấu `…`.

## Khung của mỗi thông báo

label-error = lỗi
label-warning = cảnh báo
label-help = gợi ý
problems-count = dự án có { $count } lỗi

## site.toml

config-messages-unknown = `messages` "{ $value }" không phải ngôn ngữ ditich dùng được
config-messages-help = viết messages = "vi" để dùng tiếng Việt, hoặc messages = "en" để dùng tiếng Anh

## --help. Mã được ghép từ tên lệnh và tùy chọn: `cli-build-out` là `ditich build --out`,
## `cli-root` là `--root` mà lệnh nào cũng có.

cli-about = Tạo trang giới thiệu di tích song ngữ, có trang mã QR và dữ liệu mở, từ mỗi di tích một tệp Markdown
cli-long-about =
    Tạo trang giới thiệu di tích từ mỗi di tích một tệp Markdown: một trang web tĩnh song ngữ, các trang mã QR không bao giờ hỏng, tệp in biển và áp phích, và dữ liệu mở.

    Chạy lệnh trong thư mục dự án, thư mục có site.toml và sites/.
cli-after-help =
    Ví dụ:
      ditich new "Đền Cả"       tạo trang cho một di tích trong sites/den-ca/index.md
      ditich check              tìm lỗi mà không tạo trang
      ditich serve              xem trang tại http://127.0.0.1:8000/ trong lúc sửa
      ditich build              ghi trang web vào output/
      ditich posters DT08       tạo biển của DT08 và ghi nhận là đã in
      ditich rename den-ca den-ca-moi
                                đổi tên thư mục di tích: trang đổi địa chỉ, mã trên biển giữ nguyên
      ditich retire den-ca --to DT02
                                cho di tích thôi có trên trang; biển đã in của nó mở DT02
      ditich publish            tạo trang, rồi gửi những gì đã đổi lên máy chủ web

    Mã thoát: 0 khi mọi việc tốt đẹp, 1 khi dự án có lỗi, 2 khi gõ sai lệnh.
cli-quiet = Chỉ in các lỗi
cli-verbose = In thêm từng bước tạo trang và thời gian của nó
cli-root = Thư mục dự án, thư mục có site.toml [mặc định: thư mục hiện tại]
cli-out = Nơi ghi trang web [mặc định: output/ trong thư mục dự án]
cli-port = Cổng để mở trang; 0 là tự chọn một cổng còn trống
cli-build-about = Tạo trang web vào thư mục output, chỉ thay thư mục cũ khi tạo xong không lỗi
cli-new-about = Thêm một di tích mới: một thư mục trong sites/ với tệp index.md để điền
cli-new-name = Tên di tích bằng tiếng Việt, trong ngoặc kép: "Đền Cả". Thư mục được đặt theo tên này (sites/den-ca/)
cli-new-id = Mã biển [mặc định: mã còn trống kế tiếp, ví dụ DT08 sau DT07]
cli-rename-about = Đổi tên thư mục của một di tích trong sites/, và cùng với nó là địa chỉ trang của di tích
cli-rename-long-about = Đổi tên thư mục của một di tích trong sites/, và cùng với nó là địa chỉ trang của di tích.

    Mã di tích và địa chỉ trong mã QR không đổi. plaques.toml và các liên kết trong bài của di tích khác ([…](@/thu-muc)) được sửa theo tên mới.
cli-folder = Thư mục của di tích trong sites/: den-ca
cli-new-folder = Tên mới: chữ thường không dấu, chữ số và dấu gạch nối, ví dụ den-ca-moi
cli-retire-about = Cho một di tích thôi có trên trang web, giữ thư mục, bài viết và ảnh của nó trong retired/
cli-retire-long-about = Cho một di tích thôi có trên trang web, giữ thư mục, bài viết và ảnh của nó trong retired/.

    Di tích đã in biển cần --to, di tích mà mã QR của nó từ nay sẽ mở; plaques.toml ghi lại điều đó, và liên kết của các di tích khác tới nó cũng được chuyển sang đó.
cli-to = Mã của di tích mà biển đã in từ nay sẽ mở, ví dụ DT02; cần khi biển đã in. Liên kết của các di tích khác tới nó cũng được chuyển sang đó
cli-check-about = Kiểm tra dự án, tìm mọi lỗi và cảnh báo, không ghi gì cả
cli-check-fix = Trước đó sửa luôn những chỗ không cần cân nhắc trong văn bản các di tích: văn bản lưu bằng Windows-1258, chữ lưu ở dạng tổ hợp (không phải NFC), văn bản gõ bằng phông TCVN3 (ABC) hoặc VNI cũ
cli-check-strict = Thoát với mã 1 cả khi chỉ có cảnh báo, không chỉ khi có lỗi
cli-check-format = Cách in các vấn đề
cli-posters-about = Tạo trang web kèm các tệp in, rồi ghi các mã đã in vào plaques.toml
cli-posters-long-about =
    Tạo trang web kèm các tệp in, rồi ghi các mã đã in vào plaques.toml.

    Chạy lệnh này trước khi mang biển đi in, và lưu plaques.toml lại (commit): mỗi lần tạo trang sau đó đều kiểm tra rằng mỗi mã đã in vẫn mở đúng một di tích.
cli-posters-ids = Các mã đang in, ví dụ DT01 DT04 [mặc định: mã của mọi di tích]
cli-serve-about = Mở trang web trên máy này và tạo lại mỗi khi một tệp thay đổi
cli-serve-long-about =
    Mở trang web trên máy này và tạo lại mỗi khi một tệp thay đổi.

    Mở địa chỉ lệnh in ra trong trình duyệt: trang tự tải lại sau mỗi lần lưu, và cho biết chỗ sai khi dự án có lỗi. Không ghi gì vào output/; không tạo tệp in.
cli-serve-bind = Địa chỉ để lắng nghe. Chỉ máy này mở được 127.0.0.1; dùng 0.0.0.0 để điện thoại cùng mạng xem thử các trang, tại địa chỉ lệnh in ra khi đó
cli-stats-about = Đếm lượt quét mã QR của từng di tích từ nhật ký truy cập của máy chủ web (nginx hoặc Apache, cả tệp .gz)
cli-stats-long-about =
    Đếm lượt quét mã QR của từng di tích từ nhật ký truy cập của máy chủ web (nginx hoặc Apache, cả tệp .gz).

    In số lượt quét và số khách ước tính theo di tích và theo tháng; --csv và --svg ghi thêm ra tệp để làm báo cáo. Không lưu địa chỉ nào: khách được phân biệt bằng một mã băm có khóa, khóa được tạo mới cho mỗi lần chạy.
cli-stats-logs = Nhật ký truy cập của máy chủ web đang phục vụ trang, theo định dạng common hoặc combined của nginx hay Apache; tệp nén gzip (access.log.2.gz) đọc được luôn
cli-stats-csv = Ghi thêm số liệu dạng CSV vào FILE: period,id,name,scans,visitors, mỗi di tích và mỗi kỳ có lượt quét một dòng
cli-stats-svg = Ghi thêm biểu đồ cột SVG về lượt quét của từng di tích vào FILE
cli-stats-by = Mỗi dòng của bảng và của tệp CSV tính cho kỳ nào
cli-stats-publish = Lưu thêm số lượt quét theo tháng của từng mã vào stats/scans.csv của dự án, để lần tạo trang sau công bố thành dữ liệu mở; các tháng có trong nhật ký này thay cho số cũ của các tháng đó
cli-studio-about = Sửa, kiểm tra và xem trước các di tích trong trình duyệt, chỉ trên máy này
cli-studio-long-about =
    Sửa, kiểm tra và xem trước các di tích trong trình duyệt, chỉ trên máy này.

    Mở một biểu mẫu cho mỗi di tích, bằng tiếng Việt; mỗi lần lưu đều được kiểm tra như ditich check và chỉ ghi khi dự án vẫn tạo được trang. Các ghi chú và những khóa mà biểu mẫu không đổi vẫn giữ nguyên trong tệp.
cli-studio-no-open = In địa chỉ ra mà không mở trình duyệt

## Những chữ clap tự viết; chỉ dùng cho tiếng Việt.

cli-usage = Cách dùng:
cli-commands = Lệnh
cli-command = LỆNH
cli-arguments = Đối số
cli-options = Tùy chọn
cli-help-more = In trợ giúp (xem đầy đủ với '--help')
cli-help-summary = In trợ giúp (xem tóm tắt với '-h')
cli-help-plain = In trợ giúp
cli-version = In số phiên bản
cli-help-command = In trợ giúp này, hoặc trợ giúp của lệnh được nêu
cli-help-subcommand = In trợ giúp của lệnh được nêu
cli-check-format-human = Như trình biên dịch: tệp:dòng:cột, dòng đó, dấu ^ dưới chỗ sai, một gợi ý
cli-check-format-json = Một tài liệu JSON trên đầu ra chuẩn, cho các chương trình và trình soạn thảo
cli-stats-by-day = Mỗi di tích mỗi ngày một dòng
cli-stats-by-month = Mỗi di tích mỗi tháng một dòng
cli-values = giá trị:
cli-values-heading = Các giá trị:
cli-default = mặc định:

## Những dòng các lệnh in ra

built = đã tạo trang cho { $relics } di tích: { $pages } trang
built-print-files = { " " }và { $count } tệp in
built-into = { $summary } vào { $folder } ({ $seconds } giây)
built-warnings = , { $count } cảnh báo
posters-none-new = mọi mã đều đã có trong plaques.toml
posters-recorded = đã ghi { $codes } vào plaques.toml: hãy lưu (commit) tệp này cùng các tệp in
posters-folder = tệp in: { $folder }
check-fixed = đã sửa { $file }: { $changes }
checked = đã kiểm tra { $relics } di tích: { $tally }
checked-strict = đã kiểm tra { $relics } di tích: { $tally }; không đạt vì --strict tính cảnh báo như lỗi
tally-none = không thấy vấn đề nào
tally-errors = { $count } lỗi
tally-warnings = { $count } cảnh báo
tally-both = { $errors } lỗi, { $warnings } cảnh báo
new-created = đã tạo { $file } với mã biển { $code }: hãy điền thông tin, chép ảnh vào cùng thư mục, rồi chạy `ditich serve` để xem trang
waiting = đang chờ một ditich khác đang tạo trang cho dự án này…
output-unchanged = { $problems }; thư mục output không bị thay đổi
serving = đang mở trang tại { $url } (nhấn Ctrl+C để dừng); trang tự tải lại khi một tệp thay đổi
serving-phones = trên điện thoại dùng cùng mạng Wi-Fi, mở { $url }
serving-no-network = máy này chưa có địa chỉ mạng để điện thoại mở được; hãy kết nối Wi-Fi rồi chạy lại ditich serve
changed-one = { $file } đã thay đổi:{ " " }
changed-more = { $file } và { $count } tệp khác đã thay đổi:{ " " }
rebuilt-in = { $summary } trong { $ms } ms
rebuild-failed = tạo trang không thành công
rebuild-failed-shown = ; trình duyệt sẽ hiện lý do cho đến khi sửa xong
stats-config-first = { $problems }; lượt quét được đếm theo base_url của site.toml, nên hãy sửa nó trước
stats-counting = đang đếm các di tích đọc được index.md: { $codes }
stats-counting-none = không đọc được index.md của di tích nào, nên mọi mã đều bị tính là không rõ
stats-project-errors = dự án có { $count } lỗi (`ditich build` liệt kê chúng); { $counted }
stats-cannot-read = không đọc được nhật ký { $log }
stats-no-key = không tạo được khóa ngẫu nhiên để băm thông tin khách
stats-published = đã giữ { $rows } dòng lượt quét theo tháng trong { $file } ({ $months } tháng lấy từ nhật ký này); lần tạo trang sau sẽ công bố chúng ở data/scans.csv
stats-publish-first = { $file } có lỗi (xem ở trên), nên chưa đếm và chưa ghi gì vào đó
scans-unreadable = không đọc được tệp lượt quét: { $reason }
scans-wrong-help = mỗi dòng của { $file } là tháng,mã,lượt quét,số khách, ví dụ 2026-03,DT01,120,85; sửa dòng này hoặc chạy lại ditich stats --publish với nhật ký của tháng đó
scans-not-csv = dòng này không đọc được như bảng CSV: { $reason }
scans-header = dòng đầu phải là { $header }
scans-columns = dòng này có { $count } cột; cần đúng 4: tháng, mã, lượt quét, số khách
scans-month = "{ $value }" không phải một tháng; viết năm-tháng, ví dụ 2026-03
scans-id-missing = dòng này thiếu mã di tích
scans-count = cột { $column } ghi "{ $value }", không phải một số đếm
scans-more-visitors = số khách ({ $visitors }) nhiều hơn lượt quét ({ $scans }); mỗi khách quét ít nhất một lần
scans-twice = mã { $id } có hai dòng cho tháng { $period }
cannot-write = không ghi được { $file }
stage-done = { $stage }: xong { $total } trong { $seconds } giây
stage-took = { $stage }: { $seconds } giây
stage-cpu = { $line } (CPU: { $user } giây cho ditich, { $system } giây cho hệ thống)
cli-stage-reading = đọc dự án
cli-stage-listings = danh sách và dữ liệu mở
cli-stage-files = ảnh và tệp
cli-stage-pages = trang
cli-stage-print-files = tệp in
cli-stage-publishing = xuất bản

## Tệp index.md và index.en.md của một di tích

write-line = viết { $line }
kiosk-unknown-id = màn hình trình chiếu (kiosk) có mã { $code }, nhưng không di tích nào mang mã này
kiosk-unknown-id-help = viết `id` của một tệp di tích, hoặc bỏ mã này khỏi [kiosk] relics
folder-no-letters = tên thư mục không có chữ cái hay chữ số nào để làm địa chỉ web
folder-rename-help = đổi tên thư mục theo tên di tích, ví dụ sites/den-ca
folder-reserved = tên thư mục `{ $slug }` đã được chính trang web dùng
folders-one-address = hai thư mục { $first } và { $second } cho cùng một địa chỉ web /{ $slug }/
folders-one-address-help = đổi tên một trong hai thư mục
cover-no-alt = ảnh bìa chưa có lời mô tả cho người khiếm thị
cover-no-alt-help = nói ảnh chụp gì, ví dụ "Cổng tam quan nhìn từ sân": thêm dòng này ngay dưới: cover_alt = "…"
photo-no-alt = ảnh "{ $file }" chưa có lời mô tả cho người khiếm thị
photo-no-alt-help = nói ảnh chụp gì: thêm dòng này ngay dưới: alt = "…"
translation-id-differs = mã "{ $value }" của bản dịch khác mã "{ $main }" của index.md
translation-id-help = bản dịch phải ghi lại đúng mã của index.md: viết { $line }
photo-unreadable = không đọc được ảnh này: { $reason }
photo-unreadable-help = mở ảnh bằng một chương trình xem ảnh rồi lưu lại dạng JPEG, hoặc bỏ ảnh đi
photos-one-file = hai ảnh { $first } và { $second } sẽ thành cùng một tệp khi đưa lên trang, { $published }
photos-one-file-help = đặt tên khác cho một ảnh, ví dụ đổi { $file } thành { $renamed }, và viết tên mới vào chỗ dùng ảnh đó
photo-large = ảnh này nặng { $megabytes } MB; ảnh quá 5 MB làm chậm mỗi lần tạo trang và sao chép
photo-large-help = lưu lại ảnh rộng khoảng 2000 px, chất lượng JPEG 85 %; khách xem luôn nhận bản đã thu nhỏ
photo-narrow = ảnh này chỉ rộng { $width } px; điện thoại hiện ảnh dưới { $least } px bị mờ
photo-narrow-help = dùng ảnh gốc từ máy ảnh hoặc điện thoại, đừng dùng bản đã gửi qua ứng dụng nhắn tin hay lấy từ trang web
id-not-code = mã "{ $value }" không phải mã biển: dùng từ 2 đến 12 chữ cái in hoa A–Z hoặc chữ số
id-not-code-help = viết mã in trên biển, ví dụ id = "DT01"
key-empty = `{ $key }` đang để trống
key-empty-help = viết { $key ->
    [name] tên
   *[summary] phần tóm tắt
} của di tích vào giữa hai dấu ngoặc kép
summary-long = phần tóm tắt dài { $length } ký tự; danh sách và áp phích chỉ hiện tối đa { $most }
summary-long-help = rút gọn còn một hai câu; bài viết bên dưới còn chỗ cho phần còn lại
summary-placeholder = phần tóm tắt vẫn là câu mẫu do `ditich new` viết
summary-placeholder-help = viết một hai câu về di tích vào chỗ đó
# $what là rank, category hoặc type.
word-unknown = { $what ->
    [rank] cấp xếp hạng
    [category] loại công trình
   *[type] loại hình di tích
} "{ $value }" không có trong danh sách; phải là một trong các từ { $keys }
word-is-vietnamese = "{ $written }" là từ tiếng Việt của "{ $key }":
word-did-you-mean = có phải ý là "{ $key }"?
word-use-one = dùng một trong các từ tiếng Anh ở trên, ví dụ
word-help = { $why } viết { $line }
place-swapped-help = lat và lon có vẻ bị đảo: lat là số nhỏ hơn (ở đây khoảng 19), lon là số lớn hơn (khoảng 105)
place-copy-help = chép lại tọa độ từ ứng dụng bản đồ, dạng số thập phân: ở đây lat ≈ 19, lon ≈ 105
place-outside-vietnam = { $place } nằm ngoài Việt Nam
place-not-on-earth = { $place } không phải một vị trí trên Trái Đất
date-alone = `{ $key }` phải là một ngày, không kèm giờ
date-alone-help = viết theo dạng năm-tháng-ngày, không có dấu ngoặc kép: viết { $line }
file-outside = `{ $key }` "{ $name }" trỏ ra ngoài thư mục của di tích
file-outside-help = để tệp vào thư mục của di tích và chỉ viết tên tệp
# $kind là photo hoặc audio.
file-wrong-kind = `{ $key }` "{ $name }" không phải { $kind ->
    [photo] ảnh JPEG, PNG hay WebP
   *[audio] tệp âm thanh
}
file-wrong-kind-help = dùng tệp có đuôi .{ $extensions }
file-missing = tệp "{ $name }" của `{ $key }` không có trong thư mục của di tích
file-other-case-help = tệp có tên là "{ $file }", khác chữ hoa hoặc dấu: viết { $line }
file-did-you-mean = có phải ý là "{ $file }"? viết { $line }
file-missing-help = chép tệp vào thư mục của di tích, hoặc sửa lại tên (chữ hoa và dấu đều phải đúng)
id-printed-for-other = mã "{ $code }" đã in trên biển của { $name } ({ $file })
id-printed-for-other-help = mã đã in thì đi theo di tích đó; hãy cho di tích này một mã riêng: id = "{ $code }"
id-taken = mã "{ $code }" đã được dùng cho { $file }
id-taken-help = mỗi di tích cần một mã biển riêng; hãy cho di tích này mã còn trống kế tiếp: viết { $line }

## TOML không đọc được: phần đầu tệp di tích, site.toml, plaques.toml

add-line-below = thêm dòng này ngay dưới: { $line }
add-line-above = thêm dòng này ngay trên: { $line }
key-unknown = khóa lạ `{ $key }`
key-did-you-mean-write = có phải ý là `{ $key }`? viết { $line }
key-did-you-mean = có phải ý là `{ $key }`?
key-draft-move-up = chuyển dòng này lên trên, trước [[photos]] hoặc [extra] đầu tiên: `draft` thuộc về cả di tích
key-remove = xóa khóa này
keys-allowed = ở đây chỉ dùng được các khóa { $keys }
key-missing = còn thiếu khóa bắt buộc `{ $key }`
# $needed: list, date, table, text, boolean hoặc number; $found: từ của serde cho giá trị đã
# viết, hiện nguyên $written khi danh mục không có từ cho nó.
value-wrong-type = `{ $key }` phải là { $needed ->
    [list] một danh sách trong ngoặc vuông
    [date] một ngày, không có dấu ngoặc kép
    [table] một bảng trong ngoặc nhọn
    [text] chữ trong dấu ngoặc kép
    [boolean] true hoặc false
   *[number] một số, không có dấu ngoặc kép
}, không phải { $found ->
    [string] chữ trong dấu ngoặc kép
    [integer] một số
    [float] một số
    [boolean] true hoặc false
    [sequence] một danh sách
    [map] một bảng
    [datetime] một ngày
   *[other] { $written }
}
text-unquoted = chữ phải đặt trong dấu ngoặc kép
line-form-help = mỗi dòng gồm một khóa, dấu `=` và một giá trị: chữ đặt trong dấu ngoặc kép thẳng "…", số và ngày (2016-12-07) thì không
slip-odd-space = dòng này có dấu cách không ngắt hoặc dấu cách toàn khổ ở chỗ TOML cần dấu cách thường
slip-colon = khóa và giá trị nối với nhau bằng `=`, không phải `:`
slip-curly-quotes = chữ phải đặt trong dấu ngoặc kép thẳng "…", không phải ngoặc kép cong
slip-closing-quote = thiếu dấu ngoặc kép đóng `"` ở cuối chữ
slip-date = ngày viết theo dạng năm-tháng-ngày, như 2016-12-07
slip-decimal-comma = số thập phân viết bằng dấu chấm, không phải dấu phẩy
slips-and = { $first }; { $then }

## Các giá trị của site.toml

config-unreadable = không đọc được site.toml: { $reason }
config-unreadable-help = chạy ditich trong thư mục dự án (thư mục có site.toml), hoặc thêm --root THƯ_MỤC
# $unit là commune hoặc province.
unit-code-digits = `{ $key }` "{ $value }" không phải một mã gồm { $count } chữ số
unit-code-digits-help = viết mã { $unit ->
    [commune] xã
   *[province] tỉnh
} theo danh mục đơn vị hành chính chính thức, { $count } chữ số trong dấu ngoặc kép, hoặc bỏ dòng này cho đến khi có mã
base-url-wrong = `base_url` "{ $value }" không phải một địa chỉ web
base-url-wrong-help = ghi đầy đủ địa chỉ mà trang được đưa lên, ví dụ viết base_url = "https://longthanh.example.gov.vn/du-lich/"
languages-empty = `languages` đang để trống
languages-empty-help = viết languages = ["vi", "en"]
language-code-wrong = `{ $code }` không phải mã ngôn ngữ
language-code-wrong-help = dùng mã hai chữ cái như "vi" và "en"
title-missing = trang chưa có tiêu đề bằng `{ $code }`
bleed-out-of-range = `bleed_mm` { $value } không nằm trong khoảng 0 đến 10 mm
bleed-out-of-range-help = viết bleed_mm = 3, lề chờ xén mà các nhà in thường dùng
qr-base-url-wrong = `qr_base_url` "{ $value }" không phải một địa chỉ web
qr-base-url-wrong-help = ghi đầy đủ địa chỉ ngắn chuyển tiếp đến trang, ví dụ viết qr_base_url = "https://lt.vn/", hoặc xoá dòng này để mã QR dùng base_url
poster-size-unknown = không có khổ áp phích `{ $size }`
poster-size-not-among = `{ $size }` không nằm trong các khổ áp phích
poster-sizes-are = các khổ là { $sizes }
qr-level-unknown = `{ $level }` không phải mức sửa lỗi của mã QR
qr-level-unknown-help = dùng L, M, Q hoặc H (H chịu hư hại tốt nhất)
poster-format-unknown = không có định dạng tệp in `{ $format }`
poster-formats-are = các định dạng là { $formats }
sheet-paper-unknown = không có khổ giấy `{ $paper }` cho tờ in ghép
sheet-papers-are = các khổ giấy là { $papers }; viết sheets = [] nếu không cần tờ in ghép

## plaques.toml, sổ ghi các biển đã in

plaque-twice = biển { $code } được ghi hai lần
plaque-twice-help = giữ mục có ngày first_printed sớm nhất
plaque-url-changed = biển { $code } đã in với địa chỉ { $printed } nhưng mã của lần tạo trang này lại chứa { $now }
plaque-url-changed-help = biển đã in chỉ mở được trang này nếu địa chỉ cũ chuyển tiếp sang địa chỉ mới; hãy giữ base_url và [posters] qr_base_url như lúc in
plaque-retired-exists = biển { $code } được ghi là đã thôi dùng, nhưng di tích { $code } vẫn còn
plaque-retired-exists-help = bỏ `retired` và `redirect` khỏi biển này, hoặc cho di tích một mã mới
plaque-orphan = biển { $code }, in ngày { $printed }, không còn di tích nào: quét mã QR của nó sẽ không mở được gì
plaque-orphan-moved-help = di tích mà biển được in cho, { $folder }, nay mang mã { $now }: sửa dòng đó lại thành id = "{ $code }" trong { $file }
plaque-orphan-help = nếu mã của di tích đã bị đổi, hãy đổi lại thành "{ $code }" trong index.md của nó; nếu di tích đã bị bỏ hoặc gộp, thêm `retired = true` và `redirect = "<mã của di tích sẽ hiện thay>"` dưới biển này
plaque-retired-nowhere = biển đã thôi dùng { $code } chưa cho biết nay mở di tích nào
plaque-retired-nowhere-help = thêm `redirect = "<mã>"` dưới biển, ghi mã di tích mà khách quét biển nên được xem
plaque-redirect-unknown = biển đã thôi dùng { $code } chuyển sang { $target }, nhưng đó không phải mã của di tích nào
plaque-redirect-unknown-help = ghi mã của một di tích đang có
plaque-no-folder = biển { $code } không ghi nó được in cho di tích nào, nên không thể biết mã của nó có bị trao cho di tích khác hay không
plaque-no-folder-help = nếu biển này dựng ở { $name }, thêm các dòng này dưới nó: folder = { $folder } và name = { $quoted }
code-printed-for-other = mã { $code } đã in trên biển của { $name } ({ $folder }); nếu trao cho di tích này, khách quét biển kia sẽ bị đưa tới đây
code-printed-for-other-help = cho di tích này một mã riêng, id = "{ $fresh }", và trả lại cho { $file } id = "{ $code }"
plaque-folder-renamed = biển { $code } được in cho thư mục { $folder }, nay là { $now }
plaque-folder-renamed-help = viết folder = { $folder } dưới biển này
code-printed-for-gone = mã { $code } đã in trên biển của { $name } ({ $folder }, thư mục nay không còn); giờ nó sẽ mở { $now }
code-printed-for-gone-help = nếu đây vẫn là di tích đó, chỉ chuyển chỗ và đổi tên, hãy viết folder = { $folder } và name = { $quoted } dưới biển { $code } trong plaques.toml; nếu là di tích khác, cho nó một mã riêng, id = "{ $fresh }"

## Các thư mục của dự án và khung của tệp di tích

file-unreadable = không đọc được tệp: { $reason }
folder-unreadable = không đọc được thư mục: { $reason }
folder-unreadable-named = không đọc được { $folder }: { $reason }
sites-missing = không có thư mục `{ $folder }`
sites-missing-help = tạo thư mục `sites` cạnh site.toml, mỗi di tích một thư mục con; lệnh `ditich new "Tên di tích"` sẽ tạo giúp
file-outside-relic = tệp này không nằm trong thư mục của di tích nào nên không được đưa lên trang
file-outside-relic-help = để các tệp của mỗi di tích vào thư mục riêng của nó: sites/<di-tich>/index.md
symlink = lối tắt (symbolic link) không được đưa lên trang
symlink-help = chép chính tệp đó vào thư mục của di tích
text-language-unknown = `{ $code }` không thuộc các ngôn ngữ của trang, nên tệp này không được đưa lên
text-language-unknown-help = thêm "{ $code }" vào `languages` trong site.toml, hoặc đổi tên tệp
file-not-published = tệp này không được đưa lên trang: nó không phải bài di tích, ảnh, âm thanh hay tệp PDF
file-not-published-help = ảnh, âm thanh và tài liệu có thể là { $extensions }
index-missing = thư mục của di tích này chưa có index.md
index-missing-help = viết bài tiếng Việt của di tích vào index.md; lệnh `ditich new "Tên di tích"` tạo sẵn một tệp để điền
front-matter-missing = tệp không bắt đầu bằng phần thông tin đầu tệp
front-matter-yaml-help = ditich đọc phần thông tin đầu tệp dạng TOML giữa hai dòng `+++`, không phải YAML giữa hai dòng `---`
front-matter-missing-help = dòng đầu tiên phải là `+++`, tiếp theo là các trường (id, name, rank …), rồi một dòng `+++` nữa, rồi đến bài viết
front-matter-unclosed = phần thông tin đầu tệp mở ở dòng 1 nhưng không được đóng lại
front-matter-unclosed-help = thêm một dòng `+++` sau trường cuối cùng, trước khi bắt đầu bài viết

## Bảng mã của tệp văn bản

utf16 = tệp được lưu bằng UTF-16 ("Unicode" trong Notepad), không phải UTF-8
utf16-help = mở tệp bằng Notepad rồi lưu lại bằng File > Save as > Encoding: UTF-8
windows-1258 = tệp được lưu bằng bảng mã Windows-1258, không phải UTF-8; ditich đã đọc nó theo Windows-1258
windows-1258-help = `ditich check --fix` chuyển tệp sang UTF-8, bảng mã mà mọi công cụ khác dùng
not-nfc = văn bản không ở dạng Unicode NFC: chữ và dấu được lưu tách rời
not-nfc-help = `ditich check --fix` ghi lại tệp ở dạng NFC, như bàn phím tiếng Việt trên Windows vẫn gõ; trang web hiện như nhau
legacy-font = đoạn này được gõ bằng bảng mã phông cũ { $encoding } nên đọc ra chữ lạ: nghĩa là "{ $meaning }"{ $more ->
    [0] {""}
   *[other] {" "}(và { $more } dòng nữa)
}
legacy-font-help = `ditich check --fix` chuyển nó sang Unicode; hoặc gõ lại bằng Unikey hay EVKey đặt bảng mã Unicode
not-utf8 = tệp không phải văn bản UTF-8 (byte { $byte } không thể mở đầu một ký tự)
not-utf8-help = có lẽ tệp được lưu bằng một bảng mã tiếng Việt cũ (Windows-1258, TCVN3 hoặc VNI); mở tệp bằng một trình soạn thảo văn bản rồi lưu lại bằng UTF-8 (Notepad: File > Save as > Encoding: UTF-8)

## Bài viết bên dưới phần thông tin đầu tệp

story-photo-no-alt = ảnh này chưa có lời mô tả cho người khiếm thị
story-photo-no-alt-help = viết ảnh chụp gì vào giữa hai dấu ngoặc vuông: ![Cổng tam quan](cong.jpg)
html-off = mã HTML bị bỏ qua: site.toml đang tắt nó
html-off-help = viết bằng Markdown, hoặc đặt raw_html = true dưới [content] trong site.toml
html-removed = mã HTML `{ $tag }` bị gỡ khỏi trang
html-removed-help = trang chỉ giữ phần định dạng của HTML; hãy viết bằng Markdown
link-no-relic = không có di tích nào ở thư mục `{ $folder }`
link-no-relic-help = liên kết tới di tích khác bằng @/<tên thư mục của nó>, ví dụ [Đền Cả](@/den-ca)
link-scheme = không dùng được liên kết bắt đầu bằng `{ $scheme }:`
link-scheme-help = liên kết tới trang web bằng https://, hoặc tới tệp của chính di tích bằng tên tệp
link-outside = `{ $target }` trỏ ra ngoài thư mục của di tích
link-outside-help = để tệp vào chính thư mục của di tích và chỉ viết tên tệp, ví dụ cong.jpg; liên kết tới di tích khác bằng @/<thư mục>
link-file-missing = tệp `{ $file }` không có trong thư mục của di tích
link-file-missing-help = kiểm tra tên tệp (chữ hoa và dấu đều phải đúng) hoặc chép tệp vào thư mục của di tích
image-not-photo = `{ $target }` không phải ảnh trong thư mục của di tích
image-not-photo-help = chỉ hiện ảnh lưu trong thư mục của di tích (JPEG, PNG hoặc WebP), ví dụ ![Cổng đền](cong.jpg); trang không tải gì từ trang khác

## Giao diện, tạo trang và tệp in

theme-unreadable = không đọc được giao diện: { $reason }
theme-strings-missing = giao diện chưa có chữ cho ngôn ngữ `{ $code }`
theme-strings-missing-help = thêm themes/default/{ $file }, dịch từ i18n/en.toml
theme-strings-lack = chữ của giao diện cho `{ $code }` còn thiếu { $keys }
theme-strings-lack-help = thêm chúng vào { $file }, dịch từ i18n/{ $code }.toml của giao diện mặc định
template-broken = một mẫu trang (template) bị lỗi: { $reason }
template-broken-help = sửa mẫu trang có tên ở trên; `ditich` có sẵn bản chạy tốt của mọi mẫu mặc định để so sánh
template-failed = mẫu trang { $template } không chạy được: { $reason }
template-data = không đưa được dữ liệu của trang vào mẫu trang: { $reason }
icon-not-svg = tệp static/icon.svg của giao diện không phải SVG hợp lệ: { $reason }
icon-size-zero = cỡ biểu tượng bằng không
icon-encode = không tạo được biểu tượng: { $reason }
cache-damaged = bộ nhớ đệm có một bài viết bị hỏng
cache-damaged-help = xóa thư mục .ditich-cache rồi tạo trang lại
kiosk-qr-failed = màn hình trình chiếu: không tạo được mã QR của { $code }: { $reason }
poster-all-failed = không in được { $file }: { $reason }
poster-failed = áp phích { $code }-{ $size }: { $reason }
poster-no-font = giao diện không có phông chữ cho áp phích
poster-no-font-help = chép các tệp TrueType của một phông có đủ chữ tiếng Việt vào themes/default/fonts/
poster-ink-key = { $file }: `{ $key }` không phải một màu dạng #rrggbb
poster-ink-key-help = mỗi dòng ghi một màu của mẫu và bốn phần trăm mực C, M, Y, K của nó, ví dụ "#8a1c12" = [0, 80, 87, 46]
poster-ink-missing = mẫu dùng màu { $colour } nhưng { $file } không cho màu ấy một mực in CMYK; thêm dòng "{ $colour }" = [C, M, Y, K] (phần trăm) vào tệp ấy
poster-ink-not-mono = màu { $colour } không phải mực đen thuần hay giấy trắng: bản một màu để khắc hoặc in một màu chỉ dùng [0, 0, 0, 100] và [0, 0, 0, 0]
poster-ink-effect = bản in không vẽ được `{ $effect }`: mẫu áp phích chỉ dùng màu phẳng, không trong suốt, không hiệu ứng, để mỗi màu có đúng một mực in
poster-ink-mono-photo = bản một màu để khắc không in ảnh; bỏ ảnh khỏi mẫu khi `mono` bật
poster-ink-photo = không in được ảnh trong mẫu: { $reason }
poster-ink-thin = một nét chỉ dày { $width } pt, mỏng hơn { $least } pt mà máy khắc hay in một màu giữ được
photo-failed = không xử lý được ảnh: { $reason }

## Tệp và thư mục ditich ghi ra

posters-draft-ids = { $codes } là bản nháp nên chưa in được; hãy xoá dòng draft = true trước
posters-unknown-ids = không di tích nào có mã { $codes }; các mã hiện có là { $known }
output-over-sources =
    thư mục output { $folder } sẽ ghi đè lên các tệp nguồn của dự án
      = gợi ý: chọn một thư mục nằm ngoài sites/, ví dụ --out output
cannot-read = không đọc được { $file }
cannot-create = không tạo được { $file }
cannot-open = không mở được { $file }
cannot-lock = không khóa được { $file }
cannot-rewrite = không ghi lại được { $file }
ledger-not-list = plaques.toml: `plaque` phải là một danh sách các mục [[plaque]]
cannot-restore = không khôi phục được { $file }
cannot-reuse = không dùng lại được { $file }
cannot-write-in = không ghi được vào { $file }
cannot-clear = không dọn được { $file }
cannot-move-aside = không chuyển được { $file } cũ sang một bên
cannot-move-in = không chuyển được trang mới vào { $file }
cannot-remove = không xóa được { $file }
cannot-watch = không theo dõi được { $file }
cannot-watch-project = không theo dõi được các tệp của dự án
cannot-listen =
    không mở được cổng tại { $address }: { $reason }
      = gợi ý: có thể một chương trình khác đang dùng cổng này; thử --port 8001
output-not-a-folder = { $folder } không thể làm thư mục output
output-not-ours =
    { $folder } đã có và không do ditich ghi ra; nó sẽ bị thay toàn bộ.
      = gợi ý: tự xóa nó đi, hoặc chọn thư mục khác bằng --out

## ditich stats

stats-id = Mã
stats-relic = Di tích
stats-day = Ngày
stats-month = Tháng
stats-scans = Lượt quét
stats-visitors = Khách
stats-total = tổng
stats-all = Mọi di tích
stats-visitors-note = Số khách là ước tính: mỗi khách là một địa chỉ với một trình duyệt, nhận ra bằng một mã băm có khóa; khóa được tạo mới cho mỗi lần chạy và không bao giờ lưu lại, nên không địa chỉ nào bị lưu.
stats-read = đã đọc { $lines } dòng trong { $files } tệp: { $scans } lượt quét, { $bots } lượt của máy tự động (bot), { $unknown } lượt với mã không rõ, { $other } yêu cầu khác, bỏ qua { $malformed } dòng sai định dạng
stats-first-malformed = { " " }(dòng đầu tiên: { $file }:{ $line }: { $reason })
stats-cut-short = { $file } không đọc được quá dòng { $line }: { $reason }

## Những gì ditich check --fix đã sửa

fixed-windows-1258 = đã chuyển từ Windows-1258 sang UTF-8
fixed-nfc = chữ lưu ở dạng tổ hợp đã được ghi lại theo NFC
fixed-legacy-font = { $lines } dòng gõ bằng { $encoding } đã được chuyển sang Unicode

## Trang xem trước khi không tạo được trang

preview-failed-title = Tạo trang không thành công
preview-failed-heading = Không tạo được trang web
preview-failed-advice = Sửa các lỗi dưới đây rồi lưu tệp: trang này tự tải lại. Chưa có gì được đưa lên mạng: chỉ lệnh ditich build mới ghi vào output/.

## Drafts
draft-not-published = bản nháp: di tích này chưa được xuất bản
draft-not-published-help = để xuất bản, xoá dòng `draft = true` hoặc viết `draft = false`
draft-id-taken = mã "{ $id }" đã dùng cho { $file }
draft-id-taken-help = hãy đặt cho bản nháp một mã riêng trước khi xuất bản
draft-in-extra = draft = true nằm trong [extra] nên không có tác dụng
draft-in-extra-help = chuyển dòng ấy lên trên, trước [extra]
draft-in-translation = một bản dịch không là bản nháp riêng được
draft-in-translation-help = xoá dòng này; viết draft = true trong { $main } nếu cả di tích chưa xuất bản
draft-redirect = biển { $id } đã thôi dùng chuyển tới { $wanted }, một bản nháp ({ $file })
draft-redirect-help = xoá dòng draft = true trong { $file }, hoặc cho biển chuyển tới một di tích đã xuất bản
draft-printed = biển { $id } đã in, nên di tích này không thể là bản nháp: mã QR trên biển sẽ không mở được trang nào
draft-printed-help = xoá dòng draft = true để trang của di tích vẫn được xuất bản; nếu di tích không còn, chạy ditich retire { $folder } --to <mã di tích mà biển sẽ mở>
link-to-draft = `{ $folder }` là bản nháp, chưa có trang
link-to-draft-help = bỏ liên kết cho tới khi bản nháp được xuất bản, hoặc xoá dòng draft = true trong index.md của nó

## Trang thuyết minh của tỉnh: [province] và [[members]] trong site.toml

config-is-guide = dự án này là trang thuyết minh của tỉnh, dựng từ dữ liệu của các xã thành viên
config-is-guide-help = lệnh này làm việc với di tích của một xã: hãy chạy trong thư mục dự án của một xã thành viên. Trang của tỉnh được dựng bằng ditich build, kiểm tra bằng ditich check, xem thử bằng ditich serve, và tải lại dữ liệu đã lưu của các xã bằng ditich fetch
commune-and-members = site.toml có cả [commune] lẫn [[members]]
commune-and-members-help = dự án của xã có [commune] và các di tích trong sites/; trang của tỉnh có [province] và [[members]]: chỉ giữ một trong hai
province-missing = site.toml có [[members]] nhưng chưa có [province]
province-missing-help = thêm [province] với name = "…" (và code = "…", hai chữ số) trước mục [[members]] đầu tiên
members-empty = trang của tỉnh cần ít nhất một mục [[members]]
member-source-missing = xã thành viên này không có `project` cũng không có `data`
member-project-and-data = xã thành viên này có cả `project` lẫn `data`
member-source-help = viết project = "../long-thanh" cho thư mục dự án ditich của một xã, hoặc data = "members/dien-chau.json" cho tệp relics.json mà xã đã công bố, lưu tại đây
member-url-wrong = `url` "{ $value }" không phải một địa chỉ web
member-url-wrong-help = ghi đầy đủ địa chỉ dữ liệu mà xã công bố, ví dụ url = "https://dienchau.example.gov.vn/du-lich/data/relics.json"
member-url-without-data = `url` cần có `data`: tệp mà `ditich fetch` lưu bản tải về
member-url-without-data-help = xã có thư mục dự án thì được đọc từ thư mục đó; với dữ liệu xã đã công bố hãy viết data = "members/<xã>.json" cạnh url
member-slug-wrong = `slug` "{ $value }" không dùng được làm địa chỉ trang
member-slug-wrong-help = dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ slug = "{ $suggestion }"
member-project-failed = dự án thành viên { $folder } có { $count } lỗi, lỗi đầu tiên: { $first }
member-project-failed-help = chạy ditich check trong { $folder } và sửa ở đó: trang của tỉnh hiện xã đúng như trang của chính xã
member-data-unreadable = không đọc được dữ liệu đã lưu của thành viên { $file }: { $reason }
member-data-unreadable-help = chạy ditich fetch để tải lại, hoặc kiểm tra đường dẫn sau data =
member-data-wrong = { $file } không phải tệp relics.json của một xã mà phiên bản này đọc được: { $reason }
member-data-wrong-help = lưu đúng tệp mà trang của xã công bố ở …/data/relics.json, hoặc chạy ditich fetch
member-data-version = tệp theo phiên bản { $found } của các trường dữ liệu mở, còn phiên bản ditich này đọc phiên bản { $known }
member-data-schema = dữ liệu không đúng lược đồ của relics.json: { $problems }
member-data-address = "{ $value }" không phải một địa chỉ web mà trang tỉnh dẫn đến được (http hoặc https, không có ? hay #)
member-slug-taken = trang của { $commune } sẽ ở /{ $slug }/, địa chỉ mà trang của tỉnh dành cho chính nó
member-slug-twice = { $first } và { $second } sẽ cùng ở địa chỉ /{ $slug }/
member-slug-twice-help = đặt cho một trong hai một slug riêng: thêm dòng slug = "…" vào mục [[members]] của nó
fetch-timeout-wrong = --timeout cần một số giây lớn hơn 0, ví dụ --timeout 30
fetch-not-guide = đây là dự án của một xã, còn ditich fetch tải dữ liệu các xã thành viên của trang tỉnh
fetch-not-guide-help = dữ liệu của xã do ditich build tạo ra; hãy chạy fetch trong thư mục trang tỉnh có [province] và [[members]] trong site.toml
fetch-nothing = không thành viên nào trong site.toml có data = và url =, nên không có gì để tải
fetch-updated = { $file }: đã tải, { $relics } di tích ({ $kilobytes } KB)
fetch-unchanged = { $file }: đã mới nhất, { $relics } di tích
fetch-kept = { $file }: giữ bản đã lưu, vì { $url } { $reason }
fetch-none-kept = { $file }: chưa có bản nào được lưu, vì { $url } { $reason }
fetch-timeout = không gửi xong trong { $seconds } giây
fetch-refused = từ chối kết nối (trang có đang tắt không?)
fetch-no-host = ghi một tên máy chủ không tìm thấy (kiểm tra địa chỉ và kết nối mạng của máy này)
fetch-too-large = gửi nhiều hơn dữ liệu của bất kỳ xã nào
fetch-failed = không đọc được: { $reason }
fetch-status = trả lời { $status }
fetch-not-data = gửi một tệp không phải relics.json của một xã: { $reason }
fetch-cannot-save = không lưu được vào { $file }: { $reason }
cli-fetch-about = Tải dữ liệu đã lưu của các xã thành viên của trang tỉnh từ trang của các xã
cli-fetch-long-about =
    Tải dữ liệu đã lưu của các xã thành viên của trang tỉnh từ trang của các xã.

    Mỗi thành viên có data = và url = trong site.toml được tải về và kiểm tra; tệp tải về không phải relics.json của một xã, hay trang của xã tắt hoặc chậm, thì bản đã lưu được giữ nguyên. Dựng trang không bao giờ dùng mạng: tải trước, rồi dựng.
cli-fetch-timeout = Bỏ qua máy chủ của một xã sau từng này giây, giữ bản đã lưu
publish-url-wrong = [publish] url = "{ $value }" không phải địa chỉ mà ditich có thể đăng trang lên
publish-url-help = viết thư mục trên máy chủ web dạng sftp://người-dùng@máy-chủ/đường-dẫn, ftp://người-dùng@máy-chủ/đường-dẫn hay ftps://người-dùng@máy-chủ/đường-dẫn, hoặc một bucket dạng s3://bucket/tiền-tố kèm endpoint =; nhà cung cấp máy chủ cho các thông tin này
publish-url-no-user = [publish] url = "{ $value }" không có tên người dùng: máy chủ cần biết ai đăng nhập
publish-url-password = [publish] url có chứa mật khẩu, mà site.toml không phải chỗ để mật khẩu: ai có dự án cũng đọc được
publish-scheme-unknown = ditich không đăng trang qua { $scheme }:// được
publish-key-unused = [publish] { $key } chỉ dùng với { $protocols }, không dùng với url này
publish-key-unused-help = xoá { $key }, hoặc sửa url cho đúng loại máy chủ mà nó thuộc về
publish-needs = bucket S3 cần có { $key } = trong [publish]
publish-endpoint-help = viết địa chỉ của dịch vụ, như nhà cung cấp cho: endpoint = "https://s3.example.vn"
publish-endpoint-wrong = endpoint = "{ $value }" không phải địa chỉ https:// (chỉ được dùng http:// thường tới chính máy này)
publish-access-key-help = viết mã của khoá truy cập: access_key = "…"; phần bí mật của nó đặt trong biến môi trường DITICH_PUBLISH_SECRET, hoặc được hỏi khi chạy
publish-secret-missing = không có mật khẩu cho { $whose }: đặt biến môi trường { $variable }, hoặc chạy ditich publish trong cửa sổ dòng lệnh để gõ mật khẩu
publish-manifest-unreadable = không đọc được những gì lần đăng trước để lại trên máy chủ
publish-manifest-wrong = tệp { $file } trên máy chủ bị hỏng ở dòng { $line }; hãy xoá nó trên máy chủ, lần đăng sau sẽ gửi lại mọi tệp
publish-put-failed = không gửi được { $file }; những gì máy chủ đang có vẫn còn nguyên, lần đăng sau sẽ tiếp tục từ đây
publish-delete-failed = không xoá được { $file } trên máy chủ; lần đăng sau sẽ thử lại
publish-host-unknown = { $host } chưa có trong { $file }, nên ditich không phân biệt được nó với máy giả mạo. Dấu vân tay khoá của nó là { $fingerprint }: nếu nhà cung cấp máy chủ xác nhận đúng, hãy chạy ditich publish --accept-host-key { $fingerprint }
publish-host-changed = khoá của { $host } không phải khoá mà { $file } đã ghi ở dòng { $line } (nay là { $fingerprint }): có thể có kẻ đang giả làm máy chủ. Hãy hỏi nhà cung cấp máy chủ; nếu họ đã đổi khoá, xoá dòng đó rồi đăng lại
publish-connect-failed = không kết nối được tới { $host } ở cổng { $port }
publish-login-refused = { $host } từ chối đăng nhập của { $user }: kiểm tra lại tên người dùng, mật khẩu hoặc khoá với nhà cung cấp máy chủ
publish-no-sftp = { $host } cho đăng nhập nhưng không có SFTP
publish-tls-refused = { $host } không lập được kết nối TLS đã xác minh: { $reason }
publish-s3-refused = bucket { $bucket } từ chối khoá truy cập: kiểm tra access_key và DITICH_PUBLISH_SECRET
publish-s3-no-bucket = không có bucket { $bucket } ở { $endpoint }: kiểm tra url = và endpoint = với nhà cung cấp
publish-s3-failed = không tới được { $key }
publish-no-target = site.toml chưa nói đăng trang lên đâu
publish-no-target-help = thêm vào, với địa chỉ nhà cung cấp máy chủ cho: [publish] url = "sftp://người-dùng@máy-chủ/đường-dẫn"
publish-built = { $summary }
publish-connecting = đang kết nối tới { $target }
publish-kept-landing = { $file } không còn được tạo, nhưng vẫn giữ trên máy chủ: plaques.toml có mã đã in của nó
publish-kept-landing-help = biển đã in phải luôn mở được; muốn nó mở nơi khác, hãy dùng ditich retire cho di tích với --to
publish-up-to-date = { $target } đã có bản này: không có gì để gửi
publish-resuming = đang tiếp tục lần đăng bị ngắt giữa chừng
publish-done = đã đăng lên { $target }: gửi { $files } tệp ({ $kilobytes } KB), xoá { $deleted } tệp
publish-would = sẽ gửi { $files } tệp ({ $kilobytes } KB) và xoá { $deleted } tệp
publish-ask-password = Mật khẩu của { $whose }:{" "}
publish-ask-trust = { $host } là máy chủ mới với máy này. Dấu vân tay khoá của nó là { $fingerprint }. Có đúng là dấu mà nhà cung cấp máy chủ đã cho không? [c/K]
cli-publish-about = Tạo trang, rồi gửi những gì đã đổi lên máy chủ web mà [publish] trong site.toml chỉ ra
cli-publish-long-about =
    Tạo trang, rồi gửi những gì đã đổi lên máy chủ web mà [publish] trong site.toml chỉ ra.

    Ảnh và mã mới được gửi trước, rồi tới các trang, service worker sau cùng, và chỉ sau đó mới xoá các tệp không còn: khách không bao giờ gặp một trang mà ảnh của nó chưa có. Lần đăng bị ngắt giữa chừng sẽ tiếp tục từ chỗ dừng vào lần sau. Mật khẩu không bao giờ để trong site.toml: đặt DITICH_PUBLISH_PASSWORD (DITICH_PUBLISH_SECRET cho S3), hoặc gõ khi được hỏi.
cli-publish-dry-run = Liệt kê những gì sẽ được gửi và xoá, không đổi gì trên máy chủ
cli-publish-accept-host-key = Tin khoá SSH của máy chủ ở lần kết nối đầu nếu dấu vân tay của nó đúng là dấu này (SHA256:…), như nhà cung cấp máy chủ đã cho
