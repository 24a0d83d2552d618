"""The MkDocs hook that `render --config-out` writes beside the configuration it makes.

`render` writes the links of its HTML blocks as links to the target's source file,
relative to the page's own (`../departments/sales.md#intake`), which is how Zensical
resolves every relative link of a page. MkDocs and ProperDocs resolve only Markdown
links and leave raw HTML as written; this hook resolves the HTML blocks' `.md` links the
way they resolve Markdown links, so that one rendered folder builds the same handbook
with all three. It also points a generated page's edit link at the YAML file that
defines it (the `edit_uri` of the page's front matter), as the plugin does.

The file is copied as it is, so it imports nothing but the standard library and uses
only what MkDocs 1.6 and ProperDocs both give a hook. Zensical runs no hooks."""

from __future__ import annotations

import logging
import posixpath
import re
from html import unescape
from typing import Any
from urllib.parse import unquote

_LOG = logging.getLogger("mkdocs.hooks.journey")
"""Under `mkdocs`, whose warnings both builders count for `--strict`."""

_HTML_LINK = re.compile(
    r"<!--.*?-->"  # a comment: left as it is
    r"|(<a\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?<![\w-])href=)"
    r"(?:\"([^\"#?:/][^\"#?:]*?\.md)((?:[?#][^\"]*)?)\""
    r"|'([^'#?:/][^'#?:]*?\.md)((?:[?#][^']*)?)')",
    re.S,
)
"""An HTML `<a>` whose relative link names a Markdown file (its query and anchor
kept), or an HTML comment, which is skipped. In code, `<` is escaped, so an example of
HTML in a code block never matches."""


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """A generated page's edit link: the YAML file named in its front matter."""
    source = page.meta.get("edit_uri")
    if isinstance(source, str) and source and hasattr(page, "_set_edit_url"):
        page.file.edit_uri = source
        page._set_edit_url(config["repo_url"], config["edit_uri"], config["edit_uri_template"])
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Each HTML `.md` link as the URL of its page, relative to this page's URL. A link
    to no page is reported at the level the site gives a Markdown link to no page (a
    Markdown link MkDocs could not resolve is left as written, and reported again)."""
    folder = posixpath.dirname(page.file.src_uri)

    def resolved(match: re.Match[str]) -> str:
        if match[1] is None:
            return match[0]
        quote = '"' if match[2] is not None else "'"
        written, rest = (match[2], match[3]) if match[2] is not None else (match[4], match[5])
        path = posixpath.normpath(posixpath.join(folder, unquote(unescape(written))))
        target = files.get_file_from_path(path)
        if target is None:
            _LOG.log(
                _not_found_level(config),
                "Doc file '%s' contains an HTML link to '%s', which is not found.",
                page.file.src_uri,
                unescape(written),
            )
            return match[0]
        return f"{match[1]}{quote}{target.url_relative_to(page.file)}{rest}{quote}"

    return _HTML_LINK.sub(resolved, html)


def _not_found_level(config: Any) -> int:
    """The level of MkDocs' own message for a link to no page (`validation`)."""
    try:
        return int(config["validation"]["links"]["not_found"])
    except (KeyError, TypeError, ValueError):
        return logging.WARNING
