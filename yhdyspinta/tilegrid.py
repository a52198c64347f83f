"""Our own tile-grid layout of the areas: a map that needs no boundaries.

Rows run north to south and columns west to east, roughly where each area lies; the five
Uusimaa areas and Åland get tiles of their own in the south.
"""

from __future__ import annotations

from dataclasses import dataclass

from yhdyspinta import facts

# area code -> (row, column)
TILE_POSITIONS: dict[int, tuple[int, int]] = {
    21: (0, 2),                                         # Lappi
    19: (1, 1), 20: (1, 2),                             # Pohjois-Pohjanmaa, Kainuu
    17: (2, 0), 18: (2, 1), 13: (2, 2), 14: (2, 3),     # Pohjanmaa, K-Pohjanmaa, P-Savo, P-Karjala
    16: (3, 0), 15: (3, 1), 12: (3, 2),                 # E-Pohjanmaa, K-Suomi, E-Savo
    6: (4, 0), 8: (4, 1), 9: (4, 2), 11: (4, 3),        # Satakunta, Pirkanmaa, P-Häme, E-Karjala
    5: (5, 0), 7: (5, 1), 2: (5, 2), 10: (5, 3),        # V-Suomi, K-Häme, K-Uusimaa, Kymenlaakso
    91: (6, 0), 3: (6, 1), 4: (6, 2), 1: (6, 3),        # Åland, L-Uusimaa, Vantaa-Kerava, I-Uusimaa
    90: (7, 2),                                         # Helsinki
}

SHORT_NAMES: dict[int, str] = {
    1: "Itä-Uusimaa", 2: "Keski-Uusimaa", 3: "Länsi-Uusimaa", 4: "Vantaa–Kerava",
    5: "Varsinais-Suomi", 6: "Satakunta", 7: "Kanta-Häme", 8: "Pirkanmaa", 9: "Päijät-Häme",
    10: "Kymenlaakso", 11: "Etelä-Karjala", 12: "Etelä-Savo", 13: "Pohjois-Savo",
    14: "Pohjois-Karjala", 15: "Keski-Suomi", 16: "Etelä-Pohjanmaa", 17: "Pohjanmaa",
    18: "Keski-Pohjanmaa", 19: "Pohjois-Pohjanmaa", 20: "Kainuu", 21: "Lappi",
    90: "Helsinki", 91: "Ahvenanmaa",
}
SHORT_NAMES_SV: dict[int, str] = {
    1: "Östra Nyland", 2: "Mellersta Nyland", 3: "Västra Nyland", 4: "Vanda–Kervo",
    5: "Egentliga Finland", 6: "Satakunta", 7: "Egentliga Tavastland", 8: "Birkaland",
    9: "Päijänne-Tavastland", 10: "Kymmenedalen", 11: "Södra Karelen", 12: "Södra Savolax",
    13: "Norra Savolax", 14: "Norra Karelen", 15: "Mellersta Finland",
    16: "Södra Österbotten", 17: "Österbotten", 18: "Mellersta Österbotten",
    19: "Norra Österbotten", 20: "Kajanaland", 21: "Lappland", 90: "Helsingfors", 91: "Åland",
}


@dataclass(frozen=True)
class Tile:
    code: int
    row: int
    col: int
    label: str
    in_scope: bool


def short_name(code: int, lang: str) -> str:
    names = SHORT_NAMES_SV if lang == "sv" else SHORT_NAMES
    return names[code]


def tiles(lang: str = "fi") -> list[Tile]:
    by_code = facts.area_by_code()
    return [Tile(code, row, col, short_name(code, lang), by_code[code].in_scope)
            for code, (row, col) in TILE_POSITIONS.items()]
