//! What the search index costs a build (docs/performance.md, "Search"):
//! the time of the `search` renderer within a full build, and the memory
//! making the index adds. Not a test: numbers depend on the machine and
//! its load.
//!
//! cargo bench --bench search -- [--runs=N] SITE_DIR [SITE_DIR…]
//!
//! (scripts/bench-search generates the sites and runs this; `cargo test`
//! runs it on the demo section as a smoke test, one run each way.)
//!
//! For each site:
//!
//! 1. in this process, a full build into a temporary directory (wall
//!    time, the `search` renderer's share of it, the peak of live heap
//!    bytes); then the site loaded and prepared again and only the index
//!    made (the search page's job rendered, each file it names dropped
//!    as it comes, where the build writes it): its time, and the live
//!    heap bytes above what the prepared site already held, at their
//!    peak (counted by the allocator);
//! 2. the same build with and without the `search` renderer, each in a
//!    process of its own (this binary again, `--child=on|off`), alternating
//!    on, off, on, off… `N` times each (default 5): wall time, CPU time and
//!    peak resident memory (`getrusage`) of each, their medians, and what
//!    the index adds to each. These builds load, prepare and render every
//!    output into an empty directory, as `pbgdpl build` does, without its
//!    link check and the final swap: the share they give the index is a
//!    little larger than in a whole `pbgdpl build`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use chrono::NaiveDate;
use pbgdpl::BuildOptions;
use pbgdpl::incremental::{KeyRecorder, OutputKeys};
use pbgdpl::output::search::Search;
use pbgdpl::output::{self, DirSink, Output, Recorder, RenderContext};
use pbgdpl::pipeline::{self, Reuse};
use pbgdpl::render::Prepared;
use pbgdpl::render::templates::Theme;
use pbgdpl::site::Site;

/// The system allocator, counting the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout, as GlobalAlloc::alloc requires.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for alloc.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's pointer, layout and size, as required.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: f64 = 1024.0 * 1024.0;

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .find_map(|a| a.strip_prefix(&format!("--{name}=")).map(str::to_string))
    };
    let sites: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let options = BuildOptions {
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        ..BuildOptions::default()
    };
    if let Some(how) = flag("child") {
        let root = sites.first().expect("a site");
        child(root, how == "on", &options);
        return;
    }
    // `cargo test --all-targets` runs this without arguments: the demo,
    // one build each way.
    let smoke = sites.is_empty();
    let sites = if smoke {
        vec![manifest.to_path_buf()]
    } else {
        sites
    };
    let runs: usize = flag("runs")
        .map(|n| n.parse().expect("--runs=N: a number"))
        .unwrap_or(if smoke { 1 } else { 5 });
    println!(
        "site | pages | build s | search s (share) | index files, MiB | build peak MiB | index alone s | index adds MiB"
    );
    for root in &sites {
        measure(root, &options);
    }
    println!(
        "\nsite | runs | wall s on / off (adds) | CPU s on / off (adds) | peak RSS MiB on / off (adds) | load before, after"
    );
    for root in &sites {
        on_and_off(root, runs);
    }
}

fn measure(root: &Path, options: &BuildOptions) {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = tmp.path().join("public");

    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    let started = Instant::now();
    let report = pbgdpl::build(root, Some(&out), options).expect("the site builds");
    let build = started.elapsed().as_secs_f64();
    let build_peak = PEAK.load(Ordering::Relaxed);
    let search = report
        .by_renderer
        .iter()
        .find(|r| r.name == "search")
        .expect("a search renderer");
    let (files, bytes) = tree(&out.join(pbgdpl::routes::SEARCH_INDEX_DIR));

    let (site, _) = Site::load(root, options).expect("the site loads");
    let prepared = Prepared::new(&site);
    let theme = Theme::load(root).expect("the theme loads");
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let started = Instant::now();
    let planned = Search.plan(&prepared).expect("the search page is planned");
    let index = (0..planned.len())
        .find(|&i| planned.names_files(i))
        .expect("the index is a job naming its files");
    // The files as the build loop receives them; this bench drops them.
    let named = AtomicUsize::new(0);
    let page = planned
        .render_named(
            index,
            &RenderContext::new(&prepared.common, &theme, None),
            &|_, _| {
                named.fetch_add(1, Ordering::Relaxed);
                Ok(())
            },
        )
        .expect("the index is made");
    let alone = started.elapsed().as_secs_f64();
    let added = PEAK.load(Ordering::Relaxed) - base;
    // The directory also holds the client's script, a job of its own.
    assert_eq!(
        named.into_inner() + 1,
        files,
        "every file of the index is made"
    );
    drop((page, planned));

    println!(
        "{} | {} | {build:.2} | {:.2} ({:.0}%) | {files}, {:.1} | {:.0} | {alone:.2} | {:.0}",
        root.display(),
        report.pages,
        search.elapsed.as_secs_f64(),
        100.0 * search.elapsed.as_secs_f64() / build,
        bytes as f64 / MIB,
        build_peak as f64 / MIB,
        added as f64 / MIB,
    );
}

