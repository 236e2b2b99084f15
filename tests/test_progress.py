"""Progress: every slow stage reports through one callback; the library stays silent
unless given one; the terminal renderer draws only on a terminal."""

import io

from click.testing import CliRunner

from analysis import analyse
from analysis.cli import main
from analysis.engine.progress import TerminalProgress, track
from tests.conftest import SEEDS


def test_every_stage_reports_progress_and_finishes(tmp_path):
    calls = []
    run = analyse(SEEDS, progress=lambda stage, done, total: calls.append((stage, done, total)))
    run.write_report(tmp_path, formats=["csv", "png"],
                     progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = {stage for stage, _, _ in calls}
    assert {"extract", "compare", "align", "effects", "studies", "copies", "signals",
            "report"} <= stages
    runs: list[list[tuple]] = []  # a stage may run twice (doses compared again)
    for call in calls:
        if runs and runs[-1][0][0] == call[0]:
            runs[-1].append(call)
        else:
            runs.append([call])
    for run_ in runs:
        stage = run_[0][0]
        assert run_[-1][1] == run_[-1][2], stage  # each stage ends with done == total
        assert all(0 <= done <= total for _, done, total in run_), stage
        assert [d for _, d, _ in run_] == sorted(d for _, d, _ in run_), stage  # forwards


def test_library_is_silent_without_a_callback(capsys):
    analyse(SEEDS)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_track_reports_about_a_hundred_times_whatever_the_length():
    calls = []
    items = list(track(lambda *a: calls.append(a), "x", range(100_000), 100_000))
    assert len(items) == 100_000
    assert 100 <= len(calls) <= 102 and calls[-1] == ("x", 100_000, 100_000)


def test_terminal_renderer_draws_one_line_per_stage():
    out = io.StringIO()
    bar = TerminalProgress(out, enabled=True, delay=0, interval=0)
    bar("extract", 0, 10)
    bar("extract", 10, 10)
    bar("copies", 3, 3)
    bar.close()
    text = out.getvalue()
    assert text.count("\n") == 2 and "extract" in text and "copies" in text
    assert "10/10" in text.replace(" ", "")


def test_terminal_renderer_is_silent_when_not_a_terminal():
    out = io.StringIO()  # isatty() is False, as for a pipe or a log file
    bar = TerminalProgress(out, delay=0, interval=0)
    bar("extract", 5, 10)
    bar.close()
    assert out.getvalue() == ""


def test_cli_quiet_prints_nothing_on_stderr(tmp_path):
    result = CliRunner().invoke(main, ["analyse", str(SEEDS), "--out", str(tmp_path),
                                       "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and result.stdout == ""
