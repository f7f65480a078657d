# Messages: aggregate. Same ids as in ../en/aggregate.ftl.

## Trang tỉnh (pbgdpl aggregate)
aggregate-state-inside-out = thư mục trạng thái { $state } không được nằm trong thư mục kết quả { $out }: mỗi lần tạo trang, thư mục kết quả được thay mới
schema-does-not-compile = lược đồ { $name } không dùng được ({ $detail })
