"""The configuration file as a user writes it: every wrong type or value is exit 4 naming the setting (#18)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.config import Config, load_config
from pipeline.errors import ConfigError, ExitCode

runner = CliRunner()


@pytest.mark.parametrize("toml, key", [
    ('passage_max_words = "big"', "passage_max_words"),
    ("passage_max_words = 0", "passage_max_words"),
    ("passage_overlap_words = -1", "passage_overlap_words"),
    ("passage_max_words = 50\npassage_overlap_words = 50", "passage_overlap_words"),
    ("evidence_per_facet = 2.5", "evidence_per_facet"),
    ("evidence_per_facet = true", "evidence_per_facet"),
    ('semantic = "foo"', "semantic"),
    ("semantic = 3", "semantic"),
    ('evidence_profiles = "yes"', "evidence_profiles"),
    ('max_size_mb = "50"', "max_size_mb"),
    ("max_size_mb = -1", "max_size_mb"),
    ("max_size_mb = nan", "max_size_mb"),
    ("cache_dir = 5", "cache_dir"),
    ('kb_files = "my-kb.json"', "kb_files"),
    ("kb_files = [1, 2]", "kb_files"),
    ("[wsis-audit]\nsemantic = []", "semantic"),
])
def test_a_wrong_type_or_value_is_exit_4_naming_the_key(tmp_path, toml, key):
    cfg = tmp_path / "settings.toml"
    cfg.write_text(toml + "\n")
    result = runner.invoke(app, ["--config", str(cfg), "parse", str(tmp_path / "any.txt")])
    assert result.exit_code == ExitCode.CONFIG, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {cfg}: ") and key in lines[0], result.output


def test_the_wsis_audit_table_must_be_a_table(tmp_path):
    cfg = tmp_path / "settings.toml"
    cfg.write_text('wsis-audit = "on"\n')
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    assert "wsis-audit" in info.value.line()


def test_valid_settings_load_with_integers_for_floats(tmp_path):
    cfg = tmp_path / "settings.toml"
    cfg.write_text('max_size_mb = 20\nsemantic = "none"\nkb_files = ["a.json"]\nevidence_profiles = false\n')
    assert load_config(cfg) == Config(max_size_mb=20.0, semantic="none", kb_files=("a.json",),
                                      evidence_profiles=False)
