"""CSV files merchants open in a spreadsheet: every writer goes through here.

A cell that starts with = + - @ (or a tab or carriage return) is run as a formula by Excel, LibreOffice and
Google Sheets; `=HYPERLINK(...)` in a shopper's name would phone home, and DDE payloads can run programs.
Such cells get a leading apostrophe, which spreadsheets show as text (OWASP's advice). A plain number
("-5.00", "+14155552671") cannot run anything and stays a number, so credits still add up.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def csv_cell(value) -> str:
    """One cell as text, safe to open in a spreadsheet."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class _SafeWriter:
    def __init__(self, file) -> None:
        self._writer = csv.writer(file)

    def writerow(self, row):
        return self._writer.writerow([csv_cell(value) for value in row])


def csv_writer(file) -> _SafeWriter:
    """`csv.writer(file)` whose every cell passes through `csv_cell`."""
    return _SafeWriter(file)
