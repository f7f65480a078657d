# Messages: errors. Same ids as in ../en/errors.ftl.
