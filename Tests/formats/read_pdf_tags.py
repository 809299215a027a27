# Reads a PDF's structure tree the way a screen reader finds it, with pikepdf, and prints what
# a test asserts on as JSON: the document's language and title, the roles of its structure
# elements, the alternative text of its figures, the languages of its passages, how many tables
# have header cells, how many headings mark no text (pdfua 0.1.3 cannot check that one with
# pikepdf 10: its rule UA-14-001 is skipped), and the descriptions of its links.
#
#     read_pdf_tags.py FILE.pdf
import json
import sys
from collections import Counter

import pikepdf

pdf = pikepdf.open(sys.argv[1])
roles = Counter()
alts = []
langs = []
tables_with_headers = 0
empty_headings = 0


def marks_content(node):
    """True if the element, or one below it, marks text on a page (an MCID)."""
    kids = node.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return any(isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary) and (kid.get("/Type") == "/MCR" or marks_content(kid)))
               for kid in items if kid is not None)


def walk(node, in_table=False):
    global tables_with_headers, empty_headings
    if not isinstance(node, pikepdf.Dictionary):
        return False
    role = str(node.get("/S", ""))
    roles[role] += 1
    if role == "/Figure" and "/Alt" in node:
        alts.append(str(node.Alt))
    if role in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6") and not marks_content(node):
        empty_headings += 1
    if "/Lang" in node:
        langs.append(str(node.Lang))
    kids = node.get("/K")
    found = role == "/TH"
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            found = walk(kid) or found
    elif isinstance(kids, pikepdf.Dictionary):
        found = walk(kids) or found
    if role == "/Table" and found:
        tables_with_headers += 1
    return found


walk(pdf.Root.StructTreeRoot)
preferences = pdf.Root.get("/ViewerPreferences", {})
print(json.dumps({
    "lang": str(pdf.Root.get("/Lang", "")),
    "title": str(pdf.docinfo.get("/Title", "")),
    "displayDocTitle": bool(preferences.get("/DisplayDocTitle", False)),
    "marked": bool(pdf.Root.get("/MarkInfo", {}).get("/Marked", False)),
    "roles": {role.lstrip("/"): count for role, count in roles.items() if role},
    "figureAlts": alts,
    "passageLangs": sorted(set(langs)),
    "tablesWithHeaders": tables_with_headers,
    "emptyHeadings": empty_headings,
    "linkDescriptions": [str(annotation.get("/Contents", "")) for page in pdf.pages for annotation in page.get("/Annots", [])
                         if annotation.get("/Subtype") == "/Link"],
}, ensure_ascii=False, indent=1))
