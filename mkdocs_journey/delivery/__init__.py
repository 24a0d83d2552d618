"""How the pages reach a builder: MkDocs's nav, its Markdown extensions, the search
protocol of the generated pages, the serve fingerprints. Only the plugin and the
commands use this package; `render` knows nothing of it."""
