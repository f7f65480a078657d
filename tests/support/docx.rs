//! A small generator of Word files for the tests: a zip holding the XML
//! parts a `.docx` needs, written with the `zip` crate — no binary file of
//! unknown origin in the repository.
//!
//! Paragraph text uses a tiny markup: `**` toggles bold, `//` toggles
//! italic, a tab separates columns, `\n` is a line break.

use std::io::Write as _;

/// A run font: plain, or a legacy font whose text is written in that
/// font's bytes (as a Word file made from an old .doc holds it).
#[derive(Clone, Copy, PartialEq)]
pub enum Font {
    /// Unicode text (Times New Roman).
    Unicode,
    /// TCVN3 (`.VnTime`); capitals with tones use `.VnTimeH`.
    Tcvn3,
    /// VNI-Windows (`VNI-Times`).
    Vni,
}

/// A Word document being built.
pub struct Docx {
    body: String,
    footnotes: Vec<(u32, String)>,
    numbering: bool,
    /// The font of the Normal style (a legacy font makes every run legacy).
    pub normal_font: Option<&'static str>,
    /// Deflate the parts (as Word does) rather than store them.
    pub deflate: bool,
    /// Extra zip entries (name, bytes).
    pub extra: Vec<(String, Vec<u8>)>,
    /// Leave out word/document.xml.
    pub no_document: bool,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The Unicode characters a legacy font shows for `text`'s bytes (what a
/// Word file keeps for text typed in that font).
pub fn legacy_chars(text: &str, font: Font) -> String {
    let enc = match font {
        Font::Unicode => return text.to_string(),
        Font::Tcvn3 => pbgdpl::encoding::Legacy::Tcvn3,
        Font::Vni => pbgdpl::encoding::Legacy::Vni,
    };
    let bytes = pbgdpl::encoding::encode_legacy(text, enc).unwrap();
    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    s.into_owned()
}

/// The runs of a text in the markup described in the module docs.
pub fn runs(text: &str, font: Font) -> String {
    let mut out = String::new();
    let mut bold = false;
    let mut italic = false;
    let mut rest = text;
    while !rest.is_empty() {
        let next = [rest.find("**"), rest.find("//")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let (chunk, after) = rest.split_at(next);
        if !chunk.is_empty() {
            out.push_str(&run(chunk, bold, italic, font));
        }
        if let Some(r) = after.strip_prefix("**") {
            bold = !bold;
            rest = r;
        } else if let Some(r) = after.strip_prefix("//") {
            italic = !italic;
            rest = r;
        } else {
            rest = after;
        }
    }
    out
}

fn run(text: &str, bold: bool, italic: bool, font: Font) -> String {
    let mut props = String::new();
    if bold {
        props.push_str("<w:b/>");
    }
    if italic {
        props.push_str("<w:i/>");
    }
    let upper = text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let (shown, font_name) = match font {
        Font::Unicode => (text.to_string(), None),
        Font::Tcvn3 if upper => (legacy_chars(&text.to_lowercase(), font), Some(".VnTimeH")),
        Font::Tcvn3 => (legacy_chars(text, font), Some(".VnTime")),
        Font::Vni => (legacy_chars(text, font), Some("VNI-Times")),
    };
    if let Some(f) = font_name {
        props.push_str(&format!(r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}"/>"#));
    }
    let mut content = String::new();
    for (i, line) in shown.split('\n').enumerate() {
        if i > 0 {
            content.push_str("<w:br/>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                content.push_str("<w:tab/>");
            }
            if !part.is_empty() {
                content.push_str(&format!(r#"<w:t xml:space="preserve">{}</w:t>"#, esc(part)));
            }
        }
    }
    format!("<w:r><w:rPr>{props}</w:rPr>{content}</w:r>")
}

/// A paragraph's XML.
pub fn para(text: &str, centered: bool, font: Font) -> String {
    let jc = if centered {
        r#"<w:jc w:val="center"/>"#
    } else {
        ""
    };
    format!("<w:p><w:pPr>{jc}</w:pPr>{}</w:p>", runs(text, font))
}

/// A table's XML: rows of cells, each cell's lines its paragraphs.
pub fn table(rows: &[&[&str]], font: Font) -> String {
    let mut x = String::from(
        r#"<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid/>"#,
    );
    for row in rows {
        x.push_str("<w:tr>");
        for cell in row.iter() {
            x.push_str("<w:tc><w:tcPr/>");
            for line in cell.split('\n') {
                let centered = !line.starts_with('-') && !line.starts_with("Nơi nhận");
                x.push_str(&para(line, centered, font));
            }
            x.push_str("</w:tc>");
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    x
}

impl Default for Docx {
    fn default() -> Self {
        Self::new()
    }
}

impl Docx {
    /// An empty document.
    pub fn new() -> Self {
        Self {
            body: String::new(),
            footnotes: Vec::new(),
            numbering: false,
            normal_font: None,
            deflate: true,
            extra: Vec::new(),
            no_document: false,
        }
    }

    /// Adds raw body XML.
    pub fn xml(mut self, xml: &str) -> Self {
        self.body.push_str(xml);
        self
    }

    /// A left-aligned paragraph.
    pub fn p(self, text: &str) -> Self {
        let x = para(text, false, Font::Unicode);
        self.xml(&x)
    }

    /// A centred paragraph.
    pub fn center(self, text: &str) -> Self {
        let x = para(text, true, Font::Unicode);
        self.xml(&x)
    }

    /// Every line of `text` a paragraph in `font` (centred when `centered`).
    pub fn lines(mut self, text: &str, centered: bool, font: Font) -> Self {
        for l in text.lines() {
            self.body.push_str(&para(l, centered, font));
        }
        self
    }

    /// A paragraph in a heading style.
    pub fn heading(self, level: u8, text: &str) -> Self {
        let x = format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>{}</w:p>"#,
            runs(text, Font::Unicode)
        );
        self.xml(&x)
    }

    /// A table.
    pub fn table(self, rows: &[&[&str]]) -> Self {
        let x = table(rows, Font::Unicode);
        self.xml(&x)
    }

    /// A paragraph numbered by Word (list 1: "a)", "b)"…; list 2: bullets).
    pub fn numbered(mut self, list: u8, text: &str) -> Self {
        self.numbering = true;
        let x = format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{list}"/></w:numPr></w:pPr>{}</w:p>"#,
            runs(text, Font::Unicode)
        );
        self.xml(&x)
    }

    /// A paragraph ending with a footnote.
    pub fn footnoted(mut self, text: &str, note: &str) -> Self {
        let id = self.footnotes.len() as u32 + 1;
        self.footnotes.push((id, note.to_string()));
        let x = format!(
            r#"<w:p>{}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r></w:p>"#,
            runs(text, Font::Unicode)
        );
        self.xml(&x)
    }

    fn styles(&self) -> String {
        let normal_font = self
            .normal_font
            .map(|f| format!(r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}"/>"#))
            .unwrap_or_default();
        let mut s = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr>{normal_font}</w:rPr></w:style>"#
        );
        for l in 1..=3 {
            s.push_str(&format!(
                r#"<w:style w:type="paragraph" w:styleId="Heading{l}"><w:name w:val="heading {l}"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>"#
            ));
        }
        s.push_str("</w:styles>");
        s
    }

    /// The `.docx` bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let method = if self.deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        let mut put = |name: &str, data: &[u8]| {
            zip.start_file(name, opts).unwrap();
            zip.write_all(data).unwrap();
        };
        put(
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        );
        put(
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        );
        if !self.no_document {
            let doc = format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#,
                self.body
            );
            put("word/document.xml", doc.as_bytes());
        }
        put("word/styles.xml", self.styles().as_bytes());
        if self.numbering {
            put(
                "word/numbering.xml",
                br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#,
            );
        }
        if !self.footnotes.is_empty() {
            let mut x = String::from(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#,
            );
            for (id, note) in &self.footnotes {
                x.push_str(&format!(
                    r#"<w:footnote w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote>"#,
                    runs(&format!(" {note}"), Font::Unicode)
                ));
            }
            x.push_str("</w:footnotes>");
            put("word/footnotes.xml", x.as_bytes());
        }
        for (name, data) in &self.extra {
            put(name, data);
        }
        zip.finish().unwrap().into_inner()
    }
}

/// A Word file of a document shown as text in the guide: each line a
/// paragraph; consecutive lines with " | " make a borderless two-column
/// table, as the header and the signature block of Word templates are.
pub fn from_text(text: &str) -> Vec<u8> {
    let mut d = Docx::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let flush = |d: Docx, rows: &mut Vec<Vec<String>>| -> Docx {
        if rows.is_empty() {
            return d;
        }
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let refs: Vec<&[&str]> = cells.iter().map(Vec::as_slice).collect();
        let x = table(&refs, Font::Unicode);
        rows.clear();
        d.xml(&x)
    };
    for line in text.lines() {
        if line.contains(" | ") {
            rows.push(line.split(" | ").map(|c| c.trim().to_string()).collect());
        } else {
            d = flush(d, &mut rows).p(line);
        }
    }
    flush(d, &mut rows).bytes()
}
