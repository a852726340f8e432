"""diplo's exception: a ValueError with a stable ``code`` and the input span."""

from __future__ import annotations

from typing import Optional, Tuple


class DiploError(ValueError):
    """Raised (or returned by batch calls) when a document cannot be read.

    ``code`` is stable and snake_case (``invalid_utf8``, ``invalid_date``,
    ``too_large``, ``legacy_encoding``, ``invalid_input``, ``internal``);
    ``span`` is the ``(start, end)`` byte span of the input the error is
    about, when there is one.
    """

    def __init__(self, message: str, code: str = "internal", span: Optional[Tuple[int, int]] = None):
        super().__init__(message)
        self.code = code
        self.span = span

    def __reduce__(self):  # picklable across processes (Spark, multiprocessing)
        return (DiploError, (str(self), self.code, self.span))
