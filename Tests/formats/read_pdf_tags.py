# Reads a PDF's structure tree the way a screen reader finds it, with pikepdf, and prints what
# a test asserts on as JSON: the document's language and title, the roles of its structure
# elements, the alternative text of its figures, the languages of its passages, and whether a
# table has header cells.
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


def walk(node, in_table=False):
    global tables_with_headers
    if not isinstance(node, pikepdf.Dictionary):
        return False
    role = str(node.get("/S", ""))
    roles[role] += 1
    if role == "/Figure" and "/Alt" in node:
        alts.append(str(node.Alt))
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
}, ensure_ascii=False, indent=1))
