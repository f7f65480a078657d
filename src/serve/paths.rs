//! From a request path to a file of the output, refusing anything that
//! could name a file outside it: `..` and `.` segments (also
//! percent-encoded, `%2e%2e`), backslashes, NUL bytes, drive letters and
//! empty segments (`//etc/passwd`). The output is a map of site-relative
//! paths, so nothing outside it could be found anyway; these requests are
//! refused outright so no later change can turn them into a leak.

use percent_encoding::percent_decode_str;

/// What a request path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file of the output (`tin-tuc/index.html`).
    File(String),
    /// The same path with something added (`/pbgdpl` → `/pbgdpl/`,
    /// `/` → `/pbgdpl/`): answer with a redirect there.
    Redirect(String),
    /// Outside the site's base path: not found.
    Outside,
    /// A path that tries to leave the output, or that no file can have.
    Forbidden,
}

/// Resolves the path of a request (without the query) against the site's
/// base path (`/` or `/pbgdpl/`).
pub fn resolve(raw: &str, base_path: &str) -> Target {
    if !raw.starts_with('/') || raw.contains('\\') {
        return Target::Forbidden;
    }
    let Ok(decoded) = percent_decode_str(raw).decode_utf8() else {
        return Target::Forbidden;
    };
    if decoded.contains(['\\', '\0']) {
        return Target::Forbidden;
    }
    // Every segment but the last must be a real name: no "", ".", "..",
    // no "C:". The last may be empty (a directory's index).
    let segments: Vec<&str> = decoded[1..].split('/').collect();
    let (last, dirs) = segments.split_last().unwrap_or((&"", &[]));
    let bad = |s: &str| s.is_empty() || s == "." || s == ".." || s.contains(':');
    if dirs.iter().any(|s| bad(s)) || (!last.is_empty() && bad(last)) {
        return Target::Forbidden;
    }
    let base = if base_path.ends_with('/') {
        base_path.to_string()
    } else {
        format!("{base_path}/")
    };
    let path = decoded.as_ref();
    let Some(rel) = path.strip_prefix(&base) else {
        return if format!("{path}/") == base || (path == "/" && base != "/") {
            Target::Redirect(base)
        } else {
            Target::Outside
        };
    };
    if rel.is_empty() || rel.ends_with('/') {
        Target::File(crate::routes::index_file(rel))
    } else {
        Target::File(rel.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(s: &str) -> Target {
        Target::File(s.to_string())
    }

    #[test]
    fn finds_files_and_indexes_under_the_base_path() {
        assert_eq!(resolve("/", "/"), file("index.html"));
        assert_eq!(resolve("/tin-tuc/", "/"), file("tin-tuc/index.html"));
        assert_eq!(
            resolve("/assets/pbgdpl.css", "/"),
            file("assets/pbgdpl.css")
        );
        assert_eq!(resolve("/pbgdpl/", "/pbgdpl/"), file("index.html"));
        assert_eq!(
            resolve("/pbgdpl/t%E1%BB%87p.pdf", "/pbgdpl/"),
            file("tệp.pdf")
        );
        assert_eq!(
            resolve("/pbgdpl/tin-tuc", "/pbgdpl/"),
            file("tin-tuc"),
            "the server redirects when only tin-tuc/index.html exists"
        );
    }

    #[test]
    fn redirects_to_the_sub_path_and_refuses_what_is_outside() {
        assert_eq!(
            resolve("/", "/pbgdpl/"),
            Target::Redirect("/pbgdpl/".into())
        );
        assert_eq!(
            resolve("/pbgdpl", "/pbgdpl/"),
            Target::Redirect("/pbgdpl/".into())
        );
        assert_eq!(resolve("/khac/", "/pbgdpl/"), Target::Outside);
        assert_eq!(resolve("/pbgdplx/", "/pbgdpl/"), Target::Outside);
    }

    #[test]
    fn refuses_every_way_out() {
        for raw in [
            "/../etc/passwd",
            "/tin-tuc/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/pbgdpl/..%2f..%2fetc/passwd",
            "/pbgdpl/%2e%2e%2fsite.toml",
            "/./index.html",
            "//etc/passwd",
            "/pbgdpl//etc/passwd",
            "/..\\..\\etc\\passwd",
            "/%5c..%5cetc%5cpasswd",
            "/C:/Windows/win.ini",
            "/pbgdpl/a%00.html",
            "/%ff%fe",
            "etc/passwd",
        ] {
            assert_eq!(resolve(raw, "/pbgdpl/"), Target::Forbidden, "{raw}");
        }
    }
}
