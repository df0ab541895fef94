"""The course catalogue: categories, search, equivalences and upcoming sessions."""
