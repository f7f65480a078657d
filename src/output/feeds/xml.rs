//! A thin layer over quick-xml's writer for the XML outputs (Atom, RSS,
//! the banner SVG): elements with attributes and escaped text, indented,
//! with characters XML 1.0 forbids removed.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML document being written.
pub struct Xml {
    w: Writer<Vec<u8>>,
}

/// Removes the characters XML 1.0 does not allow (C0 controls other than
/// tab and newlines, U+FFFE, U+FFFF).
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if text.chars().any(bad) {
        text.chars().filter(|c| !bad(*c)).collect::<String>().into()
    } else {
        text.into()
    }
}

fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut el = BytesStart::new(name);
    for (k, v) in attrs {
        el.push_attribute((*k, clean(v).as_ref()));
    }
    el
}

impl Xml {
    /// A new document with its `<?xml …?>` declaration.
    pub fn new() -> io::Result<Self> {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        Ok(Self { w })
    }

    /// Opens an element.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Start(start(name, attrs)))
    }

    /// Closes an element.
    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// An element holding only text.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.w.write_event(Event::Start(start(name, attrs)))?;
        self.w
            .write_event(Event::Text(BytesText::new(clean(text).as_ref())))?;
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// An empty element.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Empty(start(name, attrs)))
    }

    /// The document's bytes, ending with a newline.
    pub fn finish(self) -> Vec<u8> {
        let mut bytes = self.w.into_inner();
        bytes.push(b'\n');
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut x = Xml::new().unwrap();
        x.open("a", &[("href", "x?a=1&b=\"2\"")]).unwrap();
        x.leaf("b", &[], "<Việt> & \u{1}ok").unwrap();
        x.close("a").unwrap();
        let s = String::from_utf8(x.finish()).unwrap();
        assert_eq!(
            s,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a href=\"x?a=1&amp;b=&quot;2&quot;\">\n  <b>&lt;Việt&gt; &amp; ok</b>\n</a>\n"
        );
    }
}
