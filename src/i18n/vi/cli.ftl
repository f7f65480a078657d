# Messages: cli. Same ids as in ../en/cli.ftl.

## Dòng tổng kết khi lệnh dừng vì lỗi trong chuyên mục
failed-build = không tạo được trang: { summary-errors } (trang đã tạo lần trước vẫn giữ nguyên)
failed-check = kiểm tra không đạt: { summary-errors }
failed-aggregate = không tạo được trang tỉnh: { summary-errors }

## Khi không khởi động được
cli-cannot-start = không khởi động được: { $error }
## pbgdpl new
new-unknown-category = `{ $name }` không phải tên một chuyên mục chuẩn; chọn một trong: { $categories }
new-unknown-category-did-you-mean = `{ $name }` không phải tên một chuyên mục chuẩn (có phải là { $suggestion }?); chọn một trong: { $categories }
new-exists = { $path } đã có; hãy chọn tiêu đề khác, hoặc sửa bài đó

## pbgdpl check
check-ok = không có lỗi{ $warnings ->
    [0] {""}
   *[other] , { $warnings } cảnh báo
}

## pbgdpl build
build-summary = đã tạo { $entries } bài, { $files } tệp ({ $outputs }) trong { $out }, mất { $elapsed }
progress-files = tệp
stage-load = đọc bài
stage-check = kiểm tra
stage-prepare = chuẩn bị
stage-render = tạo trang
stage-other = { $name }
output-html = trang
output-assets = tệp tĩnh
output-feeds = nguồn tin
output-sitemap = sơ đồ trang
output-search = tìm kiếm
output-sync = đồng bộ
output-tags = thẻ
output-filters = bộ lọc
output-statistics = thống kê
output-statistics-json = số liệu JSON
output-embed = nhúng
output-schemas = lược đồ
output-banner-image = ảnh dải băng
output-other = { $name }
output-timed = { $files } tệp{ $kept ->
    [0] {""}
   *[other] {" "}(giữ lại { $kept })
} trong { $elapsed }
elapsed-ms = { $ms } ms
elapsed-s = { $seconds } giây

## pbgdpl init, pbgdpl new
init-created = đã tạo chuyên mục với { $files } tệp trong thư mục { $dir }
    Bước tiếp theo: sửa tệp { $dir }/site.toml, rồi chạy lệnh: pbgdpl build --root { $dir }
new-bundle = chép tệp đính kèm, âm thanh, video của bài vào cùng thư mục với index.md
new-created = đã tạo bài nháp; khi bài được duyệt để công bố, đổi thành status = "approved"

## pbgdpl serve
serve-listening = đang xem trước chuyên mục tại { $url } (bấm Ctrl+C để dừng); mỗi lần lưu tệp, trang tự cập nhật
serve-changed = tệp thay đổi: { $paths }
serve-due = đến giờ đăng (hoặc giờ gỡ) của một bài hẹn giờ: tạo lại trang
serve-built = đã tạo { $entries } bài, { $files } tệp ({ $outputs })
serve-rebuilt = đã tạo lại (đọc lại { $sources } tệp)
serve-updated = { $what }, mất { $elapsed }: { $changed } tệp thay đổi, { $removed } tệp bị xóa
serve-outputs = các phần
serve-file-changed = đổi  { $path }
serve-file-removed = xóa  { $path }
serve-errors = { $errors } lỗi, đang hiện cả trên trình duyệt cho đến khi sửa xong

