# Messages: content. Same ids as in ../vi/content.ftl.

## Document numbers (number)
doc-number-invalid = document number "{ $number }" is not valid: { $why }
doc-number-year = the year { $year } is not plausible
doc-number-symbol-case = the symbol after the year must start with a capital letter (QĐ, NĐ, TT…)
doc-number-prefix = write only the number and symbol, without "Số"
doc-number-look-alike = character { $position } is "{ $char }" ({ $name }, { $code }), not a character of document numbers; they use only the hyphen "-" and the slash "/"
doc-number-spaces = it contains spaces
doc-number-no-slash = the parts must be separated by "/"
doc-number-unrecognised = it is not in a recognised form
doc-number-fix = write { $key } = "{ $fix }"
doc-number-forms = write it as on the document: normative documents number/year/symbol ("14/2019/QĐ-TTg", "12/2024/NQ-HĐND"), others number/symbol ("266/KH-UBND", "2500/BTP-PBGDPL")
char-en-dash = an en dash, as Word's autocorrect makes
char-em-dash = an em dash
char-minus = a minus sign
char-other-dash = another kind of dash
char-backslash = a backslash
char-other-slash = another kind of slash

## Content nested too deeply (limits in src/nesting.rs, docs/content.md)
too-deep = the text nests more than { $limit } levels deep (quotes, lists or HTML elements inside each other)
too-deep-help = flatten the structure: close the quotes, lists or HTML elements opened before this point; real documents need fewer than 20 levels
toml-too-deep = TOML nests too deeply: more than { $limit } tables, lists or dotted key parts inside each other
toml-too-deep-help = flatten the value: pbgdpl's keys need at most three levels (`[[attachments]]`, `rows = [[…]]`)
## How a line of front matter is written: key = value
syntax-fixed-line = write line { $line } as:  { $fixed }
syntax-help = write each line as key = value: text in straight double quotes (title = "…"), dates year-month-day without quotes (date = 2026-03-15), lists in square brackets (tags = ["a", "b"])
syntax-smart-quotes = the value of `{ $key }` is in curly quotes “…” (as Word types them); only straight double quotes "…" work
syntax-unclosed-quote = the value of `{ $key }` has no closing double quote "
syntax-unquoted-text = the text of `{ $key }` must be in double quotes "…"
syntax-missing-equals = this line has no = between the key and its value
syntax-duplicate-key = this key is already given above; give each key once
syntax-unclosed-table = the section name has no closing ]
syntax-list = the list is not written right: items are separated by commas, the whole list is in [ ]
syntax-other = this line cannot be read ({ $detail })

## Dates
date-dmy = the date of `{ $key }` must be written year-month-day, without quotes
date-two-digits = the date of `{ $key }` needs two digits for the month and the day
date-no-such-day = { $date } does not exist: month { $month } of { $year } has { $days } days
date-no-such-month = { $date } does not exist: there is no month { $month }
date-check-help = check the date on the original document, then write it year-month-day, e.g. { $key } = 2026-02-28
bad-date = `{ $key }` is not a valid date
bad-date-impossible = `{ $key }`: { $why }
bad-date-help = write a real calendar date as { $key } = 2026-03-15 (year-month-day), or { $key } = 2026-03-15T08:30:00+07:00 with a time

## The value of a key
duplicate-key = `{ $key }` is given twice (as `{ $first }` and `{ $second }`)
duplicate-key-help = keep only one of them; the first is at line { $line }
wrong-type = `{ $key }` must be { $expected }
wrong-type-help = write it like this: { $key } = { $example }
type-text = text in double quotes
type-integer = a whole number without quotes
type-boolean = true or false (no quotes)
type-text-list = a list of texts
type-rows = a list of rows
type-row = a list of rows, each in [ ]
type-cells = rows of plain cells (text or numbers)
key-empty = `{ $key }` is empty
key-missing = missing `{ $key }` ({ $what })
key-missing-help = add a line { $key } = "…"
bad-url = `{ $key }` is not a web address: "{ $value }"
bad-url-help = use a full address starting with https:// (or http://)
negative-number = `{ $key }` cannot be negative ({ $value })
negative-number-help = write the number of people (0 or more)
unknown-value = `{ $key }` has an unknown value "{ $value }"
unknown-value-help = valid values: { $list }
unknown-value-did-you-mean = did you mean "{ $suggestion }"? valid values: { $list }
table-expected = `{ $key }` must be a table
table-expected-help = write it as a section: [{ $key }] followed by its keys on the next lines
table-list-expected = `{ $key }` must be a list of [[{ $key }]] tables
table-list-item = each item of `{ $key }` must be a table
table-list-help = write each item as a section [[{ $key }]] followed by its keys
unknown-key = unknown key `{ $key }`
unknown-key-did-you-mean = did you mean `{ $key }`?
unknown-key-valid = valid keys here: { $list }

