//! The stages of the library import only the stages below them
//! (docs/architecture.md): no import cycle between modules of different
//! layers, and nothing reaches upward; render and validate ask routes, not
//! the writers; the hub uses the section's writers, not copies; paths and
//! pagination come from the route table. Reads `src/` as text: every
//! `crate::<module>` path in a top-level module's files is an import of
//! that module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, lowest first, and their top-level modules. A module may
/// use its own layer and those below.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "ground",
        &[
            "error",
            "source",
            "diagnostics",
            "text",
            "i18n",
            "date",
            "category",
            "fields",
            "fingerprint",
            "nesting",
            "encoding",
            "write",
            "progress",
            "sync",
            // Plain caches (a memo, the keys of output files): they know
            // nothing of the stages that fill them.
            "incremental",
            // The search index's format: terms, postings, files.
            "search",
            // Reading from servers pbgdpl does not control (the hub's
            // agencies, a section's upstream feeds): fetcher, address
            // rules, reasons.
            "remote",
        ],
    ),
    // Photos: decoded, resized, encoded and cached from bytes and paths,
    // knowing nothing of entries (content lists the photos it shows).
    ("images", &["images"]),
    ("content", &["config", "content", "site", "upstream"]),
    ("routes", &["routes"]),
    ("render", &["render"]),
    ("outputs", &["output"]),
    ("validate", &["validate"]),
    ("pipeline", &["pipeline"]),
    ("serve and hub", &["serve", "aggregate"]),
    // Scaffolding and importing documents: commands of their own.
    ("face", &["init", "import", "cmd"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

/// Top-level module → modules its files name as `crate::<module>`.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let path_re = regex::Regex::new(r"crate::([a-z_0-9]+)").unwrap();
    let macro_re = regex::Regex::new(r"macro_rules!\s*([a-z_0-9]+)").unwrap();
    let files: Vec<_> = walkdir::WalkDir::new(src)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            (
                e.path().to_path_buf(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    // Macros exported at the crate's root (`crate::msg!`) are not modules.
    let macros: BTreeSet<String> = files
        .iter()
        .flat_map(|(_, text)| macro_re.captures_iter(text).map(|m| m[1].to_string()))
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in &files {
        let rel = path.strip_prefix(src).unwrap();
        let first = rel.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let used = graph.entry(module.clone()).or_default();
        for line in text.lines() {
            // Comments may name any module (intra-doc links to the stage
            // that calls this one are fine: they are not imports).
            let code = line.split("//").next().unwrap_or("");
            for m in path_re.captures_iter(code) {
                if m[1] != module && !macros.contains(&m[1]) {
                    used.insert(m[1].to_string());
                }
            }
        }
    }
    graph
}

#[test]
fn every_module_has_a_layer_and_uses_only_those_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    let mut wrong = Vec::new();
    for (module, used) in &graph {
        let Some(own) = layer_of(module) else {
            wrong.push(format!(
                "{module}: not in any layer of tests/architecture.rs"
            ));
            continue;
        };
        for u in used {
            match layer_of(u) {
                Some(l) if l <= own => {}
                Some(l) => wrong.push(format!(
                    "{module} ({}) uses {u} ({}), a layer above it",
                    LAYERS[own].0, LAYERS[l].0
                )),
                None => wrong.push(format!("{module} uses {u}, which is in no layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_import_cycle_crosses_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    // Modules reachable from each module.
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(m) = todo.pop() {
            for u in graph.get(&m).into_iter().flatten() {
                if seen.insert(u.clone()) {
                    todo.push(u.clone());
                }
            }
        }
        seen
    };
    let mut cycles = Vec::new();
    for module in graph.keys() {
        for other in reach(module) {
            if other != *module
                && layer_of(&other) != layer_of(module)
                && reach(&other).contains(module)
            {
                cycles.push(format!("{module} ↔ {other}"));
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles: {}", cycles.join(", "));
}

/// The files of `src/<dir>` (a module folder or file), with their code:
/// comments and unit tests left out.
fn code_of(dir: &str) -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = src.join(format!("{dir}.rs"));
    let root = if file.is_file() { file } else { src.join(dir) };
    walkdir::WalkDir::new(&root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let text = text.split("#[cfg(test)]").next().unwrap_or("");
            let code: Vec<&str> = text
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .collect();
            (
                e.path().strip_prefix(&src).unwrap().display().to_string(),
                code.join("\n"),
            )
        })
        .collect()
}

#[test]
fn render_and_validate_ask_routes_not_the_writers() {
    let mut wrong = Vec::new();
    for stage in ["render", "validate", "routes"] {
        for (file, code) in code_of(stage) {
            if code.contains("crate::output") {
                wrong.push(file);
            }
        }
    }
    assert!(wrong.is_empty(), "these import crate::output: {wrong:?}");
}

/// The hub writes its feeds and snapshot with the section's writers
/// (`output::feeds::FeedDoc`, `output::sync::document`), not copies.
#[test]
fn the_hub_uses_the_sections_writers() {
    let mut wrong = Vec::new();
    for (file, code) in code_of("aggregate") {
        for copy in ["open_atom(", "open_rss(", "head::json(", "FeedLinks {"] {
            if code.contains(copy) {
                wrong.push(format!("{file}: {copy}"));
            }
        }
    }
    assert!(
        code_of("aggregate/hub/feeds")
            .iter()
            .any(|(_, code)| code.contains("FeedDoc")),
        "the hub's feeds are made as output::feeds::FeedDoc"
    );
    assert!(
        wrong.is_empty(),
        "the hub writes a format itself: {wrong:?}"
    );
}

/// Paths, pagination and page files come from `crate::routes`: no output,
/// hub page or check computes them itself.
#[test]
fn paths_and_pagination_come_from_the_route_table() {
    let mut wrong = Vec::new();
    for stage in ["output", "aggregate", "render", "validate", "pipeline"] {
        for (file, code) in code_of(stage) {
            for own in ["div_ceil(", "index.html\"", "/page/"] {
                if code.contains(own) {
                    wrong.push(format!("{file}: {own}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "compute these in src/routes.rs: {wrong:?}"
    );
}

/// The hub is rendered by the build loop, like a section: its pages and
/// feeds are `Renderer<HubSite>` jobs run by `pipeline::run`, which
/// fingerprints them, keeps unchanged files and writes through the sink.
/// Nothing in `aggregate/hub` writes a file, minifies a page or opens a
/// sink itself.
#[test]
fn the_hub_is_rendered_by_the_build_loop() {
    let mut wrong = Vec::new();
    for (file, code) in code_of("aggregate/hub") {
        for own in [
            "Sink",
            "fs::",
            "File::create",
            "OpenOptions",
            "Staging",
            ".write(&",
            "minify",
            "theme.render(",
        ] {
            if code.contains(own) {
                wrong.push(format!("{file}: {own}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the hub writes outside the build loop: {wrong:?}"
    );
    let hub: String = code_of("aggregate/hub")
        .into_iter()
        .map(|(_, code)| code)
        .collect();
    assert!(
        hub.contains("pipeline::run("),
        "aggregate::hub::render runs the build loop"
    );
    for renderer in ["HubPages", "Feeds", "SyncManifest", "HubSearch"] {
        assert!(
            hub.contains(&format!("impl Renderer<HubSite> for {renderer}")),
            "{renderer} is a Renderer<HubSite>"
        );
    }
}
