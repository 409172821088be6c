"""The articles table: texts (frozen once annotated), their SHA-256 and metadata."""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ProjectError
from annotator.core.model import Article, ArticleSummary
from annotator.core.text import text_sha256

if TYPE_CHECKING:
    from annotator.core.store.project import Project

COLUMNS = "id, external_id, title, source, published, text, sha256, meta, origin, imported_at"


class Articles:
    def __init__(self, project: Project) -> None:
        self._p = project

    def add(
        self,
        *,
        external_id: str,
        text: str,
        title: str = "",
        source: str = "",
        published: str = "",
        meta: dict[str, Any] | None = None,
        origin: str = "",
        bounds: Sequence[tuple[int, int]] | array | None = None,
        tokenizer: str = "",
        sha256: str | None = None,
        lemmas: bytes | None = None,
    ) -> int:
        """Store a normalized text; the caller has checked for duplicates. Returns the id.
        ``lemmas``: the encoded lemma index of the bounds (:mod:`annotator.core.lemma_index`)."""
        from annotator.core.store.project import now

        with self._p.transaction():
            cur = self._p.execute(
                "INSERT INTO articles (external_id, title, source, published, text, sha256, "
                "meta, origin, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [external_id, title, source, published, text, sha256 or text_sha256(text),
                 json.dumps(meta or {}, ensure_ascii=False), origin, now()],
            )
            article_id = int(cur.lastrowid)
            if bounds is not None:
                self._p.tokens.store_bounds(article_id, bounds, tokenizer, lemmas)
        return article_id

    def by_sha(self, sha256: str) -> int | None:
        row = self._p.execute("SELECT id FROM articles WHERE sha256 = ?", [sha256]).fetchone()
        return row[0] if row else None

    def by_external_id(self, external_id: str) -> int | None:
        row = self._p.execute(
            "SELECT id FROM articles WHERE external_id = ?", [external_id]
        ).fetchone()
        return row[0] if row else None

    def get(self, article_id: int, verify: bool = True) -> Article:
        """An article; ``verify`` refuses a text changed behind the store's back."""
        row = self._p.execute(
            "SELECT id, external_id, title, source, published, text, sha256, meta, origin "
            "FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise ProjectError(f"{self._p.path}: no article with id {article_id}")
        if verify and text_sha256(row[5]) != row[6]:
            raise ProjectError(
                f"{self._p.path}: article {row[1]!r}: its text no longer matches its SHA-256 "
                f"(changed outside the app); run `annotator check {self._p.path}`"
            )
        try:
            meta = json.loads(row[7])
        except ValueError:
            raise ProjectError(
                f"{self._p.path}: article {row[1]!r}: its metadata is damaged; run "
                f"`annotator check {self._p.path}`"
            ) from None
        return Article(*row[:7], meta=meta, origin=row[8])

    def sha(self, article_id: int) -> str | None:
        row = self._p.execute("SELECT sha256 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def find(self, ref: str) -> Article:
        """An article by its external id or, failing that, by its number in the list (1-based)."""
        found = self.by_external_id(ref)
        if found is None and ref.isdigit():
            ids = self.ids()
            if 1 <= int(ref) <= len(ids):
                found = ids[int(ref) - 1]
        if found is None:
            raise ProjectError(
                f"{self._p.path}: no article {ref!r}; `annotator articles` lists their ids"
            )
        return self.get(found)

    def ids(self) -> list[int]:
        return [r[0] for r in self._p.execute("SELECT id FROM articles ORDER BY id")]

    def summaries(self) -> list[ArticleSummary]:
        """All articles in import order, with every coder's status."""
        statuses = self._p.statuses.all()
        return [
            ArticleSummary(aid, ext, title, length, statuses.get(aid, {}))
            for aid, ext, title, length in self._p.execute(
                "SELECT id, external_id, title, length(text) FROM articles ORDER BY id"
            )
        ]

    def replace_text(
        self, article_id: int, text: str, bounds: list[tuple[int, int]], tokenizer: str
    ) -> None:
        """Change a text nobody has annotated yet (trimming); refused once annotated."""
        article = self.get(article_id)
        if self._p.annotations.any_in(article_id) or self._p.gold.any_in(article_id):
            raise ProjectError(
                f"article {article.external_id!r} already has annotations; its text can no "
                "longer change"
            )
        sha = text_sha256(text)
        other = self.by_sha(sha)
        if other is not None and other != article_id:
            raise ProjectError(
                f"article {article.external_id!r}: the trimmed text is identical to article "
                f"{self.get(other).external_id!r}"
            )
        with self._p.transaction():
            self._p.execute(
                "UPDATE articles SET text = ?, sha256 = ? WHERE id = ?", [text, sha, article_id]
            )
            self._p.tokens.forget_cues(article_id)
            self._p.tokens.store_bounds(article_id, bounds, tokenizer)

    def set_title(self, article_id: int, title: str) -> None:
        """Change a title, also once annotated: no offset depends on it. The caller checks the
        title (annotator.core.records.check_title)."""
        with self._p.transaction():
            changed = self._p.execute(
                "UPDATE articles SET title = ? WHERE id = ?", [title, article_id]
            ).rowcount
        if not changed:
            raise ProjectError(f"{self._p.path}: no article with id {article_id}")

    def search(self, query: str) -> set[int]:
        """Ids of articles whose id, title or text contains ``query`` (case-insensitive for ASCII)."""
        needle = query.strip().lower()
        if not needle:
            return set(self.ids())
        return {
            r[0]
            for r in self._p.execute(
                "SELECT id FROM articles WHERE instr(lower(external_id), ?) "
                "OR instr(lower(title), ?) OR instr(lower(text), ?)",
                [needle, needle, needle],
            )
        }
