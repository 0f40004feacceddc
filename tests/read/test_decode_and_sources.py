"""Reading inputs: encodings, bad files, JSON Lines records, directories and globs."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import orjson
import pytest

from doingoai.config import PipelineConfig
from doingoai.errors import InputError
from doingoai.model import Failure, Page
from doingoai.read.decode import decode
from doingoai.read.legacy import encode_tcvn3, encode_vni
from doingoai.read.sources import expand, read_inputs, sniff_markup

SENTENCE = ("Chiều 12/3, tại Hà Nội, Thủ tướng đã tiếp Đại sứ Nhật Bản. Hai bên nhất trí thúc đẩy "
            "quan hệ Đối tác chiến lược toàn diện, tăng cường hợp tác kinh tế, thương mại và đầu tư.")


def test_utf8_with_and_without_bom() -> None:
    assert decode(SENTENCE.encode(), "x") == (SENTENCE, "utf-8")
    assert decode(b"\xef\xbb\xbf" + SENTENCE.encode(), "x") == (SENTENCE, "utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(codec: str) -> None:
    text, _ = decode(SENTENCE.encode(codec), "x")
    assert text == SENTENCE


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps the vowel shapes (â, ơ, ư...) precomposed and writes tones as combining marks."""
    shapes = "\u0302\u0306\u031b"
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in d[1:] if m in shapes)
        tone = "".join(m for m in d[1:] if m not in shapes)
        out.append(unicodedata.normalize("NFC", d[0] + shape) + tone)
    return "".join(out).encode("cp1258")


def test_windows_1258() -> None:
    text, encoding = decode(_to_cp1258(SENTENCE), "x")
    assert encoding == "windows-1258"
    assert text == SENTENCE


@pytest.mark.parametrize(("encode", "name"), [(encode_vni, "vni"), (encode_tcvn3, "tcvn3")])
def test_legacy_font_encodings(encode: object, name: str) -> None:
    text = SENTENCE.lower()  # TCVN3 has no uppercase letters with tone marks
    text, encoding = decode(encode(text), "x")  # type: ignore[operator]
    assert encoding == name
    assert text == SENTENCE.lower()


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"", InputError.EMPTY, "empty"),
        (b"  \n\t \r\n", InputError.EMPTY, "white space"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), InputError.BINARY, "PNG"),
        (b"%PDF-1.7\n...", InputError.BINARY, "PDF"),
        (random.Random(7).randbytes(4096), InputError.BINARY, "binary"),
        ("Élève française, déjà très occupée à Noël.".encode("latin-1") * 3, InputError.ENCODING, "not UTF-8"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, code: str, words: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "page.txt")
    assert info.value.code == code
    assert words in str(info.value)
    assert str(info.value).startswith("page.txt: ")


def test_sniff_markup() -> None:
    assert sniff_markup("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_markup("Tin bài <b>không</b> phải HTML.") == "text"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def test_directory_with_one_bad_file_among_good(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", SENTENCE)
    _write(tmp_path / "sub" / "b.html", f"<html><body><p>{SENTENCE}</p></body></html>")
    _write(tmp_path / "c.txt", b"")
    _write(tmp_path / "ignored.png", b"\x89PNG")
    results = list(read_inputs([str(tmp_path)]))
    pages = [r for r in results if isinstance(r, Page)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert sorted(Path(p.source).name for p in pages) == ["a.txt", "b.html"]
    assert [p.markup for p in sorted(pages, key=lambda p: p.source)] == ["text", "html"]
    assert len(failures) == 1
    assert failures[0].source.endswith("c.txt")
    assert failures[0].code == InputError.EMPTY


def test_missing_files_globs_and_urls(tmp_path: Path) -> None:
    _write(tmp_path / "x1.txt", SENTENCE)
    _write(tmp_path / "x2.txt", SENTENCE)
    inputs, failures = expand([str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt"),
                               str(tmp_path / "*.html"), "https://example.vn/a"])
    assert [Path(i.name).name for i in inputs] == ["x1.txt", "x2.txt"]
    reasons = {Path(f.source).name: f.reason for f in failures}
    assert "no such file" in reasons["nope.txt"]
    assert "no file matches" in reasons["*.html"]
    assert "offline" in reasons["a"]


def test_too_large_and_unreadable(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", SENTENCE * 100)
    link = tmp_path / "broken.txt"
    link.symlink_to(tmp_path / "gone.txt")
    results = list(read_inputs([str(big), str(link)], PipelineConfig(max_bytes=1000)))
    assert [type(r) for r in results] == [Failure, Failure]
    assert results[0].code == InputError.TOO_LARGE  # type: ignore[union-attr]
    assert "limit" in results[0].reason  # type: ignore[union-attr]
    assert results[1].code == InputError.NOT_FOUND  # type: ignore[union-attr]


def test_json_lines_records(tmp_path: Path) -> None:
    lines = [
        orjson.dumps({"source": "p1", "url": "https://nhandan.vn/a.html", "text": SENTENCE, "published": "2024-08"}),
        b"{not json",
        orjson.dumps({"url": "https://vov.vn/b.html", "html": f"<html><body><p>{SENTENCE}</p></body></html>"}),
        orjson.dumps({"source": "p3", "text": "   "}),
        orjson.dumps({"source": "p4", "text": SENTENCE, "published": "hôm qua"}),
        orjson.dumps(["not", "an", "object"]),
    ]
    path = _write(tmp_path / "pages.jsonl", b"\n".join(lines) + b"\n")
    results = list(read_inputs([str(path)]))
    assert isinstance(results[0], Page)
    assert (results[0].source, results[0].url, results[0].published) == ("p1", "https://nhandan.vn/a.html", "2024-08")
    assert isinstance(results[1], Failure)
    assert results[1].source.endswith("pages.jsonl:line 2")
    assert isinstance(results[2], Page)
    assert (results[2].source, results[2].markup) == ("https://vov.vn/b.html", "html")
    assert [type(r) for r in results[3:]] == [Failure, Failure, Failure]
    assert "published" in results[4].reason  # type: ignore[union-attr]
