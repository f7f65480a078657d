# Messages: cli. Same ids as in ../vi/cli.ftl.

## The summary line when a command stops on errors in the section
failed-build = build failed: { summary-errors } (the previous output is kept)
failed-check = check failed: { summary-errors }
failed-aggregate = aggregate failed: { summary-errors }

## When the command cannot start
cli-cannot-start = cannot start: { $error }
