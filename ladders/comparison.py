"""Ladders side by side: each ladder as a column of rungs, with its totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from careers.models import Necessity, RequirementStatement, Role
from careers.requirements import is_degree, scoped
from ladders.graph import Edge, PathTime, path_time
from ladders.models import Ladder, Promotion, Rung
from ladders.today import StepToday, attach_to_roles, between
from salaries.official import Area
from salaries.today import PayToday


def source_ids_of(statements: list[RequirementStatement]) -> list[int]:
    """The sources behind these statements, each once, in order."""
    return list(dict.fromkeys(req.source_id for req in statements))


@dataclass
class Dissent:
    """What some sources say about a rung that differs from the least demanding
    statement: shown beside it, not folded into it."""

    text: str
    statements: list[RequirementStatement]

    @property
    def who(self) -> str:
        count = len({req.source_id for req in self.statements})
        return "one source" if count == 1 else f"{count} sources"

    @property
    def scope(self) -> str:
        return ", ".join(dict.fromkeys(req.scope for req in self.statements if req.scope))

    @property
    def source_ids(self) -> list[int]:
        return source_ids_of(self.statements)


@dataclass
class Cell:
    position: int
    role: Role
    step_up: Promotion | None = None  # the move from this rung to the next, if the data holds one
    is_last: bool = False  # the ladder names no rung above (not "the top": no source says so)
    today: PayToday | None = None  # BLS's figures for the role, where the reader is
    change_up: StepToday | None = None  # their change to the next rung's, along a held move

    @property
    def required_education(self) -> list[RequirementStatement]:
        return self.role.required_education_statements()

    @property
    def education(self) -> RequirementStatement | None:
        """The least demanding required education statement (sources disagree)."""
        return self.role.least_required_education_statement

    @property
    def education_source_ids(self) -> list[int]:
        """Every source that requires no more than the least demanding statement."""
        least = self.education
        return source_ids_of(
            [req for req in self.required_education if req.education == least.education]
        )

    @property
    def education_dissent(self) -> list[Dissent]:
        """Required education above the least, by level: where sources disagree."""
        least = self.education
        if least is None:
            return []
        levels: dict[int, list] = {}
        for req in self.required_education:
            if req.education > least.education:
                levels.setdefault(req.education, []).append(req)
        # Worded as the first statement's sentence puts it ("Associate (two-year) degree or
        # bachelor's degree"), not as the bare level.
        return [
            Dissent(levels[level][0].education_brief, levels[level]) for level in sorted(levels)
        ]

    @property
    def experience(self) -> list[RequirementStatement]:
        """The least demanding experience statement(s), all saying the same."""
        stated = self._experience_by_text
        return next(iter(stated.values()), [])

    @property
    def experience_source_ids(self) -> list[int]:
        return source_ids_of(self.experience)

    @property
    def experience_dissent(self) -> list[Dissent]:
        return [Dissent(text, reqs) for text, reqs in list(self._experience_by_text.items())[1:]]

    @cached_property
    def _experience_by_text(self) -> dict[str, list[RequirementStatement]]:
        ordered = sorted(
            self.role.experience_statements(),
            key=lambda req: (req.experience_min_years or 0, req.experience_max_years or 999),
        )
        groups: dict[str, list] = {}
        for req in ordered:
            groups.setdefault(req.experience_display, []).append(req)
        return groups

    @property
    def needs_degree(self) -> bool:
        """Even the least demanding source requires an associate degree or more."""
        return self.education is not None and is_degree(self.education.education)

    @property
    def degree_dissent(self) -> Dissent | None:
        """Some source requires a degree here, though not every one does."""
        if self.needs_degree:
            return None
        return next(
            (d for d in self.education_dissent if is_degree(d.statements[0].education)), None
        )

    @property
    def degree_preferred(self) -> RequirementStatement | None:
        """A source prefers a degree here, though none requires one of everybody."""
        if self.needs_degree:
            return None
        for req in self.role.requirements.all():
            if req.necessity == Necessity.PREFERRED and is_degree(req.education):
                return req
        return None


@dataclass
class Column:
    ladder: Ladder
    cells: list[Cell]
    time: PathTime  # over the moves the data holds between neighbouring rungs, no more
    degree_at: int | None = None
    # What sets the ladder apart, as phrases whose subject is the ladder ("has the most
    # rungs (5)"), and whether any of them names a rung by its number.
    stand_out: list[str] = field(default_factory=list)
    stand_out_names_rungs: bool = False
    total_change: StepToday | None = None  # official median, rung 1 to the last rung

    @property
    def summary(self) -> str:
        """What sets the ladder apart in plain sentences that follow its name: "has the
        most rungs (5). It has no rung where …". A rung number on a ladder whose source
        gives no order says so."""
        if not self.stand_out:
            return ""
        first, *rest = self.stand_out
        sentences = [f"{first}.", *(f"It {phrase}." for phrase in rest)]
        if self.stand_out_names_rungs and not self.ladder.order_is_stated:
            sentences.append("Its rung order is not stated.")
        return " ".join(sentences)

    @property
    def first(self) -> Cell | None:
        return self.cells[0] if self.cells else None

    @property
    def last(self) -> Cell | None:
        return self.cells[-1] if self.cells else None

    @property
    def links(self) -> str:
        """How many neighbouring rungs the data joins by a move, and how many of those
        moves no sentence states: a total never counts a move that is not there."""
        pairs = max(len(self.cells) - 1, 0)
        moves = [cell.step_up for cell in self.cells if cell.step_up]
        inferred = sum(1 for move in moves if not move.order_is_stated)
        text = f"{len(moves)} of {pairs}"
        return f"{text} ({inferred} inferred, order not stated)" if inferred else text

    @property
    def dissent(self) -> list[tuple[int, Dissent]]:
        """(rung, dissent) for every rung where a source requires more education."""
        return [(cell.position, d) for cell in self.cells for d in cell.education_dissent]

    @property
    def degree_dissent_at(self) -> tuple[int, Dissent] | None:
        """The first rung, before any agreed one, where some source requires a degree."""
        for cell in self.cells:
            if self.degree_at is not None and cell.position >= self.degree_at:
                return None
            if cell.degree_dissent:
                return cell.position, cell.degree_dissent
        return None

    @property
    def education_added(self) -> str:
        # Each change as its sentence words it, so a certification the help desk's own
        # sentence asks for is not shown as new at the team manager's rung.
        changes: list[tuple[int, str]] = []
        for cell in self.cells:
            if cell.education and (not changes or changes[-1][1] != cell.education.education_brief):
                changes.append((cell.position, cell.education.education_brief))
        if not changes:
            return "No rung states a required education."
        if len(changes) == 1:
            text = f"{changes[0][1]} throughout (where stated)"
        else:
            text = " → ".join(f"{brief} (rung {position})" for position, brief in changes)
        for position, dissent in self.dissent:
            text += (
                f"; {dissent.who}: {scoped(f'{dissent.text} at rung {position}', dissent.scope)}"
            )
        return text + "."

    @property
    def degree_display(self) -> str:
        text = f"Rung {self.degree_at}" if self.degree_at else "None by every source"
        if disputed := self.degree_dissent_at:
            position, dissent = disputed
            return f"{text}; {dissent.who}: {scoped(f'rung {position}', dissent.scope)}"
        return text if self.degree_at else "None"


def build_columns(ladders: list[Ladder], area: Area | None = None) -> list[Column]:
    """Columns for the ladders, in a fixed number of queries; official pay today is that
    of `area` (national figures when None), each role's also as `role.today`."""
    ladder_ids = [ladder.pk for ladder in ladders]
    rungs = Rung.objects.filter(ladder_id__in=ladder_ids).order_by("position")
    role_ids = set(rungs.values_list("role_id", flat=True))
    roles = Role.objects.with_profile().in_bulk(role_ids)
    pay = attach_to_roles(list(roles.values()), area)
    promotions = list(
        Promotion.objects.filter(ladder_id__in=ladder_ids).select_related("source", "ladder")
    )
    columns = []
    for ladder in ladders:
        ladder_rungs = [rung for rung in rungs if rung.ladder_id == ladder.pk]
        cells = [Cell(rung.position, roles[rung.role_id]) for rung in ladder_rungs]
        if cells:
            cells[-1].is_last = True
        moves = {(p.from_role_id, p.to_role_id): p for p in promotions if p.ladder_id == ladder.pk}
        chain = []
        for lower, upper in pairwise(cells):
            lower.step_up = moves.get((lower.role.pk, upper.role.pk))
            if step := lower.step_up:
                chain.append(
                    Edge(step.pk, lower.role.pk, upper.role.pk, step.months_min, step.months_max)
                )
        for cell in cells:
            cell.today = pay.get(cell.role.pk)
        for lower, upper in pairwise(cells):
            # Only along a move the data holds: neighbouring rungs need not be one.
            if lower.step_up is not None:
                lower.change_up = between(pay, lower.role, upper.role, area)
        column = Column(ladder=ladder, cells=cells, time=path_time(chain))
        if len(cells) > 1:
            column.total_change = between(pay, cells[0].role, cells[-1].role, area)
        column.degree_at = next((cell.position for cell in cells if cell.needs_degree), None)
        columns.append(column)
    mark_differences(columns)
    return columns


