"""Yhdyspinta: the situational picture of municipal–county collaboration in Finland."""

__version__ = "0.1.0"
