"""Participant search: names, accents, aliases, ids, phones, filters, sorting, paging."""

from __future__ import annotations

import random

import pytest

from app.models import Caseworker
from app.services import participant_search as ps
from app.services.caseworkers import flags_in_use
from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.participant_status import change_status
from app.services.participants import add_alias, create_participant, update_participant
from app.services.recorder import recording
from app.ui.participant_model import COLUMNS

FAMILIES = ["Nguyễn", "Nguyen", "García", "Garcia-Lopez", "Okafor", "Haddad", "Singh",
            "Kaur", "Tremblay", "Lee"]


@pytest.fixture
def people(ctx: ServiceContext) -> dict[str, str]:
    rng = random.Random(3)
    ids = {}
    for i in range(40):
        family = FAMILIES[i % len(FAMILIES)]
        ids[f"{family}-{i}"] = create_participant(ctx, {
            "family_name": family, "given_names": rng.choice(["Ana", "Minh", "Omar", None]),
            "client_id": f"{10_000_000 + i}", "phone": f"604 555 {1000 + i}"})
    return ids


def _names(ctx: ServiceContext, **kw: object) -> list[str]:
    page = search_participants(ctx, ParticipantQuery(**kw), limit=500)  # type: ignore[arg-type]
    return [r.family_name for r in page.rows]


def test_accent_and_case_insensitive(ctx: ServiceContext, people: dict[str, str]) -> None:
    found = _names(ctx, text="NGUYEN")
    assert len(found) == 8 and set(found) == {"Nguyễn", "Nguyen"}
    assert set(_names(ctx, text="garcía")) == {"García", "Garcia-Lopez"}


def test_letters_without_a_decomposition_are_found_by_their_base_letters(
        ctx: ServiceContext) -> None:
    """Đặng, Yıldız and Søren are found as 'dang', 'yildiz', 'soren', and the other way."""
    for family, given in (("Đặng", "Thu"), ("Yıldız", "Ayşe"), ("Kierkegaard", "Søren")):
        create_participant(ctx, {"family_name": family, "given_names": given})
    create_participant(ctx, {"family_name": "Dang", "given_names": "Lan"})
    assert sorted(_names(ctx, text="dang")) == ["Dang", "Đặng"]
    assert _names(ctx, text="ĐẶNG THU") == ["Đặng"]
    assert _names(ctx, text="YILDIZ") == ["Yıldız"]
    assert _names(ctx, text="soren") == ["Kierkegaard"]


def test_a_name_in_another_script_is_found_in_latin_letters(ctx: ServiceContext) -> None:
    """A file written in Cyrillic or Greek is found by the name typed in Latin letters, and
    still by the name as written; a name typed in Cyrillic also finds it in Latin letters."""
    create_participant(ctx, {"family_name": "Шевченко", "given_names": "Тарас"})
    create_participant(ctx, {"family_name": "Tremblay", "given_names": "Marc",
                             "aliases": [{"family_name": "Παπαδόπουλος"}]})
    assert _names(ctx, text="shevchenko") == ["Шевченко"]
    assert _names(ctx, text="Шевч") == ["Шевченко"]
    assert _names(ctx, text="taras shev") == ["Шевченко"]
    assert _names(ctx, text="papadop") == ["Tremblay"]
    create_participant(ctx, {"family_name": "Shevchenko", "given_names": "Ivan"})
    # Typed in Cyrillic: the files written in it and those written in Latin letters.
    assert sorted(_names(ctx, text="Шевченко")) == ["Shevchenko", "Шевченко"]
    assert _names(ctx, text="шевч іван") == ["Shevchenko"]


def test_a_chinese_or_korean_name_is_found_by_its_family_and_given_names(
        ctx: ServiceContext) -> None:
    """Written as on the person's documents, in one word: found by the family name, the
    given name, or both, as a passport spells them."""
    create_participant(ctx, {"family_name": "王小明"})
    create_participant(ctx, {"family_name": "曾", "given_names": "伟"})
    create_participant(ctx, {"family_name": "김민수"})
    assert _names(ctx, text="xiaoming") == ["王小明"]
    assert _names(ctx, text="wang xiaoming") == ["王小明"]
    assert _names(ctx, text="zeng wei") == ["曾"]
    assert _names(ctx, text="kim minsu") == ["김민수"]


