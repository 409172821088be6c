"""Merging coders' returned files into the master project.

Articles are matched by the SHA-256 of their text, never by position or id alone: an article
whose text differs from the master's is refused by name, because its offsets would point at
other characters. Annotations are matched by UUID and the newer edit wins, deletions included,
so merging the same file twice changes nothing and a deleted span stays deleted. One merge
command is one transaction: any refusal leaves the master as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.project import Annotation, Project
from annotator.core.schema import Schema


@dataclass
class FileMerge:
    """What one returned file brought."""

    path: Path
    coders: set[str] = field(default_factory=set)
    added: int = 0
    updated: int = 0
    deleted: int = 0
    statuses: int = 0
    unchanged: int = 0

    def line(self) -> str:
        who = ", ".join(sorted(self.coders)) or "no coder"
        if not (self.added or self.updated or self.deleted or self.statuses):
            return f"{self.path} ({who}): nothing new ({self.unchanged} span(s) already merged)"
        return (
            f"{self.path} ({who}): {self.added} new span(s), {self.updated} changed, "
            f"{self.deleted} deleted, {self.statuses} status change(s), "
            f"{self.unchanged} unchanged"
        )


@dataclass
class MergeReport:
    files: list[FileMerge] = field(default_factory=list)

    def summary(self) -> str:
        return "\n".join(f.line() for f in self.files) or "no files merged"


def schema_differences(master: Schema, other: Schema) -> list[str]:
    """Human-readable differences between two schemas, label by label."""
    mine = {lab["id"]: lab for lab in master.data["labels"]}
    theirs = {lab["id"]: lab for lab in other.data["labels"]}
    notes = [f"label {i!r} only in the master" for i in mine if i not in theirs]
    notes += [f"label {i!r} only in the file" for i in theirs if i not in mine]
    for label_id in mine.keys() & theirs.keys():
        if json.dumps(mine[label_id], sort_keys=True) != json.dumps(theirs[label_id], sort_keys=True):
            fields = sorted(
                k for k in mine[label_id].keys() | theirs[label_id].keys()
                if mine[label_id].get(k) != theirs[label_id].get(k)
            )
            notes.append(f"label {label_id!r} differs in {', '.join(fields)}")
    if not notes:
        notes.append(f"schema {other.name!r} {other.version} vs {master.name!r} {master.version}")
    return notes


def merge(master: Project, paths: list[str | Path]) -> MergeReport:
    """Bring the coders' annotations, notes and statuses from ``paths`` into ``master``."""
    report = MergeReport()
    with master.transaction():
        for path in map(Path, paths):
            if path.resolve() == master.path.resolve():
                raise ProjectError(f"{path}: is the master project itself")
            with Project.open(path) as other:
                report.files.append(_merge_one(master, other))
    return report


def _merge_one(master: Project, other: Project) -> FileMerge:
    result = FileMerge(other.path)
    if other.schema.sha256 != master.schema.sha256:
        raise ProjectError(
            f"{other.path}: its schema differs from the master's: "
            + "; ".join(schema_differences(master.schema, other.schema))
            + ". Give coders copies made with `annotator assign` from this master."
        )
    article_map: dict[int, int] = {}
    for summary in other.articles():
        theirs = other.article(summary.id)
        mine = master.article_by_sha(theirs.sha256)
        if mine is None:
            same_id = master.article_by_external_id(theirs.external_id)
            if same_id is not None:
                raise ProjectError(
                    f"{other.path}: article {theirs.external_id!r} has a different text from "
                    "the master's (its offsets would point at other characters); it was not "
                    "merged. Was it trimmed or re-imported after the copies were made?"
                )
            raise ProjectError(
                f"{other.path}: article {theirs.external_id!r} is not in the master project"
            )
        article_map[summary.id] = mine
    for ann in other.annotations(include_deleted=True):
        target = article_map[ann.article_id]
        result.coders.add(ann.coder)
        _merge_annotation(master, ann, target, result)
    for article_id, target in article_map.items():
        for coder, status in other.statuses(article_id).items():
            result.coders.add(coder)
            if _merge_status(master, other, article_id, target, coder, status):
                result.statuses += 1
    return result


def _merge_annotation(master: Project, ann: Annotation, target: int, result: FileMerge) -> None:
    try:
        current = master.annotation(ann.uuid)
    except ProjectError:
        current = None
    if current is None:
        master.insert_annotation_row(ann, target)
        if ann.deleted:
            result.deleted += 1
        else:
            result.added += 1
        return
    if ann.updated_at <= current.updated_at:
        result.unchanged += 1
        return
    master.overwrite_annotation_row(ann)
    if ann.deleted and not current.deleted:
        result.deleted += 1
    else:
        result.updated += 1


def _merge_status(
    master: Project, other: Project, their_article: int, target: int, coder: str, status: str
) -> bool:
    theirs_at = other.status_updated_at(their_article, coder)
    mine_at = master.status_updated_at(target, coder)
    if mine_at is not None and (theirs_at or "") <= mine_at:
        return False
    if master.status(target, coder) == status and mine_at is not None:
        return False
    master.put_status(target, coder, status, theirs_at)
    return True
