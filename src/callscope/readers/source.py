"""Turn a path, bytes or a string into clean text, or fail with one clear reason.

Everything that can go wrong with an input file before parsing (missing, empty, binary,
undecodable, too large) is decided here, once, for every reader.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..errors import CallscopeError

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def max_bytes() -> int:
    """Largest input accepted; `CALLSCOPE_MAX_BYTES` raises or lowers it."""
    raw = os.environ.get("CALLSCOPE_MAX_BYTES")
    try:
        return int(raw) if raw else DEFAULT_MAX_BYTES
    except ValueError:
        return DEFAULT_MAX_BYTES


def looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and Path(value).is_file()


def load(source: str | os.PathLike[str] | bytes, name: str | None = None) -> tuple[str, str]:
    """Return `(source_name, text)`; `source` is a path, raw bytes, or transcript text."""
    if isinstance(source, bytes):
        return name or "<bytes>", decode(source, name or "<bytes>")
    if isinstance(source, os.PathLike) or looks_like_path(str(source)):
        path = Path(source)
        label = name or str(source)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise CallscopeError(label, f"cannot read file ({exc.strerror or exc})") from None
        if path.is_dir():
            raise CallscopeError(label, "is a directory, not a transcript file")
        limit = max_bytes()
        if size > limit:
            raise CallscopeError(label, f"file too large ({size / 1e6:.1f} MB > {limit / 1e6:.0f} MB limit)")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CallscopeError(label, f"cannot read file ({exc.strerror or exc})") from None
        return label, decode(data, label)
    text = str(source)
    label = name or "<text>"
    if len(text) > max_bytes():
        raise CallscopeError(label, f"text too large ({len(text) / 1e6:.1f} MB > {max_bytes() / 1e6:.0f} MB limit)")
    return label, clean(text, label)


def decode(data: bytes, label: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or a detected legacy encoding."""
    if len(data) > max_bytes():
        raise CallscopeError(label, f"input too large ({len(data) / 1e6:.1f} MB > {max_bytes() / 1e6:.0f} MB limit)")
    if not data.strip():
        raise CallscopeError(label, "empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return clean(data.decode("utf-16"), label)
        except UnicodeDecodeError:
            raise CallscopeError(label, "invalid UTF-16 text") from None
    if b"\x00" in data[:65536]:
        raise CallscopeError(label, "binary file (contains NUL bytes), not a transcript")
    try:
        return clean(data.decode("utf-8-sig"), label)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise CallscopeError(label, "cannot decode text (not UTF-8 and no known encoding fits)")
    try:
        text = data.decode(best.encoding, errors="replace")
    except LookupError:
        raise CallscopeError(label, f"cannot decode text (unknown encoding {best.encoding})") from None
    return clean(text, label)


_REPLACE = (
    ("\r\n", "\n"),
    ("\r", "\n"),
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u200b", ""),
    ("\ufeff", ""),
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", "-"),
    ("\u2014", " -- "),
    ("\f", "\n"),
    ("\t", " "),
)
_REPLACE_ASCII = tuple((old, new) for old, new in _REPLACE if old.isascii())  # all an ASCII text can hold
_BAD = re.compile(r"[\x00-\x09\x0b-\x1f\ufffd]")
_BAD_BYTES = bytes([*range(0x00, 0x0A), *range(0x0B, 0x20)])  # _BAD's control characters as UTF-8 bytes
# transcription sync markers some StreetEvents files carry inside the speech:
# `<Sync id="L167"/>`, `<Sync id="L201"time="00:31:13"/>` (a run of them counts as one)
_SYNC = re.compile(r"([ \t]*)(?:<sync\b[^<>\n]*/>[ \t]*)+", re.I)


def _unsync(m: re.Match[str]) -> str:
    """What a run of sync markers (and the spaces around it) leaves behind."""
    s, i, j = m.string, m.start(), m.end()
    if i == 0 or s[i - 1] == "\n":
        return m.group(1)  # at a line start: keep the indentation
    if j == len(s) or s[j] in "\n.,;:!?)]" or s[i - 1] in "([":
        return ""  # at a line end, before closing punctuation, after an opening bracket
    return " "  # between words: exactly one space


def drop_sync_tags(text: str) -> str:
    """Remove `<Sync .../>` markers without leaving double spaces or gluing words together."""
    # "<" alone is a one-character scan (memchr) and most text has none, so it goes first
    return _SYNC.sub(_unsync, text) if "<" in text and ("<Sync" in text or "<sync" in text) else text


def _bad_count(sample: str) -> int:
    """How many characters of `sample` `_BAD` matches, counted with bytes.translate rather than the regex.

    UTF-8 encodes U+0000..U+001F as those single bytes and never uses them inside a longer sequence,
    so deleting them from the encoding counts the control characters; U+FFFD is counted as text.
    """
    data = sample.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _BAD_BYTES)) + sample.count("\ufffd")


def clean(text: str, label: str) -> str:
    """Normalise line ends, quotes, dashes and spaces, drop sync markers; reject text that is mostly control characters."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    # str.replace per character is far faster than str.translate with a dict; an ASCII text can
    # hold none of the non-ASCII characters, so only the ASCII ones are looked for in it
    for old, new in _REPLACE_ASCII if text.isascii() else _REPLACE:
        if old in text:
            text = text.replace(old, new)
    text = drop_sync_tags(text)
    if not text.strip():
        raise CallscopeError(label, "empty file")
    sample = text[:100_000]
    bad = _bad_count(sample)
    if bad > max(20, len(sample) // 50):
        raise CallscopeError(label, "not text (too many control or undecodable characters)")
    return text
