"""Ladders: the list, the walk up one ladder rung by rung, the career map of every move,
and the path finder between any two roles."""

from django import forms
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careers.models import Role
from core.cache import cached_page
from core.choosers import drop_down_choices, find_named
from core.htmx import HtmxHttpRequest, fragment
from core.pagination import paginate
from explorer.compare.memory import add_link
from ladders.graph import path_time
from ladders.graph_store import current_graph
from ladders.layout import layout
from ladders.models import Ladder, Promotion, Rung
from ladders.steps import describe_steps


def ladders_with_rungs():
    return Ladder.objects.select_related("source", "employer").prefetch_related(
        Prefetch("rungs", queryset=Rung.objects.select_related("role").order_by("position"))
    )


@require_safe
@vary_on_headers("HX-Request")
@cached_page
def ladder_list(request: HtmxHttpRequest) -> HttpResponse:
    paging, status = paginate(request, ladders_with_rungs().order_by("name", "pk"))
    return render(
        request,
        fragment(request, "explorer/ladder_list.html", "ladder-results"),
        {"ladders": paging["page"].object_list, **paging},
        status=status,
    )


BRANCHES_IN_FULL = 10
BRANCHES_LISTED = 200  # past the ones in full; beyond that, each rung's profile lists them


@require_safe
@vary_on_headers("HX-Request")
@cached_page
def ladder_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    ladder = get_object_or_404(ladders_with_rungs(), slug=slug)
    template = fragment(request, "explorer/ladder_detail.html", "walk-step")
    rungs = list(ladder.rungs.all())
    profiles = Role.objects.with_profile().in_bulk([rung.role_id for rung in rungs])
    for rung in rungs:
        rung.profile = profiles[rung.role_id]
    moves_off = ladder.moves_off()
    at = request.GET.get("at", "")
    current = next((rung for rung in rungs if rung.role.slug == at), None)
    message = ""
    if at and current is None:
        # A role reached by a move off the ladder (a profile's "Next steps" links here):
        # stand on the rung the move leaves from.
        branch = moves_off.filter(to_role__slug=at).first()
        current = branch and next((r for r in rungs if r.role_id == branch.from_role_id), None)
        if current is not None:
            message = (
                f"{branch.to_role.title} is not a rung of this ladder: it is a move off it "
                f"from {current.role.title}, listed under “Moves off this ladder”."
            )
        else:
            message = (
                "That role is not on this ladder, so no rung is selected. Choose a rung below."
            )
    branches, more_branches, unlisted = [], [], 0
    if "#" not in template:  # only the whole page lists the moves off the ladder
        # A catalogue can give a ladder a hundred; the first few in full, the rest as links.
        moves = list(moves_off[: BRANCHES_IN_FULL + BRANCHES_LISTED])
        branches = describe_steps(moves[:BRANCHES_IN_FULL])
        more_branches = moves[BRANCHES_IN_FULL:]
        if len(moves) == BRANCHES_IN_FULL + BRANCHES_LISTED:
            unlisted = moves_off.count() - len(moves)
    below = above = step_in = None
    step_out_of = None
    if current is not None:
        index = rungs.index(current)
        below = rungs[index - 1] if index > 0 else None
        above = rungs[index + 1] if index + 1 < len(rungs) else None
        moves = ladder.promotions.select_related("ladder", "source")
        steps = describe_steps(
            moves.filter(
                from_role_id__in=[r.role_id for r in (below, current) if r],
                to_role_id__in=[r.role_id for r in (current, above) if r],
            )
        )
        for step in steps:
            if below and step.from_role.pk == below.role_id and step.to_role.pk == current.role_id:
                step_in = step
            if above and step.from_role.pk == current.role_id and step.to_role.pk == above.role_id:
                step_out_of = step
    return render(
        request,
        template,
        {
            "ladder": ladder,
            "rungs": rungs,
            "current": current,
            "below": below,
            "above": above,
            "step_in": step_in,
            "step_out": step_out_of,
            "branches": branches,
            "more_branches": more_branches,
            "unlisted_branches": unlisted,
            "message": message,
            "compare": add_link(request, "ladder", reverse("ladders:compare-ladders"), ladder),
        },
    )


