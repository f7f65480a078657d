//! The image budget (issue 12), measured, never asserted: run with
//! `cargo bench --bench images` (see docs/performance.md).
//!
//! 1. One 4000×3000 phone-like JPEG of about 6 MB: the size of each
//!    variant, and the time of each step; WebP from libwebp (lossy)
//!    against the pure-Rust encoder (lossless only).
//! 2. N such photos processed cold (empty cache), then warm (every photo
//!    in the cache), through the same `Gallery` a build uses.
//! 3. A section of N entries, each with one of those photos as its
//!    featured photo, and the same section without photos, rebuilt warm
//!    alternately (side by side, in one run) with nothing changed and
//!    after editing one entry: the photos' overhead on a rebuild, and the
//!    photo stage's own share. The load average is printed before and
//!    after.
//!
//! Times are wall clock and CPU time (user + system, every thread): the
//! machine may be shared, so the CPU time is the figure to compare.

use std::time::{Duration, Instant};

/// CPU time used by this process so far (user + system, all threads).
fn cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| Duration::new(v.tv_sec as u64, v.tv_usec as u32 * 1000);
    t(u.ru_utime) + t(u.ru_stime)
}

use pbgdpl::images::{self, Cache, Limits, encode, sample};

/// The machine's load average over the last minute (0 when unknown).
fn load() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

