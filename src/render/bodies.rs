//! Rendered Markdown kept between builds: `serve` renders a body again only
//! when its text (or the site's base path) changed.

use std::sync::Arc;

use crate::fingerprint::Fingerprint;
use crate::output::Memo;

use super::markdown::{self, Rendered};

/// Rendered bodies keyed by the fingerprint of their Markdown and the base
/// path (the only inputs of [`markdown::render`]), kept in a [`Memo`].
#[derive(Debug, Default)]
pub struct BodyCache {
    memo: Memo,
}

impl BodyCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The rendering of `markdown`, from the cache when possible (shared,
    /// not copied: a 10,000-entry site holds tens of megabytes of HTML).
    pub fn render(&self, markdown: &str, base_path: &str) -> Arc<Rendered> {
        self.render_keyed(crate::fingerprint::of(markdown), markdown, base_path)
    }

    /// Like [`BodyCache::render`], with the fingerprint of `markdown`
    /// given (computed when its file was read), so that the Markdown of
    /// a whole site is not hashed again on every rebuild.
    pub fn render_keyed(
        &self,
        markdown_key: u64,
        markdown: &str,
        base_path: &str,
    ) -> Arc<Rendered> {
        let key = Fingerprint::new()
            .bytes(base_path)
            .number(markdown_key)
            .finish();
        let made = self.memo.get_or_make("markdown", key, || {
            Ok(markdown::render(markdown, base_path))
        });
        // Rendering Markdown cannot fail; the memo's error type is shared.
        made.unwrap_or_else(|_| Arc::new(markdown::render(markdown, base_path)))
    }

    /// Forgets the bodies not asked for since the previous call (deleted or
    /// edited entries), so the cache does not grow with every edit.
    pub fn prune(&self) {
        self.memo.prune();
    }

    /// Number of bodies kept.
    pub fn len(&self) -> usize {
        self.memo.len()
    }

    /// True when nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.memo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_unchanged_bodies_and_forgets_unused_ones() {
        let cache = BodyCache::new();
        let a = cache.render("Một *hai*", "/");
        assert_eq!(*a, markdown::render("Một *hai*", "/"));
        cache.render("[x](/tin-tuc/)", "/pbgdpl/");
        assert_eq!(cache.len(), 2);
        cache.prune();
        assert_eq!(cache.len(), 2, "both were used since the last prune");
        assert!(Arc::ptr_eq(&cache.render("Một *hai*", "/"), &a), "shared");
        cache.prune();
        assert_eq!(cache.len(), 1, "the link body was not asked for");
        // The base path is part of the key: links differ under a sub-path.
        assert_ne!(
            cache.render("[x](/tin-tuc/)", "/"),
            cache.render("[x](/tin-tuc/)", "/pbgdpl/")
        );
    }
}
