# Renders one HTML file to PDF with WeasyPrint and prints its page count.
# Broadside runs it once per document, several at a time:
#
#     render_pdf.py INPUT.html OUTPUT.pdf STAGING [FOLDER...]
#
# INPUT.html lies in STAGING, the build's staging folder. Only files inside STAGING and the
# FOLDERs (Content/, Site/, the cache) may be loaded: a page with raw HTML must not put
# /etc/passwd or a file of another project into a PDF. Each file refused is printed on a line
# "blocked: URL" before the page count, the last line.
import mimetypes
import os
import sys
from urllib.parse import quote, unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcherResponse

source, target, staging, *folders = sys.argv[1:]

# The staging folder's name changes with every build (it holds the process id), and WeasyPrint
# names each image in the PDF after a hash of its URL: the HTML is given to it at this fixed
# address instead, so that two builds of the same site make the same bytes. The fetcher reads
# what is under it from the staging folder.
STABLE = "/broadside-build"


def real(path):
    return os.path.realpath(os.path.abspath(path))


staging = real(staging)
allowed = [staging] + [real(folder) for folder in folders]


class LocalFiles(weasyprint.URLFetcher):
    """Loads files inside the allowed folders, after resolving `..`, percent-escapes and
    symbolic links; nothing else, and nothing from the network."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"})
        self.blocked = set()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            # Refused as before, and not reported: PDFs are made offline, and an address
            # online reads no file of this machine.
            return super().fetch(url, headers)
        path = os.path.normpath(unquote(parts.path))
        if path == STABLE or path.startswith(STABLE + "/"):
            path = staging + path[len(STABLE):]
        path = real(path)
        inside = parts.netloc in ("", "localhost") and any(os.path.commonpath([path, root]) == root for root in allowed)
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


fetcher = LocalFiles()
address = "file://" + STABLE + "/" + quote(os.path.relpath(real(source), staging))
document = weasyprint.HTML(filename=source, base_url=address, url_fetcher=fetcher).render()
document.write_pdf(target)
for url in sorted(fetcher.blocked):
    print("blocked:", url)
print(len(document.pages))
