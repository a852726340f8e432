"""The records of RECORDS.md as frozen Python classes.

Each class mirrors the JSON contract field for field; ``from_dict`` reads
the JSON that diplo-core writes and ``to_dict`` gives it back unchanged.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from dataclasses import dataclass
from typing import Any, ClassVar, Dict, List, Optional, Tuple, Type, TypeVar, get_type_hints

T = TypeVar("T", bound="Record")


class Record:
    """Shared behaviour: dict/JSON round trips and a short repr.

    ``repr`` shows the fields named in ``_repr_fields`` that carry a value
    (long strings cut, nested records in brief, the evidence span as
    ``span=(start, end)``), so a list of records reads in a notebook.
    """

    _repr_fields: ClassVar[Tuple[str, ...]] = ()
    _repr_always: ClassVar[Tuple[str, ...]] = ()

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

    def __repr__(self) -> str:
        parts = []
        defaults = _defaults(type(self))
        for name in self._repr_fields:
            if name == "span":
                parts.append(f"span=({getattr(self, 'start')}, {getattr(self, 'end')})")
                continue
            if name.startswith("#"):  # a list shown by its length
                n = len(getattr(self, name[1:]))
                if n:
                    parts.append(f"{name[1:]}={n}")
                continue
            value = getattr(self, name)
            if name in self._repr_always or not (value is None or value == () or value == defaults.get(name)):
                parts.append(f"{name}={_short(value)}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def brief(self) -> str:
        """A few words for this record, as shown inside another record's repr."""
        return repr(self)


_DEFAULTS: Dict[type, Dict[str, Any]] = {}


