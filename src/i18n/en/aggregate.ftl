# Messages: aggregate. Same ids as in ../vi/aggregate.ftl.
