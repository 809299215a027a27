#!/usr/bin/env python3
"""Opens a page of charts in headless Chromium at a phone's and a desktop's width and measures
every piece of chart text as drawn on screen: no two may overlap, none may be smaller than 11 px,
and none may stick out of the window. Each chart must show one drawing, with its text
alternative (the SVG's title and summary, and the numbers' table).

usage: chart_overlap.py OUTPUT_DIR PAGE   (PAGE relative to OUTPUT_DIR, e.g. charts/x/index.html)
Exits 0 when every check holds; prints what failed otherwise, naming the chart and the labels.
"""
import pathlib
import sys

from phone import chromium

output, page = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]
WIDTHS = (390, 1280)
SMALLEST_PX = 11
# Boxes that share less than this (in px, either way) only touch: anti-aliasing, not overprint.
TOUCH = 0.5
failures = []

# Each text element's box in its own coordinates (getBBox), carried to the screen by its
# transform (getScreenCTM), so a rotated label is measured as the slanted box it is.
MEASURE = """
const charts = [];
for (const figure of document.querySelectorAll('figure.chart')) {
  const title = figure.querySelector('.chart-title strong').textContent.trim();
  const drawings = Array.from(figure.querySelectorAll('svg.chart-svg')).filter(svg => svg.getClientRects().length > 0);
  const texts = [];
  for (const svg of drawings) {
    for (const text of svg.querySelectorAll('text')) {
      if (text.getClientRects().length === 0 || !text.textContent.trim()) continue;
      const box = text.getBBox(), m = text.getScreenCTM();
      const corners = [[box.x, box.y], [box.x + box.width, box.y], [box.x + box.width, box.y + box.height], [box.x, box.y + box.height]]
        .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
      texts.push({label: text.textContent.trim(), corners: corners,
                  px: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b)});
    }
  }
  const svg = drawings[0];
  charts.push({title: title, drawings: drawings.length, texts: texts,
               summary: svg ? (svg.querySelector('desc') || {}).textContent || '' : '',
               rows: figure.querySelectorAll('.chart-data tbody tr').length});
}
return {width: window.innerWidth, charts: charts};
"""


def overlap(a, b):
    """Two convex boxes overlap unless some edge direction separates them (by more than TOUCH)."""
    for shape in (a, b):
        for i in range(4):
            (x1, y1), (x2, y2) = shape[i], shape[(i + 1) % 4]
            nx, ny = y1 - y2, x2 - x1
            length = (nx * nx + ny * ny) ** 0.5 or 1
            pa = [(x * nx + y * ny) / length for x, y in a]
            pb = [(x * nx + y * ny) / length for x, y in b]
            if max(pa) - TOUCH <= min(pb) or max(pb) - TOUCH <= min(pa):
                return False
    return True


driver = chromium()
try:
    for width in WIDTHS:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        driver.get((output / page).as_uri())
        found = driver.execute_script(MEASURE)
        if found["width"] != width:
            failures.append(f"the window is {found['width']} px wide, not {width}")
        if not found["charts"]:
            failures.append(f"at {width} px: no chart on {page}")
        for chart in found["charts"]:
            where = f"at {width} px, chart '{chart['title']}'"
            if chart["drawings"] != 1:
                failures.append(f"{where}: {chart['drawings']} drawings are shown, not 1")
            if not chart["summary"].strip():
                failures.append(f"{where}: the drawing has no summary (<desc>) for screen readers")
            if chart["rows"] == 0:
                failures.append(f"{where}: no table of the numbers under 'Show the numbers'")
            texts = chart["texts"]
            small = [t for t in texts if t["px"] < SMALLEST_PX - 0.05]
            if small:
                failures.append(f"{where}: {len(small)} labels are under {SMALLEST_PX} px, e.g. "
                                f"'{small[0]['label']}' at {small[0]['px']:.1f} px")
            outside = [t for t in texts if min(x for x, _ in t["corners"]) < -TOUCH
                       or max(x for x, _ in t["corners"]) > width + TOUCH]
            if outside:
                failures.append(f"{where}: '{outside[0]['label']}' sticks out of the window")
            clashes = [(a["label"], b["label"]) for i, a in enumerate(texts) for b in texts[i + 1:]
                       if overlap(a["corners"], b["corners"])]
            for a, b in clashes[:3]:
                failures.append(f"{where}: '{a}' overlaps '{b}'")
            if len(clashes) > 3:
                failures.append(f"{where}: and {len(clashes) - 3} more overlapping pairs")
            print(f"{where}: {len(texts)} labels, smallest {min((t['px'] for t in texts), default=0):.1f} px, "
                  f"{len(clashes)} overlapping pairs")
finally:
    driver.quit()

for failure in failures:
    print("chart overlap:", failure)
sys.exit(1 if failures else 0)
