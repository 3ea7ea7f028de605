"""CI: the workflows in .github/workflows/ (GitHub cannot be run here): actionlint, which
`make lint` runs on them, fails on a broken one; they run the README's commands and ask the
package, never a list of their own, which editions there are."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from fixtures import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = Path(sys.prefix) / "bin" / "actionlint"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def actionlint(folder: Path) -> subprocess.CompletedProcess:
    """What `make lint` runs, in *folder* (which need not be a git clone)."""
    workflows = sorted(str(p.relative_to(folder)) for p in (folder / ".github" / "workflows").glob("*.yml"))
    return subprocess.run([str(ACTIONLINT), "-no-color", *workflows], cwd=folder, capture_output=True, text=True)


def test_actionlint_passes_on_every_workflow() -> None:
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == ["editions.yml", "pull-request.yml"]
    result = actionlint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_on_a_broken_workflow(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "broken.yml").write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  build:\n"
        "    needs: matrix\n"                       # no such job
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"  # script injection
        "      - run: cat $UNQUOTED\n",              # shellcheck: SC2086
        encoding="utf-8")
    result = actionlint(tmp_path)
    assert result.returncode == 1
    assert 'broken.yml:3:3: job "build" needs job "matrix" which does not exist' in result.stdout
    assert "broken.yml:7:" in result.stdout and "untrusted" in result.stdout
    assert "SC2086" in result.stdout  # shellcheck is there (debian-packages.txt's test group)


def test_actions_are_pinned_to_commits() -> None:
    for name in ("pull-request.yml", "editions.yml"):
        for job in load(name)["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", step["uses"]), (name, step["uses"])


def test_pull_request_runs_the_readme_commands() -> None:
    workflow = load("pull-request.yml")
    assert set(workflow[True]) == {"pull_request", "push"}  # YAML 1.1 reads `on` as true
    job = workflow["jobs"]["build-and-test"]
    commands = [step["run"] for step in job["steps"] if "run" in step]
    assert commands[1:] == ["make", 'make check CHECKFLAGS="--format github"', "make test"]
    uploads = [step["with"]["path"] for step in job["steps"] if step.get("uses", "").startswith("actions/upload")]
    assert uploads == ["_build/html/", "_build/pdf/*.pdf", "_build/progress/"]


def test_editions_fan_out_from_the_model() -> None:
    jobs = load("editions.yml")["jobs"]
    assert "python3 -m editions matrix" in runs(jobs["matrix"])
    assert jobs["build"]["strategy"]["matrix"] == "${{ fromJSON(needs.matrix.outputs.editions) }}"
    assert 'make -C "$PROFILE" edition EDITION="$EDITION"' in runs(jobs["build"])
    assert jobs["assemble"]["needs"] == ["matrix", "build"]
    assert jobs["assemble"]["strategy"]["matrix"] == "${{ fromJSON(needs.matrix.outputs.profiles) }}"
    assert "python -m editions assemble" in runs(jobs["assemble"])
    # no edition or language written into the workflow
    text = (WORKFLOWS / "editions.yml").read_text(encoding="utf-8")
    assert not re.search(r"\b(zh_CN|en-zh_CN)\b", text)
