"""Schedule-aware plans: which people to send to which upcoming session so a unit is ready in time."""
