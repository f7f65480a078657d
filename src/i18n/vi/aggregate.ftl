# Messages: aggregate. Same ids as in ../en/aggregate.ftl.

## Trang tỉnh (pbgdpl aggregate)
aggregate-state-inside-out = thư mục trạng thái { $state } không được nằm trong thư mục kết quả { $out }: mỗi lần tạo trang, thư mục kết quả được thay mới
schema-does-not-compile = lược đồ { $name } không dùng được ({ $detail })

## sources.toml
aggregate-empty-location-help = ghi nơi có tệp của cơ quan; muốn thôi tổng hợp một cơ quan thì xóa cả khối [[source]] của cơ quan đó (khi đó các bài của cơ quan được báo là đã xóa)
aggregate-empty-id-help = ghi địa chỉ ngắn của trang cơ quan, ví dụ id = "ubnd-xa-a", hoặc xóa dòng này để lấy theo tên cơ quan
aggregate-empty-base-url-help = ghi địa chỉ công bố chuyên mục của cơ quan, hoặc xóa dòng này
aggregate-name-gives-no-id = tên "{ $name }" không tạo được mã định danh (id, địa chỉ trang của cơ quan)
aggregate-name-gives-no-id-help = thêm id = "…" gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ id = "ubnd-xa-a"
aggregate-source-base-url-unusable = mục `{ $key }` không dùng được: { $why }
aggregate-source-base-url-help = ghi địa chỉ công bố chuyên mục của cơ quan, ví dụ base_url = "https://stc.nghean.gov.vn/pbgdpl/"
aggregate-total-seconds-what = số giây tối đa dành cho một cơ quan, tính cả mọi tệp

## Why the hub refused what an agency sent (the terminal report; the
## status page says the same with the theme's hub_reason_* strings).
aggregate-reason-no-such-file = không có tệp này
aggregate-reason-not-regular-file = đây không phải là một tệp thông thường (thư mục, ống dẫn hoặc thiết bị)
aggregate-reason-outside-directory = đường dẫn (hoặc liên kết tượng trưng) đi ra ngoài thư mục của nguồn
aggregate-reason-unreadable = không đọc được tệp (quyền truy cập)
aggregate-reason-timeout = không nhận đủ dữ liệu trong { $seconds } giây (timeout_seconds trong [fetch])
aggregate-reason-over-budget = nguồn dùng hết { $seconds } giây dành cho mỗi nguồn (total_seconds trong [fetch])
aggregate-reason-too-large = tài liệu lớn hơn { $megabytes } MB
aggregate-reason-http-status = máy chủ trả về mã HTTP { $code } thay vì tài liệu
aggregate-reason-not-modified-unasked = máy chủ trả về 304 Not Modified cho một yêu cầu không có điều kiện
aggregate-reason-host-not-found = không tìm thấy tên máy chủ (DNS)
aggregate-reason-connection-refused = máy chủ từ chối kết nối
aggregate-reason-connection-failed = kết nối thất bại hoặc bị ngắt giữa chừng
aggregate-reason-tls = lỗi kết nối bảo mật (TLS, chứng thư số)
aggregate-reason-bad-http = câu trả lời của máy chủ không đúng giao thức HTTP
aggregate-reason-redirect-outside = máy chủ chuyển hướng ra ngoài địa chỉ của nguồn (máy chủ khác, đường dẫn khác hoặc không phải http/https); hub không đi theo
aggregate-reason-too-many-redirects = chuyển hướng quá { $limit } lần hoặc thành vòng lặp
aggregate-reason-not-utf8 = tài liệu không phải văn bản (mã UTF-8)
aggregate-reason-not-json = tài liệu không phải JSON (lỗi cú pháp ở dòng { $line }, cột { $column })
aggregate-reason-no-schema-version = thiếu schema_version: đây không phải tài liệu của pbgdpl
aggregate-reason-schema-major = schema_version không phải { $major }.x; cần nâng cấp pbgdpl
aggregate-reason-schema = không đúng schemas/{ $schema }: { $violations }
aggregate-reason-not-json-feed = không phải JSON Feed 1.1
aggregate-reason-count-mismatch = count không bằng số bài ({ $actual })
aggregate-reason-digest-mismatch = digest không phải SHA-256 của danh sách bài: tệp bị hỏng hoặc bị sửa tay
aggregate-reason-base-url-unusable = site.base_url không phải địa chỉ http(s) của một thư mục
aggregate-reason-base-url-not-configured = site.base_url không phải địa chỉ chuyên mục ghi cho nguồn này trong sources.toml (base_url)
aggregate-reason-base-url-not-where-fetched = site.base_url không phải nơi hub tải dữ liệu của nguồn; nếu đây là bản sao (mirror), ghi địa chỉ chuyên mục vào base_url của nguồn trong sources.toml
aggregate-reason-id-outside = mã (id) của bài thứ { $entry } không thuộc địa chỉ của chính chuyên mục
aggregate-reason-id-twice = bài thứ { $entry } trùng mã (id) với một bài trước
aggregate-reason-url-outside = địa chỉ (url) của bài thứ { $entry } không phải địa chỉ http(s) trong chuyên mục
aggregate-reason-tombstone-outside = bản ghi xóa thứ { $tombstone } (deleted) là của một chuyên mục khác
aggregate-reason-tombstone-url-outside = địa chỉ (url) của bản ghi xóa thứ { $tombstone } không thuộc chuyên mục
aggregate-reason-item-id-outside = mã (id) của mục thứ { $item } trong nguồn tin không thuộc địa chỉ của chuyên mục
aggregate-reason-item-twice = mục thứ { $item } trong nguồn tin trùng mã với một mục trước
aggregate-reason-item-missing = mục thứ { $item } trong nguồn tin thiếu { $field }
aggregate-reason-item-date = ngày của mục thứ { $item } trong nguồn tin không đúng định dạng RFC 3339
aggregate-reason-item-url-outside = mục thứ { $item } trong nguồn tin có địa chỉ (url của bài hoặc tệp đính kèm) không phải http(s) trong chuyên mục
aggregate-reason-item-too-deep = nội dung (content_html) của mục thứ { $item } trong nguồn tin lồng nhau sâu hơn { $limit } tầng
aggregate-reason-link-not-address = liên kết { $link } không phải địa chỉ http(s)
aggregate-reason-link-outside = liên kết { $link } dẫn ra ngoài chuyên mục (máy chủ hoặc đường dẫn khác); hub không đi theo
aggregate-reason-too-many-documents = chuỗi nguồn tin dài hơn { $limit } tài liệu, nhiều hơn số bài của chuyên mục
aggregate-reason-statistics-hash = statistics.json không phải tệp mà sync.json ghi (mã SHA-256 khác): tệp bị sửa, hỏng hoặc chưa chép lên đủ
aggregate-reason-statistics-too-deep = statistics.json lồng nhau sâu hơn { $limit } tầng
aggregate-reason-statistics-markup = một chữ trong statistics.json có mã HTML hoặc liên kết chạy mã lệnh; số liệu thống kê chỉ được là chữ và số
aggregate-reason-conflict = chuyên mục (hoặc một số bài) này thuộc nguồn `{ $other }`; mỗi chuyên mục chỉ được đăng một lần
aggregate-reason-schema-violation = { $path } vi phạm quy tắc { $rule }
aggregate-reason-schema-more = (và { $count } lỗi khác)

