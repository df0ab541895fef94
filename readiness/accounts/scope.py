"""Who is acting, and what they may see and write: the one place for the access rules.

Every service that reads or writes national records takes an `Actor` and asks it; pages,
htmx fragments, exports and API routes therefore share one check.
"""

from dataclasses import dataclass, field

from readiness.models import Role


@dataclass(frozen=True)
class Actor:
    email: str
    role: Role
    user_id: int | None = None
    country_code: str | None = None
    centre_id: int | None = None
    partner_id: int | None = None
    partner_countries: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.admin

    @property
    def sees_all_countries(self) -> bool:
        """Admins and UN mission planners read unit-level figures of every country."""
        return self.role in (Role.admin, Role.mission_planner)

    def can_read_country(self, country_code: str) -> bool:
        """May read unit-level figures (readiness, counts) of units of `country_code`."""
        if self.sees_all_countries:
            return True
        if self.role == Role.partner:
            return country_code in self.partner_countries
        return country_code == self.country_code

    def readable_countries(self) -> frozenset[str] | None:
        """The countries this actor may read, or None for every country."""
        if self.sees_all_countries:
            return None
        if self.role == Role.partner:
            return self.partner_countries
        return frozenset({self.country_code}) if self.country_code else frozenset()

    def can_see_people_of(self, country_code: str) -> bool:
        """May see personal data (names, service numbers) of people of `country_code`."""
        countries = self.people_countries()
        return countries is None or country_code in countries

    def people_countries(self) -> frozenset[str] | None:
        """The countries whose personal data this actor may see, or None for every country."""
        if self.is_admin:
            return None
        if self.role in (Role.training_centre, Role.force_generation) and self.country_code:
            return frozenset({self.country_code})
        return frozenset()

    def can_write_units_of(self, country_code: str) -> bool:
        """May register units and keep rosters of `country_code`."""
        return self.is_admin or (
            self.role == Role.force_generation and country_code == self.country_code
        )

    def can_write_completions_of(self, country_code: str) -> bool:
        """May log and import completions for people of `country_code`."""
        return self.is_admin or (
            self.role == Role.training_centre and country_code == self.country_code
        )

    def can_keep_sessions(self) -> bool:
        """Administrators, and training-centre users bound to a centre, keep course sessions."""
        return self.is_admin or (self.role == Role.training_centre and self.centre_id is not None)

    def can_keep_sessions_of(self, centre_id: int) -> bool:
        """May create, change or delete the sessions of the centre `centre_id`."""
        return self.is_admin or (self.role == Role.training_centre and self.centre_id == centre_id)

    def can_keep_courses(self) -> bool:
        return self.role in (Role.admin, Role.training_centre)

    def can_keep_requirements(self) -> bool:
        """Missions and their requirements are the UN planners' (and admins')."""
        return self.role in (Role.admin, Role.mission_planner)

    # --- Partnerships for performance ---------------------------------------------------

    def can_keep_caveats_of(self, country_code: str) -> bool:
        """Caveats are declared by the unit's country (force generation) or found by the UN."""
        return self.can_write_units_of(country_code) or self.role == Role.mission_planner

    def can_keep_pcrs_dates_of(self, country_code: str) -> bool:
        """PCRS visit and level dates: the unit's force generation staff, planners, admins."""
        return self.can_write_units_of(country_code) or self.role == Role.mission_planner

    def can_keep_evaluations(self) -> bool:
        """Performance evaluations are written by the UN (mission planners) and admins."""
        return self.role in (Role.admin, Role.mission_planner)

    def can_keep_partnerships_of(self, partner_id: int | None, country_code: str) -> bool:
        """A partner keeps its own partnerships; the recipient's force generation staff and
        admins may record them too."""
        if self.is_admin:
            return True
        if self.role == Role.partner:
            return partner_id is not None and partner_id == self.partner_id
        return self.role == Role.force_generation and country_code == self.country_code

    def can_keep_pledges_of(self, country_code: str) -> bool:
        """A country's ministerial pledges: its force generation staff, planners, admins."""
        return self.role in (Role.admin, Role.mission_planner) or (
            self.role == Role.force_generation and country_code == self.country_code
        )

    def can_state_needs_of(self, country_code: str) -> bool:
        """A country states its own needs (force generation or training centre staff)."""
        return self.is_admin or (
            self.role in (Role.force_generation, Role.training_centre)
            and country_code == self.country_code
        )

    def can_book_places_for(self, country_code: str) -> bool:
        """Booking session places for people: the people's own country's staff and admins."""
        return self.is_admin or (
            self.role in (Role.force_generation, Role.training_centre)
            and country_code == self.country_code
        )

    def can_keep_parity_targets(self) -> bool:
        return self.is_admin


# The actor behind command-line and seeding work: the operator of the installation.
SYSTEM = Actor(email="cli", role=Role.admin)
