# Messages: site. Same ids as in ../en/site.ftl.
