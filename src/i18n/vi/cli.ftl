# Messages: cli. Same ids as in ../en/cli.ftl.

## Dòng tổng kết khi lệnh dừng vì lỗi trong chuyên mục
failed-build = không tạo được trang: { summary-errors } (trang đã tạo lần trước vẫn giữ nguyên)
failed-check = kiểm tra không đạt: { summary-errors }
failed-aggregate = không tạo được trang tỉnh: { summary-errors }

## Khi không khởi động được
cli-cannot-start = không khởi động được: { $error }
