"""Checked forms of the annotation ids and timestamps an import may carry.

Why: a JSONL file names each annotation by its uuid and dates it; merges match annotations by
uuid and show the dates. A value such as "u-1" or "zzzz" must be refused where it is read (with
the line and annotation number), not stored and found broken later. Accepted values are stored
in one form, so the same annotation always has the same id and two dates compare as text.
"""

from __future__ import annotations

from datetime import datetime, timezone

from annotator.core.limits import short_repr


def new_uuid() -> str:
    """A new random (version 4) UUID in the canonical form: a new span's id.

    ``uuid`` is imported here, at the first new id, not when a project is opened: the coder's
    window shows sooner (0.002 s)."""
    import uuid

    return str(uuid.uuid4())


def canonical_uuid(value: str) -> str:
    """The lower-case hyphenated form of any spelling ``uuid.UUID`` accepts (upper case, no
    hyphens, braces, ``urn:uuid:``); a new random uuid4 for "" or blanks.

    Raises ValueError with the reason for anything else.
    """
    import uuid

    text = value.strip()
    if not text:
        return new_uuid()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise ValueError(
            f"{short_repr(value)} is not a UUID; write 32 hexadecimal digits such as "
            "'1b4e28ba-2fa1-4d2e-883f-0016d3cca427', or leave the field out (or \"\") "
            "to get a new one"
        ) from None


def utc_timestamp(value: str) -> str:
    """An ISO 8601 date-time with a time zone, as UTC with milliseconds and a Z: the form the
    project writes itself (``2026-11-21T06:42:02.123Z``). Raises ValueError with the reason.

    Accepts ``Z`` or an offset (``+09:00``), a space instead of ``T``, any fraction of seconds.
    A date-time without a time zone is refused: Japan and UTC differ by nine hours.
    """
    hint = (
        "write an ISO 8601 date-time with a time zone, such as 2026-11-21T06:42:02.123Z or "
        "2026-11-21T15:42:02+09:00, or leave the field out"
    )
    text = value.strip()
    try:
        if len(text) > 64 or "T" not in text.upper() and " " not in text:
            raise ValueError
        stamp = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{short_repr(value)} is not a date and time; {hint}") from None
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError(f"{short_repr(value)} has no time zone; {hint}")
    try:
        utc = stamp.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise ValueError(f"{short_repr(value)} is out of range; {hint}") from None
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")
