# Messages: photos (src/images). Same ids as in ../en/images.ftl.

## Ảnh không đọc được
image-empty = tệp ảnh `{ $file }` rỗng, không có nội dung
image-not-an-image = tệp `{ $file }` không phải là ảnh JPEG, PNG, WebP hay GIF
image-unsupported = ảnh `{ $file }` ở định dạng { $format }, pbgdpl chưa đọc được định dạng này
image-heic-help = đây là ảnh HEIC của iPhone. Đổi sang JPEG: gửi ảnh qua Zalo hoặc thư điện tử rồi lưu lại, hoặc trên máy tính mở ảnh và chọn "Lưu thành" JPEG. Để iPhone chụp sẵn JPEG: Cài đặt → Camera → Định dạng → "Tương thích nhất"
image-format-help = lưu lại ảnh dưới dạng JPEG (.jpg) hoặc PNG (.png) rồi đặt vào thư mục của bài
image-too-large = ảnh `{ $file }` nặng { $size }, quá giới hạn { $limit }
image-too-many-pixels = ảnh `{ $file }` có kích thước { $width } × { $height } điểm ảnh, quá giới hạn { $limit } triệu điểm ảnh
image-too-large-help = thu nhỏ ảnh trước khi đưa lên: gửi ảnh qua Zalo rồi lưu lại, hoặc chọn cỡ ảnh nhỏ hơn khi chụp; ảnh rộng 2000 điểm ảnh là đủ cho trang
image-corrupt = ảnh `{ $file }` bị hỏng, không đọc được ({ $reason })
image-encode = không tạo được các bản thu nhỏ của ảnh `{ $file }`
image-reason-truncated = tệp bị cụt, thiếu phần cuối: thường do chép hoặc tải về chưa xong
image-reason-damaged = dữ liệu ảnh trong tệp bị sai
image-reason-variant = ảnh được nén theo một kiểu mà pbgdpl chưa đọc được
image-reason-memory = mở ảnh này cần nhiều bộ nhớ hơn mức pbgdpl cho phép
image-corrupt-help = mở ảnh trên máy tính để kiểm tra; nếu không xem được, chép lại ảnh từ điện thoại hoặc máy ảnh

## Ảnh đại diện (image) và ảnh trong nội dung bài
image-alt-missing = bài có ảnh đại diện "{ $file }" nhưng thiếu mục `image_alt` (mô tả ảnh)
image-alt-help = thêm một dòng image_alt = "…" tả điều ảnh cho thấy, ví dụ image_alt = "Đại biểu giơ tay biểu quyết tại hội nghị". Người khiếm thị nghe máy đọc câu này thay cho ảnh; ảnh không có mô tả thì họ không biết ảnh có gì
image-alt-without-image = mục `{ $key }` chỉ dùng cùng mục `image` (ảnh đại diện)
image-alt-without-image-help = thêm dòng image = "ten-anh.jpg" (ảnh đặt cạnh index.md), hoặc xóa dòng này
image-needs-bundle = ảnh cần bài dạng thư mục: chuyển bài thành <tên-bài>/index.md và chép ảnh vào cùng thư mục đó (tạo bằng pbgdpl new … --bundle)
image-outside = ảnh "{ $file }" nằm ngoài thư mục của bài
image-outside-help = chép ảnh vào cạnh index.md của bài rồi chỉ ghi tên tệp, ví dụ ![Mô tả ảnh](anh-hoi-nghi.jpg)
image-path-spaces = tên tệp ảnh "{ $file }" có dấu cách nên ảnh không hiện: trang in nguyên dòng chữ này
image-path-spaces-help = đặt tên tệp trong ngoặc nhọn: ![{ $alt }](<{ $file }>), hoặc đổi tên tệp cho không còn dấu cách (anh-hoi-nghi.jpg)
image-no-alt = ảnh "{ $file }" chưa có mô tả
image-no-alt-help = viết mô tả ảnh trong ngoặc vuông, ví dụ ![Đại biểu dự hội nghị](anh-hoi-nghi.jpg): người khiếm thị nghe máy đọc câu này thay cho ảnh
