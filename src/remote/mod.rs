//! Reading documents from servers pbgdpl does not control, for the hub
//! (`pbgdpl aggregate` polling its agencies) and for a section (its
//! upstream news, [`crate::upstream`]) alike: one fetcher bounded in time,
//! size and where it may go ([`fetch`]), one set of rules for addresses
//! ([`links`]), one way of saying why something was refused without
//! quoting it ([`reason`]).

pub mod fetch;
pub mod links;
pub mod reason;
