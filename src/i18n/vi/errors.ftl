# Messages: errors. Same ids as in ../en/errors.ftl.

## Lỗi làm dừng lệnh (không phải lỗi trong một bài)
error-invalid = chuyên mục có { $errors } lỗi
error-io = { $path }: { $why }
error-not-utf8 = { $path }: tệp không lưu bằng bảng mã UTF-8 (byte thứ { $offset } không đọc được); mở tệp bằng Notepad, chọn Lưu thành (Save As), chọn bảng mã UTF-8 rồi lưu lại
error-template = mẫu trang { $name }: { $detail }
error-json = không ghi được { $what }: { $detail }
error-not-a-site = không có tệp site.toml trong { $dir }: đây không phải thư mục chuyên mục (tạo chuyên mục mới bằng lệnh pbgdpl init, hoặc chỉ đúng thư mục bằng --root)
error-already-exists = { $dir } đã có site.toml hoặc thư mục content/; hãy chọn một thư mục trống
error-previous = không dùng được bản đồng bộ lần trước { $from }: { $why }
error-busy = một lệnh `pbgdpl aggregate` khác đang chạy với thư mục trạng thái { $dir } (nó đang giữ { $lock }); lần chạy này đã dừng, không thay đổi gì
    gợi ý: chờ lần chạy kia xong; các lần chạy do cron khởi động có thể chờ nhau bằng `flock` (xem docs/aggregate.md)

## Lý do một thao tác với tệp không thành công
io-not-found = không tìm thấy tệp hoặc thư mục
io-permission-denied = không có quyền đọc hoặc ghi
io-already-exists = đã có tệp hoặc thư mục này
io-storage-full = ổ đĩa đã đầy
io-read-only = ổ đĩa chỉ cho phép đọc
io-is-a-directory = đây là thư mục, không phải tệp
io-not-a-directory = đây là tệp, không phải thư mục
io-address-in-use = cổng này đang được chương trình khác dùng
io-other = { $detail }

## Thư mục kết quả (--out) mà lệnh tạo trang không được thay
output-is-file = `{ $path }` là một tệp, không phải thư mục: lệnh tạo trang thay toàn bộ thư mục kết quả nên không ghi vào đây
output-is-file-help = chọn một thư mục khác (thư mục chưa có sẽ được tạo), hoặc đổi tên tệp này
output-holds-site = thư mục kết quả `{ $path }` chứa chính chuyên mục: tạo trang vào đó sẽ xóa các tệp của chuyên mục
output-holds-site-help = tạo trang vào một thư mục riêng, ví dụ `public` (mặc định) hoặc `--out ../ket-qua`
output-in-sources = thư mục kết quả `{ $path }` nằm trong thư mục `{ $folder }` của chuyên mục: lần tạo trang sau sẽ đọc kết quả như nội dung
output-in-sources-help = tạo trang vào một thư mục nằm ngoài `content`, `static` và `templates`, ví dụ `public` (mặc định)
output-not-ours = thư mục `{ $path }` có tệp mà không phải do pbgdpl tạo: tạo trang vào đó sẽ xóa các tệp ấy
output-not-ours-help = chọn một thư mục trống hoặc chưa có; nếu đúng là muốn thay thư mục này, hãy tự chuyển các tệp của nó đi trước
output-busy = một lệnh `pbgdpl build` khác đang ghi vào thư mục `{ $path }`
output-busy-help = chờ lệnh đó chạy xong rồi chạy lại
output-write-failed = không ghi được kết quả vào `{ $path }`: { $reason }; trang đã tạo lần trước vẫn giữ nguyên
output-reason-permission = không có quyền ghi vào thư mục này
output-reason-full = ổ đĩa đã đầy
output-permission-help = chạy lệnh bằng tài khoản được ghi vào thư mục đó, hoặc chọn thư mục khác bằng `--out`
output-full-help = giải phóng chỗ trống trên ổ đĩa (cần khoảng gấp đôi dung lượng trang đã tạo), rồi chạy lại
output-other-help = kiểm tra thư mục kết quả và ổ đĩa, rồi chạy lại

## A refusal and what to do, as one message
output-refused = { $what }
    {"  "}{ label-help }: { $help }
