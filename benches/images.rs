//! The image budget (issue 12), measured, never asserted: run with
//! `cargo bench --bench images` (see docs/performance.md).
//!
//! 1. One 4000×3000 phone-like JPEG of about 6 MB: the size of each
//!    variant, and the time of each step; WebP from libwebp (lossy)
//!    against the pure-Rust encoder (lossless only).
//! 2. N such photos processed cold (empty cache), then warm (every photo
//!    in the cache), through the same `Gallery` a build uses.
//! 3. Two sections, each beside the same section without photos, rebuilt
//!    warm alternately (side by side, in one run) with nothing changed,
//!    after editing one entry, and from nothing with the image cache warm
//!    (a CI run on a clean clone): the photos' overhead on a rebuild, and
//!    the images' own share of it.
//!    The realistic section, on which the budget (< 5 %) is judged: 2N
//!    entries written like scripts/bench-compare's corpus (documents,
//!    news, Q&A, activities, notices with headings, lists and tables,
//!    summaries and tags), the news, activities and notices — N entries
//!    — each with one of the photos. The worst case: N one-line entries,
//!    each with a photo. Then the photo stage's own share. The load
//!    average is printed before and after; `-- --rounds R` sets the
//!    number of alternating runs (default 5).
//!
//! `-- --keep` leaves the two realistic sections (with and without
//! photos, built) on disk and prints where, for `perf`, `strace` and
//! callgrind runs of `pbgdpl build` on them.
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

    // 3. The photos as the featured photos of a section's entries, beside
    // the same section without them: what photos add to a warm rebuild.
    // Two sections: a realistic one (judged against the budget) and the
    // worst case.
    let options = pbgdpl::BuildOptions {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
        ..Default::default()
    };
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let photo_files: Vec<&std::path::Path> = sources.iter().map(|s| s.path.as_path()).collect();
    // Realistic: 2N entries written like scripts/bench-compare's corpus
    // (legal documents, news, Q&A, activities, notices; headings, lists,
    // tables; a summary and 1–3 tags each); the news, activities and
    // notices — half of them, N entries — each with one of the photos.
    let real_dir = tempfile::tempdir().expect("temp dir");
    let real_plain_dir = tempfile::tempdir().expect("temp dir");
    let repo_site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("site.toml");
    let edit = realistic(real_dir.path(), &repo_site, 2 * count, Some(&photo_files));
    realistic(real_plain_dir.path(), &repo_site, 2 * count, None);
    // The photos are in the cache already (same bytes): the section's
    // cache starts as a copy of the one above, as after an earlier build.
    copy_tree(
        &root.join(images::cache::CACHE_DIR),
        &real_dir.path().join(images::cache::CACHE_DIR),
    );
    let realistic_edit = compare(
        &format!(
            "realistic section ({} entries, {count} with a photo)",
            2 * count
        ),
        real_dir.path(),
        real_plain_dir.path(),
        &edit,
        rounds,
        &options,
        warm,
    );
    // Worst case: N one-line entries, each with one photo.
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
    let worst_edit = compare(
        &format!("worst case ({count} one-line entries, each with a photo)"),
        root,
        plain,
        "content/tin-tuc/bai-0/index.md",
        rounds,
        &options,
        warm,
    );
    let cache = Cache::open(root);
    let (t, c) = (Instant::now(), cpu());
    let _ = images::Gallery::build(&cache, sources, &Limits::default());
    let stage = (t.elapsed(), cpu() - c);
    println!(
        "photo stage alone, warm: {:.1?} wall / {:.1?} CPU = {:.1}% of the CPU time of a rebuild after an edit of the realistic section, {:.1}% of the worst case's",
        stage.0,
        stage.1,
        100.0 * stage.1.as_secs_f64() / realistic_edit.1.as_secs_f64().max(1e-9),
        100.0 * stage.1.as_secs_f64() / worst_edit.1.as_secs_f64().max(1e-9)
    );
    println!("load average at the end: {:.1}", load());
    if args.iter().any(|a| a == "--keep") {
        println!(
            "kept: realistic section with photos {}, without {}",
            real_dir.keep().display(),
            real_plain_dir.keep().display()
        );
    }
}

/// A wall-clock and CPU time.
type Times = (Duration, Duration);

