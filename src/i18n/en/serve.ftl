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

## Answers of the preview server when there is no page
serve-http-building = 503: building the site, reload in a moment
serve-http-forbidden = 403 Forbidden
serve-http-not-found = 404 Not Found
serve-http-method = 405 Method Not Allowed (GET, HEAD only)