## Báo cáo của lệnh aggregate: mỗi nguồn một dòng, rồi dòng tổng kết
aggregate-status-changed = có thay đổi
aggregate-status-unchanged = không đổi
aggregate-status-failed = LỖI
aggregate-entries = { $entries } bài
aggregate-entries-not-modified = { $entries } bài (máy chủ báo không có gì mới)
aggregate-kept-copy-fetched = vẫn đăng bản tốt gần nhất ({ $entries } bài, tải lúc { $when })
aggregate-kept-copy = vẫn đăng bản tốt gần nhất ({ $entries } bài)
aggregate-no-copy = chưa có bản nào tải được trước đây nên chưa đăng
aggregate-counts = { $sources } nguồn, { $failed } nguồn lỗi
aggregate-built = trang tỉnh: đã tạo { $files } tệp trong thư mục { $dir } ({ $counts }), mất { $ms } ms
aggregate-nothing-changed = trang tỉnh: không có gì thay đổi từ lần tạo trước, giữ nguyên thư mục { $dir } ({ $counts })

## sources.toml: các mục của trang tỉnh
aggregate-number-help = đây là { $what }; xóa dòng này để dùng giá trị mặc định ({ $default })
aggregate-what-title = tên trang tỉnh, như trên dải băng của các cơ quan
aggregate-what-base-url = địa chỉ công bố trang tỉnh
aggregate-hub-base-url-help = ghi đầy đủ địa chỉ của trang tỉnh, ví dụ base_url = "https://pbgdpl.nghean.gov.vn/"
aggregate-what-per-page = số bài trên một trang danh sách chung
aggregate-what-per-category = số bài mới nhất của mỗi chuyên mục hiện trên trang chủ và trang cơ quan
aggregate-what-feed-limit = số bài mà nguồn tin của trang tỉnh mang theo (bài cũ hơn nằm ở các trang lưu trữ)
aggregate-what-timeout = số giây chờ một cơ quan trả lời
aggregate-what-parallel = số cơ quan được tải cùng một lúc
aggregate-agency-missing = thiếu khối [hub.agency] (cơ quan vận hành trang tỉnh)
aggregate-agency-missing-help = thêm sau khối [hub]:

    { $example }
aggregate-what-agency-name = tên cơ quan vận hành, ví dụ Sở Tư pháp tỉnh Nghệ An
aggregate-what-agency-url = địa chỉ cổng thông tin của cơ quan vận hành
aggregate-no-source = sources.toml chưa ghi cơ quan nào
aggregate-no-source-help = thêm mỗi cơ quan một khối [[source]]:

    { $example }
aggregate-bad-id = mã định danh "{ $id }" không dùng làm địa chỉ ngắn được
aggregate-bad-id-help = chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ id = "{ $example }"
aggregate-location-help = ghi địa chỉ bắt đầu bằng https:// (hoặc http://), hoặc đường dẫn tới tệp sync.json của một chuyên mục đã tạo trang
aggregate-no-location = nguồn "{ $name }" chưa ghi nơi lấy tệp sync.json hay feed.json
aggregate-no-location-help = thêm dòng sync = "https://…/pbgdpl/sync.json" (hoặc đường dẫn tới tệp đó trên máy)
aggregate-duplicate-id = hai nguồn cùng mã định danh "{ $id }"
aggregate-duplicate-id-help = nguồn thứ nhất ở dòng { $line }; ghi cho nguồn này một id = "…" riêng (mã này đặt tên cho trang của cơ quan và bản lưu dữ liệu)
location-empty = chưa ghi gì
location-no-host = địa chỉ thiếu tên máy chủ

## Tệp trạng thái của lệnh aggregate
aggregate-state-format = tệp ghi theo định dạng { $found }, bản pbgdpl này ghi định dạng { $writes }
aggregate-state-unreadable = nội dung tệp bị hỏng ({ $detail })
aggregate-state-unusable = không dùng được tệp trạng thái { $file } ({ $why }); bắt đầu lại từ đầu
aggregate-state-unusable-help = bản tốt gần nhất của các cơ quan vẫn được dùng; trang tỉnh được tạo lại toàn bộ