## --help: các lệnh
help-pbgdpl = Công cụ tạo chuyên mục phổ biến, giáo dục pháp luật (PBGDPL) theo Quyết định 471/QĐ-TTg: soạn bài bằng tệp văn bản, kiểm tra lỗi, tạo trang web để đưa lên cổng thông tin.
help-build = Tạo trang web của chuyên mục (thư mục public). Nếu có lỗi, trang đã tạo lần trước được giữ nguyên.
help-check = Đọc và kiểm tra toàn bộ chuyên mục, báo mọi lỗi một lần, không ghi gì.
help-aggregate = Tạo trang PBGDPL của tỉnh từ dữ liệu đồng bộ (sync.json) và nguồn tin của các cơ quan (dành cho Sở Tư pháp).
help-init = Tạo một chuyên mục mới, có đủ 13 chuyên mục con và bài mẫu.
help-new = Thêm một bài nháp vào một chuyên mục.
help-import = Tạo bài nháp từ tệp Word (.docx) của một văn bản: số ký hiệu, loại văn bản, cơ quan ban hành, ngày, người ký đọc từ văn bản, nội dung chuyển thành bài, tệp gốc được đính kèm.
help-convert = Chuyển tệp gõ bằng bảng mã cũ TCVN3 (.VnTime), VNI, Windows-1258 hoặc lưu kiểu "Unicode" của Notepad sang UTF-8; bản gốc được giữ ở <tệp>~.
help-serve = Xem trước chuyên mục trên máy mình: mở trình duyệt theo địa chỉ được in ra; mỗi lần lưu tệp, trang tự cập nhật.
help-aliases = (gõ tắt: { $aliases })

## --help: các tùy chọn
help-flag-help = In hướng dẫn này
help-flag-version = In số phiên bản
help-arg-color = Khi nào tô màu thông báo: auto (tự chọn), always (luôn), never (không bao giờ)
help-arg-lang = Ngôn ngữ của thông báo: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)
help-arg-root = Thư mục chuyên mục (thư mục có tệp site.toml)
help-arg-drafts = Bản xem trước: có cả bài nháp, bài chờ duyệt, bài hẹn ngày đăng và bài đã hết hạn, được đánh dấu và ẩn với công cụ tìm kiếm, nguồn tin
help-arg-offline = Không dùng mạng: khối tin từ trang cấp trên ([upstream] trong site.toml) lấy từ bản đã lưu trong .pbgdpl-cache/upstream/
help-arg-today = Ngày (hoặc ngày giờ) coi là hôm nay khi xét bài hẹn ngày đăng và bài hết hạn, để tạo lại đúng trang của một thời điểm: 2026-12-07 hoặc 2026-12-07T08:00:00+07:00
help-build-out = Thư mục đưa trang web ra (mặc định: <thư mục chuyên mục>/public); chỉ được thay khi tạo trang thành công
help-build-base-url = Công bố ở địa chỉ này thay cho base_url trong site.toml
help-build-previous = Tệp sync.json đã công bố lần trước (tệp hoặc địa chỉ http(s)), để ghi nhận các bài đã xóa khi thư mục đưa ra bắt đầu trống (như trên máy CI); mặc định: sync.json có sẵn trong thư mục đưa ra
help-build-quiet = Chỉ in lỗi và cảnh báo
help-build-verbose = In thêm thời gian của từng bước và số tệp của từng phần
help-check-format = Cách in thông báo: human (cho người đọc), json (một tài liệu JSON cho máy), github (chú thích của GitHub Actions)
help-check-strict = Coi cảnh báo là lỗi
help-serve-port = Cổng mở bản xem trước; 0 để tự chọn một cổng trống (địa chỉ được in ra)
help-serve-bind = Địa chỉ mở bản xem trước. Mặc định chỉ máy này xem được; 0.0.0.0 để các máy khác trong mạng cùng xem
help-serve-quiet = Chỉ in địa chỉ, lỗi và cảnh báo
help-aggregate-sources = Danh sách các cơ quan và thiết lập của trang tỉnh (xem docs/aggregate.md)
help-aggregate-out = Thư mục đưa trang tỉnh ra; chỉ được thay khi tạo trang thành công
help-aggregate-state = Nơi giữ bản tốt gần nhất của từng cơ quan giữa các lần chạy (mặc định: .<thư mục đưa ra>.pbgdpl-aggregate cạnh thư mục đưa ra)
help-aggregate-now = Thời điểm của lần chạy, ghi cho mọi lần tải (2026-11-22T08:00:00+07:00 hoặc 2026-11-22), để chạy lại cho đúng kết quả
help-aggregate-force = Tạo lại trang tỉnh dù không cơ quan nào thay đổi (sau khi sửa mẫu trang)
help-aggregate-quiet = Chỉ in các cơ quan không tải được và cảnh báo
help-init-dir = Thư mục tạo chuyên mục (được tạo nếu chưa có; không được có chuyên mục sẵn)
help-init-agency = Tên đầy đủ của cơ quan
help-init-agency-url = Địa chỉ cổng thông tin của cơ quan
help-init-province-name = Tên trang PBGDPL của tỉnh mà dải băng liên kết tới
help-init-province-url = Địa chỉ trang PBGDPL của tỉnh
help-init-base-url = Địa chỉ sẽ công bố chuyên mục
help-new-category = Thư mục chuyên mục (van-ban-moi, hoi-dap, hoat-dong, …)
help-new-title = Tiêu đề của bài; tên tệp được tạo từ tiêu đề
help-new-bundle = Tạo bài dạng thư mục (<tên>/index.md) để chép tệp đính kèm, âm thanh, video, phụ đề vào cạnh index.md
help-import-file = Tệp Word (.docx) của văn bản, hoặc tệp .txt/.md chứa nội dung văn bản
help-import-category = Chuyên mục đặt bài (van-ban-moi, ke-hoach, thong-bao, huong-dan-chi-dao, thong-ke); không ghi thì chọn theo loại văn bản
help-import-name = Tên thư mục của bài (không ghi thì tạo từ tiêu đề)
help-import-today = Ngày của bài (năm-tháng-ngày; không ghi thì lấy hôm nay theo giờ Việt Nam)
help-convert-files = Các tệp cần chuyển
help-convert-from = Bảng mã của tệp: tcvn3 (ABC, .VnTime), vni, cp1258, hoặc auto để tự nhận ra

