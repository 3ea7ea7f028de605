"""The office's printer: the booklet's page order, padded to whole sheets at the back."""

from __future__ import annotations

import pytest

from editions.publish.booklet import booklet_order, padded


def brochure_page(index: int, total: int) -> int:
    """The page of the brochure printed at *index* of a booklet of *total* pages, as a
    folded stack of sheets gives it: the outer sheet holds the last and the first."""
    sheet, slot = divmod(index, 4)
    low, high = 2 * sheet + 1, total - 2 * sheet
    return [high, low, low + 1, high - 1][slot]


def test_an_eight_page_brochure_on_two_sheets() -> None:
    # sheet 1: front 8 1, back 2 7; sheet 2: front 6 3, back 4 5
    assert booklet_order(8) == [8, 1, 2, 7, 6, 3, 4, 5]


@pytest.mark.parametrize(("pages", "order"), [
    (7, [None, 1, 2, 7, 6, 3, 4, 5]),  # the back cover is blank
    (9, [None, 1, 2, None, None, 3, 4, 9, 8, 5, 6, 7]),  # 10, 11 and 12 blank: all after 9
    (1, [None, 1, None, None]),
])
def test_blank_pages_make_up_whole_sheets_at_the_back(pages: int, order: list) -> None:
    assert booklet_order(pages) == order


@pytest.mark.parametrize("pages", range(1, 41))
def test_every_page_once_and_blanks_only_after_the_text(pages: int) -> None:
    order = booklet_order(pages)
    assert len(order) == padded(pages) and padded(pages) % 4 == 0 and padded(pages) - pages < 4
    assert sorted(p for p in order if p) == list(range(1, pages + 1))
    for index, page in enumerate(order):
        assert brochure_page(index, len(order)) == (page or brochure_page(index, len(order)))
        if page is None:
            assert brochure_page(index, len(order)) > pages  # never inside the text