def mark_differences(columns: list[Column]) -> None:
    """Note what sets a column apart, so differences stand out: the most rungs, and where
    a degree is required, asked for by some source or preferred."""
    longest = max(len(c.cells) for c in columns)
    if len({len(c.cells) for c in columns}) > 1:
        most = [c for c in columns if len(c.cells) == longest]
        for column in most:
            verb = "has" if len(most) == 1 else "ties for"
            column.stand_out.append(f"{verb} the most rungs ({longest})")
    with_degree = [c for c in columns if c.degree_at is not None]
    if with_degree and len(columns) > 1:
        earliest = min(c.degree_at for c in with_degree)
        for column in with_degree:
            if column.degree_at == earliest:
                column.stand_out.append(f"requires a degree soonest, at rung {earliest}")
                column.stand_out_names_rungs = True
    for column in columns:
        if column.degree_at is None:
            column.stand_out.append(no_degree_note(column))


def no_degree_note(column: Column) -> str:
    """A ladder no rung of which every source says needs a degree: whether some source
    asks for one all the same, and where one is preferred."""
    preferred = next((c.position for c in column.cells if c.degree_preferred), None)
    disputed = column.degree_dissent_at
    if disputed:
        position, dissent = disputed
        asks = scoped(f"asks for one at rung {position}", dissent.scope)
        note = f"has no rung where all sources require a degree; {dissent.who} {asks}"
    else:
        note = "has no rung where any source requires a degree"
    if preferred:
        link = ", and" if disputed else ", though"
        note += f"{link} a degree is preferred at rung {preferred}"
    column.stand_out_names_rungs |= bool(disputed or preferred)
    return note
