//! The strings of the pages (skip link, menu, dates…). They live in the
//! theme (`themes/default/i18n/*.toml`) so a site can override them like
//! templates.

use std::collections::BTreeMap;

use super::Lang;

/// The strings of one language, keyed by name (`skip_link`, `home`…).
pub type Strings = BTreeMap<String, String>;

const VI: &str = include_str!("../../themes/default/i18n/vi.toml");
const EN: &str = include_str!("../../themes/default/i18n/en.toml");

/// The built-in strings for a language. Both files are part of the binary
/// and checked by the tests, so parsing cannot fail at run time; should it
/// ever, the result is empty and templates show their fallbacks.
pub fn builtin(lang: Lang) -> Strings {
    let text = match lang {
        Lang::Vi => VI,
        Lang::En => EN,
    };
    toml::from_str(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let vi: Strings = toml::from_str(VI).unwrap();
        let en: Strings = toml::from_str(EN).unwrap();
        assert!(vi.len() > 20);
        assert_eq!(vi.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    }
}
