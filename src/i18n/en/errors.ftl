# Messages: errors. Same ids as in ../vi/errors.ftl.
