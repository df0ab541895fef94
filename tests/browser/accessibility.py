"""axe-core in the page under test: the serious and critical accessibility violations."""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
BLOCKING = {"serious", "critical"}
# axe.run does most of its work before its first await, so it is started from a timer: the call
# returns at once and the browser checks this page while the test loads the next in another tab.
# False when axe-core is not in the page yet.
START_AXE = """() => {
    if (typeof window.axe === 'undefined') { return false; }
    window.__axeViolations = new Promise(resolve => setTimeout(resolve, 0))
        .then(() => axe.run(document, {resultTypes: ['violations']}))
        .then(result => result.violations);
    return true;
}"""
AXE_RESULT = "() => window.__axeViolations"


def install_axe(context) -> None:
    """Load axe-core into every page the context opens from now on (one script, not one upload per page)."""
    context.add_init_script(path=str(AXE))


def start_axe(page) -> None:
    """Start axe-core on the page as it is now, without waiting for its verdict."""
    if not page.evaluate(START_AXE):
        page.evaluate(AXE.read_text(encoding="utf-8"))
        assert page.evaluate(START_AXE), "axe-core did not load"


def finish_axe(page) -> list[str]:
    """The verdict of the run start_axe began: one line per serious or critical violation."""
    violations = page.evaluate(AXE_RESULT)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in BLOCKING
    ]


def blocking_violations(page) -> list[str]:
    """Run axe-core on the page as it is now; one line per serious or critical violation."""
    start_axe(page)
    return finish_axe(page)
