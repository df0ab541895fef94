"""Evidence packs: the training part of an assessment visit, per requirement line, with provenance."""
