//! One copy of the parts that many entries' template values have alike.
//!
//! An entry's list value ([`Common::list_value`](super::Common::list_value))
//! is a Tera map of its fields, and many of those fields are maps or lists
//! that other entries have too: the category, each date, the editorial
//! block, the link of each tag, empty lists. A Tera map takes 64 bytes a
//! slot (its length and an eighth, rounded up to a power of two), so these
//! copies were about half of what the list values held. [`Alike`] replaces
//! each nested map and list of a value by an equal one made earlier, when
//! there is one. Tera values are reference-counted and never changed in
//! place, so templates see exactly the same values.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHasher};
use tera::Value;
use tera::value::ValueKind;

/// Shards of the table, so that the threads rendering pages rarely wait
/// for one another.
const SHARDS: usize = 16;

/// The maps and lists seen so far, by their [`Alike::share`] hash.
#[derive(Debug, Default)]
pub struct Alike {
    shards: [Mutex<FxHashMap<u64, Value>>; SHARDS],
}

impl Alike {
    /// `value` with every map and list among its fields, at any depth,
    /// replaced by an equal one seen before (and remembered when it is the
    /// first). `value` itself is left as it is: it is one entry's own.
    pub fn share_fields(&self, value: Value) -> Value {
        if !value.is_map() {
            return value;
        }
        let Some(mut map) = value.into_map() else {
            return Value::none();
        };
        for field in map.values_mut() {
            if field.is_map() || field.is_array() {
                let taken = std::mem::replace(field, Value::none());
                *field = self.share(taken).0;
            }
        }
        Value::from(map)
    }

    /// Forgets every value remembered (those in use stay with their users).
    pub fn clear(&self) {
        for shard in &self.shards {
            let taken = std::mem::take(&mut *shard.lock().unwrap_or_else(PoisonError::into_inner));
            drop(taken);
        }
    }

    /// `value` made of shared parts, shared itself if it is a map or a
    /// list, and its hash.
    fn share(&self, value: Value) -> (Value, u64) {
        match value.kind() {
            ValueKind::Map => {
                let Some(mut map) = value.into_map() else {
                    return (Value::none(), 0);
                };
                // The hash of a map does not depend on the order of its
                // fields (two equal maps may hold them in another order).
                let mut sum = 0u64;
                for (key, field) in map.iter_mut() {
                    let (shared, hash) = self.share(std::mem::replace(field, Value::none()));
                    *field = shared;
                    let mut h = FxHasher::default();
                    key.hash(&mut h);
                    hash.hash(&mut h);
                    sum = sum.wrapping_add(h.finish());
                }
                let mut h = FxHasher::default();
                (ValueKind::Map, map.len(), sum).hash(&mut h);
                let hash = h.finish();
                (self.remember(Value::from(map), hash), hash)
            }
            ValueKind::Array => {
                let items = value.as_array().map(<[Value]>::to_vec).unwrap_or_default();
                // The items are then this list's alone: their maps are
                // taken, not copied.
                drop(value);
                let mut h = FxHasher::default();
                (ValueKind::Array, items.len()).hash(&mut h);
                let items: Vec<Value> = items
                    .into_iter()
                    .map(|item| {
                        let (item, hash) = self.share(item);
                        hash.hash(&mut h);
                        item
                    })
                    .collect();
                let hash = h.finish();
                (self.remember(Value::from(items), hash), hash)
            }
            _ => {
                let hash = scalar_hash(&value);
                (value, hash)
            }
        }
    }

    /// The value remembered under `hash` if it is the same as `value`, else
    /// `value` (remembered when nothing is under `hash` yet).
    fn remember(&self, value: Value, hash: u64) -> Value {
        let shard = &self.shards[(hash >> 60) as usize % SHARDS];
        let mut shard = shard.lock().unwrap_or_else(PoisonError::into_inner);
        match shard.entry(hash) {
            Entry::Occupied(seen) if same(seen.get(), &value) => seen.get().clone(),
            // Another value with the same hash: not shared.
            Entry::Occupied(_) => value,
            Entry::Vacant(slot) => {
                slot.insert(value.clone());
                value
            }
        }
    }
}

