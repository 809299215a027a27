/// Where each page of the old site goes under Content/: translations beside the page they
/// translate (`name.es.md`), whatever their old names, so sections stay the same in every
/// language. A page in another language with nothing to translate, or a second translation
/// into the same language, keeps its own name (`name.es.md`) and is listed for a person:
/// `translation_of:` there would name a page that already has its translation.
struct Placement {
    /// Each page's path under Content/, by its index in the site's pages.
    var paths: [String]
    /// Whether each page went beside the page it translates.
    var isTranslation: [Bool]
    /// Pages in another language placed on their own, and why.
    var alone: [Int: String] = [:]
    /// Pages that took another name because one before them had theirs (two posts with one
    /// name on different days), with the name they would have had.
    var renamed: [Int: String] = [:]

    init(_ site: SourceSite) {
        let pages = site.pages
        paths = pages.map(\.newPath)
        isTranslation = Array(repeating: false, count: pages.count)

        // Pages that translate each other: a shared key, or `alt_url` naming another's address.
        var group = Array(pages.indices)
        func root(_ index: Int) -> Int { group[index] == index ? index : root(group[index]) }
        var byKey: [String: Int] = [:]
        var byURL: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            if let url = page.oldURL { byURL[LinkTargets.normalize(url)] = index }
        }
        for (index, page) in pages.enumerated() {
            if let key = page.translationKey {
                if let first = byKey[key] { group[root(index)] = root(first) } else { byKey[key] = index }
            }
            if let url = page.alternateURL {
                var path = url
                if !site.basePath.isEmpty, path.hasPrefix(site.basePath + "/") { path = String(path.dropFirst(site.basePath.count)) }
                if let other = byURL[LinkTargets.normalize(path)] { group[root(index)] = root(other) }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in pages.indices { members[root(index), default: []].append(index) }

        var taken = Set<String>()
        var translations: [(index: Int, source: Int?)] = []
        for index in pages.indices {
            let page = pages[index]
            guard page.language != site.language else {
                let wanted = paths[index]
                paths[index] = Self.free(wanted, taken: &taken)
                if paths[index] != wanted { renamed[index] = wanted }
                continue
            }
            let source = members[root(index)]?.first { pages[$0].language == site.language }
            translations.append((index, source))
        }
        // Translations take their places beside their pages before pages with none take theirs.
        for (index, source) in translations.filter({ $0.source != nil }) + translations.filter({ $0.source == nil }) {
            let page = pages[index]
            if let source, case let beside = Self.inLanguage(paths[source], page.language), !taken.contains(beside) {
                taken.insert(beside)
                paths[index] = beside
                isTranslation[index] = true
                continue
            }
            paths[index] = Self.free(Self.inLanguage(Self.outOfLanguageFolder(page.newPath, page.language), page.language), taken: &taken)
            alone[index] = source.map { "a second \(page.language) translation of Content/\(paths[$0]): kept as a page of its own; merge it into Content/\(Self.inLanguage(paths[$0], page.language))" }
                ?? "lang: \(page.language), with no page in \(site.language) to translate: kept as a page of its own"
        }
    }

    /// Pages where Broadside makes a page of its own (`search.md`, `tags/index.md`): an empty
    /// one, a theme's search or topic list, is left behind; one with words of its own moves to
    /// `search-page.md`, and is listed.
    static func settingAsideBroadsidePages(_ read: SourceSite) -> SourceSite {
        var site = read
        site.pages = []
        for var page in read.pages {
            let plain = outOfLanguageFolder(page.newPath, page.language)
            guard let top = plain.split(separator: "/").first.map({ String($0.prefix { $0 != "." }) }),
                  OldAddresses.broadsidePages.contains(top) else {
                site.pages.append(page)
                continue
            }
            if page.body.allSatisfy(\.isWhitespace) {
                site.leave(page.path)
                continue
            }
            let moved = top + "-page" + plain.dropFirst(top.count)
            site.notes.append(ImportItem(kind: .renamed, source: SourceLocation(path: page.path),
                                         text: "\(plain) → \(moved): Broadside makes its own page at /\(top)/"))
            page.newPath = String(page.newPath.dropLast(plain.count)) + moved
            site.pages.append(page)
        }
        return site
    }

    /// `guides/x.md` → `guides/x.es.md`.
    static func inLanguage(_ path: String, _ code: String) -> String {
        let stem = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        return stem.hasSuffix("." + code) ? stem + ".md" : stem + "." + code + ".md"
    }

    /// `es/acerca.md` → `acerca.md`: the language's own folder, which Broadside makes itself.
    static func outOfLanguageFolder(_ path: String, _ code: String) -> String {
        path.hasPrefix(code + "/") ? String(path.dropFirst(code.count + 1)) : path
    }

    /// The path, or `name-2.md`, `name-3.md`… when another page has it.
    static func free(_ path: String, taken: inout Set<String>) -> String {
        var candidate = path
        var number = 2
        while taken.contains(candidate) {
            let stem = path.dropLast(3)
            candidate = "\(stem)-\(number).md"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
