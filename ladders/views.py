from django import forms
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from careers.comparison import (
    PayBasis,
    add_link,
    attach_normalised_pay,
    chart_rows,
    citation,
    csv_response,
    footnotes,
    read_selection,
    remember,
)
from careers.models import Role
from careers.views import HtmxHttpRequest, fragment
from ladders.comparison import build_columns
from ladders.graph import PromotionGraph, layout, path_time
from ladders.models import Ladder, Promotion, Rung
from ladders.steps import describe_steps
from salaries.charts import pay_chart


def ladders_with_rungs():
    return Ladder.objects.select_related("source", "employer").prefetch_related(
        Prefetch("rungs", queryset=Rung.objects.select_related("role").order_by("position"))
    )


@require_GET
def ladder_list(request: HtmxHttpRequest) -> HttpResponse:
    return render(request, "ladders/ladder_list.html", {"ladders": ladders_with_rungs()})


@require_GET
@vary_on_headers("HX-Request")
def ladder_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    ladder = get_object_or_404(ladders_with_rungs(), slug=slug)
    rungs = list(ladder.rungs.all())
    profiles = Role.objects.with_profile().in_bulk([rung.role_id for rung in rungs])
    for rung in rungs:
        rung.profile = profiles[rung.role_id]
    at = request.GET.get("at", "")
    current = next((rung for rung in rungs if rung.role.slug == at), None)
    message = ""
    if at and current is None:
        message = "That role is not on this ladder, so no rung is selected. Choose a rung below."
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
    branches = describe_steps(
        ladder.promotions.select_related("ladder", "source").exclude(
            to_role_id__in=[rung.role_id for rung in rungs]
        )
    )
    return render(
        request,
        fragment(request, "ladders/ladder_detail.html", "ladder-walk"),
        {
            "ladder": ladder,
            "rungs": rungs,
            "current": current,
            "below": below,
            "above": above,
            "step_in": step_in,
            "step_out": step_out_of,
            "branches": branches,
            "message": message,
            "compare": add_link(request, "ladder", reverse("ladders:compare-ladders"), ladder),
        },
    )