## Kinds of entries
key-only-in = `{ $key }` is only used in { $categories }; remove it from this { $here } entry
effective-before-issue = `effective_date` ({ $effective }) is before `issue_date` ({ $issued })
effective-before-issue-help = a document cannot take effect before it is issued; check both dates against the document
document-keys-missing = a legal document introduction needs { $keys }
document-keys-missing-help = add, for example: number = "14/2019/QĐ-TTg", document_type = "Quyết định", issuer = "Thủ tướng Chính phủ", issue_date = 2019-04-26
what-contact-name = the person's or office's name
answered-before-asked = `answered_date` ({ $answered }) is before `asked_date` ({ $asked })
answered-before-asked-help = a question cannot be answered before it was asked; correct one of the dates
missing-answer = this question has no answer
missing-answer-help = write the answer below the closing +++ line; a question without an answer cannot be published

## Personal data in Q&A
personal-email = an e-mail address
personal-phone = a phone number
personal-id-card = an ID-card number
personal-data = this looks like { $what }: "{ $part }"
personal-data-published = the entry is approved for publication but still holds { $what }: "{ $part }"
personal-data-help = personal data must not be published: remove phone numbers, e-mail addresses and ID numbers; if the person agreed to publish them, add { $key } = true to the front matter. Previews show it masked as xxx
## Materials, video, captions
bad-media-kind = `{ $key }` must be a { $kinds } file
bad-media-kind-help = use a file ending in { $extensions }
media-needs-bundle = media files need a bundle: move the entry to <name>/index.md and put the file beside it (pbgdpl new … --bundle)
file-did-you-mean = did you mean "{ $file }"? the file must sit beside index.md
file-put-beside = put the file beside index.md, or correct its name
media-missing = media file "{ $file }" does not exist
bad-youtube = "{ $value }" is not a YouTube video address
bad-youtube-help = paste the video's address (https://www.youtube.com/watch?v=…) or its 11-character id
missing-captions = the video "{ $file }" has no captions
missing-captions-help = add captions = "{ $file }" under [media] and put that WebVTT subtitle file beside index.md, so deaf and hard-of-hearing readers can follow the video
captions-not-utf8 = "{ $file }" is not UTF-8 text
captions-not-utf8-help = save the captions file as UTF-8 (WebVTT files are always UTF-8)
captions-not-webvtt = "{ $file }" is not a WebVTT file
captions-not-webvtt-help = its first line must be WEBVTT; a SubRip (.srt) file needs converting: add a first line WEBVTT and a blank line, and write times as 00:00:01.000 (dot, not comma)

