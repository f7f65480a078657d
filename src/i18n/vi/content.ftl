# Messages: content. Same ids as in ../en/content.ftl.

## Số ký hiệu văn bản (number)
doc-number-invalid = số ký hiệu "{ $number }" viết chưa đúng: { $why }
doc-number-year = năm { $year } không hợp lý
doc-number-symbol-case = phần ký hiệu sau năm phải bắt đầu bằng chữ in hoa (QĐ, NĐ, TT…)
doc-number-prefix = chỉ ghi số và ký hiệu, không ghi chữ "Số"
doc-number-look-alike = ký tự thứ { $position } là "{ $char }" ({ $name }, mã { $code }), không phải dấu của số ký hiệu; số ký hiệu chỉ dùng gạch nối "-" và gạch chéo "/"
doc-number-spaces = có dấu cách
doc-number-no-slash = các phần phải ngăn cách bằng dấu gạch chéo "/"
doc-number-unrecognised = không đúng dạng của số ký hiệu
doc-number-fix = sửa thành { $key } = "{ $fix }"
doc-number-forms = ghi đúng như trên văn bản: văn bản quy phạm pháp luật ghi số/năm/ký hiệu ("14/2019/QĐ-TTg", "12/2024/NQ-HĐND"), văn bản khác ghi số/ký hiệu ("266/KH-UBND", "2500/BTP-PBGDPL")
char-en-dash = gạch ngang dài do Word tự đổi
char-em-dash = gạch ngang rất dài
char-minus = dấu trừ
char-other-dash = một loại gạch ngang khác
char-backslash = gạch chéo ngược
char-other-slash = một loại gạch chéo khác

## Nội dung lồng nhau quá sâu (giới hạn ở src/nesting.rs, docs/huong-dan.md)
too-deep = nội dung bài lồng nhau quá { $limit } lớp (trích dẫn trong trích dẫn, danh sách trong danh sách, hay thẻ HTML trong thẻ HTML)
too-deep-help = bớt các lớp lồng nhau: đóng các thẻ `<div>`, trích dẫn `>` hay danh sách đã mở trước chỗ này; văn bản thật chỉ cần dưới 20 lớp
toml-too-deep = phần thông tin lồng nhau quá { $limit } lớp (ngoặc `[`, `{"{"}` hay tên nối bằng dấu chấm lồng vào nhau)
toml-too-deep-help = viết lại giá trị cho phẳng, theo mẫu ở docs/huong-dan.md: các mục của pbgdpl lồng nhiều nhất ba lớp (`[[attachments]]`, `rows = [[…]]`)
