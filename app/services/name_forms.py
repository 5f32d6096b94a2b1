"""One name in the forms different records give it, which no spelling rule of
`match_scoring` can see because the letters themselves differ. Spellings are folded
(`text.fold`).

- Ukrainian, Russian and English forms of a given name: a Ukrainian passport says
  Oleksandr, Mykola, Serhiy; a Russian-language document or an ear at intake gives
  Aleksandr, Nikolai, Sergei (h for g, o for a, k for n). No French forms: Pierre, Michel,
  Georges are also Haitian family names, where they are no Petro or Mykhailo.
- Korean family names as the romanisations in use write them: a passport's Lee, Park,
  Choi and Jung are Yi, Pak, Choe and Jeong in Revised or McCune-Reischauer romanisation
  and in North Korean documents (Ri, Rim). A spelling can stand for two names (Chun for
  전 and 천), so a spelling belongs to every group that has it. Not where both spellings
  are also Chinese family names in pinyin (Kong and Gong, Ji and Chi are two families
  there), nor Jun, a Chinese given name beside Chun.
- Short forms of a given name, which a person gives at intake or an older record holds:
  Spanish Paco (Francisco), Pepe (José), Lupe (Guadalupe); and Yoruba and Igbo names said
  without their first element: Seun (Oluwaseun), Tunde (Babatunde), Emeka (Chukwuemeka).
  The latter by rule, as there are thousands of such names."""

from __future__ import annotations

_TRANSLITERATED: tuple[tuple[str, ...], ...] = (
    ("oleksandr", "olexandr", "oleksander", "aleksandr", "alexandr", "aleksander",
     "alexander"),
    ("oleksiy", "oleksii", "olexiy", "aleksei", "aleksey", "alexei", "alexey"),
    ("mykola", "nikolai", "nikolay", "nicolai", "nicholas"),
    ("mykhailo", "mykhaylo", "mikhail", "mikhael", "michael"),
    ("serhiy", "serhii", "sergiy", "sergii", "sergei", "sergey"),
    ("oleh", "oleg"),
    ("ihor", "igor"),
    ("yevhen", "yevgen", "evgeny", "evgeniy", "yevgeny", "yevgeniy", "eugene"),
    ("heorhiy", "heorhii", "georgiy", "georgii", "georgy", "george"),
    ("hryhoriy", "hryhorii", "grigoriy", "grigorii", "grigory", "gregory"),
    ("petro", "pyotr", "petr", "peter"),
    ("pavlo", "pavel", "paul"),
    ("halyna", "galina"),
    ("hanna", "ganna", "anna"),
    ("olha", "olga"),
    ("kateryna", "ekaterina", "yekaterina", "katerina", "katherine", "catherine"),
    ("liudmyla", "lyudmyla", "lyudmila", "liudmila", "ludmila"),
    ("nadiia", "nadiya", "nadezhda"),
    ("valentyna", "valentina"),
    ("tetiana", "tetyana", "tatiana", "tatyana", "tatjana"),
    # Korean family names (one-letter romanisations, I and O, stay initials).
    ("lee", "yi", "rhee", "ri", "rhie"),
    ("park", "pak", "bak", "bahk"),
    ("choi", "choe", "chwe"),
    ("jung", "jeong", "chung", "cheong", "joung"),
    ("kim", "gim"),
    ("kang", "gang"),
    ("cho", "jo"),
    ("yoon", "yun"),
    ("jang", "chang"),
    ("lim", "im", "rim"),
    ("seo", "suh"),
    ("shin", "sin"),
    ("kwon", "gwon"),
    ("ahn", "an"),
    ("ryu", "ryoo", "yu", "yoo"),
    ("jeon", "chun", "chon"),
    ("cheon", "chun", "chon"),
    ("ko", "go", "koh"),
    ("moon", "mun"),
    ("son", "sohn"),
    ("bae", "pae"),
    ("baek", "paik", "baik"),
    ("heo", "hur", "huh"),
    ("noh", "roh"),
    ("sung", "seong"),
    ("joo", "ju"),
    ("koo", "gu", "ku"),
    ("jin", "chin"),
    ("eom", "um", "uhm"),
    ("byun", "byeon"),
    ("pyun", "pyeon"),
    ("hyun", "hyeon"),
    ("yeom", "yum"),
    ("seok", "suk"),
    ("seon", "sun"),
    ("seol", "sul"),
    ("gil", "kil"),
    ("myung", "myeong"),
    ("keum", "geum"),
    ("yook", "yuk"),
    ("kwak", "gwak"),
    ("bang", "pang"),
    ("namgung", "namkoong", "namkung"),
    ("sunwoo", "seonwoo", "seonu"),
)

