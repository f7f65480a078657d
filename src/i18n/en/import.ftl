# Messages: import (pbgdpl import). Same ids as in ../vi/import.ftl.

## Why a file cannot be imported
import-io = { $path }: { $error }
import-empty = the file is empty (0 bytes): nothing to import
import-too-large = the file is too large ({ $size }); import reads files up to { $limit }
import-too-large-help = if the file holds many pictures, save a copy without them and import that
import-old-doc = this is an old Word file (.doc, Word 97–2003), which import cannot read
import-old-doc-help = open it in Word, choose File → Save As, type "Word Document (*.docx)", then import the .docx
import-encrypted = the Word file is protected by a password, so its text cannot be read
import-encrypted-help = open it in Word, go to File → Info → Protect Document → Encrypt with Password, remove the password, save, then import again
import-other-kind = this is not a Word file (.docx) but { $what }
import-kind-office = an old binary Office file (Excel, PowerPoint…)
import-kind-office-help = only Word documents can be imported; open the document in Word and save it as .docx
import-kind-pdf = a PDF file
import-kind-pdf-help = import the document's original Word file (.docx); with only a PDF, create the entry with `pbgdpl new <category> "<title>" --bundle` and copy the PDF beside index.md
import-kind-rtf = an RTF file
import-kind-html = a web page (HTML) with a Word file name
import-kind-save-as-docx = open it in Word, choose Save As, type "Word Document (*.docx)", then import the .docx
import-kind-odt = an OpenDocument text (LibreOffice, .odt)
import-kind-odt-help = open it in LibreOffice Writer, choose Save As, type "Word 2007-365 (.docx)", then import the .docx
import-kind-excel = an Excel spreadsheet
import-kind-excel-help = only Word documents can be imported; statistics tables go in content/thong-ke/ (see docs/content.md)
import-kind-powerpoint = a PowerPoint presentation
import-kind-powerpoint-help = only Word documents can be imported; a presentation can be attached to a material entry
import-not-document = not a Word file (.docx) nor a text file (.txt, .md)
import-not-document-help = open the document in Word and save it as "Word Document (*.docx)"
import-corrupt = the .docx file is damaged and cannot be read ({ $detail })
import-corrupt-help = open it in Word; if Word repairs it, save it again as .docx and import that
import-xml-unfinished = a part ends in the middle
import-no-body = there is no document body (w:body)
import-bounds = unusual .docx file: { $detail }; stopped so as not to exhaust the machine
import-bound-entries = it has { $count } parts, more than the limit of { $limit }
import-bound-part = part { $part } inflates to more than { $limit }
import-bound-depth = its structure is nested deeper than { $limit } levels
import-unknown-encoding = the text file is not in UTF-8 and not recognisably in TCVN3, VNI or Windows-1258
import-unknown-encoding-help = open it in Notepad, choose Save As with the UTF-8 encoding, then import again
import-no-text = the document has no text to import
import-exists = { $path } already exists; import never overwrites an entry
import-exists-help = give the entry another name with --name <name>, or remove or move the old one
import-bad-today = "{ $value }" is not a date like 2026-06-05
import-category = documents cannot be imported into the category `{ $key }`; choose one of: { $valid }
import-with-help = { $message }
    { "  " }{ label-help }: { $help }

## What import found
import-created = Created a draft entry: { $path }
import-category-chosen = Category: { $key } ({ $label }) — chosen by the document type; change it with --category
import-category-given = Category: { $key } ({ $label })
import-converted = Converted text typed in { $encoding } to Unicode.
import-repaired = Repaired text garbled by a { $encoding } font.
import-found = Found:
import-missing = Not found (left as comments in index.md, to fill in by hand):
import-nothing-missing = Nothing is missing.
import-field-title = title
import-field-type = document type
import-field-number = number and symbol
import-field-issuer = issuing body
import-field-issue-date = issue date
import-field-signer = signer
import-field-effective-date = effective date
import-place = place of issue: { $place }
import-counts = Text: { $paragraphs ->
        [one] 1 paragraph
       *[other] { $paragraphs } paragraphs
    }, { $tables ->
        [one] 1 table
       *[other] { $tables } tables
    }, { $footnotes ->
        [one] 1 footnote
       *[other] { $footnotes } footnotes
    }; the original is attached: { $attachment }
import-next = Next: compare index.md with the original, then run pbgdpl check
