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