## Files and directories of content/
no-content = the site has no content/ directory
no-content-help = create content/ with one directory per category (run `pbgdpl init` in an empty directory to see the layout)
unknown-category = `{ $name }` is not a standard category
unknown-category-did-you-mean = did you mean `{ $category }`? rename the directory to content/{ $category }/
unknown-category-list = the standard categories are: { $categories }
entry-outside-category = an entry must be inside a category directory
entry-outside-category-help = move it into one of content/tin-tuc/, content/van-ban-moi/, … (see the list of categories)
bundle-without-index = directory `{ $name }` has no index.md
bundle-without-index-help = an entry with attachments is a directory holding index.md and its files; add { $dir }/index.md, or move the entry up as { $dir }.md
misplaced-table = data tables belong in content/thong-ke/
misplaced-table-help = move the file to content/thong-ke/ to publish it as a statistics table
what-table-title = the table's title
table-columns-missing = missing `columns` (the table's column headers)
table-columns-missing-help = add columns = ["Họ và tên", "Chức vụ", …]
row-length = this row has { $cells } cells but the table has { $columns } columns
row-length-help = give every row exactly { $columns } cells, in the order of `columns`

## Front matter
missing-front-matter = the file does not start with front matter (between +++ lines)
missing-front-matter-help = start the file with a +++ line, then title = "…" and date = 2026-03-15, then a closing +++ line
yaml-front-matter-help = pbgdpl uses TOML front matter between +++ lines, not YAML between --- lines: replace both --- lines with +++ and write values as key = "value"
unclosed-front-matter = the front matter is never closed
unclosed-front-matter-help = add a line containing only +++ after the last front-matter key, before the text
what-title = the entry's title
date-missing = missing `date`: entries in { $category } need a publication date
date-missing-help = add a line like date = 2026-03-15 (year-month-day) to the front matter
updated-before-date = `updated` ({ $updated }) is before `date` ({ $date })
updated-before-date-help = the update date cannot be earlier than the publication date; correct one of them
expiry-before-publish = `expiry_date` ({ $expiry }) is not after `publish_date` ({ $publish })
expiry-before-publish-help = an entry must be withdrawn after it is published; correct one of the dates
what-attachment-file = the attached file's name
attachment-needs-bundle = attachments need a bundle: move the entry to <name>/index.md and put the file beside it (pbgdpl new … --bundle)
attachment-missing = attached file "{ $file }" does not exist
intro-title-ignored = `title` in _index.md is not used
intro-title-ignored-help = category names are the same for every agency; remove the line, or use description = "…"

## Examples nobody replaced
sample-entry = a sample entry of pbgdpl init is still here, beside the category's approved real entries
sample-entry-help = delete { $file } (the sample), or rewrite it as a real entry
placeholder = an approved entry still holds the template's example "{ $text }"
placeholder-help = replace it with the real content, or remove the line
placeholder-site = site.toml still holds the example value "{ $text }"
placeholder-site-help = write the agency's real name and addresses (see section 2 of docs/huong-dan.md)
placeholder-province = the provincial PBGDPL site's name is still the example "{ $text }", without the province
placeholder-province-help = write the provincial PBGDPL site's name exactly as the other agencies of the province do, e.g. "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Nghệ An"

## Text pasted from Word
run-on-lines = this line will be joined to the line above into one paragraph: only a blank line starts a new paragraph
run-on-lines-help = text pasted from Word breaks lines only once; add a blank line before this line (and before each following article, clause or point)

## Files that are not read (src/content/safe.rs)
symlink-missing = this is a symbolic link to a file that does not exist
symlink-missing-help = remove the link, or copy the file itself here instead
symlink-unusable = this is a symbolic link that cannot be followed: { $error }
symlink-unusable-help = the link may point at itself in a loop; remove it and copy the file itself here
symlink-outside-site = this is a symbolic link to `{ $target }`, outside the section's folder: pbgdpl does not publish files from outside the section
symlink-outside-site-help = copy the file to publish into the section's folder, then remove the link
not-a-file = this is not a regular file (a pipe, a device or a socket): reading it might never end
not-a-file-help = remove it from the section's folder; keep only entries, images and documents here
unreadable-permission = you may not read this file
unreadable-permission-help = let it be read (on Linux: chmod a+r "{ $path }"; on Windows: Properties → Security), or run the command as a user who may read it
unreadable = this file cannot be read: { $error }
unreadable-help = check the file (open it in an editor), copy it again if it is damaged, then run this again
not-text-binary = this file is not text: probably a picture, a Word document or a PDF given the extension `.md`
not-text-binary-help = give the file its own extension (`.png`, `.docx`, `.pdf`…) and put it beside the entry's `index.md` as an attachment; turn Word documents into entries with `pbgdpl import`
not-text = this file is not saved as UTF-8: the character here cannot be read
not-text-help = open the file and save it again as UTF-8 (Notepad: Save as → Encoding: UTF-8); text typed in a .VnTime or VNI font is converted by `pbgdpl convert`
nul-character = the file holds a NUL character (code 0): it may be damaged, or not text at all
nul-character-help = open the file in an editor, delete the odd character on line { $line } (often shown as a box or ^@), and save it
duplicate-path-unicode-forms-help = the two file names look the same but their accented letters are encoded in two ways (often after a copy from a Mac): keep one file, delete the other

## Languages of materials (language, lang)
material-language-unknown = the language "{ $language }" has no known code
material-language-unknown-help = add a line { $key } = "…" with its BCP 47 language tag (for example "tmm" for the Thái of Nghệ An, "pac" for Pa Kô), so that screen readers read it in its language; the names already known are listed in docs/content.md
material-lang-bad = `{ $key }` = "{ $tag }" is not a language tag
material-lang-bad-help = a language tag is 2 or 3 plain letters, possibly followed by parts after a hyphen: "km", "rad", "vi-VN"
