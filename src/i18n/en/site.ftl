# Messages: site. Same ids as in ../vi/site.ftl.
