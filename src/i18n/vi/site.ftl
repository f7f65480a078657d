# Messages: site. Same ids as in ../en/site.ftl.

## site.toml
what-site-title = tên chuyên mục
what-base-url = địa chỉ công bố chuyên mục
what-agency-name = tên cơ quan
what-agency-url = địa chỉ cổng thông tin của cơ quan
what-province-name = tên trang thông tin điện tử PBGDPL của tỉnh
what-province-url = trang PBGDPL của tỉnh mà dải băng liên kết tới
bad-base-url = mục `{ $key }` dùng không được: { $why }
bad-base-url-help = ghi đầy đủ địa chỉ của chuyên mục, ví dụ base_url = "https://stc.nghean.gov.vn/pbgdpl/"
bad-base-url-option = --base-url "{ $url }": { $why }
bad-language = ngôn ngữ "{ $value }" chưa được hỗ trợ
bad-language-help = dùng language = "vi" (tiếng Việt) hoặc "en" (tiếng Anh)
url-no-scheme = địa chỉ phải bắt đầu bằng https:// (hoặc http://)
url-invalid = địa chỉ viết chưa đúng ({ $detail })
url-scheme = địa chỉ phải bắt đầu bằng https:// hoặc http://, không phải { $scheme }:
url-query = địa chỉ không được chứa dấu ? hoặc #
bad-justice-url = mục `{ $key }` dùng không được: { $why }
bad-justice-url-help = ghi đầy đủ địa chỉ cổng thông tin điện tử của Sở Tư pháp, bắt đầu bằng https://, ví dụ justice_url = "https://stp.nghean.gov.vn"
url-no-https = địa chỉ phải bắt đầu bằng https://
url-not-https = địa chỉ phải bắt đầu bằng https://, không phải { $scheme }:
url-missing-help = thêm dòng url = "https://…" trong khối [{ $table }]
number-at-least-one = mục `{ $key }` phải từ 1 trở lên
number-default-help = xóa dòng này để dùng giá trị mặc định ({ $default })
number-between = mục `{ $key }` phải từ 1 đến { $max }
feed-limit-help = đây là số bài mà nguồn tin mang theo (bài cũ hơn nằm ở các trang lưu trữ); xóa dòng này để dùng giá trị mặc định ({ $default })
table-missing = thiếu khối [{ $table }]
table-missing-help = thêm vào { $file }:

    { $example }

## [upstream]: tin từ trang cấp trên
what-upstream-url = địa chỉ nguồn tin (JSON Feed, Atom hoặc RSS) của trang cấp trên
bad-upstream-url = mục `{ $key }` dùng không được: { $why }
bad-upstream-url-help = ghi đầy đủ địa chỉ nguồn tin của trang PBGDPL tỉnh hoặc Cổng PBGDPL quốc gia, ví dụ url = "https://pbgdpl.nghean.gov.vn/feed.json"
upstream-too-many = khối [upstream] chỉ được có tối đa { $max } nguồn tin
upstream-too-many-help = bỏ bớt các khối [[upstream.sources]] ít cần
upstream-failed = không tải được tin từ { $url }: { $why }
upstream-timeout = không nhận được đủ nguồn tin trong { $seconds } giây (mục timeout_seconds của khối [upstream])
upstream-offline = đang chạy với --offline
upstream-not-a-feed = nội dung nhận được không phải nguồn tin JSON Feed, Atom hay RSS có bài nào dùng được
upstream-using-copy = trang vẫn được tạo, khối tin dùng bản đã lưu ngày { $date } trong thư mục .pbgdpl-cache/upstream/
upstream-offline-no-copy = --offline: chưa có bản lưu nào của nguồn tin { $url }
upstream-no-copy-help = trang vẫn được tạo nhưng chưa có khối tin này; nó sẽ hiện sau lần tạo trang đầu tiên tải được nguồn tin (không dùng --offline, máy có mạng)

## Kiểm tra toàn chuyên mục
duplicate-path = hai bài sẽ cùng được đăng ở địa chỉ { $path }: { $first } và { $second }
duplicate-path-help = đổi tên một trong hai tệp (địa chỉ của bài lấy từ tên tệp, bỏ dấu)
duplicate-path-table = bảng số liệu { $table } và bài { $entry } sẽ cùng được đăng ở địa chỉ { $path }
duplicate-path-table-help = đổi tên tệp bảng số liệu hoặc tệp bài
reserved-path = địa chỉ { $path } dành cho các trang riêng của chuyên mục
reserved-path-help = đổi tên tệp: trong chuyên mục { $category } các tên sau đã được dùng: { $names }
duplicate-id = mã định danh "{ $id }" bị dùng ở cả { $first } và { $second }
duplicate-id-help = mỗi bài cần một mã định danh riêng; lệnh pbgdpl new luôn tạo mã mới
implicit-id = bài chưa có mục `id`: mã định danh "{ $id }" đang lấy từ tên tệp, nên đổi tên tệp sẽ làm đổi mã
implicit-id-help = thêm dòng id = "{ $id }" vào phần thông tin: bài giữ nguyên mã hiện có dù sau này tệp mang tên gì (lệnh pbgdpl new luôn ghi sẵn mã)
missing-approver = bài đã duyệt nhưng chưa ghi người duyệt
missing-approver-help = thêm dòng approver = "…" (người duyệt công bố), như khối [workflow] require_approver trong site.toml yêu cầu
empty-required-category = chuyên mục { $category } ({ $label }) chưa có bài nào được công bố, trong khi Quyết định 471/QĐ-TTg (mục III.{ $clause }) yêu cầu phải có
empty-required-category-help = đăng ít nhất một bài: pbgdpl new { $category } "Tiêu đề"
broken-link = liên kết tới { $target } không dẫn tới trang nào
link-why-unapproved = bài chưa được duyệt
link-why-scheduled = chưa đến ngày đăng (publish_date)
link-why-expired = đã quá ngày hết hạn (expiry_date)
link-unpublished = bài được liên kết chưa được công bố ({ $why }); hãy công bố bài đó trước, hoặc tạm bỏ liên kết
link-inside-section = liên kết bắt đầu bằng / đã nằm trong chuyên mục: hãy viết { $fixed }
link-absolute-help = kiểm tra lại địa chỉ: trang của bài có dạng /<chuyên-mục>/<tên tệp bỏ đuôi .md>/
link-relative-help = liên kết không bắt đầu bằng / được tính từ địa chỉ của chính bài; chép tệp vào cạnh index.md, hoặc viết liên kết bắt đầu bằng /
output-clash = hai kết quả cùng được ghi vào { $path }
output-clash-help = một tệp trong static/ hoặc trong thư mục bài trùng đường dẫn với một trang hay nguồn tin do chương trình tạo; hãy đổi tên tệp đó
previous-not-sync = không phải tệp sync.json của pbgdpl ({ $detail })
previous-schema = tệp có schema_version { $found }, bản pbgdpl này đọc { $reads }; hãy nâng cấp pbgdpl
previous-fetch = không tải được ({ $detail })
previous-snapshot = { $why }; các bài đã xóa từ lần tạo trang trước sẽ không được ghi nhận
previous-snapshot-help = xóa tệp bị hỏng, hoặc chỉ ra bản đã công bố bằng --previous URL
