"""Which partnerships count as a partner's offer: the one place for that rule."""

from readiness.models import PartnershipStatus

# Planned or active partnerships may still deliver; completed or suspended ones do not. Matching
# a need, and the training an evaluation recommends, both offer only these.
OFFERING = (PartnershipStatus.planned, PartnershipStatus.active)
