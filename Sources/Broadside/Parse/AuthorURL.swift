/// The one rule for every address an author gives, in Markdown or in YAML: a web address
/// (`https:`, `http:`), `mailto:`, `tel:`, or a path inside the site. Anything else
/// (`javascript:`, `data:`, `vbscript:`, another host through `//`) could run script or
/// leave the site where the reader does not expect it.
public enum AuthorURL {
    public static let schemes: Set<String> = ["https", "http", "mailto", "tel"]

    /// Why `url` may not be used, or nil when it may. `image` also allows the `data:` images
    /// cmark lets through (PNG, GIF, JPEG, WebP; not SVG, which can carry script).
    public static func problem(_ url: String, image: Bool = false) -> String? {
        // Most addresses are plain web addresses: said at once, without reading them as a browser would.
        if url.utf8.allSatisfy({ $0 > 0x20 && $0 != UInt8(ascii: "\\") && $0 != 0x7F }),
           url.hasPrefix("https://") || url.hasPrefix("http://") {
            return nil
        }
        if url.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" || $0.value == 0x7F }) {
            return "it contains a control character"
        }
        // As a browser reads it: spaces and control characters around it are dropped, and
        // tabs and line breaks anywhere are ignored, so `java\tscript:` is `javascript:`.
        let read = String(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
            .trimmingPrefix { $0 == " " }
        if read.hasPrefix("//") || read.hasPrefix("\\") || read.hasPrefix("/\\") {
            return "an address starting with // or \\ leads to another web site: write it in full, starting with https://"
        }
        guard let scheme = scheme(of: String(read)) else { return nil }
        if schemes.contains(scheme) { return nil }
        let imageTypes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if image, imageTypes.contains(where: { read.lowercased().hasPrefix($0) }) { return nil }
        return "'\(scheme):' addresses are not allowed; use https:, http:, mailto:, tel: or a path inside the site"
    }

    /// The scheme a browser would read, lowercased: letters, then letters, digits, `+`, `-`
    /// or `.`, before the first `:`. Nil for a relative path (`a:b/c` is a scheme; `./a:b` is not).
    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let name = url[..<colon]
        guard let first = name.unicodeScalars.first, first.isASCIILetter,
              name.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return name.lowercased()
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
