//! What kind of file the officer gave: a `.docx` (a zip), an old `.doc` or
//! a password-protected document (both OLE compound files), a PDF, an RTF,
//! or text.

use super::error::{ImportError, OtherKind};

/// The kinds of input the importer tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip: a `.docx` if it holds `word/document.xml`.
    Zip,
    /// Text (`.txt`, `.md`).
    Text,
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `haystack` holds `name` as UTF-16LE, as the directory of an OLE
/// compound file names its streams.
fn has_stream(haystack: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Tells what `bytes` are; an error for what cannot be imported, saying
/// what the file is and what to do.
pub fn sniff(bytes: &[u8], extension: &str) -> Result<Kind, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Kind::Zip);
    }
    if bytes.starts_with(&OLE_MAGIC) {
        // A password-protected .docx is an OLE file holding the encrypted
        // package; an old .doc holds a WordDocument stream.
        if has_stream(bytes, "EncryptedPackage") {
            return Err(ImportError::Encrypted);
        }
        if has_stream(bytes, "WordDocument") {
            return Err(ImportError::OldDoc);
        }
        return Err(ImportError::OtherKind(OtherKind::OfficeBinary));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::OtherKind(OtherKind::Pdf));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ImportError::OtherKind(OtherKind::Rtf));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    if head.contains("<html") || head.contains("xmlns:w=\"urn:schemas-microsoft-com:office:word\"")
    {
        return Err(ImportError::OtherKind(OtherKind::Html));
    }
    if matches!(extension, "doc" | "docx") {
        return Err(ImportError::NotADocument);
    }
    Ok(Kind::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ole(stream: &str) -> Vec<u8> {
        let mut b = OLE_MAGIC.to_vec();
        b.extend(std::iter::repeat_n(0u8, 500));
        b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    #[test]
    fn kinds_are_told_apart() {
        assert!(matches!(sniff(b"", "docx"), Err(ImportError::Empty)));
        assert!(matches!(
            sniff(&ole("EncryptedPackage"), "docx"),
            Err(ImportError::Encrypted)
        ));
        assert!(matches!(
            sniff(&ole("WordDocument"), "doc"),
            Err(ImportError::OldDoc)
        ));
        assert!(matches!(
            sniff(&ole("Workbook"), "xls"),
            Err(ImportError::OtherKind(_))
        ));
        assert!(matches!(
            sniff(b"%PDF-1.7", "pdf"),
            Err(ImportError::OtherKind(_))
        ));
        assert!(matches!(
            sniff(b"{\\rtf1\\ansi", "doc"),
            Err(ImportError::OtherKind(_))
        ));
        assert!(matches!(
            sniff(b"hello", "docx"),
            Err(ImportError::NotADocument)
        ));
        assert_eq!(sniff(b"PK\x03\x04rest", "docx").unwrap(), Kind::Zip);
        assert_eq!(
            sniff("Số: 1/KH-UBND".as_bytes(), "txt").unwrap(),
            Kind::Text
        );
    }
}
