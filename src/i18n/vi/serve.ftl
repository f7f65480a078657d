# Messages: serve. Same ids as in ../en/serve.ftl.

## Không chạy được bản xem trước
serve-failed = { $what }: { $why }
serve-cannot-listen-on = không mở được địa chỉ { $address }
serve-cannot-read-address = không đọc được địa chỉ đang mở
serve-cannot-listen = không mở được cổng để xem trước
serve-cannot-start = không khởi động được máy chủ xem trước
serve-cannot-watch = không theo dõi được các tệp ({ $detail })
serve-cannot-watch-dir = không theo dõi được thư mục { $dir } ({ $detail })
serve-watch-failed = lỗi khi theo dõi các tệp ({ $detail })

## Trả lời của máy chủ xem trước khi không có trang
serve-http-building = 503: đang tạo trang, hãy tải lại sau giây lát
serve-http-forbidden = 403: không được xem tệp này
serve-http-not-found = 404: không có trang này
serve-http-method = 405: máy chủ xem trước chỉ cho đọc trang (GET, HEAD)