def test_a_name_in_the_arabic_script_is_found_by_its_latin_spellings(
        ctx: ServiceContext) -> None:
    """The Arabic script writes no short vowels: أحمد is found by "Ahmed" or "Ahmad" as
    typed, through its consonants. Files written in Latin letters are not searched by
    consonants: "Hassan" finds حسن, not "Husseini"."""
    create_participant(ctx, {"family_name": "أحمد", "given_names": "محمد"})
    create_participant(ctx, {"family_name": "حسن", "given_names": "يوسف"})
    create_participant(ctx, {"family_name": "Husseini", "given_names": "Omar"})
    assert _names(ctx, text="Ahmed") == ["أحمد"]
    assert _names(ctx, text="ahmad mohammed") == ["أحمد"]
    assert _names(ctx, text="Moham") == ["أحمد"]  # a term not yet finished
    assert _names(ctx, text="Hassan Yusuf") == ["حسن"]
    assert _names(ctx, text="hassan") == ["حسن"]


def test_an_ethiopian_name_written_short_is_found_written_out(ctx: ServiceContext) -> None:
    create_participant(ctx, {"family_name": "G/Medhin", "given_names": "Tesfaye"})
    assert _names(ctx, text="gebremedhin") == ["G/Medhin"]
    assert _names(ctx, text="g/medhin") == ["G/Medhin"]


def test_client_id_phone_and_alias(ctx: ServiceContext, people: dict[str, str]) -> None:
    assert _names(ctx, text="10000017") == ["Kaur"]  # i=17 -> FAMILIES[7]
    assert _names(ctx, text="5551023") == ["Garcia-Lopez"]  # i=23 -> FAMILIES[3]
    pid = people["Lee-9"]
    add_alias(ctx, pid, {"family_name": "Zhukovsky"})
    assert [r.id for r in search_participants(ctx, ParticipantQuery("zhukov")).rows] == [pid]
    update_participant(ctx, pid, {"phone": "250 555 9999"})
    assert search_participants(ctx, ParticipantQuery("5559999")).total == 1
    assert search_participants(ctx, ParticipantQuery("5551009")).total == 0


def test_short_terms_filters_and_no_match(ctx: ServiceContext, people: dict[str, str]) -> None:
    assert set(_names(ctx, text="le")) == {"Lee"}
    # One or two characters match the start of a word: "ng" is Nguyen, not Singh.
    assert set(_names(ctx, text="ng")) == {"Nguyễn", "Nguyen"}
    change_status(ctx, people["Okafor-4"], "assessed")
    assert _names(ctx, statuses=("assessed",)) == ["Okafor"]
    assert _names(ctx, text="okafor", statuses=("referred",)) == ["Okafor"] * 3
    assert _names(ctx, text="zzzqqq") == []
    assert _names(ctx, text='"; DROP TABLE participant; --') == []


@pytest.mark.parametrize("threshold", [0, 10**9])
def test_both_plans_give_the_same_sorted_pages(ctx: ServiceContext, people: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch,
                                               threshold: int) -> None:
    monkeypatch.setattr(ps, "INDEX_WALK_THRESHOLD", threshold)
    query = ParticipantQuery(text="ngu")
    first = search_participants(ctx, query, offset=0, limit=3)
    rest = search_participants(ctx, query, offset=3, limit=10)
    keys = [(r.family_name, r.given_names or "") for r in first.rows + rest.rows]
    assert len(keys) == 8 and first.total == 8
    assert keys == sorted(keys)
    descending = search_participants(ctx, ParticipantQuery(text="ngu", descending=True))
    assert [r.id for r in descending.rows] == [r.id for r in (first.rows + rest.rows)][::-1]


def test_total_can_be_skipped_for_first_paint(ctx: ServiceContext,
                                              people: dict[str, str]) -> None:
    page = search_participants(ctx, ParticipantQuery(text="singh"), with_total=False)
    assert page.total == -1 and len(page.rows) == 4
    assert ps.count_participants(ctx, ParticipantQuery(text="singh")) == 4


