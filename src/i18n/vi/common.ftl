# Từ ngữ dùng chung và nhãn của mọi thông báo.
#
# Cách viết (cho mọi tệp .ftl): câu ngắn, tiếng Việt phổ thông mà cán bộ
# không biết tiếng Anh hiểu được; gọi tên sự vật như docs/huong-dan.md:
# "bài", "chuyên mục", "mục" (một dòng tên = giá trị), "phần thông tin"
# (giữa hai dòng +++), "nội dung bài", "tệp", "thư mục", "tạo trang".
# Không dùng "front matter", "TOML", "slug". Tên mục (`title`), tên tệp,
# lệnh giữ nguyên trong dấu `…`.

## Nhãn của một thông báo: "lỗi: …", "cảnh báo: …", "= gợi ý: …"
label-error = lỗi
label-warning = cảnh báo
label-help = gợi ý

## Dòng tổng kết khi lệnh dừng vì lỗi
summary-errors = { $errors } lỗi, { $warnings } cảnh báo
