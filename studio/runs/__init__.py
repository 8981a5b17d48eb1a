"""Run folders, read and named without torch or Qt: below both ``training`` (which writes them)
and ``experiments`` (whose verdicts read them), so neither imports the other to read a run.

``studio.runs.folder`` names folders, writes and reads the ``run.json`` status record, reads
``metrics.jsonl`` / ``layer_stats.jsonl`` and a run's project, and lists runs;
``studio.runs.diff`` compares two runs (``cnn-studio diff`` and the Runs view)."""
from .folder import (  # noqa: F401
    LEGACY_STATUS_FILE,
    RUN_FORMAT,
    STATUS_FILE,
    STATUSES,
    RunInfo,
    graph_version,
    is_run_dir,
    list_runs,
    new_run_dir,
    read_layer_stats,
    read_metrics,
    read_project,
    read_run,
    read_status,
    run_checkpoint,
    run_slug,
    write_status,
)
