//! Giving freed memory back to the system between the build's stages.
//!
//! glibc's `malloc` keeps the memory a program frees for its next
//! allocations; it returns to the system only what is free at the top of
//! its heaps. The build frees a lot at once twice: the prepare stage's
//! temporaries (each body's Markdown events and scratch strings) and,
//! once the renderers that list entries are done, the template values
//! lists share (about 4 KiB an entry). What comes next (the search index,
//! the feeds) allocates in other sizes and patterns, so much of that
//! freed memory stayed resident beside what they took anew: at 50,000
//! entries the peak resident size was some 150 MiB above the heap's
//! peak (`docs/performance.md`, "Eighteenth measurements").
//! [`give_back`] asks `malloc` to return the free pages of every heap
//! (`malloc_trim`), so the next stage starts from what is alive.
//!
//! Buffers of a quarter of a mebibyte or more (a feed document, an index
//! shard, the sitemap while they grow) get pages of their own from the
//! system, returned as soon as they are freed ([`settle`]): by default
//! glibc raises that threshold each time such a buffer is freed (up to
//! 32 MiB), after which they were carved from the heaps and left holes
//! there that later, smaller allocations could not fill.

/// Smallest allocation `malloc` maps on its own ([`settle`]).
#[cfg_attr(not(all(target_os = "linux", target_env = "gnu")), allow(dead_code))]
const OWN_PAGES_FROM: i32 = 256 * 1024;

/// Fixes the size from which `malloc` gives an allocation pages of its
/// own to [`OWN_PAGES_FROM`] (glibc only; elsewhere nothing): called
/// before the build's stages.
pub(crate) fn settle() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a parameter of the allocator, under its
    // own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM);
    }
}

/// Returns the pages `malloc` holds free to the system (glibc only;
/// elsewhere nothing). Costs a walk over the free lists: call it after a
/// stage that freed much, not per job.
pub(crate) fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases memory no allocation uses; it
    // takes the allocator's locks itself and may run beside other threads.
    unsafe {
        libc::malloc_trim(0);
    }
}