def _defaults(cls: type) -> Dict[str, Any]:
    if cls not in _DEFAULTS:
        _DEFAULTS[cls] = {f.name: f.default for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return _DEFAULTS[cls]


def _cut(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _short(value: Any) -> str:
    if isinstance(value, str):
        return repr(_cut(value))
    if isinstance(value, Record):
        return value.brief()
    if isinstance(value, tuple):
        items = [_short(v) for v in value[:4]]
        if len(value) > 4:
            items.append(f"+{len(value) - 4}")
        return "[" + ", ".join(items) + "]"
    return repr(value)


_HINTS: Dict[type, Dict[str, Any]] = {}


def _hints(cls: type) -> Dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = getattr(tp, "__origin__", None)
    args: Tuple[Any, ...] = getattr(tp, "__args__", ())
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


@dataclass(frozen=True, repr=False)
class Evidence(Record):
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0

    _repr_fields = ("text", "span")
    _repr_always = ("text",)


@dataclass(frozen=True, repr=False)
class Partner(Record):
    name: str = ""
    code: str = ""
    kind: str = "country"

    _repr_fields = ("code", "name", "kind")
    _repr_always = ("code",)

    def brief(self) -> str:
        return repr(self.code or self.name)


@dataclass(frozen=True, repr=False)
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

    _repr_fields = ("title", "name", "group", "count", "roles", "partner", "span")

    def brief(self) -> str:
        return repr(_cut(self.name or self.group or self.title or self.text, 30))


@dataclass(frozen=True, repr=False)
class Mention(Record):
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0
    source: str = "body"

    _repr_fields = ("source", "text", "span")
    _repr_always = ("source",)


@dataclass(frozen=True, repr=False)
class BridgePoint(Record):
    place: str = ""
    chair: Optional[Person] = None
    attendees: Tuple[Person, ...] = ()
    text: str = ""
    start: int = 0
    end: int = 0
    byte_start: int = 0
    byte_end: int = 0

    _repr_fields = ("place", "chair", "attendees", "span")

    def brief(self) -> str:
        return repr(self.place)


@dataclass(frozen=True, repr=False)
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

    _repr_fields = ("kind", "name", "date", "end_date", "time_of_day", "format", "venue", "chairs", "partners",
                    "#mentions", "source", "span")
    _repr_always = ("kind", "name")


@dataclass(frozen=True, repr=False)
class Period(Record):
    start: Optional[str] = None
    end: Optional[str] = None
    text: str = ""

    _repr_fields = ("start", "end", "text")

    def brief(self) -> str:
        if self.start or self.end:
            return repr(self.start if self.start == self.end else f"{self.start or '?'}..{self.end or '?'}")
        return repr(_cut(self.text, 30))


@dataclass(frozen=True, repr=False)
class Comparison(Record):
    kind: str = "ratio"
    value: float = 0.0
    baseline: Optional[Period] = None
    text: str = ""

    _repr_fields = ("kind", "value", "baseline", "text")

    def brief(self) -> str:
        base = f" vs {self.baseline.brief()}" if self.baseline else ""
        return repr(f"{self.kind} {self.value:g}") if not base else f"'{self.kind} {self.value:g}'{base}"


@dataclass(frozen=True, repr=False)
class Metric(Record):
    value: float = 0.0
    unit: str = "count"
    value_max: Optional[float] = None
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

    _repr_fields = ("value", "value_max", "unit", "qualifier", "indicator", "counted", "of_total", "direction", "period",
                    "comparison", "target", "subject", "source", "span")
    _repr_always = ("value", "unit", "indicator")


@dataclass(frozen=True, repr=False)
class DocumentRef(Record):
    kind: str = "other"
    number: str = ""
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    date: Optional[str] = None

    _repr_fields = ("kind", "number", "symbol", "issuer", "date")

    def brief(self) -> str:
        return repr(self.symbol or self.number)


@dataclass(frozen=True, repr=False)
class Commitment(Record):
    kind: str = "agreement"
    name: Optional[str] = None
    status: Optional[str] = None
    partners: Tuple[Partner, ...] = ()
    level: Optional[str] = None
    date: Optional[str] = None
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

    _repr_fields = ("kind", "name", "status", "partners", "level", "date", "actor", "addressees", "content", "document",
                    "source", "span")
    _repr_always = ("kind",)


@dataclass(frozen=True, repr=False)
class Warning(Record):
    code: str = ""
    message: str = ""
    start: int = 0
    end: int = 0

    _repr_fields = ("code", "message", "span")
    _repr_always = ("code",)


@dataclass(frozen=True, repr=False)
class Paragraph(Record):
    kind: str = "body"
    start: int = 0
    end: int = 0

    _repr_fields = ("kind", "span")
    _repr_always = ("kind",)


@dataclass(frozen=True, repr=False)
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
    paragraphs: Tuple[Paragraph, ...] = ()

    def __repr__(self) -> str:
        title = _short(self.title) if self.title is not None else "None"
        return (f"Document(id={self.id!r}, title={title}, date={self.date!r}, "
                f"meetings={len(self.meetings)}, metrics={len(self.metrics)}, "
                f"commitments={len(self.commitments)}, warnings={len(self.warnings)})")

    @property
    def text(self) -> Optional[str]:
        """The text this document was extracted from (offsets point into it), or None.

        :func:`diplo.extract` and :func:`diplo.extract_batch` attach it; a
        Document read with ``from_dict``/``from_json`` has none until
        :meth:`with_text`. It is not part of ``to_dict`` nor of equality,
        and it survives pickling.
        """
        return self.__dict__.get("_text")

    def with_text(self, text: str) -> "Document":
        """A copy of this document with ``text`` attached (for display)."""
        doc = copy.copy(self)
        object.__setattr__(doc, "_text", text)
        return doc

    def spans(self) -> List[Tuple[str, int, Record]]:
        """Every highlighted span as ``(kind, index, record)``: meetings (one per mention), metrics, commitments."""
        out: List[Tuple[str, int, Record]] = []
        for i, m in enumerate(self.meetings):
            out.extend(("meeting", i, x) for x in (m.mentions or (m,)))
        out.extend(("metric", i, x) for i, x in enumerate(self.metrics))
        out.extend(("commitment", i, x) for i, x in enumerate(self.commitments))
        return out

    def _repr_html_(self) -> str:
        from .display import document_html
        return document_html(self)


__all__ = ["Record", "Evidence", "Partner", "Person", "Mention", "BridgePoint", "Meeting", "Period",
           "Comparison", "Metric", "DocumentRef", "Commitment", "Warning", "Paragraph", "Document"]
