# Messages: aggregate. Same ids as in ../vi/aggregate.ftl.

## The provincial hub (pbgdpl aggregate)
aggregate-state-inside-out = the state directory { $state } cannot be inside the output directory { $out }: every build replaces the output
schema-does-not-compile = { $name } does not compile ({ $detail })
