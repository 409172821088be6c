"""Changing an imported article afterwards: cutting its text (``trim``) and its title (``retitle``).

A text can be cut only while nobody has annotated it (offsets point into it); a title can change
at any time (nothing points into it). When a cut removes the line the title came from, the title
is taken again from the kept text, so no report or export shows a headline of deleted text.
"""

from __future__ import annotations

from annotator.core.cleanup import clean_page
from annotator.core.errors import InputError
from annotator.core.records import check_title, default_title
from annotator.core.store import Project
from annotator.core.textfilter import TextFilter
from annotator.core.tokenizer import token_bounds, tokenizer_id


def title_from_removed(title: str, old_text: str, new_text: str) -> bool:
    """Whether ``title`` came from a line of ``old_text`` that ``new_text`` no longer has (the
    line itself, its default title or its headline without a breadcrumb)."""
    kept = set(new_text.split("\n"))
    for line in old_text.split("\n"):
        if line in kept or not line.strip():
            continue
        if title in (line.strip(), default_title(line)):
            return True
    return False


def trim_article(project: Project, ref: str, text_filter: TextFilter | None = None, *,
                 clean: bool = False) -> str:
    """Cut an article that nobody has annotated yet down to its article part (by
    ``text_filter``, or by :func:`~annotator.core.cleanup.clean_page` with ``clean``);
    returns what was done, in one or two lines."""
    article = project.articles.find(ref)
    name = f"article {article.external_id!r}"
    note = ""
    headline = ""
    if clean:
        cleanup = clean_page(article.text)
        text = cleanup.apply(article.text)
        headline = cleanup.title
        note = f"removed {cleanup.describe()}" if cleanup.changed else "nothing to clean"
    else:
        text, note = (text_filter or TextFilter()).apply(article.text)
    if not text.strip():
        raise InputError(f"{name}: nothing would be left of the text")
    if text == article.text:
        return f"{name} unchanged" + (f" ({note})" if note else "")
    title = article.title
    if title_from_removed(title, article.text, text):
        title = headline or clean_page(text).title or default_title(text)
    with project.transaction():
        project.articles.replace_text(article.id, text, token_bounds(text), tokenizer_id())
        if title != article.title:
            project.articles.set_title(article.id, title)
    said = f"{name}: {len(article.text)} -> {len(text)} characters" + \
        (f" ({note})" if note else "")
    if title != article.title:
        said += f"\n{name}: title now {title!r} (it came from a removed line)"
    return said


def retitle_article(project: Project, ref: str, title: str) -> str:
    """Give an article a new title (also once annotated); returns what was done."""
    article = project.articles.find(ref)
    title = check_title(title, f"article {article.external_id!r}")
    if title == article.title:
        return f"article {article.external_id!r}: title unchanged"
    project.articles.set_title(article.id, title)
    return f"article {article.external_id!r}: title {article.title!r} -> {title!r}"
