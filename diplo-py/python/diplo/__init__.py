"""diplo: typed records from Vietnamese economic-diplomacy reporting.

>>> import diplo
>>> doc = diplo.extract("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.", id="demo")
>>> m = doc.metrics[0]
>>> (m.value, m.unit)
(350.0, 'count')
"""

from __future__ import annotations

import json
from typing import Any, Iterable, List, Optional, Tuple, Union

from . import _diplo, tables
from .corpus import Corpus
from .errors import DiploError
from .records import (BridgePoint, Commitment, Comparison, Document, DocumentRef, Evidence, Meeting, Mention,
                      Metric, Paragraph, Partner, Period, Person, Warning)

__version__ = _diplo.__version__

Text = Union[str, bytes]


def extract(text: Text, *, id: Optional[str] = None, date: Optional[str] = None, lossy: bool = False) -> Document:
    """Extract meetings, metrics and commitments from one article.

    ``text`` may be ``str`` or UTF-8 ``bytes``; invalid bytes raise
    :class:`DiploError` (code ``invalid_utf8``) unless ``lossy=True``.
    ``date`` (``YYYY-MM-DD``) is the publication date used for relative dates.
    """
    doc = Document.from_dict(json.loads(_diplo.extract_json(text, id=id, date=date, lossy=lossy)))
    return _attach(doc, text, lossy)


def _attach(doc: Document, text: Text, lossy: bool) -> Document:
    """Keep the text the offsets point into: the str as passed, or the bytes decoded as Rust decoded them."""
    object.__setattr__(doc, "_text", text if isinstance(text, str) else _diplo.decode(text, lossy=lossy))
    return doc


def extract_json(text: Text, *, id: Optional[str] = None, date: Optional[str] = None, lossy: bool = False) -> str:
    """As :func:`extract`, returning the contract's JSON text."""
    return _diplo.extract_json(text, id=id, date=date, lossy=lossy)


BatchItem = Union[Text, Tuple[Text, Optional[str]], Tuple[Text, Optional[str], Optional[str]]]


def _item_text(item: Any) -> Any:
    """The text of a batch item as given (for a good item: str or bytes)."""
    return item[0] if isinstance(item, (tuple, list)) and item else item


def extract_batch(items: Iterable[BatchItem], *, lossy: bool = False) -> List[Union[Document, DiploError]]:
    """Extract many articles in parallel (GIL released, Rust threads).

    Each item is a text, ``(text, id)`` or ``(text, id, date)``. The result
    has one entry per item, in order: a :class:`Document`, or the
    :class:`DiploError` of that item (with ``document_id`` and ``index``
    set) — the others still come back. An item that is not a text or such a
    tuple (a ``None`` text, an ``int`` date), or a ``str`` with a lone
    surrogate, is an error with code ``invalid_argument``. A bare ``str``
    instead of a list of items is a :class:`TypeError`.
    """
    if isinstance(items, (str, bytes)):
        raise TypeError("extract_batch expects an iterable of texts or (text, id, date) tuples, not a single "
                        f"{type(items).__name__}; wrap one text in a list: [text]")
    items = list(items)
    out: List[Union[Document, DiploError]] = []
    for item, r in zip(items, _diplo.extract_batch_json(items, lossy=lossy)):
        if isinstance(r, str):
            out.append(_attach(Document.from_dict(json.loads(r)), _item_text(item), lossy))
        else:
            out.append(r)
    return out


def plot_claims(corpus_or_report: Any, indicator: Optional[str] = None, ax: Any = None) -> Any:
    """Plot each claim's values over periods by source document (needs matplotlib); see :mod:`diplo.plot`."""
    from .plot import plot_claims as plot
    return plot(corpus_or_report, indicator=indicator, ax=ax)


def __getattr__(name: str) -> Any:
    if name == "spark":  # imported on first use: it is the only module that talks to pyspark
        import importlib
        return importlib.import_module(".spark", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_quantities(text: str) -> list:
    """Quantities in ``text`` (value with scale, unit, qualifier, range, fraction, offsets)."""
    return _diplo.find_quantities(text)


def find_temporals(text: str, date: Optional[str] = None) -> list:
    """Dates and periods in ``text``; ``date`` resolves missing years and relative dates."""
    return _diplo.find_temporals(text, date)


def split_sentences(text: str) -> List[Tuple[int, int]]:
    """Sentence spans (code point offsets) of ``text``."""
    return _diplo.split_sentences(text)


def normalize(text: str) -> str:
    """The normalised text diplo reads (NFC, modern tone marks, plain spaces)."""
    return _diplo.normalize(text)


def fold(text: str) -> str:
    """Accent-folded lower-case form of ``text``, for lookups."""
    return _diplo.fold(text)


__all__ = ["Corpus", "extract", "extract_json", "extract_batch", "tables", "plot_claims", "find_quantities",
           "find_temporals", "split_sentences", "normalize", "fold", "DiploError", "Document", "Meeting", "Metric",
           "Commitment", "Person", "Partner", "Period", "Comparison", "DocumentRef", "BridgePoint", "Mention",
           "Evidence", "Warning", "Paragraph", "__version__"]
