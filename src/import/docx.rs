//! Reading a `.docx` (Office Open XML) with the `zip` crate and quick-xml:
//! paragraphs with bold and italic runs, headings from the styles, Word's
//! automatic numbering, tables, text boxes and footnotes. Runs set in a
//! TCVN3 (`.VnTime`) or VNI font are converted to Unicode.
//!
//! Every input is bounded (entries, uncompressed size, XML depth), so a
//! hostile or broken file ends in an error, never in exhausted memory or a
//! stack overflow.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::error::{ImportError, OtherKind};
use super::model::{Block, Cell, Document, ListLabel, Paragraph, Run, Table};
use crate::encoding::{self, Legacy};
use crate::msg;

/// The most entries a `.docx` may have.
pub const MAX_ENTRIES: usize = 10_000;
/// The largest uncompressed XML part read.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The most uncompressed bytes read from all parts together.
pub const MAX_TOTAL_BYTES: u64 = 160 * 1024 * 1024;
/// The deepest XML nesting accepted.
pub const MAX_DEPTH: usize = 256;

fn corrupt(detail: impl std::fmt::Display) -> ImportError {
    ImportError::Corrupt {
        detail: detail.to_string(),
    }
}

/// Reads the parts of the zip, within the bounds.
struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, ImportError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
        if zip.len() > MAX_ENTRIES {
            return Err(ImportError::Bounds {
                detail: msg!(
                    "import-bound-entries",
                    count = zip.len(),
                    limit = MAX_ENTRIES
                ),
            });
        }
        Ok(Self {
            zip,
            budget: MAX_TOTAL_BYTES,
        })
    }

    fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The bytes of a part, `None` when the package has no such part.
    fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let file = self.zip.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(_) => ImportError::Encrypted,
            e => corrupt(e),
        })?;
        if file.encrypted() {
            return Err(ImportError::Encrypted);
        }
        let limit = MAX_PART_BYTES.min(self.budget);
        let mut out = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut out)
            .map_err(corrupt)?;
        if out.len() as u64 > limit {
            return Err(ImportError::Bounds {
                detail: msg!(
                    "import-bound-part",
                    part = name,
                    limit = crate::text::human_size(limit)
                ),
            });
        }
        self.budget -= out.len() as u64;
        Ok(Some(out))
    }
}

/// Reads a `.docx` from its bytes.
pub fn read_docx(bytes: &[u8]) -> Result<Document, ImportError> {
    let mut pkg = Package::open(bytes)?;
    let main = main_part(&mut pkg)?;
    let Some(xml) = pkg.part(&main)? else {
        return Err(not_word(&pkg));
    };
    let styles = match pkg.part("word/styles.xml")? {
        Some(x) => Styles::parse(&x)?,
        None => Styles::default(),
    };
    let numbering = match pkg.part("word/numbering.xml")? {
        Some(x) => Numbering::parse(&x)?,
        None => Numbering::default(),
    };
    let mut reader = DocReader {
        styles,
        numbering,
        converted: HashMap::new(),
    };
    let mut doc = Document {
        blocks: reader.body(&xml)?,
        ..Document::default()
    };
    if let Some(x) = pkg.part("word/footnotes.xml")? {
        doc.footnotes = reader.footnotes(&x)?;
    }
    let mut converted: Vec<(Legacy, usize)> = reader.converted.into_iter().collect();
    converted.sort_by_key(|(l, _)| l.flag());
    doc.converted = converted;
    Ok(doc)
}

