"""Walking a ladder rung by rung: where the walker stands, the rungs either side, the
moves into and out of that rung, and the moves its source records off the ladder."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from careers.models import Employer
from ladders.models import Ladder, Promotion, Rung
from ladders.steps import Step, describe_steps
from ladders.today import StepToday, attach_to_steps, between, heading
from salaries.official import Area
from salaries.today import PayToday, pay_today

BRANCHES_IN_FULL = 10
BRANCHES_LISTED = 200  # past the ones in full; beyond that, each rung's profile lists them


@dataclass
class Walk:
    """One ladder as a walker sees it, standing on `current` (or on no rung)."""

    ladder: Ladder
    rungs: list[Rung]
    current: Rung | None = None
    below: Rung | None = None
    above: Rung | None = None
    step_in: Step | None = None  # the move from the rung below to this one, if stated
    step_out: Step | None = None  # the move from this rung to the one above, if stated
    up_words: str = ""  # the walk button's words: "Step up" only for a stated move
    down_words: str = ""
    message: str = ""  # why no rung, or another rung than the one asked for, is current
    branches: list[Step] = field(default_factory=list)  # moves off the ladder, in full
    more_branches: list[Promotion] = field(default_factory=list)  # the next ones, as links
    unlisted_branches: int = 0  # and how many more there are beyond those
    moves_held: int = 0  # the moves the data holds on this ladder (the whole page says)
    moves_inferred: int = 0  # of which no sentence states
    # The current role's descriptions, each with the other employer it is said of, if any
    # (a role on two employers' ladders: one's description must not pass for the other's).
    descriptions: list[tuple] = field(default_factory=list)
    # Official pay today in the chosen area: each rung's role's PayToday (also on every
    # rung as `rung.today`, with `rung.change_in`, the change from the rung below).
    area: Area | None = None
    pay_today: dict[int, PayToday] = field(default_factory=dict)
    today_heading: str = ""
    change_in: StepToday | None = None  # from the rung below to the current one
    change_out: StepToday | None = None  # from the current rung to the one above

    @classmethod
    def at(
        cls, ladder: Ladder, slug: str, *, with_branches: bool, area: Area | None = None
    ) -> Walk:
        """The walk standing on the rung whose role has this slug. `ladder` comes with its
        rungs and role profiles prefetched (Ladder.objects.with_rungs(role_profiles=True));
        the moves off the ladder are
        worked out only `with_branches` (the whole page lists them, a step does not).
        Official pay today is that of `area` (national figures when None)."""
        walk = cls(ladder=ladder, rungs=list(ladder.rungs.all()), area=area)
        walk.stand_on(slug)
        if with_branches:
            walk.list_branches()
        if walk.current is not None:
            walk.find_steps()
            walk.describe_current()
        walk.add_pay_today()
        return walk

    def add_pay_today(self) -> None:
        """Every rung's median and the change of every step between rungs, the moves
        off the ladder's too: one call, two queries, whatever the number of rungs."""
        roles = [rung.role for rung in self.rungs]
        roles += [step.to_role for step in self.branches]
        self.pay_today = pay_today(roles, self.area)
        self.today_heading = heading(self.pay_today, self.area)
        # A change is worked out only along a move the data holds (either way): two
        # neighbouring rungs need not be one (PeopleSupport's all start from the CSR).
        moves = set(self.ladder.promotions.values_list("from_role_id", "to_role_id"))
        below = None
        for rung in self.rungs:
            rung.today = self.pay_today.get(rung.role_id)
            linked = below is not None and (
                (below.role_id, rung.role_id) in moves or (rung.role_id, below.role_id) in moves
            )
            rung.change_in = (
                between(self.pay_today, below.role, rung.role, self.area) if linked else None
            )
            below = rung
        # The steps either side of the current rung show theirs once, in its details.
        attach_to_steps(self.branches, self.pay_today, self.area)
        if self.current is not None:
            self.change_in = self.current.change_in
            if self.above is not None:
                self.change_out = self.above.change_in

    def describe_current(self) -> None:
        facts = self.current.role.descriptions
        others = []
        if facts:
            employers = Employer.objects.exclude(pk=self.ladder.employer_id)
            others = [
                name.split(",")[0].strip() for name in employers.values_list("name", flat=True)
            ]
        self.descriptions = [
            (fact, next((name for name in others if name and name in fact.text), ""))
            for fact in facts
        ]

    def stand_on(self, slug: str) -> None:
        self.current = next((rung for rung in self.rungs if rung.role.slug == slug), None)
        if not slug or self.current is not None:
            return
        # A role reached by a move off the ladder (a profile's "Next steps" links here):
        # stand on the rung the move leaves from.
        branch = self.ladder.moves_off().filter(to_role__slug=slug).first()
        if branch is not None:
            self.current = next((r for r in self.rungs if r.role_id == branch.from_role_id), None)
        if self.current is not None:
            self.message = (
                f"{branch.to_role.title} is not a rung of this ladder: it is a move off it "
                f"from {self.current.role.title}, listed under “Moves off this ladder”."
            )
        else:
            self.message = (
                "That role is not on this ladder, so no rung is selected. Choose a rung below."
            )

    def list_branches(self) -> None:
        """A catalogue can give a ladder a hundred moves off it: the first few in full,
        the rest as links, and past those a count."""
        counts = self.ladder.promotions.aggregate(
            held=Count("pk"), inferred=Count("pk", filter=Q(order_is_stated=False))
        )
        self.moves_held, self.moves_inferred = counts["held"], counts["inferred"]
        moves_off = self.ladder.moves_off()
        moves = list(moves_off[: BRANCHES_IN_FULL + BRANCHES_LISTED])
        self.branches = describe_steps(moves[:BRANCHES_IN_FULL])
        self.more_branches = moves[BRANCHES_IN_FULL:]
        if len(moves) == BRANCHES_IN_FULL + BRANCHES_LISTED:
            self.unlisted_branches = moves_off.count() - len(moves)

    def find_steps(self) -> None:
        index = self.rungs.index(self.current)
        self.below = self.rungs[index - 1] if index > 0 else None
        self.above = self.rungs[index + 1] if index + 1 < len(self.rungs) else None
        lower = [rung.role_id for rung in (self.below, self.current) if rung]
        upper = [rung.role_id for rung in (self.current, self.above) if rung]
        moves = self.ladder.promotions.select_related("ladder", "source")
        pairs = {
            (step.from_role.pk, step.to_role.pk): step
            for step in describe_steps(moves.filter(from_role_id__in=lower, to_role_id__in=upper))
        }
        if self.below:
            self.step_in = pairs.get((self.below.role_id, self.current.role_id))
        if self.above:
            self.step_out = pairs.get((self.current.role_id, self.above.role_id))
        self.up_words = self.button_words(self.step_out, "Step up", "Next")
        self.down_words = self.button_words(self.step_in, "Step down", "Previous")

    def button_words(self, step: Step | None, stated: str, neighbour: str) -> str:
        """What a walk button calls the move: a step only where a sentence states it,
        else the neighbouring rung, in the source's order or only in its list. The
        sentence's hedge stays with it: "Step up (typically)"."""
        if step is not None and step.promotion.order_is_stated:
            hedge = step.promotion.hedge
            return f"{stated} ({hedge})" if hedge else stated
        return f"{neighbour} rung" if self.ladder.order_is_stated else f"{neighbour} listed"
