"""English: sentence splitting, alias boundaries and names not in the lexicon."""
from __future__ import annotations

import re

from .spans import add_trimmed, sub_end

# A sentence ends at . ! ? (plus closing quotes) followed by space or a capital letter
# glued on ("world.In"), but not after a known abbreviation or inside a number (6.3), nor before
# capitals that end a name ("GamePlanner.AI", "Haomo.AI": a word that opens a sentence is no acronym glued on).
_SENT_END = re.compile(r"(?<=[.!?])['\"”’)]*(?=\s|$|[A-Z](?![A-Z0-9]*(?:[\s,;:.)]|$)))|\n+")
_ABBREV = re.compile(r"(?:\b(?:No|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|Corp|St|vs|etc|e\.g|i\.e|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|\b[A-Z]\.)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.start() if m.group().startswith("\n") else m.end()
        if not m.group().startswith("\n") and _ABBREV.search(text[max(start, end - 8):end]):
            continue
        add_trimmed(text, start, end, spans)
        start = m.end()
    add_trimmed(text, start, len(text), spans)
    return spans


def is_boundary(text: str, start: int, end: int) -> bool:
    """Aliases match whole words only."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-") and text[start].isalnum():
        return False
    if end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        return False
    return True


_ORG_SUFFIXES = r"(?:Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Group|Association|Institute|Museum|Foundation|University|Committee|Council|Research|Technologies|Technology|Electronics)"
_CAP = r"(?:[A-Z][\w&'\-]*|[A-Z]{2,})"
_NAME = re.compile(rf"\b{_CAP}(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?{_CAP})*(?:\s+{_ORG_SUFFIXES})?")
_SUFFIX_CLASS = (
    (re.compile(r"(Museum|Gallery)$|^Museum of"), "Museum"),
    (re.compile(r"(Association|Society|Federation|Alliance)$"), "Association"),
    (re.compile(r"(Committee|Council|Board)$"), "InternalBody"),
    (re.compile(r"(Award|Awards|Prize)$"), "Award"),
    (re.compile(r"(Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Group|Technologies|Technology|Electronics|Labs?|"
                r"Systems|Networks|Software|Capital|Ventures|Holdings|Motors|Mobile|Semiconductor)$"), "Company"),
    (re.compile(r"(Institute|Research|Foundation|University)$"), "Organisation"),
)
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$")
_STOP = {"The", "This", "That", "In", "On", "At", "It", "He", "She", "We", "They", "But", "And", "Not", "Only",
         "Our", "Its", "His", "Her", "A", "An", "As", "By", "From", "Up", "Meanwhile", "Lei", "According", "Based"}


def find_names(text: str, words: dict) -> list[tuple[int, int, str]]:
    """Capitalised spans; a known suffix (Inc., Museum, Association...) gives the class."""
    out = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        start = m.start()
        while words and words[0] in _STOP:
            start = text.index(words[0], start) + len(words[0])
            while start < len(text) and text[start].isspace():
                start += 1
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        cls = next((c for rx, c in _SUFFIX_CLASS if rx.search(name)), None)
        if cls is None and 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words):
            cls = "Person"  # "Wang Xiang": two or three plain capitalised words (used only where a person fits)
        if cls is None:
            continue  # a capitalised span with no telling suffix says too little
        out.append((start, m.end(), cls))
    return out


_NAME_TOKEN = r"(?:[A-Z][^\W\d_]*(?:['’\-][A-Za-z][^\W\d_]*)?\.?|Mc[A-Z][a-z]+)"
_PARTICLE = r"(?:de|del|della|van|von|der|da|di|du|bin|al|la|le)"
# a nickname in quotes or brackets between the given name and the surname: Robert "RJ" Scaringe, William (Bill) Ford
NICKNAME = re.compile(r"\s+(?:\"[A-Z][\w.]{0,12}\"|“[A-Z][\w.]{0,12}”|\([A-Z][a-z]{1,12}\))(?=\s+[A-Z])")
_NICK = r"(?:\"[A-Z][\w.]{0,12}\"|“[A-Z][\w.]{0,12}”|\([A-Z][a-z]{1,12}\))"
# (particles: "Anja van der Berg", "Luis de la Fuente")
_PERSON = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NICK}(?=\s+[A-Z]))?(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_TOKEN}){{1,3}}")
_PERSON_END = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NICK}(?=\s+[A-Z]))?(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_TOKEN}){{1,3}}$")
# capitalised words that end a name's run: "Tim Cook Said" is not a name of three words
_NOT_NAME = {"The", "This", "That", "He", "She", "It", "We", "They", "In", "On", "At", "And", "But", "Said", "Says",
             "Told", "Who", "Whose", "Which", "Was", "Is", "Has", "Had", "Will", "Would", "Also", "From", "For",
             "Inc", "Corp", "Ltd", "Co", "Group", "Company", "Chief", "Executive", "Officer", "President", "Chairman",
             "CEO", "CFO", "CTO", "COO", "Vice", "Senior", "Director", "Head", "Founder", "Apple", "Google",
             # a pronoun and its contraction: "I'm Dorian Welk, CEO of …" names Dorian Welk
             "I", "I'm", "I’m", "I've", "I’ve", "It's", "It’s", "He's", "He’s", "She's", "She’s", "We're", "We’re",
             "Let's", "Let’s", "That's", "That’s", "Here's", "Here’s", "There's", "There’s",
             # an adverb opening the sentence: "Later Welk became chairman"
             "Later", "Then", "Now", "Today", "Previously", "Currently", "Meanwhile", "Earlier", "Since", "After",
             "Before", "Formerly", "Recently", "Soon"}


_HONORIFIC = re.compile(r"(?:Professor|Prof\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame)\s+(?=[A-Z])")


def _trim(tokens: list[str]) -> list[str]:
    out = []
    for k, t in enumerate(tokens):
        if t == "He" and k == 0 and len(tokens) > 1 and tokens[1].rstrip(".") not in _NOT_NAME and not tokens[1].isupper():
            out.append(t)  # "chief executive officer He Little Peng": the surname He (何, 贺) opening a name
            continue
        if k and re.fullmatch(_NICK, t):  # Robert "RJ" Scaringe: the nickname between the name's words
            out.append(t)
            continue
        if t.rstrip(".") in _NOT_NAME or t.isupper() and len(t.rstrip(".")) > 1:  # "CEO", not the initial "P."
            break
        out.append(t)
    return out


def person_after(text: str, pos: int, words: dict) -> int | None:
    """End of a person's name (two to four capitalised words) starting at ``pos``
    ("chief financial officer Luca Maestri"), or None. An honorific before it is no part of it
    ("our chief financial officer, Professor Ralf P. Thomas")."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    honorific = _HONORIFIC.match(text, pos)
    if honorific:
        pos = honorific.end()
    m = _PERSON.match(text, pos)
    if not m:
        return None
    tokens = _sentence_end(_trim(m.group().split()))
    if len(tokens) < 2 or _ORG_END.search(tokens[-1]):
        return None
    end = pos
    for t in tokens:
        end = text.index(t, end) + len(t)
    return end


def _full_stop(token: str) -> bool:
    """A word (not an initial: "P.") with a full stop: the sentence ends after it."""
    return token.endswith(".") and len(token.rstrip(".")) > 1


def _sentence_end(tokens: list[str]) -> list[str]:
    """The tokens of a name up to a full stop ("CEO Duncan Angove." is "Duncan Angove")."""
    for k, t in enumerate(tokens):
        if _full_stop(t):
            return tokens[:k] + [t.rstrip(".")]
    return tokens


_ORG_END = re.compile(r"(?:Logic|Systems|Technologies|Technology|Networks|Electronics|Semiconductor|Semiconductors|Labs?|"
                      r"Inc|Corp|Corporation|Company|Group|Holdings|Devices|Instruments|Motors|Micro|Microsystems|"
                      r"Software|Computer|Computers|Communications|Capital|Partners|Ventures|Bank|Games|Studios?|"
                      r"Entertainment|Media|Mobile|Energy|Power|Automotive|Auto|Robotics|Dynamics|AI|Cloud|Services|"
                      r"University|College|Institute|School|Academy|Foundation|Association|Council|Ministry|Agency)\.?$")


def person_before(text: str, pos: int, words: dict) -> int | None:
    """Start of a person's name ending at ``pos`` ("Tim Cook, Apple's chief executive"), or None."""
    head = text[max(0, pos - 60):pos].rstrip()
    m = _PERSON_END.search(head)
    if not m:
        return None
    tokens = m.group().split()
    stops = [k for k, t in enumerate(tokens[:-1]) if _full_stop(t)]
    if stops:  # "…succeeding Mu Feng. Li Hongshuan is": the name starts after the full stop
        tokens = tokens[stops[-1] + 1:]
    while tokens and (tokens[0].rstrip(".") in _NOT_NAME or _HONORIFIC.match(tokens[0] + " A")) \
            and _trim(tokens)[:1] != ["He"]:  # (the surname He opening a name: "He Little Peng")
        tokens = tokens[1:]
    if len(tokens) < 2 or any(t.rstrip(".") in _NOT_NAME for t in tokens) or _ORG_END.search(tokens[-1]):
        return None
    return pos - (len(text[max(0, pos - 60):pos]) - len(head)) - len(" ".join(tokens)) if head.endswith(" ".join(tokens)) else None


# ---------------------------------------------------------------- names next to a trigger

# a colon between letters is part of a name ("Run:ai")
_TOK = re.compile(r"[“\"‘]|[’”]|[A-Za-z0-9](?:[\w'’+.\-/]|(?<=[A-Za-z]):(?=[a-z]))*[\w+]|[A-Za-z0-9]|&|[,;:.()]")
_MONTHS_DAYS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_NOT_START = {"The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "By", "For", "And", "But", "As",
              "A", "An", "We", "Our", "They", "He", "She", "His", "Her", "Today", "Yesterday", "Last", "Next",
              # words that open a clause before its subject ("When we bought Toshiba Medical Systems")
              "When", "If", "After", "Before", "Since", "While", "Once", "Until", "Although", "Though", "Because",
              "Whether", "Where", "So", "Then", "Now", "Also", "Still",
              "Both", "All", "Each", "Every", "Either", "Neither", "Some", "Many", "Most", "Several", "Such", "Their", "There", "Company"}


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOK.finditer(text, start, end)]


