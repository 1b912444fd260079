"""Reading a comparison CSV as the tests do: rows keyed by each column's name in the code
("yearly_low"), translated from the readable header row a spreadsheet shows."""

import csv
import io

from explorer.compare.export import HEADINGS


def name_of(heading: str) -> str:
    names = {label: name for name, label in HEADINGS.items()}
    if heading in names:
        return names[heading]
    words = heading.split()
    if len(words) == 3 and words[0] == "In" and words[2] == "dollars":  # "In 2025 dollars"
        return f"in_{words[1]}_dollars"
    raise KeyError(f"unknown CSV heading {heading!r}")


def rows_by_name(response) -> list[dict]:
    reader = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    header = [name_of(heading) for heading in next(reader)]
    return [dict(zip(header, row, strict=True)) for row in reader]
