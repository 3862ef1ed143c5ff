"""The release folder format: pointer, paths and manifest, as every reader sees them."""

from __future__ import annotations

import pytest
from conftest import make_settings

from dashboard.core import release_folder as rf


def test_no_pointer_means_no_current_release(tmp_path):
    settings = make_settings(tmp_path)
    assert rf.current_release_id(settings) is None
    assert rf.list_releases(settings) == []
    with pytest.raises(rf.ReleaseError, match="no published release"):
        rf.release_path(settings)


def test_a_pointer_to_a_folder_without_manifest_is_ignored(tmp_path):
    settings = make_settings(tmp_path)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (rf.releases_dir(settings) / "20260101T000000Z").mkdir(parents=True)
    (settings.data_dir / rf.CURRENT).write_text("20260101T000000Z\n", encoding="utf-8")
    assert rf.current_release_id(settings) is None
    with pytest.raises(rf.ReleaseError, match="not found"):
        rf.release_path(settings, "20260101T000000Z")


def test_manifest_round_trips_and_labels_demo_and_real_tables():
    manifest = rf.Manifest("20260101T000000Z", "2026-01-01T00:00:00+00:00", tables={
        "fact_matricula": {"origin": "demo"}, "censo_alfabetismo": {"origin": "real"}},
        parent="20251231T000000Z", note="prueba")
    data = manifest.to_json()
    assert data["demo_tables"] == ["fact_matricula"]
    assert data["real_tables"] == ["censo_alfabetismo"]
    assert rf.Manifest.from_json(data) == manifest
    assert manifest.has_demo


def test_imported_sources_are_read_as_file_names_never_server_paths():
    from dashboard.core.release_folder import Manifest

    data = {"release_id": "r", "created_at": "t", "sources": [
        {"path": "/srv/data/in/establecimientos.csv", "kind": "schools", "table": "x"},
        {"path": "C:\\Users\\ana\\matricula.xlsx", "kind": "matricula", "table": "y"},
        {"path": "dashboard.releases.demo.generate(scale=1, seed=2024)", "kind": "demo"}]}
    paths = [s["path"] for s in Manifest.from_json(data).sources]
    assert paths == ["establecimientos.csv", "matricula.xlsx",
                     "dashboard.releases.demo.generate(scale=1, seed=2024)"]
