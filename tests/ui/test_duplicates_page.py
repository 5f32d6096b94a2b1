"""The duplicates page: a scan finds a planted pair, the two files side by side, a merge with
a value chosen per differing field, then undo; and 'not the same person'."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.services.context import ServiceContext
from app.services.participants import create_participant, get_participant
from app.ui.main_window import MainWindow


def _plant(ctx: ServiceContext) -> tuple[str, str]:
    a = create_participant(ctx, {"family_name": "Nguyễn", "given_names": "Thi Lan",
                                 "date_of_birth": "1988-04-12", "phone": "604 555 0110"})
    b = create_participant(ctx, {"family_name": "Nguyen", "given_names": "Thi Lan",
                                 "date_of_birth": "1988-04-12", "phone": "778 555 0199",
                                 "city": "Surrey"})
    create_participant(ctx, {"family_name": "Okafor", "given_names": "Chidi",
                             "date_of_birth": "1975-01-30"})
    return a, b


def _scan(qtbot, unlocked: MainWindow):  # type: ignore[no-untyped-def]
    page = unlocked.workspace.duplicates
    unlocked.workspace.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.scan_button.isEnabled() and page.pairs.rowCount() == 1,
                    timeout=20_000)
    return page


def test_scan_compare_merge_and_undo(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                     unlocked: MainWindow) -> None:
    a, b = _plant(ctx)
    page = _scan(qtbot, unlocked)
    assert "same date of birth" in page.pairs.item(0, 3).text()
    page.pairs.selectRow(0)
    qtbot.waitUntil(lambda: page.merge_button.isEnabled(), timeout=10_000)
    rows = {page.compare.item(i, 0).data(Qt.ItemDataRole.UserRole): i
            for i in range(page.compare.rowCount())}
    assert {"family_name", "phone", "city"} <= set(rows)
    phone_choice = page.compare.cellWidget(rows["phone"], 3)
    assert isinstance(phone_choice, QComboBox)
    assert page.compare.cellWidget(rows["city"], 3) is None  # only one file has a city
    pair = page.pair_rows[0]
    page.keep_a.setChecked(True)
    phone_choice.setCurrentIndex(1)  # file B's phone
    family_choice = page.compare.cellWidget(rows["family_name"], 3)
    family_choice.setCurrentIndex(0)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.undo_button.isEnabled(), timeout=10_000)
    assert page.pairs.rowCount() == 0
    kept = get_participant(ctx, pair.b_id, record_view=False)
    assert kept.id == pair.a_id
    b_phone = "778 555 0199" if pair.b_id == b else "604 555 0110"
    assert kept.phone == b_phone and kept.city == "Surrey"

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.undo_button.isEnabled(), timeout=10_000)
    assert "undone" in page.message.text()
    assert get_participant(ctx, a, record_view=False).id == a
    assert get_participant(ctx, b, record_view=False).id == b


def test_not_the_same_person_is_not_shown_again(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                unlocked: MainWindow) -> None:
    _plant(ctx)
    page = _scan(qtbot, unlocked)
    page.pairs.selectRow(0)
    qtbot.waitUntil(lambda: page.dismiss_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pairs.rowCount() == 0, timeout=10_000)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    # The scan clears the message; the list, redrawn after it, is still empty.
    qtbot.waitUntil(lambda: "No probable duplicates" in page.message.text(), timeout=20_000)
    assert page.pairs.rowCount() == 0
