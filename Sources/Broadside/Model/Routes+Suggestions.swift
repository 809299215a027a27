import Foundation
import Synchronization

/// What a broken link most likely meant: the page or file whose path is nearest to what was
/// written, or the page that declared the old address (`permalink:`) a moved site still links.
/// Worked out only for a link that is broken, which few are.
extension Routes {
    /// `laws/vacatur.md` as the page at `source` would write it, or nil when nothing is near.
    func suggestion(for target: String, from source: String) -> String? {
        guard let path = nearest(to: target) else { return nil }
        return Self.relative(path, from: source.parentPath)
    }

    /// The page or file nearest to `target` (a normalized path under Content/). Each path
    /// is compared by length and by its letters counted (no fewer edits than letters that
    /// differ) before edit distance is worked out: on a site of 10,000 pages that leaves a few.
    func nearest(to target: String) -> String? {
        let written = Self.comparable(target)
        if let page = permalinks[written] { return page }
        // A page is named as its file; a link to a picture or table file meant a file.
        let name = target.lastPathComponent
        let wantsFile = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { !name[$0...].hasPrefix(".md") && !name[$0...].hasPrefix(".html") } ?? false
        let index = suggestionIndex ?? SuggestionIndex(self)
        // Pages of a moved site often share one broken link: each target is looked for once.
        if let known = index.found.withLock({ $0[target] }) { return known }
        let found = nearest(to: target, written: written, wantsFile: wantsFile, in: index)
        index.found.withLock { $0[target] = found }
        return found
    }

    private func nearest(to target: String, written: String, wantsFile: Bool, in index: SuggestionIndex) -> String? {
        let wanted = SuggestionIndex.Entry(path: target, compared: wantsFile ? target : written)
        // Near enough to be a slip: a few letters, or the right name in another folder.
        let allowed = max(2, min(wanted.compared.count, 40) / 3)
        var best: (path: String, score: Int)?
        for candidate in wantsFile ? index.files : index.pages {
            let limit = min(best?.score ?? allowed, allowed)
            var score = Int.max
            if abs(candidate.compared.count - wanted.compared.count) <= limit, wanted.bag.distance(to: candidate.bag) <= limit {
                score = EditDistance.between(wanted.compared, candidate.compared, limit: limit)
            }
            if abs(candidate.name.count - wanted.name.count) + 2 <= limit, wanted.nameBag.distance(to: candidate.nameBag) + 2 <= limit {
                score = min(score, EditDistance.between(wanted.name, candidate.name, limit: limit - 2) + 2)
            }
            guard score <= limit else { continue }
            if let known = best, known.score < score || (known.score == score && known.path <= candidate.path) { continue }
            best = (candidate.path, score)
        }
        return best?.path
    }

    mutating func indexForSuggestions() {
        suggestionIndex = nil
        suggestionIndex = SuggestionIndex(self)
    }

    /// An address to compare as an author may write it: `laws/vacatur` for `laws/vacatur.md`,
    /// `/laws/vacatur/`, `laws/vacatur/index.html` or `laws/vacatur/_index.md`.
    static func comparable(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        for suffix in [".md", ".html"] where path.hasSuffix(suffix) { path = path.dropLast(suffix.count) }
        for index in ["_index", "index"] where path == index || path.hasSuffix("/" + index) {
            path = path.dropLast(index.count)
            if path.hasSuffix("/") { path = path.dropLast() }
            break
        }
        return String(path)
    }

