"""Links to commits on the repository's host, for the handbook's Changes sections."""

from __future__ import annotations

from urllib.parse import urlsplit

_COMMIT_PATHS = {
    "github.com": "/commit/",
    "gitlab.com": "/-/commit/",
    "bitbucket.org": "/commits/",
}
"""Where each host shows a commit, after the repository's address."""


def commit_url(repo_url: str) -> str:
    """The address a commit's hash is appended to, for a GitHub, GitLab or Bitbucket
    `repo_url` (self-hosted GitLab included, when its host name says so); empty for
    any other host, whose commit pages the plugin cannot know."""
    parts = urlsplit(repo_url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return ""
    path = parts.path.rstrip("/").removesuffix(".git")
    if path.count("/") < 2:
        return ""
    for known, commit_path in _COMMIT_PATHS.items():
        if (
            host == known
            or host.endswith("." + known)
            or (known == "gitlab.com" and "gitlab" in host)
        ):
            return f"{parts.scheme}://{parts.netloc}{path}{commit_path}"
    return ""