/// Builds the section at `with` (which has photos) and its twin `plain`
/// (without) once, then rebuilds them alternately `rounds` times with
/// nothing changed, `rounds` times after editing the entry `edit` (a
/// path under both) and `rounds` times from nothing (output, keys and kept
/// bodies removed: a CI run on a clean clone whose image cache was
/// restored): prints the medians and the photos' overhead, and returns the
/// median rebuild after an edit of `with`.
///
/// Also prints the images' own share of each build with photos: the
/// photo stage (`stage`: the photos looked up in the cache, measured
/// alone) and the `assets` renderer, which publishes the photos' copies
/// (keeps them, or links them in from the cache), against the build's
/// wall time (median over the rounds).
fn compare(
    name: &str,
    with: &std::path::Path,
    plain: &std::path::Path,
    edit: &str,
    rounds: usize,
    options: &pbgdpl::BuildOptions,
    stage: Duration,
) -> Times {
    let shares = std::cell::RefCell::new(Vec::new());
    let build = |root: &std::path::Path| {
        let (t, c) = (Instant::now(), cpu());
        let report = pbgdpl::build(root, Some(&root.join("public")), options).expect("builds");
        let times = (t.elapsed(), cpu() - c);
        if root == with {
            let assets: Duration = report
                .by_renderer
                .iter()
                .filter(|r| r.name == "assets")
                .map(|r| r.elapsed)
                .sum();
            shares
                .borrow_mut()
                .push(100.0 * (stage + assets).as_secs_f64() / times.0.as_secs_f64().max(1e-9));
        }
        times
    };
    let share = |what: &str| {
        let mut s = std::mem::take(&mut *shares.borrow_mut());
        s.sort_by(f64::total_cmp);
        println!(
            "  {what}: the images' own work (photo stage + publishing the copies) is {:.1}% of the build (median of {})",
            s.get(s.len() / 2).copied().unwrap_or(0.0),
            s.len()
        );
    };
    let first = build(with);
    let first_plain = build(plain);
    shares.borrow_mut().clear();
    println!("{name}:");
    for (label, dir, t) in [
        ("with photos", with, first),
        ("without", plain, first_plain),
    ] {
        let (files, bytes) = tree_size(&dir.join("public"));
        println!(
            "  first build {label}: {:.1?} wall / {:.1?} CPU; {files} files, {:.1} MB",
            t.0,
            t.1,
            bytes as f64 / 1e6
        );
    }
    let median = |runs: &mut Vec<Times>| {
        runs.sort_by_key(|r| r.1);
        runs[runs.len() / 2]
    };
    let overhead = |what: &str, w: Times, p: Times| {
        println!(
            "  {what}, median of {rounds} alternating runs: with photos {:.1?} wall / {:.1?} CPU, without {:.1?} / {:.1?}: {:+.1}% CPU, {:+.1}% wall",
            w.0,
            w.1,
            p.0,
            p.1,
            100.0 * (w.1.as_secs_f64() / p.1.as_secs_f64().max(1e-9) - 1.0),
            100.0 * (w.0.as_secs_f64() / p.0.as_secs_f64().max(1e-9) - 1.0)
        );
    };
    // Nothing changed (a CI run on a commit that touched no content).
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        a.push(build(with));
        b.push(build(plain));
    }
    overhead("no-op rebuild", median(&mut a), median(&mut b));
    share("no-op rebuild");
    // One entry edited each time (the usual commit): the pages, feeds and
    // sync.json that show it are made again, every other file is kept.
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        for (dir, runs) in [(with, &mut a), (plain, &mut b)] {
            let entry = dir.join(edit);
            let mut text = std::fs::read_to_string(&entry).expect("entry");
            text.push_str(&format!("\nSửa lần {round}.\n"));
            std::fs::write(&entry, text).expect("entry");
            runs.push(build(dir));
        }
    }
    let (w, p) = (median(&mut a), median(&mut b));
    overhead("rebuild after editing one entry", w, p);
    share("rebuild after editing one entry");
    // From nothing, the image cache warm.
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        for (dir, runs) in [(with, &mut a), (plain, &mut b)] {
            let _ = std::fs::remove_dir_all(dir.join("public"));
            for item in std::fs::read_dir(dir).expect("section").flatten() {
                if item
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".public.pbgdpl-")
                {
                    let _ = std::fs::remove_file(item.path())
                        .or_else(|_| std::fs::remove_dir_all(item.path()));
                }
            }
            runs.push(build(dir));
        }
    }
    overhead(
        "full build, image cache warm",
        median(&mut a),
        median(&mut b),
    );
    share("full build, image cache warm");
    w
}

