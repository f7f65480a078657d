//! A table of distinct terms: every term's text in one string, each with a
//! value. Building the index meets every term of every entry (millions at
//! 10,000 entries); a table allocates for the string and its slots as they
//! grow, never once per term.

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;

/// Distinct terms with a value each, in the order they were first added.
#[derive(Debug)]
pub struct TermTable<T> {
    /// Every term's text, one after the other.
    text: String,
    /// Slots by the hash of their term.
    index: HashTable<u32>,
    /// The terms, in order of addition.
    slots: Vec<Slot<T>>,
}

/// One term of a table.
#[derive(Debug)]
struct Slot<T> {
    start: u32,
    end: u32,
    hash: u64,
    value: T,
}

impl<T> Default for TermTable<T> {
    fn default() -> Self {
        Self {
            text: String::new(),
            index: HashTable::new(),
            slots: Vec::new(),
        }
    }
}

/// The hash a table files `term` under ([`TermTable::entry`]): compute it
/// once and pass it to every table the term goes into.
pub fn term_hash(term: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(term)
}

impl<T> TermTable<T> {
    /// The value of `term` (whose [`term_hash`] is `hash`), added with
    /// `make()` if the table does not hold it yet.
    pub fn entry(&mut self, term: &str, hash: u64, make: impl FnOnce() -> T) -> &mut T {
        let Self { text, index, slots } = self;
        let found = index
            .find(hash, |&i| {
                let s = &slots[i as usize];
                &text[s.start as usize..s.end as usize] == term
            })
            .copied();
        let i = match found {
            Some(i) => i as usize,
            None => {
                let i = slots.len();
                let start = text.len();
                text.push_str(term);
                slots.push(Slot {
                    start: start as u32,
                    end: text.len() as u32,
                    hash,
                    value: make(),
                });
                index.insert_unique(hash, i as u32, |&j| slots[j as usize].hash);
                i
            }
        };
        &mut slots[i].value
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True when the table holds no term.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The table taken apart: the string of every term's text, and each
    /// term as its range in that string, its hash and its value, in order
    /// of addition.
    pub fn into_parts(
        self,
    ) -> (
        String,
        impl ExactSizeIterator<Item = (Range<usize>, u64, T)>,
    ) {
        let slots = self
            .slots
            .into_iter()
            .map(|s| (s.start as usize..s.end as usize, s.hash, s.value));
        (self.text, slots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_added_twice_is_one_entry() {
        let mut table: TermTable<u32> = TermTable::default();
        for term in ["dat", "dai", "dat dai", "dat", "", "dai"] {
            *table.entry(term, term_hash(term), || 0) += 1;
        }
        assert_eq!(table.len(), 4);
        let (text, terms) = table.into_parts();
        let got: Vec<(&str, u32)> = terms.map(|(r, _, n)| (&text[r], n)).collect();
        assert_eq!(got, [("dat", 2), ("dai", 2), ("dat dai", 1), ("", 1)]);
    }

    #[test]
    fn terms_with_the_same_hash_stay_apart() {
        // Whatever the hash says, the text decides.
        let mut table: TermTable<&str> = TermTable::default();
        for term in ["a", "b", "c", "b"] {
            table.entry(term, 7, || term);
        }
        let (text, terms) = table.into_parts();
        let got: Vec<(&str, &str)> = terms.map(|(r, _, v)| (&text[r], v)).collect();
        assert_eq!(got, [("a", "a"), ("b", "b"), ("c", "c")]);
    }
}