MAP_LIMIT = 300  # roles; past this a drawing is unreadable, and the ladders serve better


@require_safe
@cached_page
def career_map(request: HtmxHttpRequest) -> HttpResponse:
    role_count = Role.objects.count()
    if role_count > MAP_LIMIT:
        return render(
            request, "explorer/career_map.html", {"too_many": True, "role_count": role_count}
        )
    graph = current_graph()
    roles = {role.pk: role for role in Role.objects.all()}
    titles = {pk: role.title for pk, role in roles.items()}
    drawing = layout(graph, titles)
    for box in drawing.boxes:
        box.role = roles[box.role_id]
    # The list says what the drawing says, arrow for arrow, step up or sideways included.
    moves: dict[int, list] = {}
    for arrow in drawing.arrows:
        moves.setdefault(arrow.from_id, []).append((roles[arrow.to_id], arrow))
    outline = [
        (box.role, sorted(moves.get(box.role_id, []), key=lambda move: move[0].title))
        for box in sorted(drawing.boxes, key=lambda b: (b.level, b.title.lower()))
    ]
    return render(
        request,
        "explorer/career_map.html",
        {
            "map": drawing,
            "outline": outline,
            "role_count": len(roles),
            "move_count": len(drawing.arrows),
        },
    )


class PathForm(forms.Form):
    start = forms.CharField(label="From the role I have", max_length=100)
    goal = forms.CharField(label="To the role I want", max_length=100)

    def clean(self):
        data = super().clean()
        found = find_named(Role.objects.all(), [data.get("start"), data.get("goal")], "title")
        for name in ("start", "goal"):
            value = data.get(name)
            if value and value not in found:
                self.add_error(
                    name,
                    forms.ValidationError(
                        "There is no role with that name. Choose one from the list.",
                        code="unknown_role",
                    ),
                )
            elif value:
                data[name] = found[value]
        if data.get("start") and data.get("start") == data.get("goal"):
            raise forms.ValidationError("Choose two different roles.", code="same_role")
        return data


def nearest(distances: dict[int, int], limit: int = 6) -> list[tuple[Role, int]]:
    """The closest roles first (fewest moves, then title), without loading every role."""
    closest = sorted(distances.items(), key=lambda item: (item[1], item[0]))[: limit * 8]
    roles = Role.objects.in_bulk([pk for pk, _ in closest])
    ranked = sorted(closest, key=lambda item: (item[1], roles[item[0]].title.lower()))
    return [(roles[pk], moves) for pk, moves in ranked[:limit]]


@require_safe
@vary_on_headers("HX-Request")
@cached_page
def path_finder(request: HtmxHttpRequest) -> HttpResponse:
    params = request.GET.copy()
    # Friendly URLs: /paths/?from=...&to=... (from is a Python keyword, so the form
    # fields are called start and goal).
    for public, field in (("from", "start"), ("to", "goal")):
        if public in params:
            params[field] = params[public]
    bound = bool(params.get("start") or params.get("goal"))
    form = PathForm(params if bound else None)
    context = {"form": form, "choices": drop_down_choices(Role.objects.all(), "title")}
    status = 200
    if bound and form.is_valid():
        start, goal = form.cleaned_data["start"], form.cleaned_data["goal"]
        graph = current_graph()
        path = graph.shortest_path(start.pk, goal.pk)
        context.update(start=start, goal=goal)
        if path is None:
            context["nearest_from_start"] = nearest(graph.reachable_from(start.pk))
            context["nearest_to_goal"] = nearest(graph.leading_to(goal.pk))
        else:
            promotions = Promotion.objects.select_related("ladder", "source").in_bulk(
                [edge.promotion_id for edge in path]
            )
            context["steps"] = describe_steps(promotions[edge.promotion_id] for edge in path)
            context["total_time"] = path_time(path)
        context["path_found"] = path is not None
    elif bound:
        codes = {error.code for errors in form.errors.as_data().values() for error in errors}
        # Half-filled forms are normal while choosing; only wrong input is a bad request.
        status = 400 if codes - {"required"} else 200
    return render(
        request,
        fragment(request, "explorer/path_finder.html", "path-result"),
        context,
        status=status,
    )
