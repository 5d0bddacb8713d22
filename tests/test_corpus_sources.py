"""Archives, globs and bad inputs: clear per-file failures, nothing else lost."""

from __future__ import annotations

import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from callscope.corpus import Corpus, ingest
from callscope.corpus.sources import Bad, Item, expand

from .corpus_util import make_calls


def _tar(path: Path, files: list[Path]) -> None:
    with tarfile.open(path, "w:gz") as tf:
        for f in files:
            tf.add(f, arcname=f"calls/{f.name}")


def test_zip_and_tar_members_are_ingested_with_stable_sources(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=4, companies=2)
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        for f in files[:4]:
            zf.write(f, f"x/{f.name}")
        zf.writestr("__MACOSX/._junk.txt", b"\x00\x01")
    _tar(tmp_path / "b.tar.gz", files[4:])
    db = tmp_path / "c.db"
    report = ingest([tmp_path / "a.zip", tmp_path / "b.tar.gz"], db, workers=1)
    assert (report.stored, report.failures) == (8, [])
    with Corpus(db) as corpus:
        sources = [r[0] for r in corpus.conn.execute("SELECT source FROM calls ORDER BY id")]
    assert sources[0] == f"{(tmp_path / 'a.zip').resolve()}!x/{files[0].name}"
    assert sources[4].startswith(f"{(tmp_path / 'b.tar.gz').resolve()}!calls/")
    assert ingest([tmp_path / "a.zip", tmp_path / "b.tar.gz"], db, workers=1).unchanged == 8


def test_globs_and_folders(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=4, companies=2)
    (tmp_path / "in" / ".DS_Store").write_bytes(b"\x00junk")
    items = list(expand([str(tmp_path / "in" / "HBWX" / "*_2018_Q[12].txt")]))
    assert [Path(i.source).name for i in items] == ["HBWX_2018_Q1.txt", "HBWX_2018_Q2.txt"]
    assert len([i for i in expand([tmp_path / "in"]) if isinstance(i, Item)]) == 8
    assert isinstance(next(iter(expand([str(tmp_path / "nope*.txt")]))), Bad)


def test_bad_archives_and_files_fail_one_by_one(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=4, companies=1)
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 definitely not a zip")
    _tar(tmp_path / "whole.tar.gz", files)
    data = (tmp_path / "whole.tar.gz").read_bytes()
    (tmp_path / "cut.tar.gz").write_bytes(data[: len(data) * 2 // 3])
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "c.db"
    report = ingest(
        [tmp_path / "bad.zip", tmp_path / "cut.tar.gz", tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "missing.txt", files[3]],
        db, workers=1,
    )
    reasons = dict(report.failures)
    assert "not a readable zip archive" in reasons[str((tmp_path / "bad.zip").resolve())]
    assert "damaged" in reasons[str((tmp_path / "cut.tar.gz").resolve())]
    assert reasons[str((tmp_path / "empty.txt").resolve())] == "empty file"
    assert "binary" in reasons[str((tmp_path / "binary.txt").resolve())]
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or folder"
    assert report.stored >= 2  # the loose file, and the tar members before the damage
    with Corpus(db) as corpus:
        assert dict(corpus.failures()) == reasons
        assert len(corpus) == report.stored


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their permissions")
def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=2, companies=1)
    files[0].chmod(0)
    report = ingest([tmp_path / "in"], tmp_path / "c.db", workers=1)
    assert report.stored == 1 and "cannot read file" in report.failures[0][1]