/// The main document part, from the package relationships (usually
/// `word/document.xml`).
fn main_part(pkg: &mut Package<'_>) -> Result<String, ImportError> {
    if let Some(rels) = pkg.part("_rels/.rels")? {
        let mut x = Xml::new(&rels);
        loop {
            match x.next()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                    let kind = attr(&e, b"Type").unwrap_or_default();
                    if kind.ends_with("/officeDocument")
                        && let Some(target) = attr(&e, b"Target")
                    {
                        return Ok(target.trim_start_matches('/').to_string());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    if pkg.has("word/document.xml") {
        Ok("word/document.xml".into())
    } else {
        Err(not_word(pkg))
    }
}

fn not_word(pkg: &Package<'_>) -> ImportError {
    if pkg.has("content.xml") || pkg.has("mimetype") {
        ImportError::OtherKind(OtherKind::Odt)
    } else if pkg.has("xl/workbook.xml") {
        ImportError::OtherKind(OtherKind::Excel)
    } else if pkg.has("ppt/presentation.xml") {
        ImportError::OtherKind(OtherKind::PowerPoint)
    } else {
        ImportError::NotADocument
    }
}

/// A pull reader with a depth bound.
struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    /// Whether the last event was a start tag (an empty tag has no content
    /// to read or skip).
    last_was_start: bool,
}

impl<'a> Xml<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().trim_text(false);
        Self {
            reader,
            depth: 0,
            last_was_start: false,
        }
    }

    fn next(&mut self) -> Result<Event<'a>, ImportError> {
        let e = self.reader.read_event().map_err(corrupt)?;
        self.last_was_start = matches!(e, Event::Start(_));
        match &e {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(ImportError::Bounds {
                        detail: msg!("import-bound-depth", limit = MAX_DEPTH),
                    });
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Ok(e)
    }

    /// Skips the rest of the element just started.
    fn skip(&mut self) -> Result<(), ImportError> {
        let depth = self.depth;
        loop {
            match self.next()? {
                Event::End(_) if self.depth < depth => return Ok(()),
                Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
                _ => {}
            }
        }
    }

    /// The text of the element just started (entities resolved).
    fn text(&mut self) -> Result<String, ImportError> {
        let depth = self.depth;
        let mut out = String::new();
        loop {
            match self.next()? {
                Event::Text(t) => out.push_str(&t.xml10_content().map_err(corrupt)?),
                Event::CData(t) => out.push_str(&t.decode().map_err(corrupt)?),
                Event::GeneralRef(r) => {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        out.push(c);
                    } else if let Some(s) =
                        quick_xml::escape::resolve_predefined_entity(&r.decode().map_err(corrupt)?)
                    {
                        out.push_str(s);
                    }
                }
                Event::End(_) if self.depth < depth => return Ok(out),
                Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
                _ => {}
            }
        }
    }
}

