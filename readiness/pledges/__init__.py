"""Ministerial pledges: what countries announce at the UN Peacekeeping Ministerials, and how it progresses."""