/// One build of `root` in this process, with or without the `search`
/// renderer: prints its wall time and CPU time (s) and its peak resident
/// memory (KiB).
fn child(root: &Path, with_search: bool, options: &BuildOptions) {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let started = Instant::now();
    let (site, _) = Site::load(root, options).expect("the site loads");
    let prepared = Prepared::new(&site);
    let theme = Theme::load(&site.root).expect("the theme loads");
    let outputs: Vec<&'static dyn Output> = output::renderers()
        .into_iter()
        .filter(|o| with_search || o.name() != "search")
        .collect();
    let sink = DirSink::new(tmp.path());
    let recorder = Recorder::new(&sink);
    let none = OutputKeys::new();
    let reuse = Reuse {
        memo: None,
        previous: &none,
    };
    pipeline::run(
        &outputs,
        &prepared,
        &theme,
        reuse,
        &recorder,
        &KeyRecorder::new(),
    )
    .expect("the site renders");
    let wall = started.elapsed().as_secs_f64();
    let (cpu, rss) = usage();
    println!("{wall} {cpu} {rss}");
}

/// This process's CPU time (user + system, s) and peak resident memory
/// (KiB).
fn usage() -> (f64, i64) {
    // SAFETY: getrusage writes into the zeroed struct it is given.
    let ru = unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut ru);
        ru
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(ru.ru_utime) + secs(ru.ru_stime), ru.ru_maxrss)
}

/// Builds `root` with and without the search renderer, alternating, each
/// in a process of its own; prints the medians.
fn on_and_off(root: &Path, runs: usize) {
    let load = || {
        std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|l| l.split_whitespace().next().map(str::to_string))
            .unwrap_or_else(|| "?".into())
    };
    let before = load();
    let exe = std::env::current_exe().expect("this binary");
    let mut on: Vec<[f64; 3]> = Vec::new();
    let mut off: Vec<[f64; 3]> = Vec::new();
    for _ in 0..runs {
        for (how, into) in [("on", &mut on), ("off", &mut off)] {
            let done = std::process::Command::new(&exe)
                .arg(format!("--child={how}"))
                .arg(root)
                .output()
                .expect("a build runs");
            assert!(
                done.status.success(),
                "{}",
                String::from_utf8_lossy(&done.stderr)
            );
            let text = String::from_utf8_lossy(&done.stdout);
            let figures: Vec<f64> = text
                .split_whitespace()
                .map(|f| f.parse().expect("figures"))
                .collect();
            into.push([figures[0], figures[1], figures[2] / 1024.0]);
        }
    }
    let median = |runs: &[[f64; 3]], i: usize| {
        let mut v: Vec<f64> = runs.iter().map(|r| r[i]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let column = |i: usize, unit: &str| {
        let (a, b) = (median(&on, i), median(&off, i));
        if unit == "%" {
            format!("{a:.2} / {b:.2} ({:+.0}%)", 100.0 * (a / b - 1.0))
        } else {
            format!("{a:.0} / {b:.0} ({:+.0} MiB)", a - b)
        }
    };
    println!(
        "{} | {runs} | {} | {} | {} | {before}, {}",
        root.display(),
        column(0, "%"),
        column(1, "%"),
        column(2, "MiB"),
        load(),
    );
}

/// Files under `dir` and their bytes.
fn tree(dir: &Path) -> (usize, u64) {
    let mut files = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let meta = e.metadata().expect("metadata");
            if meta.is_dir() {
                stack.push(e.path());
            } else {
                files += 1;
                bytes += meta.len();
            }
        }
    }
    (files, bytes)
}
