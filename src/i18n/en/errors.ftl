# Messages: errors. Same ids as in ../vi/errors.ftl.

## Errors that stop a command (not errors in an entry)
error-invalid = { $errors ->
    [one] 1 error found in the site
   *[other] { $errors } errors found in the site
}
error-io = { $path }: { $why }
error-not-utf8 = { $path }: the file is not UTF-8 text (invalid byte at offset { $offset }); save it as UTF-8
error-template = template { $name }: { $detail }
error-json = could not write { $what }: { $detail }
error-not-a-site = no site.toml in { $dir }: this is not a pbgdpl site (create one with `pbgdpl init`, or point --root at it)
error-already-exists = { $dir } already contains a site.toml or content/; choose an empty directory
error-previous = cannot use the previous snapshot { $from }: { $why }
error-busy = another `pbgdpl aggregate` is running with the state directory { $dir } (it holds { $lock }); this run stopped without changing anything
    help: let that run finish; runs started by cron can wait for each other with `flock` (see docs/aggregate.md)

## Why a file operation failed
io-not-found = no such file or directory
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-a-directory = it is a directory, not a file
io-not-a-directory = it is a file, not a directory
io-address-in-use = the port is used by another program
io-other = { $detail }

## Output directories (--out) a build must not replace
output-is-file = `{ $path }` is a file, not a directory: a build replaces its whole output directory, so it does not write there
output-is-file-help = choose another directory (a new one is created), or rename this file
output-holds-site = the output directory `{ $path }` holds the section itself: building there would delete the section's files
output-holds-site-help = build into a directory of its own, such as `public` (the default) or `--out ../output`
output-in-sources = the output directory `{ $path }` is inside the section's `{ $folder }` folder: the next build would read the output as content
output-in-sources-help = build into a directory outside `content`, `static` and `templates`, such as `public` (the default)
output-not-ours = the directory `{ $path }` holds files that pbgdpl did not write: building there would delete them
output-not-ours-help = choose an empty or new directory; if this one really is to be replaced, move its files away first
output-busy = another `pbgdpl build` is writing in the directory `{ $path }`
output-busy-help = wait until it has finished, then run this again
output-write-failed = cannot write the output in `{ $path }`: { $reason }; the previous output is kept
output-reason-permission = you may not write in this directory
output-reason-full = the disk is full
output-permission-help = run the command as a user who may write there, or choose another directory with `--out`
output-full-help = free some space on the disk (about twice the size of the output), then run this again
output-other-help = check the output directory and the disk, then run this again

## A refusal and what to do, as one message
output-refused = { $what }
    {"  "}{ label-help }: { $help }
