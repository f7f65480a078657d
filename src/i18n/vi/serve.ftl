# Messages: serve. Same ids as in ../en/serve.ftl.
