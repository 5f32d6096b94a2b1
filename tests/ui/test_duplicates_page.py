"""The duplicates page: a scan finds planted pairs, the two files side by side with the
established file kept by default, a merge with a value chosen per differing field, undo,
'not the same person', what is selected after each decision, and a capped list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.services.context import ServiceContext
from app.services.duplicate_review import ReviewPair
from app.services.notes import add_note
from app.services.participant_status import change_status
from app.services.participants import create_participant, get_participant
from app.ui import duplicate_comparison, duplicate_scan_bar, duplicates_page
from app.ui.duplicate_pairs_model import FILE_A, WHY, DuplicatePairTableModel
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.conftest import FAST_KDF, FixedClock


def _plant(ctx: ServiceContext, clock: FixedClock) -> tuple[str, str]:
    """The real file (older, active, with a note) and a misspelt copy made a month later."""
    real = create_participant(ctx, {"family_name": "Nguyễn", "given_names": "Thi Lan",
                                    "date_of_birth": "1988-04-12", "phone": "604 555 0110",
                                    "referral_source": "irb", "languages": ["bn", "es"],
                                    "citizenship": "UA"})
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, real, status)
    add_note(ctx, real, "Reports weekly.")
    clock.advance(days=30)
    copy = create_participant(ctx, {"family_name": "Nguyeen", "given_names": "Thi Lan",
                                    "date_of_birth": "1988-04-12", "phone": "778 555 0199",
                                    "city": "Surrey"})
    create_participant(ctx, {"family_name": "Okafor", "given_names": "Chidi",
                             "date_of_birth": "1975-01-30"})
    return real, copy


def _plant_other_pair(ctx: ServiceContext) -> None:
    for phone in ("250 555 0101", "250 555 0102"):
        create_participant(ctx, {"family_name": "Kowalski", "given_names": "Jun Zahra",
                                 "date_of_birth": "1958-09-22", "phone": phone})


def _scan(qtbot, window: MainWindow, pairs: int = 1):  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    page = window.workspace.duplicates
    window.workspace.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.scan_button.isEnabled() and page.model.rowCount() == pairs,
                    timeout=20_000)
    return page


def _rows(page) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {page.compare.item(i, 0).data(Qt.ItemDataRole.UserRole): i
            for i in range(page.compare.rowCount())}


def _kept_side_index(page, real: str) -> int:  # type: ignore[no-untyped-def]
    return 0 if page.details.comparison.a_id == real else 1


def test_scan_compare_merge_and_undo(qtbot, ctx: ServiceContext, clock: FixedClock,  # type: ignore[no-untyped-def]
                                     unlocked: MainWindow) -> None:
    real, copy = _plant(ctx, clock)
    page = _scan(qtbot, unlocked)
    assert page.message.text() == "1 new pair to review."
    assert "same date of birth" in page.model.index(0, WHY).data()
    tip = page.model.index(0, FILE_A).data(Qt.ItemDataRole.ToolTipRole)
    assert "Double-click, or press Enter, to open this file." in tip
    page.select_row(0)
    qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
    rows = _rows(page)
    assert {"family_name", "phone", "city", "status"} <= set(rows)
    phone_choice = page.compare.cellWidget(rows["phone"], 3)
    assert isinstance(phone_choice, QComboBox)
    assert page.compare.cellWidget(rows["city"], 3) is None  # only one file has a city
    # Codes are shown in words, as the file screen names them.
    shown = {page.compare.item(i, c).text() for i in range(page.compare.rowCount())
             for c in (1, 2)}
    assert {"IRB (Immigration and Refugee Board)", "Bangla, Spanish", "Ukraine"} <= shown
    assert not {"irb", "bn, es", "UA"} & shown

    # Keep the copy instead, its phone number, the real file's family name.
    copy_is_a = page.details.comparison.a_id == copy
    (page.keep_a if copy_is_a else page.keep_b).setChecked(True)
    phone_choice.setCurrentIndex(0 if copy_is_a else 1)
    page.compare.cellWidget(rows["family_name"], 3).setCurrentIndex(1 if copy_is_a else 0)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.undo_button.isEnabled(), timeout=10_000)
    assert page.model.rowCount() == 0
    assert page.message.text().startswith("The two files are now one.")
    kept = get_participant(ctx, real, record_view=False)
    assert kept.id == copy
    assert (kept.phone, kept.city, kept.family_name) == ("778 555 0199", "Surrey", "Nguyễn")

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "The merge was undone: both files are back.",
                    timeout=10_000)
    assert not page.undo_button.isEnabled()
    assert get_participant(ctx, real, record_view=False).id == real
    assert get_participant(ctx, copy, record_view=False).id == copy


def test_defaults_keep_the_established_file(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                            clock: FixedClock, unlocked: MainWindow) -> None:
    real, copy = _plant(ctx, clock)
    page = _scan(qtbot, unlocked)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
    real_is_a = page.details.comparison.a_id == real
    assert page.keep_a.isChecked() == real_is_a and page.keep_b.isChecked() != real_is_a
    assert "1 linked record" in page.files_note.text()
    rows = _rows(page)
    for field in ("family_name", "phone", "status"):
        assert page.compare.cellWidget(rows[field], 3).currentIndex() == \
            _kept_side_index(page, real), field
    # Choosing the other file to keep moves the untouched choices with it.
    (page.keep_b if real_is_a else page.keep_a).setChecked(True)
    assert page.compare.cellWidget(rows["phone"], 3).currentIndex() == \
        1 - _kept_side_index(page, real)
    (page.keep_a if real_is_a else page.keep_b).setChecked(True)

    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.undo_button.isEnabled(), timeout=10_000)
    kept = get_participant(ctx, copy, record_view=False)
    assert kept.id == real
    assert (kept.family_name, kept.status, kept.phone) == ("Nguyễn", "active", "604 555 0110")
    assert kept.city == "Surrey"  # empty on the kept file: taken from the other


def _two_pairs_first_shown(qtbot, ctx: ServiceContext, clock: FixedClock,  # type: ignore[no-untyped-def]
                           unlocked: MainWindow) -> duplicates_page.DuplicatesPage:
    """Two planted pairs, scanned, the first selected and compared."""
    _plant(ctx, clock)
    _plant_other_pair(ctx)
    page = _scan(qtbot, unlocked, pairs=2)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
    return page


def test_the_next_pair_is_shown_after_each_decision(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                   clock: FixedClock,
                                                   unlocked: MainWindow) -> None:
    page = _two_pairs_first_shown(qtbot, ctx, clock, unlocked)
    assert page.count.text() == "2 pairs to review, the most probable first."
    second = page.model.pair(1)
    assert second is not None

    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    # The pair now at the top is selected and compared, ready to decide on.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.merge_button.isEnabled(),
                    timeout=10_000)
    assert page.current_pair() == second
    assert page.details is not None
    assert page.details.comparison.a_id == second.a_id and page.compare.rowCount() > 0
    assert page.message.text() == "Noted: not the same person. This pair is not shown again."
    assert page.count.text() == "1 pair to review, the most probable first."

    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.undo_button.isEnabled() and page.model.rowCount() == 0,
                    timeout=10_000)
    # Nothing left: nothing selected, nothing compared, nothing to press.
    assert page.current_pair() is None and not page.pairs.selectionModel().hasSelection()
    assert page.compare.rowCount() == 0
    assert not page.merge_button.isEnabled() and not page.dismiss_button.isEnabled()
    assert page.count.text().startswith("No probable duplicates to review. Press Find")

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.merge_button.isEnabled(),
                    timeout=10_000)
    assert page.current_pair() == second  # back, and shown
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    # The dismissal's words replace the undo's.
    assert page.message.text() == "Noted: not the same person. This pair is not shown again."


def test_a_capped_list_says_how_many_pairs_exist(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                 clock: FixedClock, unlocked: MainWindow,
                                                 monkeypatch) -> None:
    _plant(ctx, clock)
    _plant_other_pair(ctx)
    monkeypatch.setattr(duplicates_page, "LISTED", 1)
    page = _scan(qtbot, unlocked, pairs=1)
    qtbot.waitUntil(lambda: "of 2" in page.count.text(), timeout=10_000)
    assert page.count.text() == ("The 1 most probable pairs of 2 are listed; deciding on "
                                 "these brings up the others.")


def test_not_the_same_person_is_not_shown_again(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                clock: FixedClock, unlocked: MainWindow) -> None:
    _plant(ctx, clock)
    page = _scan(qtbot, unlocked)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.dismiss_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "0 new pairs to review.", timeout=20_000)
    qtbot.waitUntil(lambda: "No probable duplicates" in page.count.text(), timeout=10_000)
    assert page.model.rowCount() == 0


def test_comparison_in_french(qtbot, ctx: ServiceContext, clock: FixedClock,  # type: ignore[no-untyped-def]
                              store_dir: Path, settings: Settings) -> None:
    _plant(ctx, clock)
    assert install_language("fr")
    try:
        w = MainWindow(store_dir, settings, kdf=FAST_KDF)
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        w._opened(ctx.store, ctx)
        page = _scan(qtbot, w)
        assert page.message.text() == "1 nouvelle paire à examiner."
        page.select_row(0)
        qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
        shown = {page.compare.item(i, c).text() for i in range(page.compare.rowCount())
                 for c in (1, 2)}
        assert {"bengali, espagnol", "Ukraine"} <= shown
        assert any(s.startswith("CISR") for s in shown)
        choice = page.compare.cellWidget(_rows(page)["family_name"], 3)
        assert choice.currentText().startswith("Celle du dossier")
        # The choice is not cut off: its column is as wide as the box wants to be.
        assert page.compare.columnWidth(3) >= choice.sizeHint().width()
        w.close()
    finally:
        install_language("en")


def _focus(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=5_000)


def test_tab_leaves_the_lists_and_enter_opens_a_file(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                     clock: FixedClock,
                                                     unlocked: MainWindow) -> None:
    page = _two_pairs_first_shown(qtbot, ctx, clock, unlocked)
    first = page.current_pair()
    assert first is not None
    _focus(qtbot, page.pairs)
    for _ in range(page.model.columnCount()):  # as many presses as the row has cells
        qtbot.keyClick(page.pairs, Qt.Key.Key_Tab)
    assert not page.pairs.hasFocus()  # Tab moved on to the next control...
    assert page.current_pair() == first  # ...and did not walk into the next pair

    _focus(qtbot, page.compare)
    qtbot.keyClick(page.compare, Qt.Key.Key_Tab)
    assert not page.compare.hasFocus()

    # Enter does what a double-click does: it opens the file of the current cell.
    _focus(qtbot, page.pairs)
    with qtbot.waitSignal(page.open_participant, timeout=5_000) as opened:
        qtbot.keyClick(page.pairs, Qt.Key.Key_Return)
    assert opened.args == [first.a_id]
    page.pairs.setCurrentIndex(page.model.index(0, FILE_A + 1))
    with qtbot.waitSignal(page.open_participant, timeout=5_000) as opened:
        qtbot.keyClick(page.pairs, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert opened.args == [first.b_id]


def test_a_stopped_scan_says_it_stopped(qtbot, ctx: ServiceContext, clock: FixedClock,  # type: ignore[no-untyped-def]
                                        unlocked: MainWindow, monkeypatch) -> None:
    _plant(ctx, clock)
    real_scan = duplicate_scan_bar.scan_caseload

    def scan_once_stopped(ctx, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        cancel.wait(10)  # the real scan, started only once Stop was pressed
        return real_scan(ctx, progress=progress, cancel=cancel)

    monkeypatch.setattr(duplicate_scan_bar, "scan_caseload", scan_once_stopped)
    assert unlocked.workspace is not None
    page = unlocked.workspace.duplicates
    unlocked.workspace.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.stop_button.isVisible, timeout=5_000)
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("Stopping the search")
    qtbot.waitUntil(page.scan_button.isEnabled, timeout=20_000)
    assert page.message.text() == (
        "The search was stopped before the end: 0 new pairs found so far, listed to review. "
        "Find probable duplicates again to check the whole caseload.")

    monkeypatch.setattr(duplicate_scan_bar, "scan_caseload", real_scan)
    page = _scan(qtbot, unlocked)  # run to the end: the plain count
    assert page.message.text() == "1 new pair to review."


def test_not_the_same_person_can_be_undone(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                           clock: FixedClock, unlocked: MainWindow) -> None:
    _plant(ctx, clock)
    page = _scan(qtbot, unlocked)
    assert not page.undo_dismiss_button.isEnabled()
    page.select_row(0)
    qtbot.waitUntil(lambda: page.dismiss_button.isEnabled(), timeout=10_000)
    pair = page.current_pair()
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.undo_dismiss_button.isEnabled(),
                    timeout=10_000)
    qtbot.mouseClick(page.undo_dismiss_button, Qt.MouseButton.LeftButton)
    # The pair is listed again, selected and compared, ready to decide on.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.merge_button.isEnabled(),
                    timeout=10_000)
    assert page.current_pair() == pair
    assert page.message.text() == "The pair is back in the list to review."
    assert not page.undo_dismiss_button.isEnabled()


def test_the_reasons_come_before_where_a_pair_came_from(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = DuplicatePairTableModel()
    model.set_pairs([ReviewPair("r", "a", "Wang, Arjun", "1982-10-18", "b", "Arjun, Wang",
                                "1982-10-18", 0.9, ("same_name", "same_phone"), "import")])
    assert model.index(0, WHY).data() == "same name, same phone number (flagged at import)"
    assert install_language("fr")
    try:
        assert model.index(0, WHY).data().endswith(" (signalé à l'importation)")
    finally:
        install_language("en")


def test_a_value_one_file_lacks_says_which_is_kept_and_wraps(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    email = "someone.with.a.long.name@exampleoffice.org"
    for extra in ({}, {"email": email}):
        create_participant(ctx, {"family_name": "Kowalski", "given_names": "Jun Zahra",
                                 "date_of_birth": "1958-09-22", "phone": "250 555 0101",
                                 **extra})
    page = _scan(qtbot, unlocked)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
    email_row = _rows(page)["email"]
    email_in_a = page.compare.item(email_row, 1).toolTip() == email
    kept = page.compare.item(email_row, 3)
    assert kept.text() == ("File A's" if email_in_a else "File B's")
    assert kept.toolTip() == email
    # In a column narrower than the address, it wraps onto more lines instead of being cut.
    split = page.compare.parentWidget().parentWidget()
    split.setSizes([900, 300])
    cell = page.compare.visualItemRect(page.compare.item(email_row, 1 if email_in_a else 2))
    assert cell.width() < page.compare.fontMetrics().horizontalAdvance(email)
    qtbot.waitUntil(lambda: page.compare.rowHeight(email_row) >
                    page.compare.rowHeight(_rows(page)["date_of_birth"]), timeout=5_000)


def test_an_empty_page_says_what_to_do(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                       clock: FixedClock, unlocked: MainWindow) -> None:
    assert unlocked.workspace is not None
    page = unlocked.workspace.duplicates
    unlocked.workspace.tabs.setCurrentWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.count.text().startswith("No probable"), timeout=10_000)
    assert page.count.text() == ("No probable duplicates to review. Press Find probable "
                                 "duplicates to look for them in the whole caseload.")
    _plant(ctx, clock)
    page = _scan(qtbot, unlocked)
    assert page.empty_note.isVisible() and page.empty_note.text() == "Choose a pair to compare."
    page.select_row(0)
    qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
    assert not page.empty_note.isVisible()


def test_files_changed_while_compared_are_shown_again_to_choose(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, clock: FixedClock, unlocked: MainWindow) -> None:
    """A sync gives both files an e-mail address, each its own, while the pair is compared:
    the merge cannot go on without a choice the comparison did not offer. Before, it said
    to choose and offered nothing, whatever the person did. Now the files are shown again
    as they are, with the person's choices kept, and the next merge goes through."""
    from app.services.participants import update_participant

    real, copy = _plant(ctx, clock)
    page = _scan(qtbot, unlocked)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
    copy_is_a = page.details.comparison.a_id == copy
    rows = _rows(page)
    assert "email" not in rows
    phone = page.compare.cellWidget(rows["phone"], 3)
    phone.setCurrentIndex(0 if copy_is_a else 1)  # the copy's phone, the real file kept
    phone.setProperty(duplicate_comparison.CHOSEN, True)
    update_participant(ctx, real, {"email": "lan.nguyen@example.org"})
    update_participant(ctx, copy, {"email": "tl.nguyen@example.org"})

    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "email" in _rows(page) and page.merge_button.isEnabled(),
                    timeout=10_000)
    assert page.message.text() == ("The two files changed since they were shown: check the "
                                   "values to keep, then merge again.")
    rows = _rows(page)
    assert page.compare.cellWidget(rows["phone"], 3).currentIndex() == (0 if copy_is_a else 1)
    assert page.keep_a.isChecked() == (not copy_is_a)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.undo_button.isEnabled(), timeout=10_000)
    kept = get_participant(ctx, copy, record_view=False)
    assert (kept.id, kept.phone, kept.email) == (real, "778 555 0199", "lan.nguyen@example.org")
