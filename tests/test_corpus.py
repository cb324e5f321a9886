"""Reading documents: manifest, languages, and bad input with a clear error and its exit code."""
from __future__ import annotations

import datetime as dt

import pytest

from kg import corpus
from kg.errors import EXIT_DATA, EXIT_INPUT, DataFileError, InputError


def test_seed_manifest(tmp_path):
    docs = corpus.read_corpus([])
    assert [d.lang for d in docs] == ["zh", "en"]
    zh, en = docs
    assert zh.date == dt.date(2018, 2, 7) and zh.speaker == "lei-jun" and zh.organisation == "xiaomi"
    assert en.reports_on == (zh.doc_id,) and en.published is None and en.date == dt.date(2018, 2, 7)


def test_file_without_manifest_entry_is_read_with_detected_language(tmp_path):
    (tmp_path / "a.txt").write_text("小米发布了新手机。", encoding="utf-8")
    (tmp_path / "b.md").write_text("Xiaomi released a phone.", encoding="utf-8")
    docs = corpus.read_corpus([tmp_path])
    assert [(d.doc_id, d.lang) for d in docs] == [("a", "zh"), ("b", "en")]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("小米发布了新手机".encode("gb18030"), "UTF-8"),
])
def test_bad_documents(tmp_path, content, message):
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        corpus.read_corpus([path])
    assert message in exc.value.message and str(path) in exc.value.message
    assert exc.value.exit_code == EXIT_INPUT


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        corpus.read_corpus([tmp_path / "nope.txt"])


@pytest.mark.parametrize("manifest, message", [
    ("documents: [\n  - id: x\n", "invalid YAML"),
    ("documents:\n  - file: a.txt\n    language: zh\n", "missing required key 'id'"),
    ("documents:\n  - id: a\n    file: a.txt\n    language: fr\n", "not supported"),
    ("documents:\n  - id: a\n    file: a.txt\n    language: zh\n    date: yesterday\n", "not a date"),
])
def test_malformed_manifest(tmp_path, manifest, message):
    (tmp_path / "a.txt").write_text("小米", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(manifest, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        corpus.read_corpus([tmp_path])
    assert message in exc.value.message and "manifest.yaml" in exc.value.message
    assert exc.value.exit_code == EXIT_DATA