# Spanish short forms, each of the names it may stand for (Beto: Alberto, Roberto).
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "paco": ("francisco",), "pancho": ("francisco",), "pepe": ("jose",),
    "chepe": ("jose",), "lupe": ("guadalupe",), "lupita": ("guadalupe",),
    "chucho": ("jesus",), "chuy": ("jesus",), "nacho": ("ignacio",),
    "memo": ("guillermo",), "lalo": ("eduardo",), "chava": ("salvador",),
    "quique": ("enrique",), "beto": ("alberto", "roberto", "humberto"),
    "tono": ("antonio",), "manolo": ("manuel",), "rafa": ("rafael",),
    "nando": ("fernando",), "tavo": ("gustavo",), "concha": ("concepcion",),
    "conchita": ("concepcion",), "lola": ("dolores",), "chela": ("graciela",),
    "chayo": ("rosario",), "chelo": ("consuelo",), "meche": ("mercedes",),
    "pili": ("pilar",), "charo": ("rosario",), "toni": ("antonio",),
}
# First elements of Yoruba and Igbo names that a short form leaves off: Olu- and Oluwa-
# (God), Ade- (crown), Ola- (wealth), Ayo- (joy), Omo- (child), Oyin- (honey), Baba-
# (father), Chukwu- and Chi- (God).
_FIRST_ELEMENTS = ("oluwa", "olu", "ade", "ola", "ayo", "omo", "oyin", "baba", "chukwu",
                   "chi")
# Left without its first element, a name keeps four to six letters: Femi, Seun, Tunde,
# Emeka. (Longer ones are names of their own; shorter ones meet too many names.)
_SHORT_FORM_MIN, _SHORT_FORM_MAX = 4, 6

_GROUPS: dict[str, frozenset[int]] = {}
for _n, _group in enumerate(_TRANSLITERATED):
    for _spelling in _group:
        _GROUPS[_spelling] = _GROUPS.get(_spelling, frozenset()) | {_n}
_FIRST_ELEMENTS_LONGEST_FIRST = sorted(_FIRST_ELEMENTS, key=len, reverse=True)
_LONG_FORMS: dict[str, tuple[str, ...]] = {}
for _short, _longs in _SHORT_FORMS.items():
    for _long in _longs:
        _LONG_FORMS[_long] = (*_LONG_FORMS.get(_long, ()), _short)


def same_name_transliterated(a: str, b: str) -> bool:
    """Two folded words that are forms of one name in other languages or romanisations (and
    not the same spelling)."""
    return a != b and not _GROUPS.get(a, frozenset()).isdisjoint(_GROUPS.get(b, ()))


def short_form(a: str, b: str) -> bool:
    """One folded word is a short form of the other: Paco / Francisco, Seun / Oluwaseun."""
    if a == b:
        return False
    if b in _SHORT_FORMS.get(a, ()) or a in _SHORT_FORMS.get(b, ()):
        return True
    short, long_ = sorted((a, b), key=len)
    return _without_first_element(long_) == short


def _with_first_element(word: str) -> tuple[str, ...]:
    """The names of which `word` is the short form (Seun: Oluseun, Oluwaseun, Adeseun...)."""
    if not _SHORT_FORM_MIN <= len(word) <= _SHORT_FORM_MAX:
        return ()
    return tuple(long_ for element in _FIRST_ELEMENTS
                 if _without_first_element(long_ := element + word) == word)


def other_forms(word: str) -> set[str]:
    """Every other form of a folded word, as `same_name_transliterated` and `short_form`
    accept them: looked up beside the word, so a file written in one form is found by another
    (Lee by Yi, Francisco by Paco, Oluwaseun by Seun)."""
    out = {w for n in _GROUPS.get(word, ()) for w in _TRANSLITERATED[n]}
    out.update(_SHORT_FORMS.get(word, ()), _LONG_FORMS.get(word, ()), _with_first_element(word))
    rest = _without_first_element(word)
    if rest:
        out.add(rest)
    out.discard(word)
    return out


def _without_first_element(word: str) -> str | None:
    """The short form of a name that begins with a first element (the longest: Oluwaseun is
    Seun, not Waseun)."""
    for element in _FIRST_ELEMENTS_LONGEST_FIRST:
        if word.startswith(element) and _SHORT_FORM_MIN <= len(word) - len(element) \
                <= _SHORT_FORM_MAX:
            return word[len(element):]
    return None
