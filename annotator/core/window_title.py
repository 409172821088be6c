"""What the annotation window's title names: the article, the project and the coder, each once.

A blind copy is named after its study and its coder ("H200 export study — alice"), so adding the
coder again read "H200 export study — alice — alice". The coder is left out when the project's
name already holds it as one of its " — " parts; the article's title comes first (what the
coder is reading), shortened so the project and the coder still fit in a title bar.
"""

from __future__ import annotations

SEPARATOR = " — "
ARTICLE_LIMIT = 48


def title_parts(project_name: str, coder: str, article_title: str = "") -> list[str]:
    """The parts of the title in order, none repeated: article title, project, coder."""
    parts = []
    article = " ".join(article_title.split())
    if article:
        parts.append(article if len(article) <= ARTICLE_LIMIT
                     else article[:ARTICLE_LIMIT - 1] + "…")
    parts.append(project_name)
    if coder and coder not in [p.strip() for p in project_name.split(SEPARATOR)]:
        parts.append(coder)
    return parts
