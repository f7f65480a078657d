# Messages: content. Same ids as in ../en/content.ftl.

## Số ký hiệu văn bản (number)
doc-number-invalid = số ký hiệu "{ $number }" viết chưa đúng: { $why }
doc-number-year = năm { $year } không hợp lý
doc-number-symbol-case = phần ký hiệu sau năm phải bắt đầu bằng chữ in hoa (QĐ, NĐ, TT…)
doc-number-prefix = chỉ ghi số và ký hiệu, không ghi chữ "Số"
doc-number-look-alike = ký tự thứ { $position } là "{ $char }" ({ $name }, mã { $code }), không phải dấu của số ký hiệu; số ký hiệu chỉ dùng gạch nối "-" và gạch chéo "/"
doc-number-spaces = có dấu cách
doc-number-no-slash = các phần phải ngăn cách bằng dấu gạch chéo "/"
doc-number-unrecognised = không đúng dạng của số ký hiệu
doc-number-fix = sửa thành { $key } = "{ $fix }"
doc-number-forms = ghi đúng như trên văn bản: văn bản quy phạm pháp luật ghi số/năm/ký hiệu ("14/2019/QĐ-TTg", "12/2024/NQ-HĐND"), văn bản khác ghi số/ký hiệu ("266/KH-UBND", "2500/BTP-PBGDPL")
char-en-dash = gạch ngang dài do Word tự đổi
char-em-dash = gạch ngang rất dài
char-minus = dấu trừ
char-other-dash = một loại gạch ngang khác
char-backslash = gạch chéo ngược
char-other-slash = một loại gạch chéo khác

## Nội dung lồng nhau quá sâu (giới hạn ở src/nesting.rs, docs/huong-dan.md)
too-deep = nội dung bài lồng nhau quá { $limit } lớp (trích dẫn trong trích dẫn, danh sách trong danh sách, hay thẻ HTML trong thẻ HTML)
too-deep-help = bớt các lớp lồng nhau: đóng các thẻ `<div>`, trích dẫn `>` hay danh sách đã mở trước chỗ này; văn bản thật chỉ cần dưới 20 lớp
toml-too-deep = phần thông tin lồng nhau quá { $limit } lớp (ngoặc `[`, `{"{"}` hay tên nối bằng dấu chấm lồng vào nhau)
toml-too-deep-help = viết lại giá trị cho phẳng, theo mẫu ở docs/huong-dan.md: các mục của pbgdpl lồng nhiều nhất ba lớp (`[[attachments]]`, `rows = [[…]]`)
## Cách viết một dòng của phần thông tin: tên_mục = giá trị
syntax-fixed-line = sửa dòng { $line } thành:  { $fixed }
syntax-help = mỗi dòng viết dạng tên_mục = giá trị: chữ đặt trong dấu ngoặc kép thẳng (title = "…"), ngày viết năm-tháng-ngày không có ngoặc kép (date = 2026-03-15), danh sách đặt trong ngoặc vuông (tags = ["a", "b"])
syntax-smart-quotes = giá trị của mục `{ $key }` đặt trong dấu ngoặc kép cong “…” (do Word tự đổi); chỉ dùng được dấu ngoặc kép thẳng "…"
syntax-unclosed-quote = giá trị của mục `{ $key }` thiếu dấu ngoặc kép đóng " ở cuối
syntax-unquoted-text = chữ của mục `{ $key }` phải đặt trong dấu ngoặc kép "…"
syntax-missing-equals = dòng này thiếu dấu = giữa tên mục và giá trị
syntax-duplicate-key = mục này đã được ghi ở trên; mỗi mục chỉ ghi một lần
syntax-unclosed-table = thiếu dấu ] đóng tên khối
syntax-list = danh sách viết chưa đúng: các phần tử cách nhau bằng dấu phẩy, cả danh sách đặt trong [ ]
syntax-other = dòng này viết chưa đúng cách (chi tiết: { $detail })

