//! Languages. Vietnamese is the first language, English the second, in two
//! places:
//!
//! - the pages a site publishes, whose strings live in the theme
//!   ([`builtin`], `themes/default/i18n/*.toml`), chosen by site.toml's
//!   `language`;
//! - what the program says to the person running it (diagnostics, `--help`,
//!   summaries, the preview's error overlay): the message catalogue
//!   ([`catalogue`], `src/i18n/<lang>/*.ftl`, in Fluent syntax), in the
//!   language of the run ([`language`]), chosen by `--lang` or the locale.
//!
//! A message is looked up with [`msg!`](crate::msg):
//!
//! ```
//! use pbgdpl::msg;
//! let m = msg!("summary-errors", errors = 2, warnings = 0);
//! assert!(m.as_str().contains('2'));
//! ```

pub mod catalogue;
mod theme;

use std::sync::atomic::{AtomicU8, Ordering};

use serde::Serialize;

pub use catalogue::{Arg, Message};
pub use theme::{Strings, builtin};

/// A language of the pages or of the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Lang {
    /// Vietnamese (default).
    #[default]
    #[serde(rename = "vi")]
    Vi,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Parses a language code (`vi`, `en`, `vi-VN`…).
    pub fn parse(code: &str) -> Option<Self> {
        match code.split(['-', '_']).next()?.to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code used in `lang="…"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language the locale asks for, read through `var` (the process
    /// environment, or a test's): the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set and not empty decides, as POSIX says; English
    /// when it starts with `en` (`en_US.UTF-8`), Vietnamese otherwise (also
    /// for `C`, `POSIX` or no locale at all: Vietnamese comes first).
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|v| !v.is_empty())
            .filter(|v| v.starts_with("en"))
            .map_or(Lang::Vi, |_| Lang::En)
    }
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Sets the language of the messages for the rest of the run. The command
/// line calls it once, before anything is printed; the library never does.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

/// The language of the messages of this run: Vietnamese unless
/// [`set_language`] said otherwise.
pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_locale_picks_english_only_when_it_says_en() {
        assert_eq!(Lang::from_locale(env(&[])), Lang::Vi);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::Vi);
        assert_eq!(Lang::from_locale(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_MESSAGES", "en_GB"), ("LANG", "vi_VN")])),
            Lang::En
        );
        // LC_ALL wins; an empty variable does not count.
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "vi_VN"), ("LANG", "en_US")])),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "en_US")])),
            Lang::En
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::parse("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
