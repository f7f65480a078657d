# Messages: convert (bảng mã cũ, lệnh pbgdpl convert). Same ids as in ../en/convert.ftl.

## Tên các bảng mã
encoding-tcvn3 = TCVN3 (ABC, phông .VnTime)
encoding-vni = VNI (phông VNI-Times)
encoding-cp1258 = Windows-1258
encoding-utf8 = UTF-8
encoding-utf16 = UTF-16 ("Unicode" của Notepad)
encoding-unknown = không rõ

## Lỗi và cảnh báo khi kiểm tra chuyên mục
legacy-encoding = tệp được lưu bằng bảng mã { $encoding }, không phải bảng mã Unicode UTF-8
legacy-encoding-help = chuyển tệp sang UTF-8 bằng lệnh: pbgdpl convert { $path }
legacy-encoding-at = { $path }:{ $line }:{ $column }: { legacy-encoding }
garbled-text = chữ bị lỗi phông { $encoding }: "{ $word }" có lẽ là "{ $fixed }"
garbled-text-lines = chữ bị lỗi phông { $encoding }: "{ $word }" có lẽ là "{ $fixed }" ({ $lines } dòng có chữ lỗi)
garbled-text-help = đoạn chữ được chép từ tài liệu gõ bằng phông { $font }; chuyển lại thành chữ Unicode bằng lệnh: pbgdpl convert { $path }

## Lệnh pbgdpl convert
convert-converted = { $file }: đã chuyển từ bảng mã { $encoding } sang UTF-8; bản gốc được giữ ở { $backup }
convert-repaired = { $file }: đã sửa chữ bị lỗi phông { $encoding }; bản gốc được giữ ở { $backup }
convert-unchanged = { $file }: đã là UTF-8, không cần chuyển
convert-unknown-from = "{ $value }" không phải bảng mã đã biết; chọn tcvn3, vni, cp1258 hoặc auto
convert-not-a-file = { $path }: không phải là tệp
convert-too-large = { $path }: tệp quá lớn ({ $size }) để là một tệp văn bản; giới hạn là { $limit }
convert-utf8-cp1258 = { $path }: tệp đã là UTF-8; chữ Windows-1258 không thể bị lỗi phông theo cách này
convert-bad-utf16 = { $path }: tệp bắt đầu như UTF-16 nhưng có byte không hợp lệ
convert-unknown-encoding = { $path }: không nhận ra bảng mã của tệp; chỉ rõ bằng --from tcvn3, --from vni hoặc --from cp1258
