//! What the importer reads a document into: paragraphs of formatted runs
//! and tables, in reading order. Word files and text files both become
//! this before the layout is recognised and Markdown written.

/// A document read from a Word or text file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Paragraphs and tables, in order.
    pub blocks: Vec<Block>,
    /// Footnotes by their id, each as its paragraphs.
    pub footnotes: Vec<(String, Vec<Paragraph>)>,
    /// Whether run texts are Markdown already (a `.md` file) rather than
    /// plain text to escape.
    pub markdown: bool,
    /// Whether the document came from a text file, where columns of the
    /// header may be separated by " | " as well as by tabs.
    pub from_text: bool,
    /// Legacy encodings converted while reading, with how many runs each.
    pub converted: Vec<(crate::encoding::Legacy, usize)>,
    /// Whether garbled legacy text was found and repaired.
    pub repaired: Option<crate::encoding::Legacy>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
}

/// A paragraph: runs of text with their formatting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// The runs, in order.
    pub runs: Vec<Run>,
    /// Heading level (1 for Word's "Heading 1"), from the paragraph style.
    pub heading: Option<u8>,
    /// Centred (as the type line and abstract of a document are).
    pub centered: bool,
    /// Word's automatic numbering: the label Word shows ("1.", "a)") and
    /// whether it is a bullet.
    pub list: Option<ListLabel>,
}

/// The label of an automatically numbered paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListLabel {
    /// Nesting level, from 0.
    pub level: u8,
    /// The label as Word shows it ("1.", "a)", "II."); empty for bullets.
    pub label: String,
    /// A bullet rather than a number.
    pub bullet: bool,
}

/// A run of text with one formatting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    /// The text (`\n` for a line break inside the paragraph).
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// A footnote reference (its id) rather than text.
    pub footnote: Option<String>,
}

/// A table: rows of cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The rows, each a list of cells.
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Its paragraphs (a nested table's paragraphs are flattened in).
    pub paragraphs: Vec<Paragraph>,
    /// How many grid columns it spans.
    pub span: usize,
}

impl Paragraph {
    /// The paragraph's text, without formatting or footnote marks.
    pub fn text(&self) -> String {
        self.runs
            .iter()
            .filter(|r| r.footnote.is_none())
            .map(|r| r.text.as_str())
            .collect()
    }

    /// Whether every letter of the paragraph is bold (and there is one).
    pub fn all_bold(&self) -> bool {
        let mut any = false;
        for r in &self.runs {
            if r.text.chars().any(char::is_alphabetic) {
                if !r.bold {
                    return false;
                }
                any = true;
            }
        }
        any
    }

    /// A paragraph of plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            runs: vec![Run {
                text: text.into(),
                ..Run::default()
            }],
            ..Self::default()
        }
    }
}

impl Cell {
    /// The cell's text, one line per paragraph.
    pub fn text(&self) -> String {
        self.paragraphs
            .iter()
            .map(Paragraph::text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Document {
    /// What separates the columns of a header line.
    pub fn columns(&self) -> &'static [char] {
        if self.from_text {
            &['\t', '|']
        } else {
            &['\t']
        }
    }

    /// Every paragraph's text (tables' cells included), for counting and
    /// for finding garbled text.
    pub fn all_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Paragraph(p) => {
                    out.push_str(&p.text());
                    out.push('\n');
                }
                Block::Table(t) => {
                    for c in t.rows.iter().flatten() {
                        out.push_str(&c.text());
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    /// Applies `f` to the text of every run, footnotes included.
    pub fn map_runs(&mut self, mut f: impl FnMut(&str) -> String) {
        let mut para = |p: &mut Paragraph| {
            for r in &mut p.runs {
                r.text = f(&r.text);
            }
        };
        for b in &mut self.blocks {
            match b {
                Block::Paragraph(p) => para(p),
                Block::Table(t) => t
                    .rows
                    .iter_mut()
                    .flatten()
                    .flat_map(|c| c.paragraphs.iter_mut())
                    .for_each(&mut para),
            }
        }
        for (_, ps) in &mut self.footnotes {
            ps.iter_mut().for_each(&mut para);
        }
    }
}
