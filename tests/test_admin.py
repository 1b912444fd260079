"""Every content model is in Django admin with list, search and filters that work."""

import pytest
from django.contrib import admin
from django.urls import reverse

from careers.models import Employer, Fact, RequirementStatement, Role, Source
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    Source,
    Employer,
    Role,
    RequirementStatement,
    Fact,
    SalaryFigure,
    Ladder,
    Rung,
    Promotion,
]


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_model_is_registered_with_columns_search_and_filters(model):
    model_admin = admin.site._registry[model]
    assert len(model_admin.list_display) > 1
    assert model_admin.search_fields
    if model not in (Employer, Role):
        assert model_admin.list_filter


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_admin_list_search_and_change_pages_answer(admin_client, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    response = admin_client.get(changelist)
    assert response.status_code == 200
    assert admin_client.get(changelist, {"q": "customer"}).status_code == 200
    obj = model.objects.first()
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200


def test_admin_filters_salary_figures_by_pay_period(admin_client):
    url = reverse("admin:salaries_salaryfigure_changelist")
    response = admin_client.get(url, {"period__exact": "hour"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == SalaryFigure.objects.filter(period="hour").count()
