# Messages: import (lệnh pbgdpl import). Same ids as in ../en/import.ftl.

## Vì sao không nhập được
import-io = { $path }: { $error }
import-empty = tệp rỗng (0 byte): không có gì để nhập
import-too-large = tệp quá lớn ({ $size }); lệnh chỉ nhập tệp đến { $limit }
import-too-large-help = nếu tệp có nhiều ảnh, hãy lưu một bản không có ảnh rồi nhập bản đó
import-old-doc = đây là tệp Word cũ (.doc, Word 97–2003), lệnh chưa đọc được dạng này
import-old-doc-help = mở tệp bằng Word, chọn Tệp → Lưu thành (File → Save As), chọn kiểu "Tài liệu Word (*.docx)", rồi nhập tệp .docx vừa lưu
import-encrypted = tệp Word có đặt mật khẩu nên không đọc được nội dung
import-encrypted-help = mở tệp bằng Word, vào Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu (File → Info → Protect Document → Encrypt with Password), xóa mật khẩu, lưu lại rồi nhập lại
import-other-kind = đây không phải tệp Word (.docx) mà là { $what }
import-kind-office = một tệp Office dạng cũ (Excel, PowerPoint…)
import-kind-office-help = chỉ nhập được văn bản Word; mở văn bản bằng Word và lưu thành .docx
import-kind-pdf = một tệp PDF
import-kind-pdf-help = hãy nhập tệp Word (.docx) gốc của văn bản; nếu chỉ có PDF, tạo bài bằng `pbgdpl new <chuyên mục> "<tiêu đề>" --bundle` rồi chép tệp PDF vào cạnh index.md
import-kind-rtf = một tệp RTF
import-kind-html = một trang web (HTML) mang đuôi của Word
import-kind-save-as-docx = mở tệp bằng Word, chọn Lưu thành (Save As) kiểu "Tài liệu Word (*.docx)", rồi nhập tệp .docx
import-kind-odt = một tệp OpenDocument (LibreOffice, .odt)
import-kind-odt-help = mở tệp bằng LibreOffice Writer, chọn Lưu thành (Save As) kiểu "Word 2007-365 (.docx)", rồi nhập tệp .docx
import-kind-excel = một bảng tính Excel
import-kind-excel-help = chỉ nhập được văn bản Word; số liệu dạng bảng đưa vào content/thong-ke/ (xem docs/content.md)
import-kind-powerpoint = một bài trình chiếu PowerPoint
import-kind-powerpoint-help = chỉ nhập được văn bản Word; bài trình chiếu có thể đính kèm vào một bài tài liệu
import-not-document = không phải tệp Word (.docx) hay tệp văn bản (.txt, .md)
import-not-document-help = mở văn bản bằng Word và lưu thành "Tài liệu Word (*.docx)"
import-corrupt = tệp .docx bị hỏng, không đọc được ({ $detail })
import-corrupt-help = mở tệp bằng Word; nếu Word sửa được tệp, lưu lại thành .docx rồi nhập lại
import-xml-unfinished = phần nội dung kết thúc giữa chừng
import-no-body = không có phần nội dung (w:body)
import-bounds = tệp .docx bất thường: { $detail }; lệnh dừng để tránh treo máy
import-bound-entries = có { $count } tệp con, nhiều hơn giới hạn { $limit }
import-bound-part = phần { $part } khi giải nén lớn hơn { $limit }
import-bound-depth = cấu trúc lồng nhau sâu hơn { $limit } tầng
import-unknown-encoding = tệp văn bản không ở bảng mã UTF-8 và cũng không nhận ra là TCVN3, VNI hay Windows-1258
import-unknown-encoding-help = mở tệp bằng Notepad, chọn Lưu thành (Save As) với bảng mã UTF-8, rồi nhập lại
import-no-text = văn bản không có chữ nào để nhập
import-exists = đã có { $path }; lệnh không ghi đè bài đã có
import-exists-help = đặt tên khác cho bài bằng --name <tên>, hoặc xóa/chuyển bài cũ đi
import-bad-today = "{ $value }" không phải ngày dạng năm-tháng-ngày 2026-06-05
import-category = không nhập văn bản vào chuyên mục `{ $key }` được; chọn một trong: { $valid }
import-with-help = { $message }
    { "  " }{ label-help }: { $help }

## Những gì lệnh tìm thấy
import-created = Đã tạo bài nháp: { $path }
import-category-chosen = Chuyên mục: { $key } ({ $label }) — chọn theo loại văn bản; đổi bằng --category
import-category-given = Chuyên mục: { $key } ({ $label })
import-converted = Đã chuyển chữ gõ bằng bảng mã { $encoding } sang Unicode.
import-repaired = Đã sửa chữ bị lỗi phông { $encoding }.
import-found = Đã tìm thấy:
import-missing = Chưa tìm thấy (để dạng ghi chú trong index.md, cần điền tay):
import-nothing-missing = Không thiếu mục nào.
import-field-title = tiêu đề
import-field-type = loại văn bản
import-field-number = số ký hiệu
import-field-issuer = cơ quan ban hành
import-field-issue-date = ngày ban hành
import-field-signer = người ký
import-field-effective-date = ngày có hiệu lực
import-place = nơi ban hành: { $place }
import-counts = Nội dung: { $paragraphs } đoạn, { $tables } bảng, { $footnotes } chú thích; tệp gốc đính kèm: { $attachment }
import-next = Tiếp theo: đối chiếu index.md với văn bản gốc, rồi chạy pbgdpl check
