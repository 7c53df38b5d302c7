import pytest

from conversations.sms.segments import segment_info
from tests.fixtures import load

CHARSET = load("gsm7_charset.json")
BASIC = [row["char"] for row in CHARSET["basic_table"] if row["char"] is not None]
EXTENSION = [row["char"] for row in CHARSET["extension_table"]]


def test_the_fixture_tables_have_the_documented_sizes():
    assert len(BASIC) == 127
    assert len(EXTENSION) == 10
    assert "".join(BASIC) == CHARSET["basic_charset"]
    assert "".join(EXTENSION) == CHARSET["extension_charset"]


@pytest.mark.parametrize("char", BASIC)
def test_every_basic_character_is_one_gsm7_septet(char):
    info = segment_info(char * 160)

    assert (info.encoding, info.characters, info.segments) == ("GSM-7", 160, 1)


@pytest.mark.parametrize("char", EXTENSION)
def test_every_extension_character_costs_two_septets(char):
    info = segment_info(char * 80)

    assert (info.encoding, info.characters, info.segments) == ("GSM-7", 160, 1)
    assert segment_info(char * 81).segments == 2


@pytest.mark.parametrize(
    ("text", "encoding", "segments", "characters"),
    [
        ("a" * 160, "GSM-7", 1, 160),
        ("a" * 161, "GSM-7", 2, 161),
        ("a" * 306, "GSM-7", 2, 306),
        ("a" * 307, "GSM-7", 3, 307),
        ("é" * 70, "GSM-7", 1, 70),
        ("é" * 70 + "ç", "UCS-2", 2, 71),
        ("a" * 70, "GSM-7", 1, 70),
        ("ç" * 70, "UCS-2", 1, 70),
        ("ç" * 71, "UCS-2", 2, 71),
        ("ç" * 134, "UCS-2", 2, 134),
        ("ç" * 135, "UCS-2", 3, 135),
        ("`", "UCS-2", 1, 1),
        ("Hi 👋", "UCS-2", 1, 5),
        ("👋" * 35, "UCS-2", 1, 70),
        ("👋" * 36, "UCS-2", 2, 72),
        ("", "GSM-7", 0, 0),
    ],
)
def test_segment_vectors(text, encoding, segments, characters):
    info = segment_info(text)

    assert (info.encoding, info.segments, info.characters) == (encoding, segments, characters)


def test_an_escape_pair_is_never_split_across_segments():
    # given 152 septets then "€": 154 septets fit in 2×153 nominally, but the pair would straddle
    text = "a" * 152 + "€" + "a" * 152

    # when
    info = segment_info(text)

    # then: the first segment carries 152, the pair opens the second (2 + 151), the last "a" needs a third
    assert info.characters == 306
    assert info.segments == 3


def test_a_surrogate_pair_is_never_split_across_segments():
    info = segment_info("ç" * 66 + "👋" + "ç" * 66)

    assert info.characters == 134
    assert info.segments == 3


def test_the_characters_that_force_ucs2_are_listed_once_in_order():
    info = segment_info("Café ç — “ok” ç")

    assert info.encoding == "UCS-2"
    assert info.ucs2_chars == ("ç", "—", "“", "”")
