"""Translators: a fuzzy entry's diff shows the words that changed, not the whole sentence."""

from __future__ import annotations

from editions.catalogs.diff import Piece, diff, tokens, word_diff, words


def test_latin_words_whole_chinese_per_character() -> None:
    assert tokens("Guxin Road 古新路") == ["Guxin", " ", "Road", " ", "古", "新", "路"]
    assert tokens("25 enterprises, 1,200 staff") == ["25", " ", "enterprises", ",", " ", "1,200", " ", "staff"]


def test_only_what_changed_is_marked() -> None:
    pieces = diff("More than 10 million yuan of commercial space.", "10 million yuan of office space.")
    assert pieces == [Piece("deleted", "More than "), Piece("same", "10 million yuan of "),
                      Piece("deleted", "commercial"), Piece("inserted", "office"), Piece("same", " space.")]


def test_the_pieces_give_back_both_texts() -> None:
    old, new = "运河沿岸品牌街道", "运河沿岸名区"
    pieces = diff(old, new)
    assert "".join(p.text for p in pieces if p.kind != "inserted") == old
    assert "".join(p.text for p in pieces if p.kind != "deleted") == new
    assert Piece("same", "运河沿岸") in pieces


def test_word_diff_quotes_whole_words_with_their_neighbours() -> None:
    """make check's fuzzy finding: the words of the same tokens, between spaces."""
    assert word_diff("a b c d e f g", "a b c X e f g") == 'was: "…b c d e f…" / now: "…b c X e f…"'
    assert word_diff("same  words", "same words") == "only spacing changed"
    assert word_diff("exceeded 200 million yuan.", "exceeded 200 million yuan!") == \
        'was: "…200 million yuan." / now: "…200 million yuan!"'
    assert words("Guxin Road 古新路, 1,200\u3000staff") == ["Guxin", "Road", "古新路,", "1,200", "staff"]
