"""Performance evaluations of units, their findings, and the training they recommend (the feedback loop)."""
