# Renders one HTML file to PDF with WeasyPrint and prints its page count.
# Broadside runs it once per document, several at a time: usage: render_pdf.py INPUT.html OUTPUT.pdf
import sys

import weasyprint

# Handouts must not depend on the network: only files on disk may be loaded.
offline = weasyprint.URLFetcher(allowed_protocols={"file"})
document = weasyprint.HTML(filename=sys.argv[1], url_fetcher=offline).render()
document.write_pdf(sys.argv[2])
print(len(document.pages))
