"""One module per `mkdocs-journey` command, imported lazily by `cli`."""
