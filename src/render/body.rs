//! A rendered Markdown body as pages hold it: made now, or read from
//! bytes kept between builds, whose HTML and plain text are only looked at
//! when an output is rendered. A no-op rebuild renders none, so it never
//! copies or checks the text of the bodies it reads.

use std::ops::Range;
use std::sync::Arc;

use super::markdown::{Link, Rendered};

/// The HTML and plain text of a body held in bytes kept between builds:
/// `html` and `plain_text` are ranges of `bytes`.
pub struct Kept {
    /// Every body read from one file.
    pub bytes: Arc<Vec<u8>>,
    /// Where the HTML is in `bytes`.
    pub html: Range<usize>,
    /// Where the plain text is in `bytes`.
    pub plain_text: Range<usize>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the bytes: they hold every body of the site.
        f.debug_struct("Kept")
            .field("html", &self.html)
            .field("plain_text", &self.plain_text)
            .finish_non_exhaustive()
    }
}

impl Kept {
    fn text(&self, range: &Range<usize>) -> &str {
        // The file is hashed whole and written by this very build of the
        // program ([`crate::incremental::StoredMemo`]): only a file forged
        // with a matching hash can hold anything but the text written,
        // and then that text is empty rather than a panic.
        self.bytes
            .get(range.clone())
            // SIMD: the search index reads every kept plain text, and the
            // standard library's check of Vietnamese text was 4 % of a
            // no-op rebuild.
            .and_then(|b| simdutf8::basic::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// A rendered body ([`Rendered`]); its HTML and plain text may be
/// [`Kept`] bytes, read when first asked for.
#[derive(Debug, Clone)]
pub struct Body {
    /// Everything but the HTML and plain text when `kept` holds them.
    rendered: Arc<Rendered>,
    kept: Option<Arc<Kept>>,
}

impl From<Arc<Rendered>> for Body {
    fn from(rendered: Arc<Rendered>) -> Self {
        Self {
            rendered,
            kept: None,
        }
    }
}

impl Body {
    /// A body whose HTML and plain text are in `kept`; the rest is
    /// `rendered` (whose own HTML and plain text are not used).
    pub fn kept(rendered: Rendered, kept: Kept) -> Self {
        Self {
            rendered: Arc::new(rendered),
            kept: Some(Arc::new(kept)),
        }
    }

    /// Sanitised HTML.
    pub fn html(&self) -> &str {
        match &self.kept {
            Some(k) => k.text(&k.html),
            None => &self.rendered.html,
        }
    }

    /// Plain text, a line per block (search).
    pub fn plain_text(&self) -> &str {
        match &self.kept {
            Some(k) => k.text(&k.plain_text),
            None => &self.rendered.plain_text,
        }
    }

    /// Plain text of the first paragraph (summaries).
    pub fn first_paragraph(&self) -> &str {
        &self.rendered.first_paragraph
    }

    /// Links and images pointing inside the site.
    pub fn internal_links(&self) -> &[Link] {
        &self.rendered.internal_links
    }

    /// Where the body nests too deeply to render, if it does.
    pub fn too_deep(&self) -> Option<&Range<usize>> {
        self.rendered.too_deep.as_ref()
    }

    /// The same body with other HTML (photos of the bundle made into
    /// `<picture>`s).
    pub fn with_html(&self, html: String) -> Self {
        Self::from(Arc::new(Rendered {
            html,
            plain_text: self.plain_text().to_string(),
            ..(*self.rendered).clone()
        }))
    }
}
