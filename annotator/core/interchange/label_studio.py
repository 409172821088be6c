"""Label Studio: a JSON array of tasks, one per article, one annotation per coder.

Written as Label Studio's own JSON export looks (``id``, ``data``, ``annotations[].result``),
so Label Studio imports it with its annotations and its converter reads it (checked with
label-studio-converter 0.0.59)::

    {"id": 1, "data": {"text": …, "article_id": …, "title": …},
     "annotations": [{"id": 1, "coder": "alice", "ground_truth": false,
                      "result": [{"id": <span uuid>, "from_name": "label", "to_name": "text",
                                  "type": "labels", "origin": "manual",
                                  "value": {"start", "end", "text", "labels": [label]},
                                  "meta": {"text": [note]}}]}]}

The coder's name is in ``coder``, not in ``completed_by``: Label Studio refuses a whole import
whose ``completed_by`` names someone who is not a member of its organization, and gives
annotations without it to the user who imports them (it ignores ``coder``). Reading, ``coder``
comes first, then ``completed_by`` as Label Studio exports it (a user object or id number).
The gold standard is the annotation of the coder ``gold`` with ``ground_truth: true``: Label
Studio's own place for the reference annotation of a task. The labeling config (``<View>`` with
the labels and their colours) is written beside the tasks as ``<name>.xml``.

Offsets: current Label Studio counts code points; older versions counted UTF-16 code units.
On import a span whose stored ``text`` is not what the code-point reading covers is read as
UTF-16; if that does not fit either, the file is refused naming the task and result.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.core import safejson
from annotator.core.errors import InputError
from annotator.core.files import atomic_write_many
from annotator.core.gold_io import GOLD
from annotator.core.interchange.span_offsets import (
    SpanRead,
    articles_with_spans,
    fill_record,
    locate,
    text_field,
)
from annotator.core.limits import check_text_size, short_repr
from annotator.core.model import Annotation
from annotator.core.progress import Progress
from annotator.core.records import ArticleRecord, is_blank
from annotator.core.store import Project
from annotator.core.text import Utf16Map, normalize_with_map
from annotator.core.values import canonical_uuid

FROM_NAME, TO_NAME = "label", "text"


def label_config(project: Project) -> str:
    """The labeling config that shows the exported tasks: one ``Label`` per schema label."""
    lines = ["<View>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    for label in project.schema.labels:
        attrs = f"value={quoteattr(label.id)}"
        if label.color:
            attrs += f" background={quoteattr(label.color)}"
        if label.key:  # the coders' shortcut in our app, the same key in Label Studio
            attrs += f" hotkey={quoteattr(label.key)}"
        names = " / ".join(n for n in (label.name_ja, label.name_en) if n)
        if names:
            attrs += f" hint={quoteattr(names)}"
        lines.append(f"    <Label {attrs}/>")
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="$text"/>', "</View>", ""]
    return "\n".join(lines)


def _result(span: Annotation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": span.uuid, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
        "origin": "manual",
        "value": {"start": span.start, "end": span.end, "text": span.text,
                  "labels": [span.label]},
    }
    if span.note:
        out["meta"] = {"text": [span.note]}
    return out


def _task(number: int, external_id: str, title: str, text: str, spans: list[Annotation],
          made: list[int]) -> dict[str, Any]:
    """One task; ``made`` counts the annotations written so far (their ids run on)."""
    by_coder: dict[str, list[Annotation]] = {}
    for span in spans:
        by_coder.setdefault(span.coder, []).append(span)
    annotations = []
    for coder in sorted(by_coder, key=lambda c: (c == GOLD, c)):
        made[0] += 1
        annotations.append({
            "id": made[0], "coder": coder, "ground_truth": coder == GOLD,
            "was_cancelled": False,
            "result": [_result(span) for span in by_coder[coder]],
        })
    return {"id": number, "data": {"text": text, "article_id": external_id, "title": title},
            "annotations": annotations, "predictions": []}


def export_project(project: Project, out: Path, coder: str | None = None,
                   progress: Progress | None = None) -> str:
    """Write the tasks to ``out`` and the labeling config beside it (``out`` with ``.xml``);
    both appear whole or not at all."""
    out = Path(out)
    made = [0]
    tasks = [_task(number, article.external_id, article.title, article.text, spans, made)
             for number, (article, spans)
             in enumerate(articles_with_spans(project, coder, progress), start=1)]
    config = out.with_suffix(".xml")
    if config == out:
        config = out.with_name(out.name + ".xml")
    body = json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
    atomic_write_many(out.parent, {out.name: body.encode("utf-8"),
                                   config.name: label_config(project).encode("utf-8")})
    spans = sum(len(a["result"]) for t in tasks for a in t["annotations"])
    return (f"wrote {len(tasks)} task(s) with {spans} span(s) to {out} "
            f"and the labeling config to {config}")


def _coder(annotation: dict, where: str) -> str:
    """Who made an annotation: our ``coder`` field, else the user Label Studio names (an
    object with email or names; a bare user id number becomes ``user<N>``)."""
    name = annotation.get("coder")
    if isinstance(name, str) and name.strip():
        return name.strip()
    user = annotation.get("completed_by")
    if isinstance(user, dict):
        for key in ("email", "username"):
            if isinstance(user.get(key), str) and user[key].strip():
                return user[key].strip()
        full = " ".join(str(user.get(k) or "") for k in ("first_name", "last_name")).strip()
        if full:
            return full
        user = user.get("id")
    if isinstance(user, int) and not isinstance(user, bool):
        return f"user{user}"
    raise InputError(f"{where}: says neither 'coder' nor who completed it ('completed_by')")


def _spans(annotation: dict, coder: str, raw: str, positions: Utf16Map,
           where: str) -> list[SpanRead]:
    results = annotation.get("result", [])
    if not isinstance(results, list):
        raise InputError(f"{where}: 'result' must be a list")
    spans = []
    for k, result in enumerate(results):
        if not isinstance(result, dict):
            raise InputError(f"{where} result {k + 1}: must be an object")
        if result.get("type", "labels") != "labels":
            continue  # choices, text areas, relations: not spans
        at = f"{where} result {short_repr(result.get('id', k + 1))}"
        value = result.get("value")
        if not isinstance(value, dict):
            raise InputError(f"{at}: 'value' must be an object with start, end and labels")
        labels = value.get("labels")
        if not isinstance(labels, list) or not labels \
                or not all(isinstance(x, str) and x for x in labels):
            raise InputError(f"{at}: 'value.labels' must be a list of label names")
        covered = value.get("text")
        if covered is not None and not isinstance(covered, str):
            raise InputError(f"{at}: 'value.text' must be text")
        start, end = locate(raw, value.get("start"), value.get("end"), covered, at, positions)
        meta = result.get("meta") or {}
        notes = meta.get("text", []) if isinstance(meta, dict) else []
        if isinstance(notes, str):
            notes = [notes]
        if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            raise InputError(f"{at}: 'meta.text' must be a list of notes")
        try:
            uuid = canonical_uuid(str(result.get("id", "")) or "x")
        except ValueError:
            uuid = None  # Label Studio's own short ids: the span gets a new uuid
        for label in labels:
            spans.append(SpanRead(coder, label, start, end, "\n".join(notes),
                                  uuid if len(labels) == 1 else None))
    return spans


def _record(task: Any, number: int, path: Path) -> ArticleRecord:
    where = f"{path} task {number}"
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise InputError(f"{where}: a task must be an object with 'data'")
    if "id" in task and isinstance(task["id"], (int, str)):
        where = f"{path} task {task['id']}"
    data = task["data"]
    raw = data.get("text")
    if not isinstance(raw, str) or is_blank(raw):
        raise InputError(f"{where}: 'data.text' is missing or empty; the tasks must label a "
                         "text named 'text' ($text in the labeling config)")
    check_text_size(raw, where)
    body, move = normalize_with_map(raw)
    external_id = data.get("article_id", task.get("id"))
    if external_id is not None and not isinstance(external_id, (str, int)):
        raise InputError(f"{where}: 'data.article_id' must be text")
    record = ArticleRecord(origin=where, text=body,
                           external_id=None if external_id is None else str(external_id),
                           title=text_field(data, "title", where))
    positions = Utf16Map(raw)
    spans: list[SpanRead] = []
    annotations = task.get("annotations", [])
    if not isinstance(annotations, list):
        raise InputError(f"{where}: 'annotations' must be a list")
    for k, annotation in enumerate(annotations):
        at = f"{where} annotation {k + 1}"
        if not isinstance(annotation, dict):
            raise InputError(f"{at}: must be an object")
        if annotation.get("was_cancelled"):
            continue  # skipped in Label Studio: no work to import
        coder = _coder(annotation, at)
        mine = _spans(annotation, coder, raw, positions, at)
        spans += mine
        if annotation.get("ground_truth") is True and coder.lower() != GOLD:
            spans += [SpanRead(GOLD, s.label, s.start, s.end, s.note) for s in mine]
    return fill_record(record, move, spans)


def read_records(path: Path, schema: object = None) -> Iterator[ArticleRecord]:
    """The tasks of a Label Studio JSON export (an array of tasks, or one task)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start}); export the tasks as JSON "
                         "from Label Studio") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        tasks = safejson.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno} column "
                         f"{exc.colno})") from None
    except safejson.JsonProblem as exc:
        where = str(path)
        if exc.path and isinstance(exc.path[0], int):  # name the task and field
            inner = safejson.dotted_path(exc.path[1:])
            where += f" task {exc.path[0] + 1}" + (f" field {inner!r}" if inner else "")
        raise InputError(f"{where}: {exc.reason}") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(f"{path}: expected a JSON array of Label Studio tasks")
    for number, task in enumerate(tasks, start=1):
        yield _record(task, number, path)