## --help: tiêu đề, ghi chú
help-usage = Cách dùng:
help-heading-commands = Các lệnh
help-heading-options = Tùy chọn
help-heading-arguments = Tham số
help-values = chọn: { $values }
help-default = mặc định: { $value }
help-env = hoặc biến môi trường { $name }
value-command = LỆNH
value-options = TÙY-CHỌN
value-dir = THƯ-MỤC
value-file = TỆP
value-date = NGÀY
value-time = THỜI-ĐIỂM
value-url = ĐỊA-CHỈ
value-path-or-url = TỆP|ĐỊA-CHỈ
value-address = ĐỊA-CHỈ
value-port = CỔNG
value-name = TÊN
value-category = CHUYÊN-MỤC
value-title = TIÊU-ĐỀ
value-encoding = BẢNG-MÃ
value-format = DẠNG
value-when = KHI-NÀO
value-lang = NGÔN-NGỮ
value-other = { $name }

## Lỗi khi gõ lệnh
clap-invalid-value = giá trị "{ $value }" không dùng được cho { $arg }; chọn một trong: { $valid }
clap-empty-value = { $arg } cần một giá trị
clap-unknown-argument = không có tùy chọn { $arg }
clap-unknown-command = không có lệnh { $command }
clap-no-equals = { $arg } cần giá trị viết liền sau dấu =
clap-bad-value = giá trị "{ $value }" của { $arg } không dùng được: { $why }
clap-too-many-values = { $arg } chỉ nhận một giá trị (thừa "{ $value }")
clap-wrong-number-of-values = { $arg } nhận sai số giá trị
clap-conflict = không dùng { $arg } cùng với { $other }
clap-missing-argument = thiếu { $arg }
clap-missing-command = thiếu tên lệnh
clap-invalid-utf8 = tham số có ký tự không đọc được (không phải UTF-8)
clap-did-you-mean = gợi ý: có phải là { $suggestion }?
clap-see-help = Xem hướng dẫn: thêm --help vào cuối lệnh.
cli-bad-date = hãy viết ngày theo dạng năm-tháng-ngày, ví dụ 2026-11-22, hoặc ngày giờ như 2026-11-22T08:00 (giờ Việt Nam) hay 2026-11-22T08:00:00+07:00
cli-bad-time = hãy viết thời điểm dạng 2026-11-22T08:00:00+07:00 (hoặc chỉ ngày, 2026-11-22)

## Bài hẹn ngày đăng
schedule-summary = { $count ->
    [1] 1 bài hẹn đăng { $when }:
   *[other] { $count } bài hẹn đăng, bài sớm nhất { $when }:
}
schedule-entry = { $file } — đăng { $when }
schedule-at = lúc { $time } ngày { $date }
schedule-on = ngày { $date }
schedule-more = … và { $count } bài khác
