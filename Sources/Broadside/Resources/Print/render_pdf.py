# A WeasyPrint worker: renders HTML documents to tagged PDF/UA-1 PDFs, one job after another,
# so that Python, WeasyPrint and the fonts are loaded once per build rather than once per PDF.
# Broadside starts one worker per core and writes each a job, one line of JSON, on its input:
#
#     {"html": INPUT.html, "pdf": OUTPUT.pdf, "staging": STAGING, "folders": [FOLDER, ...]}
#
# and reads one line of JSON back for each:
#
#     {"pages": N, "blocked": [URL, ...], "overflows": [{"name": ..., "columns": C, "cut": K, ...}],
#      "missing": [{"character": C, "words": ...}]}
#     {"error": MESSAGE}
#
# INPUT.html lies in STAGING, the build's staging folder. Only files inside STAGING and the
# FOLDERs (Content/, Site/, the cache) may be loaded: a page with raw HTML must not put
# /etc/passwd or a file of another project into a PDF. Each file refused is listed in
# "blocked". "overflows" lists the data tables wider than the page's text area, "missing" the
# characters no installed font can draw.
import json
import mimetypes
import os
import sys
import unicodedata
from urllib.parse import quote, unquote, urlsplit

import cffi
import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags
from weasyprint.urls import URLFetcherResponse

# The staging folder's name changes with every build (it holds the process id), and WeasyPrint
# names each image in the PDF after a hash of its URL: the HTML is given to it at this fixed
# address instead, so that two builds of the same site make the same bytes. The fetcher reads
# what is under it from the staging folder.
STABLE = "/broadside-build"


def real(path):
    return os.path.realpath(os.path.abspath(path))


class LocalFiles(weasyprint.URLFetcher):
    """Loads files inside the allowed folders, after resolving `..`, percent-escapes and
    symbolic links; nothing else, and nothing from the network. One per job, so that what
    one document was refused is not reported for the next."""

    def __init__(self, staging, allowed):
        super().__init__(allowed_protocols={"file"})
        self.staging = staging
        self.allowed = allowed
        self.blocked = set()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            # Refused as before, and not reported: PDFs are made offline, and an address
            # online reads no file of this machine.
            return super().fetch(url, headers)
        path = os.path.normpath(unquote(parts.path))
        if path == STABLE or path.startswith(STABLE + "/"):
            path = self.staging + path[len(STABLE):]
        path = real(path)
        inside = parts.netloc in ("", "localhost") and any(os.path.commonpath([path, root]) == root for root in self.allowed)
        if not inside or not os.path.isfile(path):
            # A file that is missing inside the folders is a broken link, which the checks
            # report; only what lies outside them is reported here.
            if not inside:
                self.blocked.add(url)
            raise ValueError(f"not a file inside the build's folders: {url}")
        with open(path, "rb") as file:
            body = file.read()
        kind = mimetypes.guess_type(path)[0] or "text/plain"
        # The URL as asked for, not the file's real path: the images' names come from it.
        return URLFetcherResponse(url, body, {"Content-Type": kind})


# WeasyPrint's tags carry the document's language only: a passage in another language (the
# second language of a bilingual handout) would be read aloud in the first one's voice. Its
# `lang` is given to its structure element. Table header cells get the /Scope that WeasyPrint
# already assumes when it links data cells to them, so that checkers see the association. A
# link's description is its words, not its address or the name of its target in the page.
_build_box_tree = tags._build_box_tree


def _tagged_box_tree(box, *arguments):
    for element in _build_box_tree(box, *arguments):
        box = getattr(box, "_box", box)
        node = box.element
        if node is not None and isinstance(node.tag, str):
            # The innermost `lang` wins: this runs again for each ancestor the element is
            # passed up through (up to <html>), which must not put its own language over it.
            if (lang := node.get("lang")) and "Lang" not in element:
                element["Lang"] = tags.pydyf.String(lang)
            if element["S"] == "/TH" and "A" in element:
                element["A"]["Scope"] = "/Row" if node.get("scope") == "row" else "/Column"
            words = " ".join("".join(node.itertext()).split())
            if box.link_annotation is not None and words:
                box.link_annotation["Contents"] = tags.pydyf.String(words)
        yield element


tags._build_box_tree = _tagged_box_tree


def table_name(figure):
    """A CSV table's caption; a Markdown table's name for screen readers ("Table: A, B")."""
    caption = next((node for node in figure.iter() if node.tag in ("figcaption", "caption")), None)
    text = " ".join("".join(caption.itertext()).split()) if caption is not None else ""
    labelled = next((node.get("aria-label") for node in figure.iter() if node.get("aria-label")), None)
    return text or labelled or figure.get("id") or "table"