def test_short_terms_are_word_starts_in_any_name(ctx: ServiceContext,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ids = {key: create_participant(ctx, {"family_name": family, "given_names": given})
           for key, family, given in [("vu", "Vũ", "Thi Lan"), ("vuong", "Nguyen", "Vuong"),
                                      ("duvu", "Duvu", "Ana"), ("tran", "Tran", "Van Do")]}
    found = {r.id for r in search_participants(ctx, ParticipantQuery(text="VU")).rows}
    assert found == {ids["vu"], ids["vuong"]}  # a first word, a given name; not Duvu
    assert [r.id for r in search_participants(ctx, ParticipantQuery("nguyen v")).rows] == [
        ids["vuong"]]
    assert [r.id for r in search_participants(ctx, ParticipantQuery("d tran")).rows] == [
        ids["tran"]]
    assert search_participants(ctx, ParticipantQuery("-- ;")).total == 4  # no words: all
    for threshold in (0, 10**9):  # both plans of a name-sorted page
        monkeypatch.setattr(ps, "INDEX_WALK_THRESHOLD", threshold)
        rows = search_participants(ctx, ParticipantQuery(text="v")).rows
        assert [r.family_name for r in rows] == ["Nguyen", "Tran", "Vũ"]


def test_rows_carry_their_caseworker_and_sort_by_that_name(ctx: ServiceContext) -> None:
    with recording(ctx) as rec:
        zoe = rec.create(Caseworker(name="Zoe Tremblay")).id
        amira = rec.create(Caseworker(name="Amira Haddad")).id
    files = [("Okafor", zoe), ("Bui", amira), ("Lee", zoe), ("Singh", None), ("Kaur", amira),
             ("Haddad", "me")]
    for family, worker in files:
        pid = create_participant(ctx, {"family_name": family})  # the actor's, to start
        if worker != "me":
            update_participant(ctx, pid, {"caseworker_id": worker})
    page = search_participants(ctx, ParticipantQuery(sort="caseworker"))
    assert [(r.caseworker_name, r.family_name) for r in page.rows] == [
        (None, "Singh"),  # no caseworker: an empty cell, first as SQL puts it
        ("Amira Haddad", "Bui"), ("Amira Haddad", "Kaur"),
        ("Test Worker", "Haddad"),
        ("Zoe Tremblay", "Lee"), ("Zoe Tremblay", "Okafor")]
    descending = search_participants(ctx, ParticipantQuery(sort="caseworker", descending=True))
    assert [r.id for r in descending.rows] == [r.id for r in page.rows][::-1]
    second = search_participants(ctx, ParticipantQuery(sort="caseworker"), offset=2, limit=2)
    assert [r.family_name for r in second.rows] == ["Kaur", "Haddad"]


def test_every_column_of_the_list_sorts_by_its_own_values(ctx: ServiceContext) -> None:
    for family, phone, dob in (("Aba", "(604) 555-0300", "1990"), ("Bea", "604 555 0100", None),
                               ("Cid", None, "1980-02-03"), ("Dan", "+1 604 555 0200", "1985")):
        create_participant(ctx, {"family_name": family, "phone": phone, "date_of_birth": dob})
    for key in COLUMNS:
        assert key[0] in ps.SORTS, f"the list's {key[0]} column has no sort"
    by_phone = search_participants(ctx, ParticipantQuery(sort="phone")).rows
    assert [r.family_name for r in by_phone] == ["Cid", "Dan", "Bea", "Aba"]  # by digits:
    # 1604..., 604...0100, 604...0300; no phone first, as SQL puts it
    by_birth = search_participants(ctx, ParticipantQuery(sort="date_of_birth")).rows
    assert [r.family_name for r in by_birth] == ["Bea", "Cid", "Dan", "Aba"]


def test_risk_and_vulnerability_flags_filter_the_list(ctx: ServiceContext) -> None:
    for family, risk, vulnerable in (("Aba", ["absconding_history"], ["mental_health"]),
                                     ("Bea", [], ["mental_health", "medical"]),
                                     ("Cid", ["mental_health"], [])):
        create_participant(ctx, {"family_name": family, "risk_flags": risk,
                                 "vulnerability_flags": vulnerable})
    assert _names(ctx, vulnerabilities=("mental_health",)) == ["Aba", "Bea"]
    assert _names(ctx, flags=("mental_health",)) == ["Cid"]  # the kind of flag counts
    assert _names(ctx, flags=("absconding_history",),
                  vulnerabilities=("mental_health",)) == ["Aba"]
    assert _names(ctx, vulnerabilities=("mental_health", "medical")) == ["Bea"]
    assert flags_in_use(ctx, "vulnerability_flags") == ["medical", "mental_health"]
    assert flags_in_use(ctx, "risk_flags") == ["absconding_history", "mental_health"]
    with pytest.raises(ValueError):
        flags_in_use(ctx, "family_name")  # only flag columns: it is spliced into SQL
