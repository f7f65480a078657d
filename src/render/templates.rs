//! The theme: Tera templates and CSS embedded in the binary
//! (`themes/default/`), overridable per site by files of the same name in
//! the site's `templates/` directory.

use std::path::Path;

use tera::{Context, Tera};
use walkdir::WalkDir;

use crate::error::Error;
use crate::fingerprint::Fingerprint;

/// The directory of a site's template overrides.
pub const TEMPLATES_DIR: &str = "templates";

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The built-in templates: (name, source).
pub const BUILTIN: &[(&str, &str)] = embed!(
    "base.html",
    "home.html",
    "category.html",
    "entry.html",
    "404.html",
    "redirect.html",
    "data_table.html",
    "search.html",
    "tags.html",
    "partials/banner.html",
    "partials/photo.html",
    "partials/header.html",
    "partials/nav.html",
    "partials/national_links.html",
    "partials/upstream.html",
    "partials/embed_upstream.html",
    "partials/footer.html",
    "partials/entry_list.html",
    "partials/pagination.html",
    "partials/attachments.html",
    "partials/entry_meta.html",
    "partials/document.html",
    "partials/question.html",
    "partials/activity.html",
    "partials/dialogue.html",
    "partials/material.html",
    "partials/contacts.html",
    "partials/filters.html",
    "partials/statistics.html",
    "embed/style.html",
    "embed/section.html",
    "embed/latest.html",
    "embed/banner.html",
    "partials/hub_entry_list.html",
    "partials/hub_counts.html",
    "partials/hub_state.html",
    "hub/home.html",
    "hub/category.html",
    "hub/agencies.html",
    "hub/agency.html",
    "hub/status.html",
    "hub/report.html",
    "hub/report_periods.html",
);

/// The theme's stylesheet.
pub const STYLESHEET: &str = include_str!("../../themes/default/static/pbgdpl.css");

/// Loaded templates, ready to render.
pub struct Theme {
    /// The templates made compact ([`super::compact`]): what pages are
    /// rendered with.
    tera: Tera,
    /// The templates as written, loaded only to say where an error is in
    /// the file its author wrote.
    sources: Vec<(String, String)>,
    as_written: std::sync::OnceLock<Option<Tera>>,
    fingerprint: u64,
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme").finish_non_exhaustive()
    }
}

fn template_error(name: &str, e: &tera::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::Template {
        name: name.to_string(),
        message,
    }
}

/// `{{ text | js_string }}`: a JavaScript string literal, safe inside a
/// `<script>` element (`</` cannot close it).
fn js_string(text: &str, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    let json = serde_json::Value::String(text.to_string()).to_string();
    tera::Value::safe_string(&json.replace("</", "<\\/"))
}

/// A Tera with `templates` (name, source) and pbgdpl's filters.
fn tera_of(templates: &[(String, String)]) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.register_filter("js_string", js_string);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n, t)))?;
    Ok(tera)
}

impl Theme {
    /// The built-in theme plus the site's overrides from `root/templates/`.
    pub fn load(root: &Path) -> Result<Self, Error> {
        let mut sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, s)| ((*n).to_string(), (*s).to_string()))
            .collect();
        let dir = root.join(TEMPLATES_DIR);
        if dir.is_dir() {
            for entry in WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Io {
                    path: dir.clone(),
                    source: e.into(),
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let text =
                    std::fs::read_to_string(entry.path()).map_err(Error::io(entry.path()))?;
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name, text)),
                }
            }
        }
        // Errors are reported against the templates as written.
        let compact: Vec<(String, String)> = sources
            .iter()
            .map(|(n, t)| (n.clone(), super::compact::template(t)))
            .collect();
        let tera = match tera_of(&compact) {
            Ok(tera) => tera,
            Err(e) => {
                tera_of(&sources).map_err(|e| template_error("(loading the theme)", &e))?;
                return Err(template_error("(loading the theme)", &e));
            }
        };
        let fingerprint = compact
            .iter()
            .fold(Fingerprint::new().bytes(STYLESHEET), |f, (n, t)| {
                f.bytes(n).bytes(t)
            })
            .finish();
        Ok(Self {
            tera,
            sources,
            as_written: std::sync::OnceLock::new(),
            fingerprint,
        })
    }

    /// Fingerprint of every template and the stylesheet: pages rendered
    /// with a theme of the same fingerprint look the same.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Renders a template.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Error> {
        self.tera.render(name, context).map_err(|e| {
            // Say where the error is in the template as written.
            let as_written = self.as_written.get_or_init(|| tera_of(&self.sources).ok());
            match as_written.as_ref().map(|t| t.render(name, context)) {
                Some(Err(original)) => template_error(name, &original),
                _ => template_error(name, &e),
            }
        })
    }
}
