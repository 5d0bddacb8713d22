"""What to ingest: files, folders, globs, and `.zip` / `.tar.gz` archives, as one stream of items.

Every item has a stable source name (absolute path, or `archive!member`) so re-ingesting finds
the stored version; a bad archive or unreadable file becomes a `Bad` item with one clear reason
instead of stopping the run.
"""

from __future__ import annotations

import glob
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import CallscopeError

SUFFIXES = {".txt", ".json", ".html", ".htm", ".md", ".xml"}
ARCHIVES = (".zip", ".tar.gz", ".tgz", ".tar")


@dataclass(frozen=True)
class Item:
    """One transcript to ingest; `read()` returns its bytes or raises CallscopeError."""

    source: str
    size: int
    read: Callable[[], bytes]


@dataclass(frozen=True)
class Bad:
    """A path or archive that could not be listed or read, with the reason."""

    source: str
    reason: str


def wanted(name: str) -> bool:
    """Transcript-looking member names: known suffix, not hidden, not macOS resource forks."""
    p = Path(name)
    return p.suffix.lower() in SUFFIXES and not any(part.startswith(".") or part == "__MACOSX" for part in p.parts)


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVES)


def _file_item(path: Path) -> Item | Bad:
    label = str(path.resolve())
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Bad(label, f"cannot read file ({exc.strerror or exc})")

    def read() -> bytes:
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CallscopeError(label, f"cannot read file ({exc.strerror or exc})") from None

    return Item(label, size, read)


def _zip_items(path: Path) -> Iterator[Item | Bad]:
    label = str(path.resolve())
    try:
        zf = zipfile.ZipFile(path)
        infos = [i for i in zf.infolist() if not i.is_dir() and wanted(i.filename)]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        yield Bad(label, f"not a readable zip archive ({exc})")
        return
    for info in sorted(infos, key=lambda i: i.filename):
        member = f"{label}!{info.filename}"

        def read(info: zipfile.ZipInfo = info, member: str = member) -> bytes:
            try:
                return zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError, NotImplementedError) as exc:
                raise CallscopeError(member, f"corrupt archive member ({exc})") from None

        yield Item(member, info.file_size, read)


def _tar_items(path: Path) -> Iterator[Item | Bad]:
    """Members in archive order, read lazily; a damaged archive still yields the members before the damage."""
    label = str(path.resolve())
    try:
        tf = tarfile.open(path, "r:*")  # noqa: SIM115 (stays open while its members are read; closed with the process)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield Bad(label, f"not a readable tar archive ({exc})")
        return
    damage = None
    try:
        members = tf.getmembers()
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        members = list(tf.members)  # the headers read before the damage
        damage = f"archive is damaged after {len(members)} members ({exc}); members before it were read"
    for info in members:
        if not info.isfile() or not wanted(info.name):
            continue
        member = f"{label}!{info.name}"

        def read(info: tarfile.TarInfo = info, member: str = member) -> bytes:
            try:
                fh = tf.extractfile(info)
                return fh.read() if fh else b""
            except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
                raise CallscopeError(member, f"corrupt archive member ({exc})") from None

        yield Item(member, info.size, read)
    if damage:
        yield Bad(label, damage)


def expand(paths: Iterable[str | Path]) -> Iterator[Item | Bad]:
    """Items for files, folders (recursively, sorted), globs and archives, in a stable order."""
    for raw in paths:
        p = Path(raw)
        if not p.exists() and any(ch in str(raw) for ch in "*?["):
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                yield Bad(str(raw), "glob matched no files")
            for m in matches:
                yield from _one(Path(m), explicit=False)
            continue
        yield from _one(p, explicit=True)


def _one(p: Path, *, explicit: bool) -> Iterator[Item | Bad]:
    if p.is_dir():
        for q in sorted(p.rglob("*")):
            if q.is_file() and (is_archive(q) or wanted(str(q.relative_to(p)))):
                yield from _one(q, explicit=False)
        return
    if not p.exists():
        yield Bad(str(p), "no such file or folder")
        return
    name = p.name.lower()
    if name.endswith(".zip"):
        yield from _zip_items(p)
    elif name.endswith((".tar.gz", ".tgz", ".tar")):
        yield from _tar_items(p)
    elif explicit or wanted(p.name):
        yield _file_item(p)
