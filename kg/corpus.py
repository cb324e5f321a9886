"""Stage 1: read documents and their manifest entries."""
from __future__ import annotations

import codecs
from pathlib import Path

from . import resources
from .errors import InputError, data_error
from .lang import cjk_share, detect
from .types import Document

MANIFEST = "manifest.yaml"
SUFFIXES = (".txt", ".md")


def read_corpus(paths: list[Path]) -> list[Document]:
    """Documents from files and folders; a folder's manifest describes its files.

    Files without a manifest entry are read too, with their language detected and no date.
    """
    if not paths:
        paths = [resources.corpus_dir()]
    docs: dict[str, Document] = {}
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder. Give an existing document or folder (default: data/corpus/).")
        if path.is_dir():
            manifest = _manifest(path)
            files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
            if not files:
                raise InputError(f"{path}: the folder has no .txt or .md documents. Add UTF-8 text files to it.")
            for f in files:
                _put(docs, _read(f, manifest.get(f.name), path))
        else:
            manifest = _manifest(path.parent)
            _put(docs, _read(path, manifest.get(path.name), path.parent))
    return [docs[k] for k in sorted(docs)]


def _put(docs: dict, doc: Document) -> None:
    if doc.doc_id in docs:
        raise InputError(f"{doc.path}: document id '{doc.doc_id}' is used twice. Give each file a distinct id in the manifest.")
    docs[doc.doc_id] = doc


def _manifest(folder: Path) -> dict[str, dict]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    from . import schema

    data = resources.load_yaml(path)
    if isinstance(data, dict):
        schema.check(data, {"documents": schema.Key(schema.anything, required=True)}, path, "top level")
    entries = resources.require(data, "documents", path, "top level", list)
    out = {}
    for n, entry in enumerate(entries, 1):
        where = f"document #{n}"
        fname = resources.require(entry, "file", path, where, str)
        anchor = (f"file: {fname}",) if schema.line_of(path, f"file: {fname}") else ()
        schema.check(entry, schema.MANIFEST, path, f"{where} ({fname})", anchor)
        if Path(fname).name != fname or not (folder / fname).is_file():
            raise data_error(path, f"{where}: no file '{fname}' in {folder}",
                             "Fix the file name (a name in this folder) or remove the entry", schema.line_of(path, *anchor))
        if fname in out:
            raise data_error(path, f"{where}: '{fname}' has a second entry", "Keep one entry per file", schema.line_of(path, *anchor))
        out[fname] = entry
    return out


def _display_path(path: Path) -> str:
    """The path as recorded in the graph: relative to the project (data/corpus/…) when inside it,
    so that the same corpus gives the same graph in any checkout."""
    try:
        return path.resolve().relative_to(resources.project_root()).as_posix()
    except ValueError:
        return path.as_posix()


# byte order marks: UTF-32 before UTF-16, whose little-endian mark begins UTF-32's
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without a byte order mark), or UTF-16/UTF-32 that starts with its byte order mark."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: starts with a {codec.upper()} byte order mark but is not valid {codec.upper()} "
                                 f"(byte {exc.start}). Re-save the file as UTF-8.")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: this looks like a binary file, not text (UTF-16 needs its byte order mark). "
                         "Convert it to UTF-8 plain text (.txt).")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start}). Re-save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8.")


def _check_language(path: Path, text: str, entry: dict, manifest: Path) -> None:
    """A manifest language the text plainly contradicts (zh for English text, or the reverse)."""
    from . import schema

    share = cjk_share(text)
    if share is None:
        return
    said = entry["language"]
    wrong = (said == "zh" and share < 0.05) or (said == "en" and share > 0.5)
    if wrong:
        seen = "English" if said == "zh" else "Chinese"
        raise data_error(manifest, f"{path.name}: language is '{said}' but the text is {seen} "
                                   f"({share:.0%} of its letters are Chinese characters)",
                         f"Write language: {'en' if said == 'zh' else 'zh'} in its entry",
                         schema.line_of(manifest, f"file: {path.name}", "language:"))


def _read(path: Path, entry: dict | None, folder: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}). Check that it exists and is readable.")
    if not raw.strip():
        raise InputError(f"{path}: the file is empty. Remove it or put the document's text in it.")
    text = _decode(path, raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: the file is empty. Remove it or put the document's text in it.")
    entry = entry or {}
    if entry.get("language"):
        _check_language(path, text, entry, folder / MANIFEST)
    date = entry.get("reference_date") or entry.get("date")
    context = entry.get("context") or ()
    return Document(
        doc_id=str(entry.get("id") or path.stem),
        path=_display_path(path),
        lang=entry.get("language") or detect(text),
        text=text,
        title=str(entry.get("title", "")),
        publisher=str(entry.get("publisher", "")),
        date=date,
        published=entry.get("date"),
        reports_on=tuple(entry.get("reports_on") or ()),
        speaker=str(entry.get("speaker", "")),
        organisation=str(entry.get("organisation", "")),
        context=tuple(context) if isinstance(context, (list, tuple)) else (str(context),),
        home_country=str(entry.get("home_country", "")),
        currency=str(entry.get("currency", "")),
    )