def overflows(document):
    """The tables (`class="data-table"`: CSV tables and Markdown ones) whose cells reach past
    the right edge of the page's text area, with how many of their columns do, how many start
    past the paper's edge, and where the table is written (`data-source`)."""
    found = {}
    for page in document.pages:
        page_box = page._page_box
        text_right = page_box.content_box_x() + page_box.width
        paper_right = page_box.margin_width()
        tables = []

        def walk(box, figure):
            element = box.element
            if figure is None and element is not None and box.element_tag in ("figure", "div") and "data-table" in (element.get("class") or "").split():
                figure = element
            if figure is not None and isinstance(box, boxes.TableBox):
                tables.append((figure, box))
                return
            for child in getattr(box, "children", ()):
                walk(child, figure)

        walk(page_box, None)
        for figure, table in tables:
            rights = {}
            for group in table.children:
                for row in group.children:
                    for cell in row.children:
                        rights[cell.grid_x] = (cell.position_x, cell.position_x + cell.margin_width())
            cut = sum(1 for _, right in rights.values() if right > text_right + 0.5)
            if cut:
                # A table printed in parts names the part: its own caption, then the figure's.
                name = table_name(table.element) if table.element is not None and table.element.find("caption") is not None else table_name(figure)
                key = (figure.get("id") or "", name)
                off = sum(1 for left, _ in rights.values() if left >= paper_right)
                known = found.get(key, {"name": name, "columns": 0, "cut": 0, "off": 0, "source": figure.get("data-source")})
                known.update(columns=max(known["columns"], len(rights)), cut=max(known["cut"], cut), off=max(known["off"], off))
                found[key] = known
    return list(found.values())


class Coverage:
    """Every character some installed font can draw, from fontconfig, read once per worker: a
    character outside it prints as an empty box, whatever the stylesheet asks for."""

    def __init__(self):
        ffi = cffi.FFI()
        ffi.cdef("""
            typedef struct _FcPattern FcPattern;
            typedef struct _FcCharSet FcCharSet;
            typedef struct _FcObjectSet FcObjectSet;
            typedef struct { int nfont; int sfont; FcPattern **fonts; } FcFontSet;
            FcPattern *FcPatternCreate(void);
            FcObjectSet *FcObjectSetBuild(const char *first, ...);
            FcFontSet *FcFontList(void *config, FcPattern *pattern, FcObjectSet *objects);
            int FcPatternGetCharSet(const FcPattern *pattern, const char *object, int n, FcCharSet **charset);
            FcCharSet *FcCharSetCreate(void);
            int FcCharSetMerge(FcCharSet *into, const FcCharSet *other, int *changed);
            int FcCharSetHasChar(const FcCharSet *charset, unsigned int character);
        """)
        self.fc = ffi.dlopen("libfontconfig.so.1")
        fonts = self.fc.FcFontList(ffi.NULL, self.fc.FcPatternCreate(), self.fc.FcObjectSetBuild(b"charset", ffi.cast("char *", 0)))
        self.drawable = self.fc.FcCharSetCreate()
        charset = ffi.new("FcCharSet **")
        for index in range(fonts.nfont):
            if self.fc.FcPatternGetCharSet(fonts.fonts[index], b"charset", 0, charset) == 0:
                self.fc.FcCharSetMerge(self.drawable, charset[0], ffi.NULL)

    def missing(self, document):
        """The characters of the laid-out text no font has, each with the words around it
        where it is first laid out; spaces and invisible format characters are never drawn, so never missing."""
        found = {}

        def walk(box):
            if isinstance(box, boxes.TextBox):
                for character in set(box.text) - found.keys():
                    if unicodedata.category(character) not in INVISIBLE and not self.fc.FcCharSetHasChar(self.drawable, ord(character)):
                        at = box.text.index(character)
                        found[character] = " ".join(box.text[max(0, at - 30):at + 30].split())
            for child in getattr(box, "children", ()):
                walk(child)

        for page in document.pages:
            walk(page._page_box)
        return [{"character": character, "words": words} for character, words in sorted(found.items())]


# Spaces, line breaks, controls and format characters (soft hyphen, joiners): never drawn.
INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf"}
coverage = Coverage()


def render(job):
    staging = real(job["staging"])
    fetcher = LocalFiles(staging, [staging] + [real(folder) for folder in job["folders"]])
    address = "file://" + STABLE + "/" + quote(os.path.relpath(real(job["html"]), staging))
    document = weasyprint.HTML(filename=job["html"], base_url=address, url_fetcher=fetcher).render(pdf_variant="pdf/ua-1")
    document.write_pdf(job["pdf"], pdf_variant="pdf/ua-1")
    return {"pages": len(document.pages), "blocked": sorted(fetcher.blocked), "overflows": overflows(document),
            "missing": coverage.missing(document)}


def main():
    # The answers go to the real standard output; anything else printed goes to errors.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr
    for line in sys.stdin:
        try:
            answer = render(json.loads(line))
        except Exception as error:  # the job fails, the worker goes on with the next
            answer = {"error": f"{type(error).__name__}: {error}"}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


main()