/// Number of files under `dir` and their bytes.
fn tree_size(dir: &std::path::Path) -> (usize, u64) {
    let mut out = (0, 0);
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(meta) = e.metadata() else { continue };
        if meta.is_dir() {
            let (n, b) = tree_size(&e.path());
            out = (out.0 + n, out.1 + b);
        } else {
            out = (out.0 + 1, out.1 + meta.len());
        }
    }
    out
}

/// Copies the tree at `from` to `to` (hard links where it can).
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("dir");
    for e in std::fs::read_dir(from).expect("dir").flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if e.file_type().expect("type").is_dir() {
            copy_tree(&src, &dst);
        } else if std::fs::hard_link(&src, &dst).is_err() {
            std::fs::copy(&src, &dst).expect("copy");
        }
    }
}

/// A deterministic random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number from `lo` to `hi`, both included.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }
}

const WORDS: &str = "pháp luật quy định thực hiện trách nhiệm cơ quan tổ chức cá nhân người dân doanh nghiệp \
ngân sách thuế đất đai hồ sơ thủ tục hành chính thời hạn kê khai nộp tiền xử phạt vi phạm \
hướng dẫn tuyên truyền phổ biến giáo dục cán bộ công chức cấp xã tỉnh huyện năm kế hoạch \
báo cáo kết quả triển khai nội dung chính sách điều khoản sửa đổi bổ sung hiệu lực thi hành \
quyền nghĩa vụ lợi ích hợp pháp bảo đảm công khai minh bạch";
const FIELDS: [&str; 6] = [
    "Đất đai",
    "Thuế",
    "Ngân sách",
    "Tài sản công",
    "Bảo hiểm xã hội",
    "An toàn giao thông",
];
const TAGS: [&str; 12] = [
    "thuế",
    "đất đai",
    "ngân sách",
    "giá",
    "tài sản công",
    "đầu tư công",
    "hòa giải",
    "trợ giúp pháp lý",
    "lao động",
    "trẻ em",
    "giao thông",
    "môi trường",
];

fn sentence(rng: &mut Rng, n: usize) -> String {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut out: Vec<String> = (0..n).map(|_| rng.pick(&words).to_string()).collect();
    let mut first = out[0].chars();
    out[0] = first
        .next()
        .map(|c| c.to_uppercase().chain(first).collect())
        .unwrap_or_default();
    format!("{}.", out.join(" "))
}