def _class_of(words: dict, tokens: list[str]) -> str:
    """The class a class noun names ("GPU" → Chipset), trying two-word nouns first."""
    table = _noun_classes(words.get("class_nouns") or {})
    for n in (2, 1):
        phrase = " ".join(tokens[:n]).lower()
        if phrase in table:
            return table[phrase]
    return ""


_NOUN_TABLES: dict = {}  # id of a class_nouns mapping -> (the mapping, its table)


def _noun_classes(nouns: dict) -> dict:
    """A class noun (lower case) -> the first class of ``nouns`` that lists it: made once per
    mapping, not at each token."""
    known = _NOUN_TABLES.get(id(nouns))
    if known is None or known[0] is not nouns:
        table: dict = {}
        for cls, items in nouns.items():
            for item in items:
                table.setdefault(item.lower(), cls)
        known = _NOUN_TABLES[id(nouns)] = (nouns, table)
    return known[1]


def _is_name_token(tok: str, started: bool, words: dict) -> bool:
    if tok.endswith(("'s", "’s")):
        return False  # "Xiaomi's entry": a possessor, not a product
    if tok in words.get("name_variant_words", ()) and started:
        return True
    if "-" in tok and any(part[:1].isupper() for part in tok.split("-")[1:]):
        return True  # e-Platform, Quantum-X800
    if any(ch.isdigit() for ch in tok):
        return True
    if tok[:1].islower() and tok.isalnum() and any(ch.isupper() for ch in tok[1:]):
        return True  # iPhone, iMac, eufyCam, imagePROGRAF: a lower-case brand, then capitals
    return tok[:1].isupper()


