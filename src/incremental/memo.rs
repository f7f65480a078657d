//! Pieces of outputs kept between builds (`pbgdpl serve`).
//!
//! Some outputs are one file made from every entry (`sync.json`, the
//! search index): any edit changes the file, so it cannot be kept whole,
//! but most of its pieces — one per entry — are the same as in the
//! previous build. A renderer asks the [`Memo`] for each piece by the
//! fingerprint of what the piece is made from, and only pieces whose
//! inputs changed are made again. `pbgdpl build` has no memo: every piece
//! is made, by the same code, so both give the same bytes.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::error::Error;
use crate::fingerprint::Fingerprint;

struct Slot {
    value: Arc<dyn Any + Send + Sync>,
    used: bool,
}

/// Number of independently locked parts of a [`Memo`]: renderers ask for
/// thousands of pieces from every thread, and one lock made them wait
/// for each other.
const SHARDS: usize = 32;

type Shard = Mutex<HashMap<(TypeId, u64), Slot>>;

/// Values kept by fingerprint of their inputs, for the next build.
#[derive(Default)]
pub struct Memo {
    shards: [Shard; SHARDS],
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo").field("len", &self.len()).finish()
    }
}

impl Memo {
    /// An empty memo.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value `make` gave for the same `kind` and `key` in this or the
    /// previous build, else `make()`'s, kept for next time. `key` must be
    /// a fingerprint of everything `make` reads.
    pub fn get_or_make<T: Any + Send + Sync>(
        &self,
        kind: &'static str,
        key: u64,
        make: impl FnOnce() -> Result<T, Error>,
    ) -> Result<Arc<T>, Error> {
        let slot_key = (
            TypeId::of::<T>(),
            Fingerprint::new().bytes(kind).number(key).finish(),
        );
        let shard = &self.shards[(slot_key.1 % SHARDS as u64) as usize];
        let hit = {
            let mut slots = shard.lock().unwrap_or_else(|e| e.into_inner());
            slots.get_mut(&slot_key).and_then(|slot| {
                slot.used = true;
                slot.value.clone().downcast::<T>().ok()
            })
        };
        if let Some(value) = hit {
            return Ok(value);
        }
        let value = Arc::new(make()?);
        shard.lock().unwrap_or_else(|e| e.into_inner()).insert(
            slot_key,
            Slot {
                value: value.clone(),
                used: true,
            },
        );
        Ok(value)
    }

    /// Forgets the values not asked for since the previous call (edited or
    /// deleted entries), so the memo does not grow with every edit.
    pub fn prune(&self) {
        for shard in &self.shards {
            let mut slots = shard.lock().unwrap_or_else(|e| e.into_inner());
            slots.retain(|_, slot| std::mem::take(&mut slot.used));
        }
    }

    /// Number of values kept.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()).len())
            .sum()
    }

    /// True when nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_a_value_once_per_key_and_forgets_unused_ones() {
        let memo = Memo::new();
        let made = std::cell::Cell::new(0);
        let get = |kind, key, value: &str| {
            memo.get_or_make(kind, key, || {
                made.set(made.get() + 1);
                Ok(value.to_string())
            })
            .unwrap()
        };
        assert_eq!(*get("a", 1, "one"), "one");
        assert_eq!(*get("a", 1, "other"), "one", "kept by key");
        assert_eq!(*get("b", 1, "b-one"), "b-one", "kinds do not mix");
        assert_eq!(*get("a", 2, "two"), "two");
        assert_eq!(made.get(), 3);
        memo.prune();
        assert_eq!(memo.len(), 3, "all were used since the last prune");
        memo.get_or_make("a", 2, || Ok(String::new())).unwrap();
        memo.prune();
        assert_eq!(memo.len(), 1, "only a/2 was asked for");
        let err = memo.get_or_make::<String>("a", 3, || Err(Error::Invalid(Default::default())));
        assert!(err.is_err());
        assert_eq!(memo.len(), 1, "failures are not kept");
    }
}
