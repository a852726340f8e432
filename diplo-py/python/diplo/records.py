"""The records of RECORDS.md as frozen Python classes.

Each class mirrors the JSON contract field for field; ``from_dict`` reads
the JSON that diplo-core writes and ``to_dict`` gives it back unchanged.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar, get_type_hints

T = TypeVar("T", bound="Record")


class Record:
    """Shared behaviour: dict/JSON round trips and a short repr."""

    @classmethod
    def from_dict(cls: Type[T], data: Dict[str, Any]) -> T:
        hints = _hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _convert(hints[f.name], data[f.name])
        extra = {k: v for k, v in data.items() if k not in kwargs}
        obj = cls(**kwargs)
        if extra:
            object.__setattr__(obj, "_extra", extra)
        return obj

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _plain(getattr(self, f.name))
        out.update(getattr(self, "_extra", {}))
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls: Type[T], text: str) -> T:
        return cls.from_dict(json.loads(text))


_HINTS: Dict[type, Dict[str, Any]] = {}


def _hints(cls: type) -> Dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = getattr(tp, "__origin__", None)
    args = getattr(tp, "__args__", ())
    if origin is list:
        return tuple(_convert(args[0], v) for v in value)
    if origin is tuple:
        return tuple(_convert(args[0], v) for v in value)
    if args and type(None) in args:  # Optional[X]
        inner = [a for a in args if a is not type(None)][0]
        return _convert(inner, value)
    if isinstance(tp, type) and issubclass(tp, Record) and isinstance(value, dict):
        return tp.from_dict(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Evidence(Record):
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0


@dataclass(frozen=True)
class Partner(Record):
    name: str = ""
    code: str = ""
    kind: str = "country"


@dataclass(frozen=True)
class Person(Record):
    title: Optional[str] = None
    name: Optional[str] = None
    roles: Tuple[str, ...] = ()
    group: Optional[str] = None
    count: Optional[float] = None
    partner: Optional[Partner] = None
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0


@dataclass(frozen=True)
class Mention(Record):
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0
    source: str = "body"


@dataclass(frozen=True)
class BridgePoint(Record):
    place: str = ""
    chair: Optional[Person] = None
    attendees: Tuple[Person, ...] = ()
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0


@dataclass(frozen=True)
class Meeting(Record):
    kind: str = "other"
    name: str = ""
    topic: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    year_inferred: bool = False
    end_date: Optional[str] = None
    time_of_day: Optional[str] = None
    format: Optional[str] = None
    venue: Optional[str] = None
    chairs: Tuple[Person, ...] = ()
    attendees: Tuple[Person, ...] = ()
    speakers: Tuple[Person, ...] = ()
    bridge_points: Tuple[BridgePoint, ...] = ()
    partners: Tuple[Partner, ...] = ()
    mentions: Tuple[Mention, ...] = ()
    source: str = "body"
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0


@dataclass(frozen=True)
class Period(Record):
    start: Optional[str] = None
    end: Optional[str] = None
    text: str = ""


@dataclass(frozen=True)
class Comparison(Record):
    kind: str = "ratio"
    value: float = 0.0
    baseline: Optional[Period] = None
    text: str = ""


@dataclass(frozen=True)
class Metric(Record):
    value: float = 0.0
    unit: str = "count"
    counted: Optional[str] = None
    of_total: Optional[float] = None
    qualifier: str = "exact"
    direction: Optional[str] = None
    indicator: str = "other"
    period: Optional[Period] = None
    comparison: Optional[Comparison] = None
    target: bool = False
    subject: Optional[str] = None
    source: str = "body"
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0


@dataclass(frozen=True)
class DocumentRef(Record):
    kind: str = "other"
    number: str = ""
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    date: Optional[str] = None


@dataclass(frozen=True)
class Commitment(Record):
    kind: str = "agreement"
    name: Optional[str] = None
    status: Optional[str] = None
    partners: Tuple[Partner, ...] = ()
    level: Optional[str] = None
    actor: Optional[Person] = None
    addressees: Tuple[str, ...] = ()
    content: Optional[str] = None
    document: Optional[DocumentRef] = None
    source: str = "body"
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0


@dataclass(frozen=True)
class Warning(Record):
    code: str = ""
    message: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Paragraph(Record):
    kind: str = "body"
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Document(Record):
    id: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    source_url: Optional[str] = None
    author: Optional[str] = None
    meetings: Tuple[Meeting, ...] = ()
    metrics: Tuple[Metric, ...] = ()
    commitments: Tuple[Commitment, ...] = ()
    warnings: Tuple[Warning, ...] = ()
    paragraphs: Tuple[Paragraph, ...] = field(default=(), repr=False)

    def __repr__(self) -> str:
        return (f"Document(id={self.id!r}, title={self.title!r}, date={self.date!r}, "
                f"meetings={len(self.meetings)}, metrics={len(self.metrics)}, "
                f"commitments={len(self.commitments)}, warnings={len(self.warnings)})")


__all__ = ["Record", "Evidence", "Partner", "Person", "Mention", "BridgePoint", "Meeting", "Period",
           "Comparison", "Metric", "DocumentRef", "Commitment", "Warning", "Paragraph", "Document"]