def _name_at(text: str, toks: list, i: int, words: dict):
    """A name starting at token i: (start, end, next index) or None."""
    if i >= len(toks):
        return None
    if toks[i][2] in "“\"‘":  # a quoted name: "God's Eye"
        close = {"“": "”", "\"": "\"", "‘": "’"}[toks[i][2]]
        end = text.find(close, toks[i][1], toks[i][1] + 60)
        if end > toks[i][1]:
            j = i + 1
            while j < len(toks) and toks[j][0] < end:
                j += 1
            return toks[i][1], end, j + 1
        return None
    j, started = i, False
    while j < len(toks):
        tok = toks[j][2]
        if tok == "of" and started and j + 1 < len(toks) and toks[j + 1][2][:1].isupper():
            j += 1  # "Honor of Kings"
            continue
        if not _is_name_token(tok, started, words) or (not started and (tok in _NOT_START or tok in _MONTHS_DAYS)):
            break
        if started and tok.isupper() and _class_of(words, [tok]):
            break  # "the B200 GPU": the class noun ends the name
        if started and tok in _MONTHS_DAYS:
            break
        started = True
        j += 1
    if not started:
        return None
    if all(tok[2] in words.get("name_variant_words", ()) for tok in toks[i:j]):
        return None  # "the new Pro": a variant word alone names nothing
    return toks[i][0], toks[j - 1][1], j


