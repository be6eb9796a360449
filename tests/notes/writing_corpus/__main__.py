"""Print how the writing check does on the corpus: ``python -m tests.notes.writing_corpus``."""

from __future__ import annotations

from tests.notes.writing_corpus import load, score

if __name__ == "__main__":
    print(score(load("errors"), load("correct")).report())
