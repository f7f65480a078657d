//! Which files found in a site may be read and published.
//!
//! A symbolic link in `content/` or `static/` pointing at `/etc/passwd`
//! would publish it; a named pipe (FIFO) called `a.md` would make the build
//! wait forever for its end; a device (`/dev/zero`) never ends. So every
//! file and folder the walk finds is checked before anything reads it: a
//! link must lead to a file or folder inside the site, and only regular
//! files and folders are read. Each refusal is an error naming the file.

use std::fs::FileType;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::error::Error;
use crate::msg;
use crate::source::SourceFile;

/// The site's root with its links resolved: what links must lead into.
pub fn real_root(root: &Path) -> PathBuf {
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

/// Checks the file or folder at `path` (`rel` from the site root, as shown
/// in messages; `kind` as the directory listing gave it, when it did).
/// `None` when it may be read, else the error saying why not.
pub fn refused(
    real_root: &Path,
    path: &Path,
    kind: Option<FileType>,
    rel: &str,
) -> Option<Diagnostic> {
    let mut kind = match kind {
        Some(k) => k,
        None => std::fs::symlink_metadata(path).ok()?.file_type(),
    };
    if kind.is_symlink() {
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Some(
                    Diagnostic::error("broken-symlink", msg!("symlink-missing"))
                        .in_file(rel)
                        .help(msg!("symlink-missing-help")),
                );
            }
            Err(e) => {
                return Some(
                    Diagnostic::error(
                        "broken-symlink",
                        msg!("symlink-unusable", error = e.to_string()),
                    )
                    .in_file(rel)
                    .help(msg!("symlink-unusable-help")),
                );
            }
        };
        if !real.starts_with(real_root) {
            let d = Diagnostic::error(
                "symlink-outside-site",
                msg!("symlink-outside-site", target = real.as_path()),
            )
            .help(msg!("symlink-outside-site-help"));
            return Some(if real.is_dir() {
                d.in_dir(rel)
            } else {
                d.in_file(rel)
            });
        }
        kind = std::fs::metadata(&real).ok()?.file_type();
    }
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    Some(
        Diagnostic::error("not-a-file", msg!("not-a-file"))
            .in_file(rel)
            .help(msg!("not-a-file-help")),
    )
}

/// The error for a file of the site that could not be read (`rel` from
/// the site root `root`): no permission, not text… `None` for errors that
/// have their own diagnostic (a legacy encoding).
pub fn unreadable(root: &Path, rel: &str, error: &Error) -> Option<Diagnostic> {
    match error {
        Error::Io { source, .. } if source.kind() == ErrorKind::PermissionDenied => Some(
            Diagnostic::error("unreadable", msg!("unreadable-permission"))
                .in_file(rel)
                .help(msg!("unreadable-permission-help", path = rel)),
        ),
        Error::Io { source, .. } => Some(
            Diagnostic::error(
                "unreadable",
                msg!("unreadable", error = crate::error::io_reason(source)),
            )
            .in_file(rel)
            .help(msg!("unreadable-help")),
        ),
        Error::NotUtf8 { offset, .. } => {
            let bytes = std::fs::read(root.join(rel)).unwrap_or_default();
            let (line, column, text) = place_of(&bytes, *offset);
            let binary = bytes.iter().take(8192).any(|&b| b == 0);
            let (message, help) = if binary {
                (msg!("not-text-binary"), msg!("not-text-binary-help"))
            } else {
                (msg!("not-text"), msg!("not-text-help"))
            };
            Some(
                Diagnostic::error("not-utf8", message)
                    .at_line(rel, line, column, &text)
                    .help(help),
            )
        }
        Error::LegacyEncoding { .. } => None,
        other => Some(Diagnostic::error("unreadable", other.message()).in_file(rel)),
    }
}

/// The 1-based line and column (in characters) of a byte offset of text
/// that is not UTF-8, and that line as far as it can be shown.
fn place_of(bytes: &[u8], offset: usize) -> (usize, usize, String) {
    let offset = offset.min(bytes.len());
    let start = bytes[..offset]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&bytes[start..offset])
        .chars()
        .count()
        + 1;
    let end = bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| start + p);
    let text: String = String::from_utf8_lossy(&bytes[start..end.min(start + 2000)])
        .chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    (line, column, text)
}

/// The error for text holding a NUL character (a damaged file, or not
/// text at all): HTML may not carry it, and no editor shows it.
pub fn nul_character(source: &SourceFile) -> Option<Diagnostic> {
    let at = source.text.find('\0')?;
    let line = source.position(at).line;
    Some(
        Diagnostic::error("nul-character", msg!("nul-character"))
            .at(source, at..at + 1)
            .help(msg!("nul-character-help", line = line.to_string())),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_out_of_the_site_pipes_and_dead_links_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let (site, outside) = (tmp.path().join("site"), tmp.path().join("secret.txt"));
        std::fs::create_dir_all(site.join("static")).unwrap();
        std::fs::write(&outside, "secret").unwrap();
        std::fs::write(site.join("static/a.txt"), "a").unwrap();
        symlink(&outside, site.join("static/out.txt")).unwrap();
        symlink("a.txt", site.join("static/in.txt")).unwrap();
        symlink("nowhere", site.join("static/dead.txt")).unwrap();
        symlink("loop.txt", site.join("static/loop.txt")).unwrap();
        symlink(tmp.path(), site.join("static/up")).unwrap();
        let fifo = site.join("static/pipe.md");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );

        let root = real_root(&site);
        let code = |name: &str| {
            refused(&root, &site.join("static").join(name), None, name).map(|d| d.code)
        };
        assert_eq!(code("a.txt"), None);
        assert_eq!(code("in.txt"), None, "a link inside the site is fine");
        assert_eq!(code("out.txt"), Some("symlink-outside-site"));
        assert_eq!(code("up"), Some("symlink-outside-site"));
        assert_eq!(code("dead.txt"), Some("broken-symlink"));
        assert_eq!(code("loop.txt"), Some("broken-symlink"));
        assert_eq!(code("pipe.md"), Some("not-a-file"));
    }
}