fn sentences(rng: &mut Rng, count: usize) -> String {
    (0..count)
        .map(|_| {
            let n = rng.range(10, 22);
            sentence(rng, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A body as scripts/bench-compare writes it.
fn body(rng: &mut Rng, table: bool) -> String {
    let mut parts = vec![sentences(rng, 3), "## Nội dung chính".to_string()];
    let items = rng.range(3, 5);
    let list: Vec<String> = (0..items)
        .map(|_| {
            let n = rng.range(6, 12);
            format!("- {}", sentence(rng, n))
        })
        .collect();
    parts.push(list.join("\n"));
    parts.push(sentences(rng, 4));
    if table || rng.range(0, 9) < 4 {
        parts.push("## Số liệu".to_string());
        let mut rows = vec![
            "| Nội dung | Số lượng | Ghi chú |".to_string(),
            "|---|---:|---|".to_string(),
        ];
        for _ in 0..rng.range(3, 5) {
            let what = sentence(rng, 3);
            let (n, field) = (rng.range(1, 5000), rng.pick(&FIELDS));
            rows.push(format!("| {} | {n} | {field} |", &what[..what.len() - 1]));
        }
        parts.push(rows.join("\n"));
    }
    parts.push("## Tổ chức thực hiện".to_string());
    let steps: Vec<String> = (1..=3)
        .map(|k| {
            let n = rng.range(10, 22);
            format!("{k}. {}", sentence(rng, n))
        })
        .collect();
    parts.push(steps.join("\n"));
    parts.push(sentences(rng, 3));
    parts.join("\n\n") + "\n"
}

/// The order of the 20 kinds of [`realistic`]'s mix: kinds without a photo
/// (documents, questions) and with one (news, activities, notices) take
/// turns, so that every other entry has a photo at any size — the smoke
/// run's six entries too.
const SLOTS: [usize; 20] = [
    0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 15, 11, 16, 12, 17, 13, 18, 14, 19,
];

/// Writes a section of `entries` entries at `root` with the site.toml at
/// `site`: of every 20 entries, 6 legal documents, 5 news, 4 questions, 3
/// activities and 2 notices (scripts/bench-compare's mix). With `photos`,
/// each news, activity and notice is a bundle with one of them (in turn)
/// as its featured photo; without, the same bundles without photo.
/// Returns the path of the first entry with a photo.
fn realistic(
    root: &std::path::Path,
    site: &std::path::Path,
    entries: usize,
    photos: Option<&[&std::path::Path]>,
) -> String {
    std::fs::copy(site, root.join("site.toml")).expect("site.toml");
    let mut rng = Rng(471_766);
    let (mut shown, mut first) = (0, String::new());
    for i in 0..entries {
        let (key, kind) = match SLOTS[i % 20] {
            0..=5 => ("van-ban-moi", "document"),
            6..=10 => ("tin-tuc", "news"),
            11..=14 => ("hoi-dap", "question"),
            15..=17 => ("hoat-dong", "activity"),
            _ => ("thong-bao", "news"),
        };
        let day = rng.range(0, 8 * 365 - 1);
        let (year, rest) = (2019 + day / 365, day % 365);
        let date = format!("{year:04}-{:02}-{:02}", 1 + rest / 31 % 12, 1 + rest % 28);
        let n = rng.range(6, 11);
        let title = sentence(&mut rng, n);
        let mut fm = vec![
            format!("id = \"bench-{i:06}\""),
            format!("title = \"{} (số {})\"", &title[..title.len() - 1], i + 1),
            format!("date = {date}"),
        ];
        match kind {
            "document" => fm.extend([
                format!("number = \"{}/{year}/QĐ-UBND\"", rng.range(1, 200)),
                "document_type = \"Quyết định\"".to_string(),
                "issuer = \"UBND tỉnh Nghệ An\"".to_string(),
                format!("issue_date = {date}"),
                format!("effective_date = {date}"),
                "validity = \"còn hiệu lực\"".to_string(),
                format!("field = \"{}\"", rng.pick(&FIELDS)),
            ]),
            "question" => {
                let q = sentence(&mut rng, 14);
                fm.extend([
                    format!("question = \"{}?\"", &q[..q.len() - 1]),
                    "asker = \"Một người dân ở xã Nam Đàn\"".to_string(),
                    "answered_by = \"Sở Tư pháp\"".to_string(),
                    format!("field = \"{}\"", rng.pick(&FIELDS)),
                ])
            }
            "activity" => fm.extend([
                format!("held_on = {date}"),
                "place = \"Hội trường UBND xã\"".to_string(),
                "form = \"Hội nghị\"".to_string(),
                format!("participants = {}", rng.range(20, 500)),
                "organizer = \"Sở Tư pháp\"".to_string(),
            ]),
            _ => {}
        }
        let tags: Vec<String> = (0..rng.range(1, 3))
            .map(|_| format!("\"{}\"", rng.pick(&TAGS)))
            .collect();
        let mut tags_unique = tags.clone();
        tags_unique.sort();
        tags_unique.dedup();
        fm.push(format!("summary = \"{}\"", sentence(&mut rng, 18)));
        fm.push(format!("tags = [{}]", tags_unique.join(", ")));
        let text = body(&mut rng, kind == "document" || kind == "activity");
        let with_photo = matches!(SLOTS[i % 20], 6..=10 | 15..=19);
        let rel = if with_photo {
            let dir = root.join(format!("content/{key}/muc-{i:06}"));
            std::fs::create_dir_all(&dir).expect("dir");
            if let Some(photos) = photos {
                let photo = photos[shown % photos.len()];
                if std::fs::hard_link(photo, dir.join("anh.jpg")).is_err() {
                    std::fs::copy(photo, dir.join("anh.jpg")).expect("photo");
                }
                fm.push("image = \"anh.jpg\"".to_string());
                fm.push(format!("image_alt = \"Ảnh hoạt động số {}\"", i + 1));
            }
            shown += 1;
            format!("content/{key}/muc-{i:06}/index.md")
        } else {
            format!("content/{key}/muc-{i:06}.md")
        };
        if with_photo && first.is_empty() {
            first = rel.clone();
        }
        let path = root.join(&rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(path, format!("+++\n{}\n+++\n\n{text}", fm.join("\n"))).expect("entry");
    }
    first
}