def names_after(text: str, pos: int, end: int, words: dict) -> list[tuple[int, int, str]]:
    """Names that follow a trigger: "unveiled the B200 GPU and the GB200 Grace Blackwell Superchip",
    "launched its first self-developed mobile chipset, the Surge S1". (start, end, class hint)."""
    toks = _tokens(text, pos, end)
    lead = {w.lower() for w in words.get("name_lead_words", ())}
    out = []
    i = 0
    while True:
        hint = ""
        appos = _appositive_name(toks, i, words) if not out else None
        if appos is not None:  # "a new generation of earbuds, AirPods 4", "its first foldable, the X1 Fold": the name after the comma
            i = appos
        while appos is None and i < len(toks):  # words before the name: "its first self-developed mobile chipset, the"
            tok = toks[i][2]
            cls = _class_of(words, [t[2] for t in toks[i:i + 2]])
            if cls and tok[:1].islower() or tok.lower() in lead and tok[:1].islower() or \
                    (tok[:1].islower() and "-" in tok):
                hint = cls or hint
                i += 2 if cls and len(" ".join(t[2] for t in toks[i:i + 2]).split()) == 2 and \
                    _class_of(words, [t[2] for t in toks[i:i + 2]]) != _class_of(words, [tok]) else 1
                continue
            if tok == "," and hint and i + 1 < len(toks) and toks[i + 1][2].lower() == "the":
                i += 2  # "its own chip, the Surge S1"
                continue
            if tok == "," and hint and i + 1 < len(toks) and _is_name_token(toks[i + 1][2], False, words):
                i += 1  # "two new switches, Quantum-X800 InfiniBand and ..."
                continue
            described = _described_kind(toks, i, words)
            if described:  # "deep reasoning model Spark X1", "second generation folding screen mobile phone PHANTOM V Fold2"
                i, hint = described
                continue
            break
        found = _name_at(text, toks, i, words)
        if found is None:
            break
        s, e, i = found
        close = i
        while close < len(toks) and _class_of(words, [toks[close][2]]):
            close += 1  # "a new operating system, Zorro OS, in 2023": the name's own kind noun
        if appos is not None and close < len(toks) and toks[close][2] not in _APPOSITIVE_CLOSE:
            break  # "launched a new plan, Chief Executive Jane Doe said": a clause goes on after the name
        after = _class_of(words, [t[2] for t in toks[i:i + 3] if t[2][:1].islower() or t[2].isupper()][:3]) if i < len(toks) else ""
        out.append((s, e, after or hint))
        # a list: ", ", " and ", ", and ", " as well as " (after the class noun: "the B200 GPU and ...")
        k = i
        while k < len(toks) and (_class_of(words, [toks[k][2]]) or toks[k][2].lower() in lead) and toks[k][2] not in (",", "and"):
            k += 1
        k = _past_aside_and_time(toks, k)  # "the MLU270 in 2019 and the MLU290, our first training chip, in 2020"
        if k < len(toks) and toks[k][2] in (",", "&"):
            k += 1
        if k < len(toks) and toks[k][2] in ("and", "plus"):
            k += 1
        elif k + 1 < len(toks) and toks[k][2] == "as" and toks[k + 1][2] == "well":
            k += 3
        elif k < len(toks) and toks[k][2] == "alongside":  # "unveiled R2 in March, together with R3 and R3X"
            k += 1
        elif k + 1 < len(toks) and toks[k][2] in ("together", "along") and toks[k + 1][2] == "with":
            k += 2
        if k == i or k >= len(toks) or toks[k - 1][2] not in (",", "&", "and", "plus", "well", "as", "alongside", "with"):
            break
        i = k
    return out