@require_GET
def career_map(request: HtmxHttpRequest) -> HttpResponse:
    graph = PromotionGraph.from_database()
    roles = {role.pk: role for role in Role.objects.all()}
    titles = {pk: role.title for pk, role in roles.items()}
    drawing = layout(graph, titles)
    for box in drawing.boxes:
        box.role = roles[box.role_id]
    levels: dict[int, list] = {}
    for box in drawing.boxes:
        levels.setdefault(box.level, []).append(box)
    outline = []
    for box in sorted(drawing.boxes, key=lambda b: (b.level, b.title.lower())):
        moves = sorted(
            {
                roles[edge.to_id].title: roles[edge.to_id]
                for edge in graph.out.get(box.role_id, [])
            }.items()
        )
        outline.append((box.role, [role for _, role in moves]))
    return render(
        request,
        "ladders/career_map.html",
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

    def __init__(self, *args, roles: dict[str, Role], **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = roles
        choices = [("", "Choose a role")] + [(slug, role.title) for slug, role in roles.items()]
        for name in ("start", "goal"):
            self.fields[name].widget = forms.Select(choices=choices)

    def clean_start(self):
        return self._role(self.cleaned_data["start"])

    def clean_goal(self):
        return self._role(self.cleaned_data["goal"])

    def _role(self, slug: str) -> Role:
        if slug not in self.roles:
            raise forms.ValidationError(
                "There is no role with that name. Choose one from the list.", code="unknown_role"
            )
        return self.roles[slug]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("start") == data.get("goal"):
            raise forms.ValidationError("Choose two different roles.", code="same_role")
        return data


@require_GET
@vary_on_headers("HX-Request")
def path_finder(request: HtmxHttpRequest) -> HttpResponse:
    roles = {role.slug: role for role in Role.objects.all()}
    params = request.GET.copy()
    # Friendly URLs: /paths/?from=...&to=... (from is a Python keyword, so the form
    # fields are called start and goal).
    for public, field in (("from", "start"), ("to", "goal")):
        if public in params:
            params[field] = params[public]
    bound = bool(params.get("start") or params.get("goal"))
    form = PathForm(params if bound else None, roles=roles)
    context = {"form": form}
    status = 200
    if bound and form.is_valid():
        start, goal = form.cleaned_data["start"], form.cleaned_data["goal"]
        graph = PromotionGraph.from_database()
        path = graph.shortest_path(start.pk, goal.pk)
        by_id = {role.pk: role for role in roles.values()}
        context.update(start=start, goal=goal)
        if path is None:
            reach = graph.reachable_from(start.pk)
            lead = graph.leading_to(goal.pk)
            context["nearest_from_start"] = [
                (by_id[pk], moves)
                for pk, moves in sorted(reach.items(), key=lambda i: (i[1], by_id[i[0]].title))
            ][:6]
            context["nearest_to_goal"] = [
                (by_id[pk], moves)
                for pk, moves in sorted(lead.items(), key=lambda i: (i[1], by_id[i[0]].title))
            ][:6]
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
        fragment(request, "ladders/path_finder.html", "path-result"),
        context,
        status=status,
    )


@require_GET
@vary_on_headers("HX-Request")
def compare_ladders(request: HtmxHttpRequest) -> HttpResponse:
    ladders = Ladder.objects.select_related("source", "employer")
    selection = read_selection(request, "ladder", ladders, "ladder")
    pay = PayBasis.from_request(request)
    selection.keep = {"dollars": pay.dollars_of}
    columns = build_columns(selection.items) if selection.items else []
    remember(request, selection)
    depth = max((len(column.cells) for column in columns), default=0)
    rows = [
        (
            position,
            [
                column.cells[position - 1] if position <= len(column.cells) else None
                for column in columns
            ],
        )
        for position in range(1, depth + 1)
    ]
    roles = [cell.role for column in columns for cell in column.cells]
    attach_normalised_pay(roles, pay.dollars_of, pay.cpi)
    if request.GET.get("format") == "csv" and selection.ready:
        return ladder_csv(columns)
    cited = [
        row for role in roles for row in [*role.requirements.all(), *role.salary_figures.all()]
    ]
    return render(
        request,
        fragment(request, "ladders/compare_ladders.html", "comparison"),
        {
            "selection": selection,
            "columns": columns,
            "rows": rows,
            "chart": pay_chart(chart_rows(roles)) if selection.ready else None,
            "choices": Ladder.objects.exclude(pk__in=[item.pk for item in selection.items]),
            **pay.context(),
            **footnotes([*cited, *(column.ladder for column in columns)]),
            "noun": "ladder",
            "base_url": reverse("ladders:compare-ladders"),
        },
        status=400 if selection.error else 200,
    )


def ladder_csv(columns) -> HttpResponse:
    header = [
        "ladder",
        "rung",
        "role",
        "attribute",
        "value",
        "source",
        "source_date",
        "year",
        "quote",
    ]
    rows = []
    for column in columns:
        for cell in column.cells:
            base = [column.ladder.name, cell.position, cell.role.title]
            for figure in cell.role.salary_figures.all():
                rows.append([*base, "pay", figure.as_stated(), *citation(figure)])
            for req in cell.role.requirements.all():
                if req.education is not None:
                    education = req.get_education_display()
                    rows.append([*base, f"education ({req.necessity})", education, *citation(req)])
                if req.states_experience:
                    experience = req.experience_display
                    rows.append(
                        [*base, f"experience ({req.necessity})", experience, *citation(req)]
                    )
            if cell.step_up:
                time = cell.step_up.time_in_role_display
                rows.append([*base, "time in role before next rung", time, *citation(cell.step_up)])
    return csv_response("ladder-comparison.csv", header, rows)
