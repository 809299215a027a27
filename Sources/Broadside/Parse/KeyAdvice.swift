/// What to tell an author about a key a reader does not know: the key they likely meant, or
/// that Broadside has nothing like it. Sites moved from Jekyll or Hugo bring those
/// generators' keys; a list of every known key helps less than naming the one to use.
enum KeyAdvice: Equatable {
    /// The known key meant: a misspelling, or another generator's name for it.
    case meant(String)
    /// Another generator's key that Broadside has no equivalent for, and what to do instead.
    case noEquivalent(String)

    /// nil when nothing known is close: then the message lists the known keys.
    static func about(_ key: String, known: [String], otherGenerators: [String: KeyAdvice] = [:]) -> KeyAdvice? {
        let folded = fold(key)
        if let advice = otherGenerators[folded] { return advice }
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = EditDistance.between(Array(folded.utf8), Array(fold(candidate).utf8))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        // One slip in a short key, two in a longer one: past that, names merely look alike.
        guard let best, best.distance <= (folded.count < 5 ? 1 : 2) else { return nil }
        return .meant(best.key)
    }

    /// Case and `-` or `_` aside: `Last-Modified`, `last_modified` and `lastmodified` are one key.
    private static func fold(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" })
    }

    /// Jekyll's and Hugo's front-matter keys (folded: lower case, without `-` and `_`), each
    /// with the key Broadside reads instead, or why it has none.
    static let frontMatter: [String: KeyAdvice] = {
        var advice: [String: KeyAdvice] = [:]
        for key in ["lastmod", "lastmodified", "lastmodifiedat", "updated", "updatedat", "modified", "lastreviewed", "reviewdate"] {
            advice[key] = .meant("reviewed")
        }
        for key in ["categories", "category", "keywords", "tag", "topics"] { advice[key] = .meant("tags") }
        for key in ["excerpt", "abstract", "lead", "teaser", "subtitle"] { advice[key] = .meant("summary") }
        for key in ["publishdate", "pubdate", "publishedat", "datepublished", "created"] { advice[key] = .meant("date") }
        advice["type"] = .meant("layout")
        advice["template"] = .meant("layout")
        advice["order"] = .meant("weight")
        advice["navorder"] = .meant("weight")
        let address = "a page's address comes from its file's path under Content/: rename or move the file to change it, and list its old address under `aliases:` so links to it keep working"
        // `url` only when it is a path (Hugo's address for the page); a full address is a link.
        for key in ["permalink", "slug", "url"] { advice[key] = .noEquivalent(address) }
        for key in ["author", "authors"] { advice[key] = .noEquivalent("no author is shown: write a byline in the text if readers need one") }
        for key in ["expirydate", "expires", "unpublishdate"] { advice[key] = .noEquivalent("to take a page down, set `draft: true`") }
        for key in ["image", "images", "featuredimage", "cover", "thumbnail"] {
            advice[key] = .noEquivalent("put the image in the text, as ![what it shows](file.jpg); `share_image` in site.yml sets the picture shown when the site is shared")
        }
        for key in ["lang", "language", "locale"] {
            advice[key] = .noEquivalent("a page's language comes from its file name: page.es.md is the Spanish page.md")
        }
        for key in ["menu", "menus", "navigation"] { advice[key] = .noEquivalent("the sections under Content/ and `weight:` make the navigation") }
        advice["linktitle"] = .noEquivalent("lists and menus use `title`")
        return advice
    }()
}