    /// `path` (under Content/) as a link from a page in `folder` writes it.
    static func relative(_ path: String, from folder: String) -> String {
        let from = folder.split(separator: "/"), to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    /// The id among `ids` nearest to `fragment`, when one is near enough to be a slip.
    static func nearestID(to fragment: String, in ids: [String]) -> String? {
        let wanted = Array(fragment.lowercased().utf8)
        let allowed = max(2, wanted.count / 3)
        var best: (id: String, score: Int)?
        for id in ids {
            let bytes = Array(id.utf8)
            let limit = min(best.map { $0.score - 1 } ?? allowed, allowed)
            guard abs(bytes.count - wanted.count) <= limit else { continue }
            let score = EditDistance.between(wanted, bytes, limit: limit)
            if score <= limit { best = (id, score) }
        }
        return best?.id
    }

    /// The old addresses a page moved from Jekyll or Hugo declares in its front matter, which
    /// links elsewhere may still use: `permalink:`, Hugo's `url: /a/path/`, and the lists
    /// `aliases:` and `redirect_from:`, in YAML (`key: value`, `[a, b]` or `- a` lines) or
    /// TOML (`key = "value"`, `["a", "b"]`). Read from its lines, as Broadside reads none of
    /// these keys (front matter's `unknown-key` rule says so).
    static func oldAddresses(inFrontMatter head: Substring) -> [String] {
        let keys = ["permalink", "url", "aliases", "redirect_from"]
        // Most front matter names none of them: a look at each line's first bytes says so.
        // (Foundation's `contains`, four times on every page, took a twentieth of a large build,
        // on the one core assembly runs on.)
        let bytes = head.utf8
        var lineStart = bytes.startIndex
        var named = false
        while lineStart < bytes.endIndex, !named {
            let rest = bytes[lineStart...]
            named = keys.contains { rest.starts(with: $0.utf8) }
            lineStart = rest.firstIndex(of: UInt8(ascii: "\n")).map(bytes.index(after:)) ?? bytes.endIndex
        }
        guard named else { return [] }
        func clean(_ value: Substring) -> String? {
            var value = value.trimmingCharacters(in: .whitespaces)[...]
            if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
                value = value.dropFirst().dropLast()
            }
            // Only a path: `url: https://…` is a link, not the page's address.
            return value.hasPrefix("/") ? String(value) : nil
        }
        var addresses: [String] = []
        var inList = false
        for line in head.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if inList, let dash = line.firstIndex(where: { $0 != " " }), line[dash] == "-" {
                if let address = clean(line[line.index(after: dash)...]) { addresses.append(address) }
                continue
            }
            inList = false
            guard let key = keys.first(where: { line.hasPrefix($0) }) else { continue }
            var rest = line.dropFirst(key.count).drop(while: { $0 == " " })
            guard let separator = rest.first, separator == ":" || separator == "=" else { continue }
            rest = rest.dropFirst().drop(while: { $0 == " " })
            if rest.isEmpty {
                inList = true
            } else if rest.hasPrefix("["), rest.hasSuffix("]") {
                addresses += rest.dropFirst().dropLast().split(separator: ",").compactMap(clean)
            } else if let address = clean(rest) {
                addresses.append(address)
            }
        }
        return addresses
    }
}

/// The paths a broken link may have meant, ready to compare: made once a site's routes are
/// all known, shared by every page that looks.
final class SuggestionIndex: Sendable {
    struct Entry: Sendable {
        let path: String
        let compared: [UInt8]
        let name: [UInt8]
        let bag: Bag
        let nameBag: Bag

        init(path: String, compared: String) {
            self.path = path
            self.compared = Array(compared.utf8)
            name = Array(compared.lastPathComponent.utf8)
            bag = Bag(self.compared)
            nameBag = Bag(name)
        }
    }

    /// How many of each letter (folded into 32 kinds) a path has. Each edit changes one
    /// count up and one down at most, so the larger of what one has more of and what the
    /// other has more of is never more than the edit distance.
    struct Bag: Sendable {
        var counts = [UInt16](repeating: 0, count: 32)

        init(_ bytes: [UInt8]) {
            for byte in bytes { counts[Int(byte & 31)] &+= 1 }
        }

        func distance(to other: Bag) -> Int {
            var more = 0, fewer = 0
            for kind in 0..<32 {
                let a = Int(counts[kind]), b = Int(other.counts[kind])
                if a > b { more += a - b } else { fewer += b - a }
            }
            return max(more, fewer)
        }
    }

    /// Made when the first broken link asks: most builds have none, and a large site's
    /// entries took a twentieth of its build.
    var pages: [Entry] { entries.withLock { $0.made().pages } }
    var files: [Entry] { entries.withLock { $0.made().files } }
    /// What `nearest` found for each target so far.
    let found = Mutex<[String: String?]>([:])
    private let entries: Mutex<Entries>

    init(_ routes: Routes) {
        entries = Mutex(Entries(routes: routes))
    }

    private struct Entries: Sendable {
        var routes: Routes?
        var pages: [Entry] = []
        var files: [Entry] = []

        mutating func made() -> (pages: [Entry], files: [Entry]) {
            if let routes {
                // A translation is reached through the page it translates.
                pages = routes.pages.keys.filter { path in routes.keys[path].map { $0 == path } ?? true }.map { Entry(path: $0, compared: Routes.comparable($0)) }
                    + routes.permalinks.map { Entry(path: $0.value, compared: $0.key) }
                files = routes.files.keys.map { Entry(path: $0, compared: $0) }
                self.routes = nil
            }
            return (pages, files)
        }
    }
}
