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
serve-built = đã tạo { $entries } bài, { $files } tệp ({ $outputs })
serve-rebuilt = đã tạo lại (đọc lại { $sources } tệp)
serve-updated = { $what }, mất { $elapsed }: { $changed } tệp thay đổi, { $removed } tệp bị xóa
serve-outputs = các phần
serve-file-changed = đổi  { $path }
serve-file-removed = xóa  { $path }
serve-errors = { $errors } lỗi, đang hiện cả trên trình duyệt cho đến khi sửa xong
