# Messages: serve. Same ids as in ../vi/serve.ftl.

## The preview cannot run
serve-failed = { $what }: { $why }
serve-cannot-listen-on = cannot listen on { $address }
serve-cannot-read-address = cannot read the address
serve-cannot-listen = cannot listen
serve-cannot-start = cannot start the HTTP server
serve-cannot-watch = cannot watch files ({ $detail })
serve-cannot-watch-dir = cannot watch { $dir } ({ $detail })
serve-watch-failed = watching files failed ({ $detail })
