"""PCRS levels: the dates that move a unit's pledge through L1, L2, L3 and RDL, and the published timing rules."""
