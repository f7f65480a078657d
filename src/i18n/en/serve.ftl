# Messages: serve. Same ids as in ../vi/serve.ftl.
