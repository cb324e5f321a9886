"""The speaker of a transcript, and the labels its lines open with."""
from __future__ import annotations

from helpers import labelled, of
from kg.types import EntityInfo

SPEAKER = EntityInfo("x-speaker", "Person", (("zh", "王建国"), ("en", "Jane Doe")))


def test_an_answer_label_is_no_subject_the_next_clause_carries_zh():
    text = "专访\n记者：说说历史吧。\n王建国：1978年10月，邓小平访问日本，参观了工厂。我们很受鼓舞。"
    got = of("visited", labelled(text, "zh", names=(SPEAKER,), speaker="x-speaker"))
    assert got == {("邓小平", "visited", "japan")}


def test_the_speaker_still_visits_in_the_first_person_zh():
    text = "专访\n记者：去年去了哪里？\n王建国：去年10月我访问了日本，见了很多客户。"
    got = of("visited", labelled(text, "zh", names=(SPEAKER,), speaker="x-speaker"))
    assert got == {("王建国", "visited", "japan")}