/// The hash of a value that is neither a map nor a list: its kind and
/// what it holds, as [`same`] compares them.
fn scalar_hash(value: &Value) -> u64 {
    let mut h = FxHasher::default();
    let kind = value.kind();
    kind.hash(&mut h);
    match kind {
        ValueKind::String => {
            value.as_str().hash(&mut h);
            value.is_safe().hash(&mut h);
        }
        ValueKind::Bool => value.as_bool().hash(&mut h),
        ValueKind::U64 | ValueKind::U128 => value.as_u128().hash(&mut h),
        ValueKind::I64 | ValueKind::I128 => value.as_i128().hash(&mut h),
        ValueKind::F64 => value.as_f64().map(f64::to_bits).hash(&mut h),
        ValueKind::Bytes => value.as_bytes().hash(&mut h),
        _ => {}
    }
    h.finish()
}

/// Whether `a` and `b` show the same in every template: of the same kind
/// (Tera's `==` finds `1` and `1.0`, a safe string and an escaped one
/// equal), holding the same.
fn same(a: &Value, b: &Value) -> bool {
    let kind = a.kind();
    if kind != b.kind() {
        return false;
    }
    match kind {
        ValueKind::Map => match (a.as_map(), b.as_map()) {
            (Some(x), Some(y)) => {
                std::ptr::eq(x, y)
                    || x.len() == y.len()
                        && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => false,
        },
        ValueKind::Array => match (a.as_array(), b.as_array()) {
            (Some(x), Some(y)) => {
                std::ptr::eq(x, y) || x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
            }
            _ => false,
        },
        ValueKind::String => a.as_str() == b.as_str() && a.is_safe() == b.is_safe(),
        ValueKind::F64 => a.as_f64().map(f64::to_bits) == b.as_f64().map(f64::to_bits),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Day {
        dmy: &'static str,
        year: i32,
    }

    #[derive(Serialize)]
    struct Item {
        title: &'static str,
        date: Day,
        tags: Vec<&'static str>,
        none: Vec<u8>,
    }

    fn item(title: &'static str, year: i32) -> Value {
        Value::from_serializable(&Item {
            title,
            date: Day {
                dmy: "01/02/2026",
                year,
            },
            tags: vec!["thuế"],
            none: Vec::new(),
        })
    }

    #[test]
    fn equal_parts_are_one_value() {
        let alike = Alike::default();
        let a = alike.share_fields(item("một", 2026));
        let b = alike.share_fields(item("hai", 2026));
        let c = alike.share_fields(item("ba", 2025));
        let part = |v: &Value, k: &str| v.get_from_path(k).unwrap().clone();
        let map_ptr = |v: &Value| std::ptr::from_ref(v.as_map().unwrap());
        let list_ptr = |v: &Value| v.as_array().unwrap().as_ptr();
        assert_eq!(map_ptr(&part(&a, "date")), map_ptr(&part(&b, "date")));
        assert_ne!(map_ptr(&part(&a, "date")), map_ptr(&part(&c, "date")));
        assert_eq!(list_ptr(&part(&a, "tags")), list_ptr(&part(&c, "tags")));
        // What templates see is unchanged.
        assert_eq!(a, item("một", 2026));
        assert_eq!(c, item("ba", 2025));
        assert_eq!(part(&a, "title").as_str(), Some("một"));
    }

    #[test]
    fn values_tera_finds_equal_are_kept_apart() {
        assert!(!same(&Value::from(1u64), &Value::from(1.0f64)));
        assert!(!same(&Value::from("<b>"), &Value::from("<b>").mark_safe()));
        assert!(same(&item("x", 1), &item("x", 1)));
        assert!(!same(&item("x", 1), &item("x", 2)));
    }
}