_ASIDE_LEADS = {"a", "an", "the", "our", "its", "their"}
_APPOSITIVE_CLOSE = {",", ".", ";", "(", "and", "in", "on", "at", "for", "last", "this", "earlier", "—", "–"}


def _appositive_name(toks: list, i: int, words: dict) -> int | None:
    """Where the name starts after a description of it in lower case and a comma, right after the trigger ("a new
    generation of earbuds, AirPods 4", "its first foldable, the ThinkPad X1 Fold"): a determiner, up to six lower-case
    words, a comma, maybe "the"; else None."""
    if i >= len(toks) or toks[i][2].lower() not in _ASIDE_LEADS | {"his", "her"} or toks[i][2][:1].isupper() and i > 0:
        return None
    j = i + 1
    while j < len(toks) and j - i <= 7 and re.fullmatch(r"[a-z][a-z\-]*", toks[j][2]):
        j += 1
    if j == i + 1 or j >= len(toks) - 1 or toks[j][2] != ",":
        return None
    j += 1
    if toks[j][2] == "the" and j + 1 < len(toks):
        j += 1
    return j if _is_name_token(toks[j][2], False, words) else None


def _past_aside_and_time(toks: list, k: int) -> int:
    """The index after an aside that describes the name before it (", our first training chip") and after its own
    time ("in 2019", "in March 2020") when a list mark follows them; else ``k``."""
    j = k
    if j + 1 < len(toks) and toks[j][2] == "," and toks[j + 1][2].lower() in _ASIDE_LEADS:
        close = next((x for x in range(j + 2, min(len(toks), j + 12)) if toks[x][2] in ",;()."), None)
        if close is not None and toks[close][2] == ",":
            j = close
    best = j if j != k and j < len(toks) and toks[j][2] in (",", "and") else k
    t = j + 1 if j < len(toks) and toks[j][2] == "," else j
    for _ in range(2):  # its own time and its own price, in either order ("Jaybird in 2016 for $50 million")
        x = _past_time(toks, t)
        x = _past_price(toks, t) if x == t else x
        if x == t:
            break
        t = x
        if t < len(toks) and toks[t][2] in (",", "and"):
            best = t
    return best


def _past_time(toks: list, t: int) -> int:
    """The index after "in 2019", "in March 2020", "on 6 April 2010" at ``t``; else ``t``."""
    if t + 1 < len(toks) and toks[t][2] in ("in", "on"):
        x = t + 1
        while x < len(toks) and (toks[x][2] in _MONTHS_DAYS or re.fullmatch(r"[0-9]{1,2}", toks[x][2])):
            x += 1
        if x < len(toks) and re.fullmatch(r"(?:19|20)[0-9]{2}", toks[x][2]):
            return x + 1
    return t


