"""``robots.txt``: every page may be indexed, and here is the sitemap.

Pipeline position: an export beside the pages. Search engines read ``robots.txt`` only at the root of a
host, so it matters when the site is published at the root of its address; the sitemap line needs the
site's absolute address (``site_url``) and is left out without one.
"""

from __future__ import annotations


def robots_txt(site_url: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}sitemap.xml")
    return "\n".join(lines) + "\n"
