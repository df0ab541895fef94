"""Readiness: training and readiness tracker for UN peacekeeping contributors."""
