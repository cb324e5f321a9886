"""kg.segment: jieba set up by kg cuts as jieba does, with its HMM tables read only when used."""
from __future__ import annotations

import json
import subprocess
import sys

TEXT = "他叫王小二，住在坳背屯的葑溪村，常去深圳设计博物馆。"
CUT = f"""
import json, sys
jieba.setLogLevel(60)
cuts = [jieba.lcut({TEXT!r}, HMM=True), [(p.word, p.flag) for p in jieba.posseg.lcut({TEXT!r}, HMM=True)]]
print(json.dumps(cuts + [type(sys.modules["jieba.posseg.prob_emit"].P).__name__]))
"""


def _run(setup: str) -> list:
    out = subprocess.run([sys.executable, "-c", "import sys\n" + setup + CUT], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_jiebas_hmm_tables_are_read_when_first_used_with_the_same_cuts():
    plain = _run("import jieba, jieba.posseg")
    lazy = _run("from kg import segment\njieba = segment._import_jieba()\nimport jieba.posseg\n"
                "assert type(sys.modules['jieba.posseg.prob_emit'].P).__name__ == '_LazyTable'\n")
    assert lazy[:2] == plain[:2]
    assert "溪村" in lazy[0] and "常去" in lazy[0]  # words only the HMM makes: the tables were used
    assert lazy[2] == "dict"  # and the stand-in gave way to the table itself
