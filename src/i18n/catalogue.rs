//! The message catalogue: every sentence the program says to a person, in
//! Vietnamese and English, in Fluent files (`src/i18n/vi/*.ftl`,
//! `src/i18n/en/*.ftl`, the same file names and the same message ids in
//! both). Fluent handles arguments and plurals ("1 error" / "2 errors";
//! Vietnamese has one form), and lets a translator reorder a sentence
//! without touching the code.
//!
//! Code asks for a message with [`msg!`](crate::msg), giving its id (a
//! literal, so the tests can find every use) and its arguments:
//! `msg!("unknown-key", key = name)`. The result is a [`Message`] in the
//! language of the run ([`super::language`]).
//!
//! The tests of this module fail when an id is missing in either language,
//! when a message of the files is used nowhere, when a call passes other
//! arguments than the message uses, or when a file does not parse.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// Declares the catalogue's files: each name is a `<name>.ftl` present in
/// both `vi/` and `en/`.
macro_rules! files {
    ($($name:literal),* $(,)?) => {
        /// Every file of the catalogue: its name, its Vietnamese text, its English text.
        pub const FILES: &[(&str, &str, &str)] = &[
            $(($name, include_str!(concat!("vi/", $name, ".ftl")), include_str!(concat!("en/", $name, ".ftl")))),*
        ];
    };
}

// One file per area, so that work on one area does not touch the others.
// A new file: add `<name>.ftl` to both vi/ and en/, then its name here.
files![
    "common",
    "cli",
    "content",
    "site",
    "errors",
    "serve",
    "aggregate",
    "import",
    "convert",
    "images",
];

/// A sentence of the catalogue, formatted in the language of the run.
///
/// Made only by [`msg!`](crate::msg) (or [`Message::in_lang`]), so that
/// nothing reaches a person without being in both languages.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Message(String);

impl Message {
    /// The message `id` with `args`, in the language of the run.
    /// Use [`msg!`](crate::msg) rather than calling this directly.
    pub fn new(id: &str, args: &[(&str, Arg)]) -> Self {
        Self::in_lang(super::language(), id, args)
    }

    /// The message `id` with `args`, in `lang`. An id missing from `lang`
    /// falls back to the other language, then to the id itself (the tests
    /// make both impossible).
    pub fn in_lang(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Self {
        let other = match lang {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        };
        Self(
            format(lang, id, args)
                .or_else(|| format(other, id, args))
                .unwrap_or_else(|| id.to_string()),
        )
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }

    /// This message, then on a line of its own the help label and `help`
    /// (`gợi ý: …`), for an error that is not a diagnostic.
    pub fn with_help(self, help: Message) -> Message {
        Self(format!(
            "{}\n  {}: {}",
            self.0,
            crate::msg!("label-help"),
            help.0
        ))
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Message> for String {
    fn from(m: Message) -> String {
        m.0
    }
}

/// The value of a message argument: a text or a number (numbers choose
/// plural forms: `{ $count -> [one] … *[other] … }`).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, inserted as it is.
    Text(String),
    /// A number.
    Number(f64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Text(s) => FluentValue::String(Cow::Borrowed(s)),
            Arg::Number(n) => FluentValue::from(*n),
        }
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Self {
        Arg::Text(s.into_owned())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}

impl From<&Path> for Arg {
    fn from(p: &Path) -> Self {
        Arg::Text(p.display().to_string())
    }
}

impl From<&PathBuf> for Arg {
    fn from(p: &PathBuf) -> Self {
        Arg::Text(p.display().to_string())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Text(m.0)
    }
}

impl From<&Message> for Arg {
    fn from(m: &Message) -> Self {
        Arg::Text(m.0.clone())
    }
}

/// A message of the catalogue in the language of the run:
/// `msg!("id")`, `msg!("id", name = value, count = n)`. The id must be a
/// literal; argument values may be texts, numbers, paths or other messages.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals and logs show Unicode isolation marks as garbage.
    bundle.set_use_isolating(false);
    for (_, vi, en) in FILES {
        let text = match lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        // The files are part of the binary and parsed by the tests: a
        // resource with errors cannot happen, and would still be used.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| [bundle(Lang::Vi), bundle(Lang::En)]);

fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = &BUNDLES[lang as usize];
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.to_fluent());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

#[cfg(test)]
mod tests;
