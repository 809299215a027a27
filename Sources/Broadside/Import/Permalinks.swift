/// Old addresses, made the way each generator makes them: a pattern of `:placeholders`
/// filled in from a page's parts. The tables below are the generators' own defaults.
enum Permalinks {
    /// Jekyll's named permalink styles, for posts (`permalink: pretty` in `_config.yml`).
    static let jekyllStyles: [String: String] = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none": "/:categories/:title:output_ext",
    ]

    /// Jekyll's styles as a collection's documents use them: its name in place of categories
    /// and dates, which only posts have.
    static let jekyllCollectionStyles: [String: String] = [
        "date": "/:collection/:path:output_ext",
        "pretty": "/:collection/:path/",
        "ordinal": "/:collection/:path:output_ext",
        "none": "/:collection/:path:output_ext",
    ]

    /// A pattern or a style's name → the pattern, as Jekyll reads `permalink:`.
    static func jekyllPattern(_ written: String, styles: [String: String] = jekyllStyles) -> String {
        styles[written] ?? written
    }

    /// Jekyll gives pages `/name/` rather than `/name.html` when the site's posts end in `/`.
    static func jekyllPagePattern(sitePermalink: String) -> String {
        jekyllPattern(sitePermalink).hasSuffix("/") ? "/:path/:basename/" : "/:path/:basename:output_ext"
    }

    /// The pattern filled in: each `:name` is replaced by its value, the longest name first
    /// (`:title` before `:t…`), and doubled slashes are closed up. Names with no value are
    /// returned, so the caller can say the address could not be worked out.
    /// What the report says of a page whose old address could not be worked out.
    static func notKept(_ pattern: String, _ unknown: [String]) -> String {
        "\(pattern): \(unknown.joined(separator: ", ")) not known, so no alias is made for its old address: add it to the page's `aliases:`"
    }

    static func expand(_ pattern: String, _ values: [String: String]) -> (url: String, unknown: [String]) {
        let names = values.keys.sorted { $0.count > $1.count }
        var url = ""
        var unknown: [String] = []
        var rest = Substring(pattern)
        while let colon = rest.firstIndex(of: ":") {
            url += rest[..<colon]
            let after = rest[rest.index(after: colon)...]
            if let name = names.first(where: { after.hasPrefix($0) && !isNameCharacter(after.dropFirst($0.count).first) }) {
                url += values[name] ?? ""
                rest = after.dropFirst(name.count)
            } else {
                let name = after.prefix { isNameCharacter($0) }
                if name.isEmpty {
                    url += ":"
                } else {
                    unknown.append(":" + name)
                    url += ":" + name
                }
                rest = after.dropFirst(name.count)
            }
        }
        url += rest
        while url.contains("//") { url = url.replacingOccurrences(of: "//", with: "/") }
        if !url.hasPrefix("/") { url = "/" + url }
        return (url, unknown)
    }

    private static func isNameCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character == "_"
    }

    /// The values of Jekyll's date placeholders for a day.
    static func dateValues(_ day: Day) -> [String: String] {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let ordinal = Day(year: day.year, month: 1, day: 1).days(until: day) + 1
        return ["year": "\(day.year)", "month": two(day.month), "day": two(day.day), "i_month": "\(day.month)", "i_day": "\(day.day)",
                "short_year": two(day.year % 100), "y_day": String(repeating: "0", count: 3 - "\(ordinal)".count) + "\(ordinal)"]
    }

    /// Hugo's default address of a page: its folders and its name (or `slug`), lowercased as
    /// Hugo does unless told otherwise; a bundle's `index.md` and a section's `_index.md` are
    /// their folder's address.
    static func hugoDefault(contentPath: String, slug: String?) -> String {
        var folders = contentPath.parentPath.split(separator: "/").map(String.init)
        let name = String(contentPath.lastPathComponent.split(separator: ".")[0])
        if name == "index" || name == "_index" {
            if let slug, !folders.isEmpty, name == "index" { folders[folders.count - 1] = slug }
        } else {
            folders.append(slug ?? name)
        }
        return ("/" + folders.joined(separator: "/") + (folders.isEmpty ? "" : "/")).lowercased()
    }

    /// The values of Hugo's `[permalinks]` placeholders for a page.
    static func hugoValues(contentPath: String, title: String, slug: String?, date: Day?) -> [String: String] {
        let name = String(contentPath.lastPathComponent.split(separator: ".")[0])
        let folders = contentPath.parentPath.split(separator: "/").map(String.init)
        let fileName = name == "index" ? folders.last ?? name : name
        let titleSlug = Slug.make(title)
        var values = ["title": titleSlug, "slug": slug ?? titleSlug, "filename": fileName, "contentbasename": fileName,
                      "slugorfilename": slug ?? fileName, "slugorcontentbasename": slug ?? fileName,
                      "section": folders.first ?? "", "sections": folders.dropLast(name == "index" ? 1 : 0).joined(separator: "/")]
        if let date { values.merge(dateValues(date)) { first, _ in first } }
        return values
    }
}