/// An attribute's value by local name (`w:val` → `val`).
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`).
fn toggle(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Run properties, direct or from a style; `None` means "inherit".
#[derive(Debug, Clone, Default)]
struct RunProps {
    bold: Option<bool>,
    italic: Option<bool>,
    caps: Option<bool>,
    hidden: Option<bool>,
    font: Option<String>,
    style: Option<String>,
}

impl RunProps {
    /// `self` over `base`.
    fn over(&self, base: &RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            caps: self.caps.or(base.caps),
            hidden: self.hidden.or(base.hidden),
            font: self.font.clone().or_else(|| base.font.clone()),
            style: self.style.clone().or_else(|| base.style.clone()),
        }
    }

    /// Reads a `w:rPr` element (just started).
    fn read(x: &mut Xml<'_>) -> Result<RunProps, ImportError> {
        let depth = x.depth;
        let mut p = RunProps::default();
        loop {
            match x.next()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"b" => p.bold = Some(toggle(&e)),
                    b"i" => p.italic = Some(toggle(&e)),
                    b"caps" => p.caps = Some(toggle(&e)),
                    b"vanish" => p.hidden = Some(toggle(&e)),
                    b"rStyle" => p.style = attr(&e, b"val"),
                    b"rFonts" => {
                        p.font = attr(&e, b"ascii")
                            .or_else(|| attr(&e, b"hAnsi"))
                            .or_else(|| attr(&e, b"cs"));
                    }
                    _ => {}
                },
                Event::End(_) if x.depth < depth => return Ok(p),
                Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
                _ => {}
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    run: RunProps,
    outline: Option<u8>,
}

/// `word/styles.xml`: what paragraph and character styles mean.
#[derive(Debug, Default)]
struct Styles {
    styles: HashMap<String, Style>,
    defaults: RunProps,
}

impl Styles {
    fn parse(bytes: &[u8]) -> Result<Self, ImportError> {
        let mut x = Xml::new(bytes);
        let mut out = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut in_defaults = false;
        loop {
            match x.next()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"rPrDefault" => in_defaults = true,
                    b"style" => {
                        current = attr(&e, b"styleId").map(|id| (id, Style::default()));
                    }
                    b"name" => {
                        if let Some((_, s)) = &mut current {
                            s.name = attr(&e, b"val").unwrap_or_default().to_lowercase();
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, s)) = &mut current {
                            s.based_on = attr(&e, b"val");
                        }
                    }
                    b"outlineLvl" => {
                        if let Some((_, s)) = &mut current {
                            s.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"rPr" if x.last_was_start => {
                        let p = RunProps::read(&mut x)?;
                        if let Some((_, s)) = &mut current {
                            s.run = p;
                        } else if in_defaults {
                            out.defaults = p;
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"style" => {
                        if let Some((id, s)) = current.take() {
                            out.styles.insert(id, s);
                        }
                    }
                    b"rPrDefault" => in_defaults = false,
                    _ => {}
                },
                Event::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    /// A style's run properties, following `basedOn`.
    fn run(&self, id: Option<&str>) -> RunProps {
        let mut props = RunProps::default();
        let mut next = id.map(str::to_string);
        for _ in 0..32 {
            let Some(s) = next.as_deref().and_then(|id| self.styles.get(id)) else {
                break;
            };
            props = props.over(&s.run);
            next = s.based_on.clone();
        }
        props.over(&self.defaults)
    }

    /// The heading level a paragraph style gives ("heading 2" → 2).
    fn heading(&self, id: &str) -> Option<u8> {
        let mut next = Some(id.to_string());
        for _ in 0..32 {
            let s = self.styles.get(next.as_deref()?)?;
            if let Some(n) = s.name.strip_prefix("heading ") {
                return n.trim().parse().ok().filter(|n| (1..=9).contains(n));
            }
            if s.name == "title" {
                return Some(1);
            }
            if let Some(o) = s.outline {
                return (o < 9).then_some(o + 1);
            }
            next = s.based_on.clone();
        }
        None
    }
}

#[derive(Debug, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// `word/numbering.xml`: the labels of automatically numbered paragraphs.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    nums: HashMap<String, String>,
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    fn parse(bytes: &[u8]) -> Result<Self, ImportError> {
        let mut x = Xml::new(bytes);
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut num_id: Option<String> = None;
        loop {
            match x.next()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                    b"lvl" => {
                        level = attr(&e, b"ilvl").and_then(|l| l.parse().ok()).map(|l| {
                            (
                                l,
                                Level {
                                    format: "decimal".into(),
                                    text: String::new(),
                                    start: 1,
                                },
                            )
                        });
                    }
                    b"start" => {
                        if let Some((_, l)) = &mut level {
                            l.start = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    b"numFmt" => {
                        if let Some((_, l)) = &mut level {
                            l.format = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlText" => {
                        if let Some((_, l)) = &mut level {
                            l.text = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"num" => num_id = attr(&e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(n), Some(a)) = (&num_id, attr(&e, b"val")) {
                            out.nums.insert(n.clone(), a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let (Some(a), Some((n, l))) = (&abstract_id, level.take()) {
                            out.abstracts.entry(a.clone()).or_default().insert(n, l);
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    _ => {}
                },
                Event::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    /// The label of the next paragraph numbered `num_id` at `level`.
    fn label(&mut self, num_id: &str, level: u8) -> Option<ListLabel> {
        let abstract_id = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abstract_id)?;
        let this = levels.get(&level)?.clone();
        let idx = usize::from(level.min(8));
        let counters = self.counters.entry(abstract_id).or_insert([0; 9]);
        counters[idx] = if counters[idx] == 0 {
            this.start
        } else {
            counters[idx] + 1
        };
        for c in counters.iter_mut().skip(idx + 1) {
            *c = 0;
        }
        if this.format == "bullet" {
            return Some(ListLabel {
                level,
                label: String::new(),
                bullet: true,
            });
        }
        if this.format == "none" {
            return None;
        }
        let mut label = this.text.clone();
        for (i, count) in counters.iter().enumerate().take(idx + 1).rev() {
            let fmt = levels
                .get(&(i as u8))
                .map(|l| l.format.as_str())
                .unwrap_or("decimal");
            let n = if *count == 0 {
                levels.get(&(i as u8)).map_or(1, |l| l.start)
            } else {
                *count
            };
            label = label.replace(&format!("%{}", i + 1), &format_number(n, fmt));
        }
        Some(ListLabel {
            level,
            label,
            bullet: false,
        })
    }
}

fn format_number(n: u32, format: &str) -> String {
    let letter = |n: u32| -> String {
        let n = n.max(1) - 1;
        let c = char::from(b'a' + (n % 26) as u8);
        c.to_string().repeat((n / 26 + 1) as usize)
    };
    match format {
        "lowerLetter" => letter(n),
        "upperLetter" => letter(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// A number in Roman numerals (1–3999; others in digits).
pub fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Which legacy encoding a font name means: `.VnTime`, `.VnArialH` (TCVN3;
/// names ending in H are upper-case fonts) or `VNI-Times` (VNI).
fn legacy_font(name: &str) -> Option<(Legacy, bool)> {
    let n = name.trim();
    if n.len() > 3 && n[..3].eq_ignore_ascii_case(".vn") {
        return Some((Legacy::Tcvn3, n.ends_with('H')));
    }
    let lower = n.to_ascii_lowercase();
    if lower.starts_with("vni-") || lower.starts_with("vni ") {
        return Some((Legacy::Vni, false));
    }
    None
}

/// Converts a run's text set in a legacy font: characters that stand for
/// a byte of the font are decoded; real Unicode is kept.
fn convert_run(text: &str, encoding: Legacy, upper: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bytes = Vec::new();
    let flush = |bytes: &mut Vec<u8>, out: &mut String| {
        if !bytes.is_empty() {
            let s = match encoding {
                Legacy::Tcvn3 => encoding::decode_tcvn3(bytes, upper),
                l => encoding::decode_legacy(bytes, l),
            };
            out.push_str(&s);
            bytes.clear();
        }
    };
    for c in text.chars() {
        match encoding::cp1252_byte(c) {
            Some(b) if c != '\n' && c != '\t' => bytes.push(b),
            _ => {
                flush(&mut bytes, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut bytes, &mut out);
    out
}

/// Reads the document body and footnotes with the styles and numbering.
struct DocReader {
    styles: Styles,
    numbering: Numbering,
    converted: HashMap<Legacy, usize>,
}

impl DocReader {
    fn body(&mut self, bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
        let mut x = Xml::new(bytes);
        loop {
            match x.next()? {
                Event::Start(e) if e.local_name().as_ref() == b"body" => {
                    return self.blocks(&mut x);
                }
                Event::Eof => return Err(corrupt(msg!("import-no-body"))),
                _ => {}
            }
        }
    }

    fn footnotes(&mut self, bytes: &[u8]) -> Result<Vec<(String, Vec<Paragraph>)>, ImportError> {
        let mut x = Xml::new(bytes);
        let mut out = Vec::new();
        loop {
            match x.next()? {
                Event::Start(e) if e.local_name().as_ref() == b"footnote" => {
                    let id = attr(&e, b"id").unwrap_or_default();
                    let kind = attr(&e, b"type").unwrap_or_default();
                    let blocks = self.blocks(&mut x)?;
                    if kind.is_empty() || kind == "normal" {
                        out.push((id, flatten(blocks)));
                    }
                }
                Event::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    /// Block-level content until the end of the element just started.
    fn blocks(&mut self, x: &mut Xml<'_>) -> Result<Vec<Block>, ImportError> {
        let depth = x.depth;
        let mut out = Vec::new();
        loop {
            match x.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"p" => out.extend(self.paragraph(x)?),
                    b"tbl" => out.push(Block::Table(self.table(x)?)),
                    b"sectPr" | b"del" | b"moveFrom" | b"Fallback" => x.skip()?,
                    // sdt, sdtContent, customXml, ins…: their content counts.
                    _ => {}
                },
                Event::End(_) if x.depth < depth => return Ok(out),
                Event::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    fn table(&mut self, x: &mut Xml<'_>) -> Result<Table, ImportError> {
        let depth = x.depth;
        let mut table = Table::default();
        loop {
            match x.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"tr" => table.rows.push(Vec::new()),
                    b"tc" => {
                        let cell = self.cell(x)?;
                        match table.rows.last_mut() {
                            Some(row) => row.push(cell),
                            None => table.rows.push(vec![cell]),
                        }
                    }
                    b"tblPr" | b"tblGrid" | b"trPr" | b"del" | b"Fallback" => x.skip()?,
                    _ => {}
                },
                Event::End(_) if x.depth < depth => return Ok(table),
                Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
                _ => {}
            }
        }
    }

    fn cell(&mut self, x: &mut Xml<'_>) -> Result<Cell, ImportError> {
        let depth = x.depth;
        let mut cell = Cell {
            span: 1,
            ..Cell::default()
        };
        let mut continued = false;
        let mut blocks = Vec::new();
        loop {
            match x.next()? {
                Event::Start(e) | Event::Empty(e)
                    if matches!(e.local_name().as_ref(), b"gridSpan" | b"vMerge") =>
                {
                    if e.local_name().as_ref() == b"gridSpan" {
                        cell.span = attr(&e, b"val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1usize)
                            .clamp(1, 64);
                    } else {
                        continued = attr(&e, b"val").is_none_or(|v| v == "continue");
                    }
                    if x.last_was_start {
                        x.skip()?;
                    }
                }
                Event::Start(e) => match e.local_name().as_ref() {
                    b"p" => blocks.extend(self.paragraph(x)?),
                    b"tbl" => blocks.push(Block::Table(self.table(x)?)),
                    b"del" | b"moveFrom" | b"Fallback" => x.skip()?,
                    _ => {}
                },
                Event::End(_) if x.depth < depth => break,
                Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
                _ => {}
            }
        }
        // A cell merged with the one above shows nothing of its own.
        if !continued {
            cell.paragraphs = flatten(blocks);
        }
        Ok(cell)
    }

    /// A paragraph, preceded by the paragraphs of text boxes anchored in it.
    fn paragraph(&mut self, x: &mut Xml<'_>) -> Result<Vec<Block>, ImportError> {
        let depth = x.depth;
        let mut p = Paragraph::default();
        let mut style: Option<String> = None;
        let mut numbered: Option<(String, u8)> = None;
        let mut boxes = Vec::new();
        loop {
            match x.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"pPr" => {
                        let props = read_paragraph_props(x)?;
                        style = props.style;
                        p.centered = props.centered;
                        numbered = props.numbering;
                        if let Some(o) = props.outline {
                            p.heading = Some(o + 1);
                        }
                    }
                    b"r" => {
                        let (runs, inner) = self.run(x, style.as_deref())?;
                        p.runs.extend(runs);
                        boxes.extend(inner);
                    }
                    b"del" | b"moveFrom" | b"Fallback" | b"instrText" => x.skip()?,
                    _ => {}
                },
                Event::End(_) if x.depth < depth => break,
                Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
                _ => {}
            }
        }
        if let Some(s) = &style
            && p.heading.is_none()
        {
            p.heading = self.styles.heading(s);
        }
        if let Some((num, level)) = numbered.filter(|(n, _)| n != "0") {
            p.list = self.numbering.label(&num, level);
        }
        merge_runs(&mut p.runs);
        boxes.push(Block::Paragraph(p));
        Ok(boxes)
    }

    /// A run: its texts with their formatting, and the paragraphs of any
    /// text box drawn in it.
    fn run(
        &mut self,
        x: &mut Xml<'_>,
        paragraph_style: Option<&str>,
    ) -> Result<(Vec<Run>, Vec<Block>), ImportError> {
        let depth = x.depth;
        let mut direct = RunProps::default();
        let mut text = String::new();
        let mut footnotes = Vec::new();
        let mut boxes = Vec::new();
        loop {
            match x.next()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"rPr" => direct = RunProps::read(x)?,
                    b"t" => text.push_str(&x.text()?),
                    b"txbxContent" => boxes.extend(self.blocks(x)?),
                    b"delText" | b"instrText" | b"Fallback" => x.skip()?,
                    b"tab" | b"br" | b"cr" | b"noBreakHyphen" | b"footnoteReference" => {
                        push_special(&e, &mut text, &mut footnotes);
                        x.skip()?;
                    }
                    _ => {}
                },
                Event::Empty(e) => push_special(&e, &mut text, &mut footnotes),
                Event::End(_) if x.depth < depth => break,
                Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
                _ => {}
            }
        }
        let style_props = self.styles.run(direct.style.as_deref());
        let para_props = self.styles.run(paragraph_style);
        let props = direct.over(&style_props.over(&para_props));
        if props.hidden == Some(true) {
            return Ok((Vec::new(), boxes));
        }
        if let Some((enc, upper)) = props.font.as_deref().and_then(legacy_font)
            && !text.is_empty()
        {
            text = convert_run(&text, enc, upper);
            *self.converted.entry(enc).or_default() += 1;
        }
        if props.caps == Some(true) {
            text = text.to_uppercase();
        }
        let mut runs = Vec::new();
        if !text.is_empty() {
            runs.push(Run {
                text,
                bold: props.bold == Some(true),
                italic: props.italic == Some(true),
                footnote: None,
            });
        }
        runs.extend(footnotes.into_iter().map(|id| Run {
            footnote: Some(id),
            ..Run::default()
        }));
        Ok((runs, boxes))
    }
}

fn push_special(e: &BytesStart<'_>, text: &mut String, footnotes: &mut Vec<String>) {
    match e.local_name().as_ref() {
        b"tab" => text.push('\t'),
        b"br" | b"cr" => text.push('\n'),
        b"noBreakHyphen" => text.push('-'),
        b"footnoteReference" => footnotes.extend(attr(e, b"id")),
        _ => {}
    }
}

struct ParagraphProps {
    style: Option<String>,
    centered: bool,
    numbering: Option<(String, u8)>,
    outline: Option<u8>,
}

fn read_paragraph_props(x: &mut Xml<'_>) -> Result<ParagraphProps, ImportError> {
    let depth = x.depth;
    let mut p = ParagraphProps {
        style: None,
        centered: false,
        numbering: None,
        outline: None,
    };
    let mut num_id = None;
    let mut level = 0u8;
    loop {
        match x.next()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"pStyle" => p.style = attr(&e, b"val"),
                b"jc" => p.centered = attr(&e, b"val").as_deref() == Some("center"),
                b"numId" => num_id = attr(&e, b"val"),
                b"ilvl" => level = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0),
                b"outlineLvl" => {
                    p.outline = attr(&e, b"val")
                        .and_then(|v| v.parse::<u8>().ok())
                        .filter(|o| *o < 9);
                }
                _ => {}
            },
            Event::End(_) if x.depth < depth => break,
            Event::Eof => return Err(corrupt(msg!("import-xml-unfinished"))),
            _ => {}
        }
    }
    p.numbering = num_id.map(|n| (n, level.min(8)));
    Ok(p)
}

/// Joins neighbouring runs with the same formatting.
fn merge_runs(runs: &mut Vec<Run>) {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs.drain(..) {
        match out.last_mut() {
            Some(last)
                if last.footnote.is_none()
                    && r.footnote.is_none()
                    && last.bold == r.bold
                    && last.italic == r.italic =>
            {
                last.text.push_str(&r.text);
            }
            _ => out.push(r),
        }
    }
    *runs = out;
}

/// The paragraphs of blocks, tables' cells flattened.
fn flatten(blocks: Vec<Block>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(p),
            Block::Table(t) => {
                for c in t.rows.into_iter().flatten() {
                    out.extend(c.paragraphs);
                }
            }
        }
    }
    out
}
