//! Fingerprints: 64-bit hashes (xxh3) of what an output is made from.
//!
//! Incremental rebuilds (`pbgdpl serve`) keep an output when the
//! fingerprint of its inputs has not changed since the previous build, and
//! reuse a Markdown body's HTML when the body's fingerprint has not changed.
//! xxh3 hashes several GB/s, so fingerprinting every entry of a 10,000-entry
//! site costs about a millisecond.

use std::hash::Hasher;

use xxhash_rust::xxh3::Xxh3;

/// Builds a fingerprint from parts. Each part is length-prefixed, so
/// `("ab", "c")` and `("a", "bc")` differ.
#[derive(Clone, Default)]
pub struct Fingerprint(Xxh3);

impl std::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Fingerprint")
            .field(&self.0.finish())
            .finish()
    }
}

impl Fingerprint {
    /// An empty fingerprint.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds bytes (a string, a file's contents).
    pub fn bytes(mut self, part: impl AsRef<[u8]>) -> Self {
        let part = part.as_ref();
        self.0.write_u64(part.len() as u64);
        self.0.write(part);
        self
    }

    /// Adds a number (another fingerprint, a count, a flag).
    pub fn number(mut self, n: u64) -> Self {
        self.0.write_u64(n);
        self
    }

    /// Adds an optional string, distinguishing `None` from `Some("")`.
    pub fn option(self, part: Option<&str>) -> Self {
        match part {
            None => self.number(0),
            Some(s) => self.number(1).bytes(s),
        }
    }

    /// Adds a value through its [`Hash`](std::hash::Hash) implementation.
    pub fn value<T: std::hash::Hash + ?Sized>(mut self, value: &T) -> Self {
        value.hash(&mut self.0);
        self
    }

    /// The 64-bit result.
    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The fingerprint of a value, through its [`Hash`](std::hash::Hash)
/// implementation: derived for the views outputs are made from, so every
/// field is hashed (a field added to a view is hashed without anyone
/// remembering to), without formatting or serialising anything, and
/// without a way to fail.
pub fn hash<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    let mut h = Xxh3::new();
    value.hash(&mut h);
    h.finish()
}

/// Feeds `value`, serialised as JSON, to `state`: for views that are
/// data already (an agency's JSON Feed item, the values a hub page's
/// template reads), so that what is hashed is what is shown. JSON
/// delimits itself, so values fed one after another cannot run together.
pub fn hash_json<T: serde::Serialize + ?Sized, H: Hasher>(value: &T, state: &mut H) {
    struct Feed<'a, H: Hasher>(&'a mut H);
    impl<H: Hasher> std::io::Write for Feed<'_, H> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.write(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    // Writing into a hasher cannot fail; a value that cannot be
    // serialised could not be shown either (its render fails).
    let _ = serde_json::to_writer(Feed(state), value);
}

/// The xxh3 hash of some bytes, unframed (the hash of a file's contents).
pub fn of_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The fingerprint of one string.
pub fn of(text: impl AsRef<[u8]>) -> u64 {
    Fingerprint::new().bytes(text).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_delimited() {
        let a = Fingerprint::new().bytes("ab").bytes("c").finish();
        let b = Fingerprint::new().bytes("a").bytes("bc").finish();
        assert_ne!(a, b);
        assert_eq!(of("x"), of("x"));
        assert_ne!(
            Fingerprint::new().option(None).finish(),
            Fingerprint::new().option(Some("")).finish()
        );
    }
}
