"""Whom a note greets, and how."""

from __future__ import annotations

import pytest

from followup.model import Contact
from followup.notes.greeting import greeting_name, lowercase_name, name_capitalized


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Dr. Amara Okonkwo", "Dr. Okonkwo"),
        ("Dr Amara Okonkwo", "Dr Okonkwo"),
        ("Ms. Rachel Stein", "Ms. Stein"),
        ("Mx. Sam Lee", "Mx. Lee"),
        ("Miss Ada Byron", "Miss Byron"),
        ("Prof. Maria de la Cruz", "Prof. de la Cruz"),
        ("Dr. Amara Okonkwo, MD", "Dr. Okonkwo"),
        ("Mr. John Smith Jr.", "Mr. Smith"),
        ("Dr. Okonkwo", "Dr. Okonkwo"),
        ("Sir Tim Berners-Lee", "Sir Tim"),
        ("dr. amara okonkwo", "Dr. Okonkwo"),
    ],
)
def test_an_honorific_is_greeted_with_the_surname(name: str, greeting: str) -> None:
    assert greeting_name(Contact(name)) == greeting
    assert greeting_name(Contact(name), "formal") == greeting


@pytest.mark.parametrize(
    ("name", "first_name", "formal"),
    [
        ("Rachel Stein", "Rachel", "Rachel Stein"),
        ("María José García", "María", "María José García"),
        ("J. Rivera", "J. Rivera", "J. Rivera"),
        ("Cher", "Cher", "Cher"),
        ("priya natarajan", "Priya", "Priya Natarajan"),
        ("seán o'brien", "Seán", "Seán O'Brien"),
    ],
)
def test_without_an_honorific_the_setting_chooses_first_name_or_full_name(
    name: str, first_name: str, formal: str
) -> None:
    assert greeting_name(Contact(name)) == first_name
    assert greeting_name(Contact(name), "formal") == formal


def test_a_name_in_lower_case_is_noticed_and_capitalised() -> None:
    assert lowercase_name(Contact("maria gonzalez"))
    assert not lowercase_name(Contact("Maria Gonzalez")) and not lowercase_name(
        Contact("bell Hooks")
    )
    assert name_capitalized(["mary-jane", "van", "dyke"]) == "Mary-Jane van Dyke"