## Ngày tháng
date-dmy = ngày của mục `{ $key }` phải viết theo thứ tự năm-tháng-ngày, không có ngoặc kép
date-two-digits = ngày của mục `{ $key }` phải viết đủ hai chữ số cho tháng và ngày
date-no-such-day = ngày { $date } không có thật: tháng { $month } năm { $year } chỉ có { $days } ngày
date-no-such-month = ngày { $date } không có thật: không có tháng { $month }
date-check-help = xem lại ngày trên văn bản gốc, rồi viết theo dạng năm-tháng-ngày, ví dụ { $key } = 2026-02-28
bad-date = mục `{ $key }` không phải là ngày
bad-date-impossible = mục `{ $key }`: { $why }
bad-date-help = viết ngày có thật theo dạng năm-tháng-ngày: { $key } = 2026-03-15, hoặc kèm giờ: { $key } = 2026-03-15T08:30:00+07:00

## Giá trị của một mục
duplicate-key = mục `{ $key }` được ghi hai lần (là `{ $first }` và `{ $second }`)
duplicate-key-help = chỉ giữ một dòng; dòng thứ nhất ở dòng { $line }
wrong-type = mục `{ $key }` phải là { $expected }
wrong-type-help = viết như sau: { $key } = { $example }
type-text = chữ đặt trong dấu ngoặc kép
type-integer = một số nguyên, không có ngoặc kép
type-boolean = true (có) hoặc false (không), không có ngoặc kép
type-text-list = một danh sách chữ
type-rows = một danh sách các hàng
type-row = một danh sách các hàng, mỗi hàng đặt trong [ ]
type-cells = các hàng gồm những ô đơn giản (chữ hoặc số)
key-empty = mục `{ $key }` đang để trống
key-missing = thiếu mục `{ $key }` ({ $what })
key-missing-help = thêm một dòng { $key } = "…"
bad-url = mục `{ $key }` không phải địa chỉ trang web: "{ $value }"
bad-url-help = ghi đầy đủ địa chỉ, bắt đầu bằng https:// (hoặc http://)
negative-number = mục `{ $key }` không được là số âm ({ $value })
negative-number-help = ghi số người (từ 0 trở lên)
unknown-value = mục `{ $key }` có giá trị "{ $value }" không nằm trong danh sách
unknown-value-help = các giá trị dùng được: { $list }
unknown-value-did-you-mean = có phải bạn muốn viết "{ $suggestion }"? Các giá trị dùng được: { $list }
table-expected = mục `{ $key }` phải là một khối
table-expected-help = viết thành khối: dòng [{ $key }], rồi các mục của khối ở những dòng sau
table-list-expected = mục `{ $key }` phải là các khối [[{ $key }]]
table-list-item = mỗi phần của `{ $key }` phải là một khối
table-list-help = viết mỗi phần thành một khối: dòng [[{ $key }]], rồi các mục của nó ở những dòng sau
unknown-key = không có mục `{ $key }` (có thể viết sai tên mục)
unknown-key-did-you-mean = có phải bạn muốn viết `{ $key }`?
unknown-key-valid = các mục dùng được ở đây: { $list }

## Các loại bài
key-only-in = mục `{ $key }` chỉ dùng cho bài của chuyên mục { $categories }; xóa dòng này khỏi bài thuộc chuyên mục { $here }
effective-before-issue = ngày có hiệu lực `effective_date` ({ $effective }) trước ngày ban hành `issue_date` ({ $issued })
effective-before-issue-help = văn bản không thể có hiệu lực trước ngày ban hành; đối chiếu lại hai ngày với văn bản gốc
document-keys-missing = bài giới thiệu văn bản cần có các mục { $keys }
document-keys-missing-help = thêm, ví dụ: number = "14/2019/QĐ-TTg", document_type = "Quyết định", issuer = "Thủ tướng Chính phủ", issue_date = 2019-04-26
what-contact-name = tên người hoặc bộ phận
answered-before-asked = ngày trả lời `answered_date` ({ $answered }) trước ngày hỏi `asked_date` ({ $asked })
answered-before-asked-help = câu hỏi không thể được trả lời trước khi hỏi; sửa lại một trong hai ngày
missing-answer = câu hỏi này chưa có câu trả lời
missing-answer-help = viết câu trả lời ở nội dung bài, sau dòng +++ thứ hai; câu hỏi chưa có trả lời thì không công bố được

