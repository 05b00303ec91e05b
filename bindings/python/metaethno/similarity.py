"""The text-similarity index: the wrapper of ``mte-similarity.h``.

A :class:`TextIndex` holds short texts by key and answers which of them
share the most words with a text, scored by BM25 (the default) or tf-idf
cosine::

    from metaethno import TextIndex

    index = TextIndex("english")
    index["s1-t1"] = "Patients trusted nurses who listened"
    index["s2-t3"] = "Nurses listening to patients built trust"
    for match in index.similar("s1-t1"):
        print(match.key, round(match.score, 3), match.shared)

Surface similarity is not reciprocity: a refutation shares words too, so
the ranking only suggests what to compare. See docs/similarity.md.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import threading
import weakref
from typing import NamedTuple, Optional, Union

from ._c import GUINT_MAX, call, dec, enc, lib, read_strv, take_strv
from .enums import Weighting
from .errors import ClosedError

__all__ = ["TextIndex", "Match", "languages"]


class Match(NamedTuple):
    """One document a query found."""
    #: The document's key.
    key: str
    #: Its score: BM25 (unbounded), or the cosine in (0, 1] for TFIDF.
    score: float
    #: The words query and document share, as the document writes them
    #: (case-folded), the largest part of the score first.
    shared: list


def languages() -> list[str]:
    """The Snowball stemmer names a :class:`TextIndex` accepts (besides
    their ISO 639-1 codes)."""
    return read_strv(lib.mte_text_index_languages())


def _free_index(pointer) -> None:
    lib.mte_text_index_free(pointer)


def _top(top, what: str = "top") -> int:
    if isinstance(top, bool) or not isinstance(top, int):
        raise TypeError(f"{what} must be an int, not {type(top).__name__}")
    if top < 0:
        raise ValueError(f"{what} must not be negative")
    return min(top, GUINT_MAX)


class TextIndex:
    """An index of short texts by key (see ``mte_text_index_new()``).

    ``language`` is a Snowball stemmer name (:func:`languages`) or its ISO
    639-1 code; ``weighting`` a :class:`Weighting` or its name ("bm25",
    "tfidf"). It behaves as a write-only mapping of keys to texts:
    ``index[key] = text`` adds or replaces, ``del index[key]`` removes,
    ``len(index)`` and ``key in index`` as usual. Calls are serialised by a
    lock, so one index may be shared between threads. :meth:`close` (or
    leaving a ``with`` block) frees the C index at once; otherwise it is
    freed with the object.
    """

    def __init__(self, language: Optional[str] = "english",
                 weighting: Union[Weighting, str, int] = Weighting.BM25):
        weighting = Weighting.coerce(weighting, "weighting")
        self._lock = threading.Lock()
        self._ptr = call(lib.mte_text_index_new, enc(language, "language", nullable=True),
                         int(weighting))
        self._finalizer = weakref.finalize(self, _free_index, self._ptr)

    def _p(self):
        if self._ptr is None:
            raise ClosedError("the text index is closed")
        return self._ptr

    def close(self) -> None:
        """Free the C index; later use raises ClosedError. Twice is fine."""
        with self._lock:
            if self._ptr is not None:
                self._ptr = None
                self._finalizer()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._ptr is None

    def __enter__(self) -> "TextIndex":
        self._p()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot copy or pickle a TextIndex; build another from the texts")

    @property
    def language(self) -> str:
        """The Snowball name of the index's language ("english" for "en")."""
        with self._lock:
            return dec(lib.mte_text_index_get_language(self._p()))

    @property
    def weighting(self) -> Weighting:
        """The scoring the index was made with."""
        with self._lock:
            return Weighting(lib.mte_text_index_get_weighting(self._p()))

    def __setitem__(self, key: str, text: str) -> None:
        key_b = enc(key, "key")
        text_b = enc(text, "text")
        with self._lock:
            call(lib.mte_text_index_set, self._p(), key_b, text_b)

    def __delitem__(self, key: str) -> None:
        key_b = enc(key, "key")
        with self._lock:
            if not lib.mte_text_index_remove(self._p(), key_b):
                raise KeyError(key)

    def __contains__(self, key) -> bool:
        if not isinstance(key, str) or "\0" in key:
            return False
        try:
            key_b = enc(key, "key")
        except ValueError:
            return False
        with self._lock:
            return bool(lib.mte_text_index_contains(self._p(), key_b))

    def __len__(self) -> int:
        with self._lock:
            return lib.mte_text_index_get_n_documents(self._p())

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<metaethno.TextIndex (closed)>"
        return (f"<metaethno.TextIndex {self.language} {self.weighting}: "
                f"{len(self)} documents>")

    def terms(self, text: str) -> list[str]:
        """The index terms of ``text``: case-folded, stop words dropped,
        stemmed (the rules of ``mte_text_index_terms()``)."""
        text_b = enc(text, "text")
        with self._lock:
            return take_strv(lib.mte_text_index_terms(self._p(), text_b))

    def query(self, text: str, top: int = 10, exclude: Optional[str] = None) -> list[Match]:
        """The ``top`` documents most similar to ``text``, best first (equal
        scores by key), leaving out the document ``exclude``. Documents
        sharing no term with the text are never returned."""
        text_b = enc(text, "text")
        exclude_b = enc(exclude, "exclude", nullable=True)
        top = _top(top)
        with self._lock:
            return self._matches(lib.mte_text_index_query(self._p(), text_b, top, exclude_b))

    def similar(self, key: str, top: int = 10) -> list[Match]:
        """The ``top`` documents most similar to the document ``key`` (its
        text as the query, itself left out); KeyError when there is none."""
        key_b = enc(key, "key")
        top = _top(top)
        with self._lock:
            pointer = lib.mte_text_index_query_key(self._p(), key_b, top)
            if not pointer:
                raise KeyError(key)
            return self._matches(pointer)

    @staticmethod
    def _matches(pointer) -> list[Match]:
        try:
            return [Match(dec(lib.mte_matches_get_key(pointer, i)),
                          lib.mte_matches_get_score(pointer, i),
                          read_strv(lib.mte_matches_get_shared(pointer, i)))
                    for i in range(lib.mte_matches_get_n(pointer))]
        finally:
            lib.mte_matches_free(pointer)

    #: The Snowball stemmer names the index accepts (see :func:`languages`).
    languages = staticmethod(languages)
