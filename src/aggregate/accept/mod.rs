//! What the hub accepts from an agency: the one place where everything an
//! agency sends is checked and normalised before any view of the hub
//! (pages, feeds, search, `sync.json`) sees it. The hub ingests data from
//! servers it does not control; none of it may publish a script, make the
//! hub read what it should not, take over another agency's section, or
//! end up quoted on a public page.
//!
//! | rule | module |
//! |---|---|
//! | addresses published (http(s), inside the section) and links followed (inside the source) | [`links`] |
//! | `sync.json`: ids, tombstones, entry addresses, the source's own section | [`records`] |
//! | feed items: ids, addresses, dates, HTML sanitised, unknown keys dropped | [`items`] |
//! | items dated in the future: held back until their date | [`schedule`] |
//! | two sources claiming one section: the owner wins | [`claims`] |
//! | `statistics.json`: size, hash, depth, schema, no markup, texts normalised | [`statistics`] |
//! | why something was refused, in plain words, quoting nothing received | [`reason`] |
//!
//! Operators' documentation: `docs/aggregate.md` ("What the hub accepts").

pub mod claims;
pub mod items;
pub mod records;
pub mod schedule;
pub mod statistics;

/// Addresses published and followed, and why something was refused: shared
/// with the section's upstream news ([`crate::remote`]).
pub use crate::remote::{links, reason};

pub use reason::{Document, Link, Reason, Violation};
pub use records::Claim;

/// Version of the rules items are admitted under. Items kept in the state
/// directory by an earlier version are admitted again when they are read.
pub const POLICY: u32 = 1;