fn main() {
    println!(
        "load average at the start: {:.1}, {} cores",
        load(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args
        .iter()
        .position(|a| a == "--photos")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        // `cargo bench` passes `--bench`; `cargo test --all-targets` runs
        // this file without it, as a quick smoke test on a few photos.
        .unwrap_or(if args.iter().any(|a| a == "--bench") {
            500
        } else {
            3
        });
    let quality: u8 = args
        .iter()
        .position(|a| a == "--source-quality")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(93);

    let t = Instant::now();
    let pixels = sample::photo(4000, 3000, 1);
    let source = sample::jpeg(&pixels, quality, Some(&sample::Metadata::default()));
    println!(
        "source: 4000×3000 JPEG, {:.2} MB (made in {:.2?})",
        source.len() as f64 / 1e6,
        t.elapsed()
    );

    let t = Instant::now();
    let decoded = images::decode::decode(&source, &Limits::default()).expect("decodes");
    println!("decode: {:.0?}", t.elapsed());
    let t = Instant::now();
    let w960 = images::resize::resize(&decoded.pixels, 960, 720).expect("resizes");
    println!("resize to 960×720 from the full photo: {:.0?}", t.elapsed());
    for q in [60.0, 72.0, 80.0] {
        let t = Instant::now();
        let webp = encode::webp(&w960, q).expect("webp");
        println!(
            "  960 px WebP (libwebp, lossy q{q}): {:.1} KB in {:.0?}",
            webp.len() as f64 / 1024.0,
            t.elapsed()
        );
    }
    let t = Instant::now();
    let lossless = encode::webp_lossless(&w960).expect("webp");
    println!(
        "  960 px WebP (pure-Rust image-webp, lossless only): {:.1} KB in {:.0?}",
        lossless.len() as f64 / 1024.0,
        t.elapsed()
    );
    for q in [70u8, 78, 85] {
        let t = Instant::now();
        let jpeg = encode::jpeg(&w960, q).expect("jpeg");
        println!(
            "  960 px JPEG (jpeg-encoder q{q}, progressive): {:.1} KB in {:.0?}",
            jpeg.len() as f64 / 1024.0,
            t.elapsed()
        );
    }
    let t = Instant::now();
    let all = images::process(&source, &Limits::default()).expect("processes");
    println!("whole processing of one photo: {:.0?}", t.elapsed());
    for v in &all.outcome.variants {
        println!(
            "  {:>4}×{:<4} {:<4} {:>7.1} KB",
            v.width,
            v.height,
            v.format.extension(),
            v.bytes as f64 / 1024.0
        );
    }

    // N photos, cold then warm, through a Gallery as a build does.
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let content = root.join("content/tin-tuc");
    std::fs::create_dir_all(&content).expect("dir");
    let distinct = 8u64;
    let photos: Vec<Vec<u8>> = (0..distinct)
        .map(|seed| {
            let mut m = sample::Metadata::default();
            m.latitude += seed as f64 * 0.01;
            sample::jpeg(&sample::photo(4000, 3000, seed + 2), quality, Some(&m))
        })
        .collect();
    let mut sources = Vec::new();
    for i in 0..count {
        // Every file differs (a different EXIF position), so each one is
        // decoded; eight pictures cycle to keep the setup short.
        let mut bytes = photos[i % distinct as usize].clone();
        bytes.extend((i as u32).to_le_bytes()); // after the end marker: ignored by decoders
        let rel = format!("content/tin-tuc/bai-{i}/anh.jpg");
        let path = root.join(&rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(&path, &bytes).expect("write");
        let meta = std::fs::metadata(&path).expect("meta");
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        sources.push(images::gallery::Source {
            path,
            rel,
            dest: format!("tin-tuc/bai-{i}/anh.jpg"),
            size: meta.len(),
            modified,
            uses: Vec::new(),
        });
    }
    let cache = Cache::open(root);
    let (t, c) = (Instant::now(), cpu());
    let (gallery, diags) = images::Gallery::build(&cache, sources.clone(), &Limits::default());
    let (cold, cold_cpu) = (t.elapsed(), cpu() - c);
    assert!(diags.is_empty() && gallery.len() == count);
    println!(
        "{count} photos cold on {} threads: {:.1?} wall, {:.1?} CPU ({:.0?} CPU per photo)",
        rayon::current_num_threads(),
        cold,
        cold_cpu,
        cold_cpu / count as u32
    );
    drop(cache);
    let cache = Cache::open(root);
    let (t, c) = (Instant::now(), cpu());
    let (gallery, _) = images::Gallery::build(&cache, sources.clone(), &Limits::default());
    let (warm, warm_cpu) = (t.elapsed(), cpu() - c);
    println!(
        "{count} photos warm (cache on disk, opened again): {:.1?} wall, {:.1?} CPU",
        warm, warm_cpu
    );
    let t = Instant::now();
    let (_, _) = images::Gallery::build(&cache, sources.clone(), &Limits::default());
    println!(
        "{count} photos warm (same process, as serve): {:.1?}",
        t.elapsed()
    );
    let total: u64 = gallery
        .iter()
        .flat_map(|p| p.outcome.variants.iter())
        .map(|v| v.bytes)
        .sum();
    println!(
        "output: {} files, {:.1} MB",
        gallery.copies().len(),
        total as f64 / 1e6
    );

    // The same photos as the featured photos of a section's entries: the
    // photo stage's share of a warm rebuild.
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal/site.toml");
    std::fs::copy(&fixture, root.join("site.toml")).expect("site.toml");
    for i in 0..count {
        std::fs::write(
            root.join(format!("content/tin-tuc/bai-{i}/index.md")),
            format!("+++\ntitle = \"Bài có ảnh số {i}\"\ndate = 2026-06-01\nimage = \"anh.jpg\"\nimage_alt = \"Ảnh hội nghị số {i}\"\n+++\n\nNội dung bài {i}.\n"),
        )
        .expect("entry");
    }
    let out = root.join("public");
    let options = pbgdpl::BuildOptions {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
        ..Default::default()
    };
    // The same section without photos: the same entries, without `image`
    // lines and without the photo files.
    let plain_dir = tempfile::tempdir().expect("temp dir");
    let plain = plain_dir.path();
    std::fs::copy(&fixture, plain.join("site.toml")).expect("site.toml");
    for i in 0..count {
        let dir = plain.join(format!("content/tin-tuc/bai-{i}"));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(
            dir.join("index.md"),
            format!(
                "+++\ntitle = \"Bài có ảnh số {i}\"\ndate = 2026-06-01\n+++\n\nNội dung bài {i}.\n"
            ),
        )
        .expect("entry");
    }
    let plain_out = plain.join("public");
    let build = |root: &std::path::Path, out: &std::path::Path| {
        let (t, c) = (Instant::now(), cpu());
        pbgdpl::build(root, Some(out), &options).expect("builds");
        (t.elapsed(), cpu() - c)
    };
    // First builds (the photo cache is already warm from above), then
    // warm rebuilds of the two sections alternately, side by side.
    let first = build(root, &out);
    let first_plain = build(plain, &plain_out);
    println!(
        "first build of {count} entries: with photos {:.1?} wall / {:.1?} CPU, without {:.1?} / {:.1?}",
        first.0, first.1, first_plain.0, first_plain.1
    );
    let rounds = 5;
    let median = |runs: &mut Vec<(Duration, Duration)>| {
        runs.sort_by_key(|r| r.1);
        runs[runs.len() / 2]
    };
    let overhead = |what: &str, w: (Duration, Duration), p: (Duration, Duration)| {
        println!(
            "{what} of {count} entries, median of {rounds} alternating runs: with photos {:.2?} wall / {:.2?} CPU, without {:.2?} / {:.2?}",
            w.0, w.1, p.0, p.1
        );
        println!(
            "photos' overhead on a {what}: {:+.1}% CPU, {:+.1}% wall",
            100.0 * (w.1.as_secs_f64() / p.1.as_secs_f64().max(1e-9) - 1.0),
            100.0 * (w.0.as_secs_f64() / p.0.as_secs_f64().max(1e-9) - 1.0)
        );
    };
    // 1. Nothing changed (a CI run on a commit that touched no content).
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        with.push(build(root, &out));
        without.push(build(plain, &plain_out));
    }
    let (w, p) = (median(&mut with), median(&mut without));
    overhead("no-op rebuild", w, p);
    // 2. One entry edited each time (the usual commit): the pages, feeds
    // and sync.json that show it are made again — with every photo's
    // published file in them.
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        for (dir, runs) in [(root, &mut with), (plain, &mut without)] {
            let entry = dir.join("content/tin-tuc/bai-0/index.md");
            let mut text = std::fs::read_to_string(&entry).expect("entry");
            text.push_str(&format!("\nSửa lần {round}.\n"));
            std::fs::write(&entry, text).expect("entry");
            let target = if dir == root { &out } else { &plain_out };
            runs.push(build(dir, target));
        }
    }
    let (w, p) = (median(&mut with), median(&mut without));
    overhead("rebuild after editing one entry", w, p);
    let cache = Cache::open(root);
    let (t, c) = (Instant::now(), cpu());
    let _ = images::Gallery::build(&cache, sources, &Limits::default());
    let stage = (t.elapsed(), cpu() - c);
    println!(
        "photo stage alone, warm: {:.1?} wall / {:.1?} CPU = {:.1}% of the CPU time of a rebuild after an edit",
        stage.0,
        stage.1,
        100.0 * stage.1.as_secs_f64() / w.1.as_secs_f64().max(1e-9)
    );
    println!("load average at the end: {:.1}", load());
}
