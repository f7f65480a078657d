//! What the search index costs a build (docs/performance.md, "Search"):
//! the time of the `search` renderer within a full build, and the memory
//! making the index adds, counted by the allocator. Not a test: numbers
//! depend on the machine and its load.
//!
//! cargo bench --profile profiling --bench search -- SITE_DIR [SITE_DIR…]
//!
//! (scripts/bench-search generates the sites and runs this; `cargo test`
//! runs it on the demo section as a smoke test.)
//!
//! For each site, in this process: a full build into a temporary directory
//! (wall time, the `search` renderer's share of it, the peak of live heap
//! bytes); then the site loaded and prepared again and only the index made
//! (`Search::plan`: every shard, list, group and fragment in memory, as the
//! build holds them while it writes them): its time, and the live heap
//! bytes above what the prepared site already held, at their peak.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use chrono::NaiveDate;
use pbgdpl::BuildOptions;
use pbgdpl::output::Output;
use pbgdpl::output::search::Search;
use pbgdpl::render::Prepared;
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
    let sites: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    // `cargo test --all-targets` runs this without arguments: the demo.
    let sites = if sites.is_empty() {
        vec![manifest.to_path_buf()]
    } else {
        sites
    };
    let options = BuildOptions {
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        ..BuildOptions::default()
    };
    println!(
        "site | pages | build s | search s (share) | index files, MiB | build peak MiB | index alone s | index adds MiB"
    );
    for root in &sites {
        measure(root, &options);
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
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let started = Instant::now();
    let planned = Search.plan(&prepared).expect("the index is made");
    let alone = started.elapsed().as_secs_f64();
    let added = PEAK.load(Ordering::Relaxed) - base;
    assert!(planned.len() >= files, "every file of the index is a job");
    drop(planned);

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
