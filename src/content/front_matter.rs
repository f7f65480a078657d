//! Splitting a Markdown file into its TOML front matter and its body.

use std::ops::Range;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::source::SourceFile;

/// Where the front matter and the body are in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the TOML text (between the `+++` lines).
    pub toml: Range<usize>,
    /// Byte offset where the Markdown body starts.
    pub body: usize,
}

const FENCE: &str = "+++";

/// Finds the `+++` fences. An entry must start with a `+++` line and close
/// its front matter with another `+++` line.
pub fn split(source: &SourceFile) -> Result<Split, Box<Diagnostic>> {
    let text = source.text.as_str();
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != FENCE {
        let mut d = Diagnostic::error("missing-front-matter", msg!("missing-front-matter"))
            .at(source, 0..first_line.len());
        d = if first_line.trim_end() == "---" {
            d.help(msg!("yaml-front-matter-help"))
        } else {
            d.help(msg!("missing-front-matter-help"))
        };
        return Err(Box::new(d));
    }
    let toml_start = first_line.len() + 1;
    let mut pos = toml_start;
    for line in text.get(toml_start..).unwrap_or("").split_inclusive('\n') {
        if line.trim_end() == FENCE {
            let body = (pos + line.len()).min(text.len());
            return Ok(Split {
                toml: toml_start.min(text.len())..pos,
                body,
            });
        }
        pos += line.len();
    }
    Err(Box::new(
        Diagnostic::error("unclosed-front-matter", msg!("unclosed-front-matter"))
            .at(source, 0..first_line.len())
            .help(msg!("unclosed-front-matter-help")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(t: &str) -> SourceFile {
        SourceFile::from_text("a.md", "a.md".into(), t)
    }

    #[test]
    fn splits_front_matter_and_body() {
        let s = src("+++\ntitle = \"A\"\n+++\nBody\n");
        let sp = split(&s).unwrap();
        assert_eq!(&s.text[sp.toml.clone()], "title = \"A\"\n");
        assert_eq!(&s.text[sp.body..], "Body\n");
    }

    #[test]
    fn empty_body_and_missing_newline() {
        let s = src("+++\ntitle = \"A\"\n+++");
        let sp = split(&s).unwrap();
        assert_eq!(&s.text[sp.body..], "");
    }

    #[test]
    fn yaml_is_explained() {
        let d = split(&src("---\ntitle: A\n---\n")).unwrap_err();
        assert!(d.help.unwrap().contains("---"));
        let d = split(&src("+++\ntitle = 1\n")).unwrap_err();
        assert_eq!(d.code, "unclosed-front-matter");
    }
}
