//! The stages of the library import only the stages below them
//! (docs/architecture.md): no import cycle between modules of different
//! layers, and nothing reaches upward. Reads `src/` as text: every
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
        ],
    ),
    ("content", &["config", "content", "site"]),
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
