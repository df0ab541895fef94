"""Caveats: the restrictions a country places on how its unit may be employed, and the red flag they raise."""
