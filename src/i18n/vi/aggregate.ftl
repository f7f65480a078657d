# Messages: aggregate. Same ids as in ../en/aggregate.ftl.
