import Foundation

/// What a broken link most likely meant: the page or file whose path is nearest to what was
/// written, or the page that declared the old address (`permalink:`) a moved site still links.
/// Worked out only for a link that is broken, which few are.
extension Routes {
    /// `laws/vacatur.md` as the page at `source` would write it, or nil when nothing is near.
    func suggestion(for target: String, from source: String) -> String? {
        guard let path = nearest(to: target) else { return nil }
        return Self.relative(path, from: source.parentPath)
    }

    /// The page or file nearest to `target` (a normalized path under Content/).
    func nearest(to target: String) -> String? {
        let written = Self.comparable(target)
        if let page = permalinks[written] { return page }
        // A page is named as its file; a link to a picture or table file meant a file.
        let extensionIndex = target.lastPathComponent.utf8.lastIndex(of: UInt8(ascii: "."))
        let wantsFile = extensionIndex.map { !target.lastPathComponent[$0...].hasPrefix(".md") && !target.hasSuffix(".html") } ?? false
        let candidates: [(path: String, compared: String)]
        if wantsFile {
            candidates = files.keys.map { ($0, $0) }
        } else {
            // A translation is reached through the page it translates.
            candidates = pages.keys.filter { path in keys[path].map { $0 == path } ?? true }.map { ($0, Self.comparable($0)) }
                + permalinks.map { ($0.value, $0.key) }
        }
        let wanted = Array((wantsFile ? target : written).utf8)
        let name = Array(String(decoding: wanted, as: UTF8.self).lastPathComponent.utf8)
        // Near enough to be a slip: a few letters, or the right name in another folder.
        let allowed = max(2, min(wanted.count, 40) / 3)
        var best: (path: String, score: Int)?
        for candidate in candidates {
            let bytes = Array(candidate.compared.utf8)
            let limit = min(best?.score ?? allowed, allowed)
            var score = Int.max
            if abs(bytes.count - wanted.count) <= limit { score = Self.distance(wanted, bytes, limit: limit) }
            let candidateName = Array(candidate.compared.lastPathComponent.utf8)
            if abs(candidateName.count - name.count) + 2 <= limit {
                score = min(score, Self.distance(name, candidateName, limit: limit - 2) + 2)
            }
            guard score <= limit else { continue }
            if let known = best, known.score < score || (known.score == score && known.path <= candidate.path) { continue }
            best = (candidate.path, score)
        }
        return best?.path
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

    /// Levenshtein distance over bytes, or `limit + 1` as soon as it must be more.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        guard limit >= 0 else { return 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
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
            let score = distance(wanted, bytes, limit: limit)
            if score <= limit { best = (id, score) }
        }
        return best?.id
    }

    /// The `permalink:` a page moved from Jekyll declares in its front matter, read from its
    /// lines: the old address links elsewhere may still use.
    static func permalink(inFrontMatter head: Substring) -> String? {
        guard head.utf8.count > 10, head.contains("permalink:") else { return nil }
        for line in head.split(separator: "\n") where line.hasPrefix("permalink:") {
            var value = line.dropFirst("permalink:".count).trimmingCharacters(in: .whitespaces)[...]
            if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
                value = value.dropFirst().dropLast()
            }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }
}
