"""Releases: publish, atomic failure (byte-for-byte untouched), rollback, prune, place checks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from conftest import make_settings

from dashboard import releases
from dashboard.core import places
from dashboard.core.config import Settings


def _tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` with its checksum (the "byte for byte" evidence)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != "publish.lock"}


def _dims() -> dict[str, pd.DataFrame]:
    return {"dim_departamento": places.departments(), "dim_municipio": places.municipalities()}


def test_publish_writes_manifest_pointer_and_rollups(settings: Settings):
    manifest = releases.publish(settings, _dims(), sources=[], note="first")
    path = releases.release_path(settings)
    assert releases.current_release_id(settings) == manifest.release_id
    assert (path / "manifest.json").exists() and (path / "dictionary.json").exists()
    assert (path / releases.ANALYTICS).exists(), "every publish builds the rollups"
    info = releases.read_manifest(path).tables["dim_municipio"]
    assert info["rows"] == 340 and info["origin"] == "real"
    assert not (settings.data_dir / "staging" / manifest.release_id).exists()


def test_demo_release_is_labelled_demo(demo_settings: Settings):
    manifest = releases.read_manifest(releases.release_path(demo_settings))
    assert {"fact_matricula", "fact_docentes", "fact_poblacion",
            "dim_establecimiento"} <= set(manifest.demo_tables)
    assert manifest.has_demo
    assert manifest.sources and all(s["kind"] == "demo" for s in manifest.sources)


def test_failed_validation_leaves_the_release_untouched(demo_copy: Settings):
    before = _tree(demo_copy.data_dir)
    bad = places.municipalities().drop(columns="nombre")
    with pytest.raises(releases.ReleaseError, match="missing columns"):
        releases.publish(demo_copy, {"dim_municipio": bad}, sources=[])
    assert _tree(demo_copy.data_dir) == before


@pytest.mark.parametrize(("table", "frame", "problem"), [
    ("dim_departamento", pd.DataFrame({"depto": [1, 23], "nombre": ["Guatemala", "Otro"],
                                       "region": ["I", "I"]}), r"codes not in the INE.*\[23\]"),
    ("dim_municipio", pd.DataFrame({"muni": [101, 2250], "depto": [1, 22],
                                    "nombre": ["Guatemala", "Otro"]}),
     r"codes not in the INE.*\[2250\]"),
    ("dim_municipio", pd.DataFrame({"muni": [101, 1601], "depto": [1, 15],
                                    "nombre": ["Guatemala", "Cobán"]}),
     r"outside their department \[1601\]"),
])
def test_place_dimensions_must_agree_with_the_ine_catalogue(
        demo_copy: Settings, table: str, frame: pd.DataFrame, problem: str):
    before = _tree(demo_copy.data_dir)
    with pytest.raises(releases.ReleaseError, match=problem):
        releases.publish(demo_copy, {table: frame}, sources=[], finalize=lambda _stage: None)
    assert _tree(demo_copy.data_dir) == before


def test_a_release_may_hold_fewer_places_than_the_catalogue():
    assert releases.validate_frame("dim_departamento", places.departments().head(2)) == []
    assert releases.validate_frame("dim_municipio", places.municipalities().tail(3)) == []


def test_failed_finalize_leaves_the_release_untouched(demo_copy: Settings):
    before = _tree(demo_copy.data_dir)

    def explode(stage: Path) -> None:
        (stage / "half-written.tmp").write_text("x")
        raise RuntimeError("rollup build failed")

    with pytest.raises(RuntimeError, match="rollup build failed"):
        releases.publish(demo_copy, _dims(), sources=[], finalize=explode)
    assert _tree(demo_copy.data_dir) == before
    assert not any((demo_copy.data_dir / "staging").iterdir())


def test_tables_not_republished_are_kept_from_the_parent(demo_copy: Settings):
    parent = releases.current_release_id(demo_copy)
    manifest = releases.publish(demo_copy, _dims(), sources=[], note="dims only")
    assert manifest.parent == parent
    assert "fact_matricula" in manifest.tables
    new = releases.release_path(demo_copy) / "fact_matricula.parquet"
    old = releases.releases_dir(demo_copy) / parent / "fact_matricula.parquet"
    assert new.stat().st_ino == old.stat().st_ino, "unchanged tables are hard-linked"


def test_rollback_serves_the_previous_release_and_back(settings: Settings):
    first = releases.publish(settings, _dims(), sources=[]).release_id
    second = releases.publish(settings, _dims(), sources=[]).release_id
    assert releases.rollback(settings) == first
    assert releases.current_release_id(settings) == first
    assert releases.rollback(settings, to=second) == second
    with pytest.raises(releases.ReleaseError):
        releases.rollback(settings, to="19990101T000000Z")


def test_rollback_without_an_earlier_release_fails(settings: Settings):
    releases.publish(settings, _dims(), sources=[])
    with pytest.raises(releases.ReleaseError, match="no earlier release"):
        releases.rollback(settings)


def test_prune_keeps_the_newest_n(tmp_path: Path):
    settings = make_settings(tmp_path, releases_keep=2)
    ids = [releases.publish(settings, _dims(), sources=[]).release_id for _ in range(3)]
    kept = [m.release_id for m in releases.list_releases(settings)]
    assert kept == [ids[2], ids[1]]
    assert releases.current_release_id(settings) == ids[2]
    assert not (releases.releases_dir(settings) / ids[0]).exists()


def test_release_ids_keep_sorting_after_many_publishes_in_one_second(tmp_path):
    """Prune and history rely on id order; a same-second publish must sort after the newest."""
    from conftest import make_settings

    from dashboard import releases

    settings = make_settings(tmp_path, releases_keep=2)
    ids = []
    for _ in range(5):
        frame = places.departments()
        manifest = releases.publish(settings, {"dim_departamento": frame}, [],
                                    finalize=lambda _stage: None)
        ids.append(manifest.release_id)
    assert ids == sorted(ids) and len(set(ids)) == 5
    kept = [m.release_id for m in releases.list_releases(settings)]
    assert kept == ids[-1:-3:-1]
    assert releases.current_release_id(settings) == ids[-1]


def test_duplicated_keys_agrees_with_pandas_on_categories_numbers_and_gaps() -> None:
    import numpy as np
    import pandas as pd

    from dashboard.releases.publishing import duplicated_keys

    rng = np.random.default_rng(3)
    frame = pd.DataFrame({
        "codigo": pd.Categorical(rng.choice(["a", "b", "c", None], 500)),
        "anio": rng.integers(2015, 2018, 500),
        "sexo": rng.choice(["F", "M"], 500),
        "valor": rng.integers(0, 3, 500).astype(float),
    })
    frame.loc[7, "valor"] = np.nan
    key = ["codigo", "anio", "sexo", "valor"]
    expected = frame.duplicated(key).to_numpy()
    assert expected.any() and not expected.all()
    assert (duplicated_keys(frame, key) == expected).all()
