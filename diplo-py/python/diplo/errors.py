"""diplo's exception: a ValueError with a stable ``code`` and the input span."""

from __future__ import annotations

from typing import Any, Optional, Tuple


class DiploError(ValueError):
    """Raised (or returned by batch calls) when a document cannot be read.

    ``code`` is stable and snake_case (``invalid_utf8``, ``invalid_utf16``,
    ``invalid_date``, ``too_large``, ``legacy_encoding``, ``invalid_argument``
    for an item that is not a text or ``(text, id, date)`` or a ``str`` with a
    lone surrogate, ``invalid_json``, ``invalid_record``, ``io``,
    ``internal``); ``span`` is the ``(start, end)`` byte span of the input the
    error is about, when there is one; ``document_id`` is the id of the
    document that failed and ``index`` its position in a batch call, when
    known.
    """

    code: str
    span: Optional[Tuple[int, int]]
    document_id: Optional[str]
    index: Optional[int]

    def __init__(self, message: str, code: str = "internal", span: Optional[Tuple[int, int]] = None,
                 document_id: Optional[str] = None, index: Optional[int] = None):
        super().__init__(message)
        self.code = code
        self.span = tuple(span) if span is not None else None  # type: ignore[assignment]
        self.document_id = document_id
        self.index = index

    def __reduce__(self) -> Tuple[Any, ...]:  # picklable across processes (Spark, multiprocessing)
        return (DiploError, (str(self), self.code, self.span, self.document_id, self.index))

    def __repr__(self) -> str:
        extra = f", span={self.span!r}" if self.span is not None else ""
        extra += f", document_id={self.document_id!r}" if self.document_id is not None else ""
        extra += f", index={self.index!r}" if self.index is not None else ""
        return f"DiploError({str(self)!r}, code={self.code!r}{extra})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DiploError):
            return NotImplemented
        return (str(self), self.code, self.span, self.document_id, self.index) == (
            str(other), other.code, other.span, other.document_id, other.index)

    def __hash__(self) -> int:
        return hash((str(self), self.code, self.span, self.document_id, self.index))
