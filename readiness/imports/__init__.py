"""Bulk imports of courses, units, rosters and completions from CSV or XLSX files.

Every import is all-or-nothing (one bad row and nothing is written, every bad row is named),
idempotent (the same file twice writes nothing the second time) and keeps its provenance.
"""
