import BroadsideMarkdown
import Foundation

/// Where every Content/ file lands, and how an author's relative link finds its target.
public struct Routes: Sendable {
    /// `guides/da-forum.md` → its route, for every published page.
    public var pages: [String: Route] = [:]
    /// Non-Markdown files of Content/, by relative path.
    public var files: [String: Route] = [:]
    /// Pages left out because they are drafts, so a link to one can say why it fails.
    public var drafts: Set<String> = []
    /// Those of `drafts` made so by Jekyll's `published: false`, which is what to change.
    public var unpublished: Set<String> = []
    /// Each page's language code and translation key, and key → language → page path, so a
    /// link written to a page reaches its translation in the linking page's language.
    public var languages: [String: String] = [:]
    public var keys: [String: String] = [:]
    public var translations: [String: [String: String]] = [:]
    /// Each language's folder (`es/`), and the home and section pages the build makes for a
    /// language without an `index.<code>.md` or `_index.<code>.md` of its own.
    public var prefixes: [String: String] = [:]
    public var generated: Set<Route> = []
    /// Each old address a page declares (`permalink:`, `aliases:`…: see `oldAddresses`), as
    /// `comparable` writes it, → the page's path: a broken link to it is told which page it meant.
    public var permalinks: [String: String] = [:]
    /// Every page's and file's path made ready to compare, once all are known: see `nearest`.
    var suggestionIndex: SuggestionIndex?

    public enum Target: Equatable, Sendable {
        /// Another scheme or host: left exactly as written.
        case external
        case page(Route, fragment: String?)
        case file(Route)
        /// Why not; `isDraft` when the target exists but is a draft.
        case missing(String, isDraft: Bool = false)
    }

    /// Resolves `url` as written in the page at `source` (a path relative to Content/).
    public func resolve(_ url: String, from source: String) -> Target {
        if url.isEmpty || url.hasPrefix("//") || Self.hasScheme(url) { return .external }
        // Cut at the bytes `#` and `?`, as a browser reads an address; looking for them as
        // characters found where each character of the address ends first.
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<question] }
        if rest.isEmpty {
            return pages[source].map { .page($0, fragment: fragment) } ?? .missing("this page is not published")
        }
        // Most links have no `%`: those are taken as they are, without Foundation's decoding.
        let written = rest.utf8.contains(UInt8(ascii: "%")) ? String(rest).removingPercentEncoding ?? String(rest) : String(rest)
        // A leading `/` means the top of Content/, never the top of a web server: the site must
        // also work from disk.
        let base = written.hasPrefix("/") ? "" : source.parentPath
        guard let target = Self.normalize(base, written) else {
            return .missing("'\(url)' points outside the content folder")
        }
        if let route = page(target, for: source) { return .page(route, fragment: fragment) }
        if let route = files[target] { return .file(route) }
        for index in ["index.md", "_index.md"] {
            let candidate = target.isEmpty ? index : target + "/" + index
            if let route = page(candidate, for: source) { return .page(route, fragment: fragment) }
        }
        if drafts.contains(target) {
            let key = unpublished.contains(target) ? "published: true" : "draft: false"
            return .missing("'\(url)' is a draft page; publish it (\(key)) or build with --drafts", isDraft: true)
        }
        let suggestion = self.suggestion(for: target, from: source).map { "; did you mean `\($0)`?" } ?? ""
        return .missing("'\(url)' does not match any page or file in the content folder" + suggestion)
    }

    /// The page at `path`, in the language of the page at `source` when it has that translation:
    /// a Spanish page links to the English path and its readers land on the Spanish page. A
    /// link that names a translation itself (`da-forum.es.md`) goes where it says.
    private func page(_ path: String, for source: String) -> Route? {
        guard let route = pages[path] else { return nil }
        guard let language = languages[source], languages[path] != language, let key = keys[path], key == path else { return route }
        if let translated = translations[key]?[language], let target = pages[translated] { return target }
        // A home or section page this language has without a file of its own.
        if let prefix = prefixes[language], let sourcePrefix = prefixes[languages[path] ?? ""] {
            let made = Route(prefix + route.path.dropFirst(sourcePrefix.count))
            if generated.contains(made) { return made }
        }
        return route
    }

    /// Links and paths are read by their bytes: each of a page's links is resolved, and
    /// reading them as characters showed in a large build.
    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return !url.utf8[..<colon].contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
    }

    /// Joins and tidies `.` and `..`; nil when the path climbs out of Content/. Into one
    /// buffer, a part at a time, each `..` cutting the last part off again, read where the
    /// bytes are: every link of every page comes through here, so no list of parts is made.
    static func normalize(_ base: String, _ path: String) -> String? {
        var joined: [UInt8] = []
        joined.reserveCapacity(base.utf8.count + path.utf8.count + 1)
        var parts = 0
        func add(_ path: String) -> Bool {
            let bytes = path.utf8.span
            var start = 0
            while start < bytes.count {
                let end = ByteFind.firstIndex(of: UInt8(ascii: "/"), in: bytes, from: start) ?? bytes.count
                defer { start = end + 1 }
                switch end - start {
                case 0:
                    continue
                case 1 where bytes[start] == UInt8(ascii: "."):
                    continue
                case 2 where bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: "."):
                    guard parts > 0 else { return false }
                    // The last part, with the slash before it: a part holds no slash.
                    joined.removeSubrange((joined.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                    parts -= 1
                default:
                    if !joined.isEmpty { joined.append(UInt8(ascii: "/")) }
                    joined.append(bytes.extracting(start..<end))
                    parts += 1
                }
            }
            return true
        }
        guard add(base), add(path) else { return nil }
        return String(decoding: joined, as: UTF8.self)
    }
}
