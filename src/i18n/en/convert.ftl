# Messages: convert (legacy encodings, pbgdpl convert). Same ids as in ../vi/convert.ftl.

## Names of the encodings
encoding-tcvn3 = TCVN3 (ABC, .VnTime fonts)
encoding-vni = VNI (VNI-Times fonts)
encoding-cp1258 = Windows-1258
encoding-utf8 = UTF-8
encoding-utf16 = UTF-16 (Notepad's "Unicode")
encoding-unknown = unknown

## Errors and warnings of check
legacy-encoding = the file is saved in { $encoding }, not in UTF-8
legacy-encoding-help = convert it to UTF-8 with: pbgdpl convert { $path }
legacy-encoding-at = { $path }:{ $line }:{ $column }: { legacy-encoding }
garbled-text = text garbled by a { $encoding } font: "{ $word }" is probably "{ $fixed }"
garbled-text-lines = text garbled by a { $encoding } font: "{ $word }" is probably "{ $fixed }" ({ $lines } lines affected)
garbled-text-help = this text was copied from a document typed in a { $font } font; turn it back into Unicode with: pbgdpl convert { $path }

## pbgdpl convert
convert-converted = { $file }: converted from { $encoding } to UTF-8; the original is kept as { $backup }
convert-repaired = { $file }: repaired text garbled by a { $encoding } font; the original is kept as { $backup }
convert-unchanged = { $file }: already UTF-8, nothing to convert
convert-unknown-from = "{ $value }" is not a known encoding; choose tcvn3, vni, cp1258 or auto
convert-not-a-file = { $path }: not a file
convert-too-large = { $path }: too large ({ $size }) for a text file; the limit is { $limit }
convert-utf8-cp1258 = { $path }: the file is already UTF-8; Windows-1258 text cannot be garbled this way
convert-bad-utf16 = { $path }: the file starts as UTF-16 but holds invalid bytes
convert-unknown-encoding = { $path }: the file's encoding is not recognised; name it with --from tcvn3, --from vni or --from cp1258
