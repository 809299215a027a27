"""axe-core in the page a Selenium driver shows: its serious and critical violations, in words.
The script comes from the axe-playwright-python package (only its script is used)."""
import importlib.util
import pathlib

_spec = importlib.util.find_spec("axe_playwright_python")
_axe = (pathlib.Path(_spec.submodule_search_locations[0]) / "axe.min.js").read_text(encoding="utf-8")


def serious_violations(driver, what):
    driver.execute_script(_axe)
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));")
    return [f"axe {what}: {v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:3]}"
            for v in violations if v.get("impact") in ("serious", "critical")]
