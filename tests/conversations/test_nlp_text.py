"""How a shopper's text is read before any rule: regional forms as standard words, for every reader."""

from itertools import product

from conversations.nlp import STANDARD_FORMS, Text, standardized


def test_regional_forms_are_read_as_standard_words():
    # given messages in Roman Italian, Bavarian and Swiss German
    # when each is read
    # then its words are the standard ones, and the raw text is untouched
    assert Text("Nun me mannate cchiù!").words == ("non", "mi", "mandate", "piu")
    assert Text("schreibts ma nimma").words == ("schreibt", "mir", "nicht", "mehr")
    message = Text("Wo isch mini Bstellig?")
    assert message.words == ("wo", "ist", "mini", "bestellung")
    assert message.raw == "Wo isch mini Bstellig?"


def test_one_pass_is_enough_for_every_form_and_pair_of_forms():
    # given every form and every two forms side by side ("nun me", "schreibts ma")
    samples = list(STANDARD_FORMS) + [f"{a} {b}" for a, b in product(STANDARD_FORMS, repeat=2)]

    # then reading a read text again changes nothing: no form's standard word is itself a form
    assert [s for s in samples if standardized(standardized(s)) != standardized(s)] == []


def test_standard_words_are_left_alone():
    # given ordinary text in the standard languages
    for text in ("no me mandes mas", "non mi mandate piu", "nicht mehr", "je vais y penser", "levert u"):
        # then nothing changes
        assert standardized(text) == text


def test_words_written_without_vowels_are_read_as_the_word_they_shorten():
    # given shorthand with its vowels left out
    # then a skeleton that one known word has is read as that word
    assert Text("pls dnt txt ths nmbr agn").words == ("pls", "dont", "txt", "this", "number", "again")
    assert Text("kn intrss, kn sms mhr").words == ("kein", "interesse", "keine", "sms", "mehr")


def test_shorthand_with_its_own_meaning_or_two_readings_is_left_alone():
    # given French "stp" (please), "wht" (what or white) and codes that are not words
    for text in ("envoyez la facture stp", "the wht one", "dhl xxl brt", "mrs smith"):
        # then nothing changes
        assert standardized(text) == text
