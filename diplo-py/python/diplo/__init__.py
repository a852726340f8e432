"""diplo: typed records from Vietnamese economic-diplomacy reporting.

>>> import diplo
>>> doc = diplo.extract("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.", id="demo")
>>> m = doc.metrics[0]
>>> (m.value, m.unit)
(350.0, 'count')
"""

from __future__ import annotations

import json
from typing import Iterable, List, Optional, Sequence, Tuple, Union

from . import _diplo
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
    return Document.from_dict(json.loads(_diplo.extract_json(text, id=id, date=date, lossy=lossy)))


def extract_json(text: Text, *, id: Optional[str] = None, date: Optional[str] = None, lossy: bool = False) -> str:
    """As :func:`extract`, returning the contract's JSON text."""
    return _diplo.extract_json(text, id=id, date=date, lossy=lossy)


BatchItem = Union[Text, Tuple[Text, Optional[str]], Tuple[Text, Optional[str], Optional[str]]]


def extract_batch(items: Iterable[BatchItem], *, lossy: bool = False) -> List[Union[Document, DiploError]]:
    """Extract many articles in parallel (GIL released, Rust threads).

    Each item is a text, ``(text, id)`` or ``(text, id, date)``. The result
    has one entry per item, in order: a :class:`Document`, or the
    :class:`DiploError` that document raised — the others still come back.
    """
    norm: List[Tuple[Text, Optional[str], Optional[str]]] = []
    for it in items:
        if isinstance(it, (str, bytes)):
            norm.append((it, None, None))
        else:
            t = tuple(it)
            norm.append((t[0], t[1] if len(t) > 1 else None, t[2] if len(t) > 2 else None))  # type: ignore[misc]
    out: List[Union[Document, DiploError]] = []
    for r in _diplo.extract_batch_json(norm, lossy=lossy):
        out.append(Document.from_dict(json.loads(r)) if isinstance(r, str) else r)
    return out


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


__all__ = ["Corpus", "extract", "extract_json", "extract_batch", "find_quantities", "find_temporals", "split_sentences",
           "normalize", "fold", "DiploError", "Document", "Meeting", "Metric", "Commitment", "Person", "Partner",
           "Period", "Comparison", "DocumentRef", "BridgePoint", "Mention", "Evidence", "Warning", "Paragraph",
           "__version__"]