_APPROX = {"about", "around", "roughly", "approximately", "nearly", "almost", "some", "over", "under"}
_MONEY_WORDS = {"dollars", "euros", "pounds", "yen", "yuan", "won", "francs", "crowns", "kronor", "rupees"}
_SCALES = {"million", "billion", "trillion", "bn", "m"}


def _past_price(toks: list, t: int) -> int:
    """The index after a price at ``t`` ("for $50 million", "for about 3.5 billion euros"); else ``t``. (The
    currency sign is no token: a number after "for" with a scale or a word of money is the price.)"""
    if not (t + 1 < len(toks) and toks[t][2] == "for"):
        return t
    x = t + 1
    if toks[x][2].lower() in _APPROX:
        x += 1
    if x < len(toks) and toks[x][2] in ("US", "HK", "NT", "A", "C"):
        x += 1
    if not (x < len(toks) and re.fullmatch(r"[0-9][0-9.,]*", toks[x][2])):
        return t
    x += 1
    scaled = x < len(toks) and toks[x][2].lower() in _SCALES
    x += scaled
    worded = x < len(toks) and toks[x][2].lower() in _MONEY_WORDS
    x += worded
    return x if scaled or worded else t


_BEFORE_TRIGGER = re.compile(r"(?:\s*,)?(?:\s+(?:was|were|is|are|has been|have been|had been|being|been|first|also|officially|then))*\s*$",
                             re.IGNORECASE)
_NOT_BEFORE_TRIGGER = re.compile(r"[^\s,a-z]", re.IGNORECASE)  # what _BEFORE_TRIGGER cannot hold


def _described_kind(toks: list, i: int, words: dict) -> tuple[int, str] | None:
    """Lower-case words that end in a kind of product right before a name ("deep reasoning model Spark X1",
    "folding screen mobile phone PHANTOM V Fold2"): the index after the kind and its class; None unless
    a name follows the kind."""
    for j in range(i, min(len(toks), i + 7)):
        tok = toks[j][2]
        if not (tok[:1].islower() and tok.isalpha()) or tok in ("and", "or", "of", "in", "on", "at", "to", "by", "for", "with"):
            return None
        for n in (2, 1):
            if j + n > len(toks) or n == 2 and not toks[j + 1][2][:1].islower():
                continue
            cls = _class_of(words, [t[2] for t in toks[j:j + n]])
            if cls and len(" ".join(t[2] for t in toks[j:j + n]).split()) == n and j + n < len(toks) \
                    and (_is_name_token(toks[j + n][2], False, words) or toks[j + n][2] in "“\"") \
                    and toks[j + n][2] not in _NOT_START:
                return j + n, cls
    return None


def name_before(text: str, pos: int, words: dict):
    """The name a trigger follows: "Weixin Pay followed in 2013", "the A100 was launched", "the RTX 20
    series, launched in 2018". (start, end, class hint) or None."""
    head = sub_end(_BEFORE_TRIGGER, text[:pos], _NOT_BEFORE_TRIGGER)
    toks = _tokens(head, max(0, len(head) - 80), len(head))
    j = len(toks)
    hint = ""
    if j and _class_of(words, [toks[j - 1][2]]) and toks[j - 1][2][:1].islower():
        hint = _class_of(words, [toks[j - 1][2]])
        if toks[j - 1][2] not in ("series",):
            j -= 1
    i = j
    while i > 0 and _is_name_token(toks[i - 1][2], True, words) and toks[i - 1][2] not in _MONTHS_DAYS:
        i -= 1
    while i < j and (toks[i][2] in _NOT_START or toks[i][2] in words.get("name_variant_words", ())):
        i += 1
    if i >= j:
        return None
    return toks[i][0], toks[j - 1][1], hint
