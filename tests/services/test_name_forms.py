"""The other forms of a name (`name_forms`): the lookup asks for exactly what the
comparison accepts, so a pair is found from either side."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import name_forms
from app.services.name_forms import other_forms, same_name_transliterated, short_form

_TABLE_WORDS = sorted({w for group in name_forms._TRANSLITERATED for w in group}
                      | set(name_forms._SHORT_FORMS)
                      | {w for longs in name_forms._SHORT_FORMS.values() for w in longs})
_SHORT = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=7)
# Words made of first elements and short tails, where the rule's edges are.
_STARTS = (*name_forms._FIRST_ELEMENTS, "", "w", "wa")
_YORUBA_LIKE = st.builds(lambda e, t: e + t, st.sampled_from(_STARTS), _SHORT)
_WORD = st.one_of(st.sampled_from(_TABLE_WORDS), _SHORT, _YORUBA_LIKE)


@settings(max_examples=400, deadline=None)
@given(_WORD, _WORD)
def test_other_forms_are_what_the_comparison_accepts(a: str, b: str) -> None:
    accepted = same_name_transliterated(a, b) or short_form(a, b)
    assert accepted == (b in other_forms(a)) == (a in other_forms(b))


def test_forms_of_a_name() -> None:
    assert other_forms("lee") == {"yi", "rhee", "ri", "rhie"}
    assert {"jeon", "cheon", "chon"} <= other_forms("chun")  # 전 and 천
    assert {"alberto", "roberto", "humberto"} <= other_forms("beto")
    assert "beto" in other_forms("roberto") and "chukwuemeka" in other_forms("emeka")
    assert other_forms("oluwaseun") == {"seun"}
    assert other_forms("tobiloba") == set()  # eight letters: never a short form
