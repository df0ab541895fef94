"""Capacity-building partnerships between partners and contributing countries."""
