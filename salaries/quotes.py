"""Whether a pay figure's numbers are the ones its quoted sentence states. Plain Python, so
the rule reads and tests alone; the admin warns with it and the seed data is checked by it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

# An amount as sentences write it: "$30,000", "30000", "$9.00", "78,468", "30k", "$1.5 million".
AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(k|thousand|million)\b)?",
    re.IGNORECASE,
)
SCALE = {"k": Decimal(1000), "thousand": Decimal(1000), "million": Decimal(1000000)}


def amounts_in(text: str) -> set[Decimal]:
    """Every amount `text` states, as a number: "$30,000", "30000" and "30k" are all 30000."""
    found = set()
    for whole, fraction, scale in AMOUNT.findall(text):
        try:
            value = Decimal(whole.replace(",", "") + fraction)
        except InvalidOperation:  # pragma: no cover - the pattern only matches digits
            continue
        found.add(value * SCALE[scale.lower()] if scale else value)
    return found


def amounts_missing_from(quote: str, amounts: Iterable[Decimal | None]) -> list[Decimal]:
    """The amounts (a figure's low and high; blanks skipped) that `quote` does not state,
    in the order given: empty when the sentence backs every number."""
    stated = amounts_in(quote)
    missing = []
    for amount in amounts:
        if amount is not None and Decimal(amount) not in stated and amount not in missing:
            missing.append(amount)
    return missing
