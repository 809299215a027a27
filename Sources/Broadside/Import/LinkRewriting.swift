import Foundation

/// Rewrites a page's links to the old site's addresses, source files and Liquid or Hugo link
/// tags into relative paths to `.md` files and copied files under Content/.
struct LinkRewriter {
    let targets: LinkTargets

    enum Outcome: Equatable {
        case rewritten(String)
        /// A link to the old site that leads nowhere in the new one.
        case unresolved
        /// Not a link to the old site (another site, `mailto:`, a fragment): left alone.
        case external
        /// An address of a kind Broadside refuses (`irc:`, `javascript:`): the build stops at it.
        case refused
    }

    struct Rewritten {
        var body: String
        var rewritten: Int
        /// Links to the old site that lead nowhere, and links of a kind Broadside refuses, by line.
        var unresolved: [(line: Int, text: String)]
        var refused: [(line: Int, text: String)]
    }

    /// The body with its links rewritten; each line keeps its place, so report lines stay true.
    func rewrite(_ body: String, page: SourcePage, newPath: String) -> Rewritten {
        var rewritten = 0
        var unresolved: [(line: Int, text: String)] = []
        var refused: [(line: Int, text: String)] = []
        var inFence = false
        var lines: [String] = []
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, line.contains("](") || trimmed.hasPrefix("[") else {
                lines.append(String(line))
                continue
            }
            var text = ""
            var rest = Substring(String(line))
            while let target = Self.nextTarget(in: rest) {
                text += rest[..<target.lowerBound]
                let written = String(rest[target])
                switch resolve(written, page: page, newPath: newPath) {
                case .rewritten(let link):
                    text += link
                    if link != written { rewritten += 1 }
                case .unresolved:
                    text += written
                    unresolved.append((index, written))
                case .external:
                    text += written
                case .refused:
                    text += written
                    refused.append((index, written))
                }
                rest = rest[target.upperBound...]
            }
            lines.append(text + rest)
        }
        return Rewritten(body: lines.joined(separator: "\n"), rewritten: rewritten, unresolved: unresolved, refused: refused)
    }

    /// The next link target: after `](`, or after `[label]:` at the start of a line.
    static func nextTarget(in text: Substring) -> Range<Substring.Index>? {
        var start: Substring.Index?
        if text.startIndex == text.base.startIndex || text.base[..<text.startIndex].allSatisfy({ $0 == " " }),
           let definition = text.range(of: #"^ {0,3}\[[^\]]+\]:[ \t]*"#, options: .regularExpression) {
            start = definition.upperBound
        } else if let opening = text.range(of: "](") {
            start = opening.upperBound
        }
        guard let start, start < text.endIndex else { return nil }
        if text[start] == "<" {
            guard let close = text[start...].firstIndex(of: ">") else { return nil }
            return text.index(after: start)..<close
        }
        var at = start
        var parens = 0
        while at < text.endIndex {
            let character = text[at]
            // Liquid and Hugo tags hold spaces and parentheses of their own.
            if character == "{", text[at...].hasPrefix("{%") || text[at...].hasPrefix("{{"),
               let close = text[at...].range(of: text[at...].hasPrefix("{%") ? "%}" : "}}") {
                at = close.upperBound
                continue
            }
            if character == " " || character == "\t" { break }
            if character == "(" { parens += 1 }
            if character == ")" {
                if parens == 0 { break }
                parens -= 1
            }
            at = text.index(after: at)
        }
        return start..<at
    }

    private static let siteBase = try! NSRegularExpression(pattern: #"^(\{\{-?\s*site\.url\s*-?\}\})?\{\{-?\s*site\.baseurl\s*-?\}\}"#)
    private static let linkTag = try! NSRegularExpression(pattern: #"^\{%-?\s*link\s+(\S+?)\s*-?%\}(.*)$"#)
    private static let postTag = try! NSRegularExpression(pattern: #"^\{%-?\s*post_url\s+(\S+?)\s*-?%\}(.*)$"#)
    private static let urlFilter = try! NSRegularExpression(pattern: #"^\{\{-?\s*["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}(.*)$"#)
    private static let hugoRef = try! NSRegularExpression(pattern: #"^\{\{[<%]\s*(?:ref|relref)\s+"([^"]+)"\s*[>%]\}\}(.*)$"#)

    private static func groups(_ regex: NSRegularExpression, _ text: String) -> [String]? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }

    func resolve(_ written: String, page: SourcePage, newPath: String) -> Outcome {
        var link = written
        if let match = Self.siteBase.firstMatch(in: link, range: NSRange(link.startIndex..., in: link)), let range = Range(match.range, in: link) {
            link.removeSubrange(range)
            if link.isEmpty { link = "/" }
        }
        var target: String?
        var fragment = ""
        if let parts = Self.groups(Self.linkTag, link) {
            target = targets.bySourcePath[parts[0]]
            fragment = parts[1]
        } else if let parts = Self.groups(Self.postTag, link) {
            target = targets.posts[parts[0]]
            fragment = parts[1]
        } else if let parts = Self.groups(Self.urlFilter, link) {
            // `relative_url` puts a path without its `/` under the site's top all the same.
            let (path, inner) = Self.splitFragment(parts[0])
            (target, fragment) = (targets.page(atURL: path.hasPrefix("/") ? path : "/" + path), inner + parts[1])
        } else if let parts = Self.groups(Self.hugoRef, link) {
            let (path, inner) = Self.splitFragment(parts[0])
            target = targets.hugoPage(path, from: page.linkPath.parentPath, language: page.language)
            fragment = inner + parts[1]
        } else if link.contains("{{") || link.contains("{%") {
            return .unresolved
        } else {
            // A full address on the old site is read as the path after it.
            if let site = targets.siteURL, link == site || link.hasPrefix(site + "/") {
                link = link == site ? "/" : String(link.dropFirst(site.count))
            }
            if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/") {
                return Self.allowedSchemes.contains(link[..<colon].lowercased()) ? .external : .refused
            }
            if link.hasPrefix("#") || link.hasPrefix("//") || link.isEmpty { return .external }
            let (path, inner) = Self.splitFragment(link)
            fragment = inner
            if path.hasPrefix("/") {
                target = targets.page(atURL: path)
            } else {
                let decoded = path.removingPercentEncoding ?? path
                target = targets.bySourcePath[Self.resolved(page.path.parentPath.appendingPath(decoded))]
                    ?? targets.hugoPage(decoded, from: page.linkPath.parentPath, language: page.language).flatMap { decoded.hasSuffix(".md") ? $0 : nil }
                    ?? page.oldURL.flatMap { old in targets.page(atURL: "/" + Self.resolved((old.hasSuffix("/") ? old : old.parentPath).appendingPath(decoded))) }
            }
        }
        guard let target else { return .unresolved }
        return .rewritten(Self.relative(from: newPath.parentPath, to: target) + fragment)
    }

    /// The kinds of address Broadside takes in a link (`data:` only for images, which it judges).
    static let allowedSchemes: Set<String> = ["https", "http", "mailto", "tel", "data"]

    static func splitFragment(_ link: String) -> (path: String, fragment: String) {
        guard let hash = link.firstIndex(of: "#") else { return (link, "") }
        return (String(link[..<hash]), String(link[hash...]))
    }

    /// `a/b/../c/./d` → `a/c/d`, without a leading `/`.
    static func resolved(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The path from a folder to a file, both under Content/: `posts` to `guides/x.md` is `../guides/x.md`.
    static func relative(from folder: String, to path: String) -> String {
        let from = folder.split(separator: "/"), to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }
}
