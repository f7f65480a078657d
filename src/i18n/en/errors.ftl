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