## Thông tin cá nhân trong bài hỏi đáp
personal-email = một địa chỉ thư điện tử
personal-phone = một số điện thoại
personal-id-card = một số chứng minh nhân dân / căn cước công dân
personal-data = đây có vẻ là { $what }: "{ $part }"
personal-data-published = bài đã duyệt công bố nhưng còn { $what }: "{ $part }"
personal-data-help = không công bố thông tin cá nhân: xóa số điện thoại, thư điện tử, số CMND/CCCD; nếu người hỏi đã đồng ý công bố, thêm dòng { $key } = true vào phần thông tin. Khi xem trước, chỗ này được che bằng xxx

## Tài liệu, video, phụ đề
bad-media-kind = mục `{ $key }` phải là tệp { $kinds }
bad-media-kind-help = dùng tệp có đuôi { $extensions }
media-needs-bundle = tệp âm thanh, video, PDF cần bài dạng thư mục: chuyển bài thành <tên-bài>/index.md và chép tệp vào cùng thư mục đó (tạo bằng pbgdpl new … --bundle)
file-did-you-mean = có phải là "{ $file }"? Tệp phải nằm cạnh index.md, cùng thư mục
file-put-beside = chép tệp vào cạnh index.md (cùng thư mục), hoặc sửa lại tên tệp
media-missing = không có tệp "{ $file }"
bad-youtube = "{ $value }" không phải địa chỉ video YouTube
bad-youtube-help = dán địa chỉ của video (https://www.youtube.com/watch?v=…) hoặc mã 11 ký tự của nó
missing-captions = video "{ $file }" chưa có phụ đề
missing-captions-help = thêm dòng captions = "{ $file }" trong khối [media] và chép tệp phụ đề đó (WebVTT) vào cạnh index.md, để người khiếm thính theo dõi được video
captions-not-utf8 = tệp phụ đề "{ $file }" không lưu bằng bảng mã UTF-8
captions-not-utf8-help = mở tệp phụ đề bằng Notepad, chọn Lưu thành (Save As), chọn bảng mã UTF-8 rồi lưu lại
captions-not-webvtt = "{ $file }" không phải tệp phụ đề WebVTT
captions-not-webvtt-help = dòng đầu tiên của tệp phải là WEBVTT; tệp .srt cần sửa: thêm dòng đầu WEBVTT và một dòng trống, viết thời gian dạng 00:00:01.000 (dấu chấm, không phải dấu phẩy)

## Tệp và thư mục trong content/
no-content = chuyên mục chưa có thư mục content/
no-content-help = tạo thư mục content/ chứa mỗi chuyên mục một thư mục con (chạy pbgdpl init ở một thư mục trống để xem cách sắp xếp)
unknown-category = `{ $name }` không phải tên một chuyên mục chuẩn
unknown-category-did-you-mean = có phải là `{ $category }`? Đổi tên thư mục thành content/{ $category }/
unknown-category-list = các chuyên mục chuẩn: { $categories }
entry-outside-category = bài phải nằm trong thư mục của một chuyên mục
entry-outside-category-help = chuyển tệp vào một thư mục chuyên mục: content/tin-tuc/, content/van-ban-moi/, … (xem danh sách chuyên mục trong docs/huong-dan.md)
bundle-without-index = thư mục `{ $name }` không có tệp index.md
bundle-without-index-help = bài có tệp đính kèm là một thư mục chứa index.md và các tệp của bài; thêm { $dir }/index.md, hoặc chuyển bài ra ngoài thành { $dir }.md
misplaced-table = bảng số liệu (tệp .toml) phải nằm trong content/thong-ke/
misplaced-table-help = chuyển tệp vào content/thong-ke/ để đăng thành bảng số liệu thống kê
what-table-title = tên của bảng
table-columns-missing = thiếu mục `columns` (tên các cột của bảng)
table-columns-missing-help = thêm dòng columns = ["Họ và tên", "Chức vụ", …]
row-length = hàng này có { $cells } ô nhưng bảng có { $columns } cột
row-length-help = mỗi hàng phải có đúng { $columns } ô, theo thứ tự của `columns`

## Phần thông tin của bài
missing-front-matter = tệp không bắt đầu bằng phần thông tin (giữa hai dòng +++)
missing-front-matter-help = dòng đầu tiên của tệp phải là +++, tiếp theo là các dòng title = "…" và date = 2026-03-15, rồi một dòng +++ nữa; nội dung bài viết sau đó
yaml-front-matter-help = phần thông tin nằm giữa hai dòng +++, không phải ---: thay cả hai dòng --- bằng +++ và viết mỗi mục dạng tên_mục = "giá trị"
unclosed-front-matter = phần thông tin chưa được đóng: thiếu dòng +++ thứ hai
unclosed-front-matter-help = thêm một dòng chỉ có +++ sau mục cuối cùng của phần thông tin, trước nội dung bài
what-title = tiêu đề của bài
date-missing = thiếu mục `date`: bài của chuyên mục { $category } cần ngày đăng
date-missing-help = thêm vào phần thông tin một dòng như date = 2026-03-15 (năm-tháng-ngày)
updated-before-date = ngày cập nhật `updated` ({ $updated }) trước ngày đăng `date` ({ $date })
updated-before-date-help = ngày cập nhật không thể trước ngày đăng; sửa lại một trong hai ngày
expiry-before-publish = ngày hết hạn `expiry_date` ({ $expiry }) không sau ngày đăng `publish_date` ({ $publish })
expiry-before-publish-help = bài phải được đăng trước rồi mới hết hạn; sửa lại một trong hai ngày
what-attachment-file = tên tệp đính kèm
attachment-needs-bundle = tệp đính kèm cần bài dạng thư mục: chuyển bài thành <tên-bài>/index.md và chép tệp vào cùng thư mục đó (tạo bằng pbgdpl new … --bundle)
attachment-missing = không có tệp đính kèm "{ $file }"
intro-title-ignored = mục `title` trong _index.md không được dùng
intro-title-ignored-help = tên chuyên mục giống nhau ở mọi cơ quan; xóa dòng này, hoặc dùng description = "…" để viết lời giới thiệu

## Nội dung mẫu còn sót lại
sample-entry = bài mẫu do lệnh pbgdpl init tạo vẫn còn, trong khi chuyên mục đã có bài thật được duyệt
sample-entry-help = xóa tệp { $file } (bài mẫu), hoặc viết lại thành bài thật
placeholder = bài đã duyệt công bố còn nội dung mẫu "{ $text }"
placeholder-help = thay bằng nội dung thật, hoặc xóa dòng này
placeholder-site = site.toml còn giá trị mẫu "{ $text }"
placeholder-site-help = thay bằng tên và địa chỉ thật của cơ quan (xem mục 2 của docs/huong-dan.md)
placeholder-province = tên trang PBGDPL của tỉnh còn để mẫu "{ $text }", chưa có tên tỉnh
placeholder-province-help = ghi đúng tên trang PBGDPL của tỉnh, giống hệt các cơ quan khác trong tỉnh, ví dụ "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Nghệ An"

## Văn bản dán từ Word
run-on-lines = dòng này sẽ bị nối vào dòng phía trên thành một đoạn: trong bài, chỉ một dòng trống mới tách đoạn
run-on-lines-help = văn bản dán từ Word thường chỉ xuống dòng một lần; thêm một dòng trống trước dòng này (và trước mỗi Điều, khoản, điểm tiếp theo)

## Tệp không được đọc (src/content/safe.rs)
symlink-missing = đây là một lối tắt (liên kết tượng trưng) tới một tệp không còn nữa
symlink-missing-help = xóa lối tắt này, hoặc chép chính tệp vào đây thay cho lối tắt
symlink-unusable = đây là một lối tắt (liên kết tượng trưng) không mở được: { $error }
symlink-unusable-help = lối tắt có thể trỏ vòng vào chính nó; xóa nó và chép chính tệp vào đây
symlink-outside-site = đây là một lối tắt (liên kết tượng trưng) tới `{ $target }`, nằm ngoài thư mục chuyên mục: pbgdpl không công bố tệp ở ngoài chuyên mục
symlink-outside-site-help = chép tệp cần công bố vào thư mục chuyên mục rồi xóa lối tắt
not-a-file = đây không phải là một tệp thường (mà là ống dẫn, thiết bị hay ổ cắm): đọc nó có thể không bao giờ xong
not-a-file-help = xóa nó khỏi thư mục chuyên mục; chỉ để ở đây các tệp bài viết, hình ảnh, tài liệu
unreadable-permission = không có quyền đọc tệp này
unreadable-permission-help = cho phép đọc tệp (trên Linux: chmod a+r "{ $path }"; trên Windows: Thuộc tính → Bảo mật), hoặc chạy lệnh bằng tài khoản được đọc nó
unreadable = không đọc được tệp này: { $error }
unreadable-help = kiểm tra tệp (mở thử bằng trình soạn thảo), chép lại nếu nó bị hỏng, rồi chạy lại
not-text-binary = tệp này không phải là văn bản: có lẽ là hình ảnh, tài liệu Word hay PDF đặt nhầm đuôi `.md`
not-text-binary-help = đặt tệp đúng đuôi của nó (`.png`, `.docx`, `.pdf`…) bên cạnh `index.md` của bài để làm tệp đính kèm; bài Word thì chuyển bằng `pbgdpl import`
not-text = tệp này không lưu theo bảng mã UTF-8: ký tự ở chỗ này không đọc được
not-text-help = mở tệp và lưu lại theo UTF-8 (Notepad: Lưu thành → Mã hóa: UTF-8); tệp gõ bằng phông .VnTime hay VNI thì chuyển bằng `pbgdpl convert`
nul-character = tệp có ký tự rỗng (NUL, mã 0): tệp có thể bị hỏng, hoặc không phải là văn bản
nul-character-help = mở tệp bằng trình soạn thảo, xóa ký tự lạ ở dòng { $line } (thường hiện là ô vuông hay ^@) rồi lưu lại
duplicate-path-unicode-forms-help = hai tên tệp trông giống hệt nhau nhưng chữ có dấu được ghi theo hai cách (thường do chép từ máy Mac): giữ một tệp, xóa tệp kia

## Ngôn ngữ của tài liệu (language, lang)
material-language-unknown = chương trình chưa biết mã của ngôn ngữ "{ $language }"
material-language-unknown-help = thêm một dòng { $key } = "…" ghi mã ngôn ngữ theo chuẩn BCP 47 (ví dụ "tmm" cho tiếng Thái ở Nghệ An, "pac" cho tiếng Pa Kô), để trình đọc màn hình đọc đúng tiếng; danh sách các tên đã biết có trong docs/content.md
material-lang-bad = mục `{ $key }` = "{ $tag }" không phải là mã ngôn ngữ
material-lang-bad-help = mã ngôn ngữ gồm 2 hoặc 3 chữ cái không dấu, có thể thêm phần sau dấu gạch ngang: "km", "rad", "vi-VN"
