import BroadsideMarkdown

/// Names as parts of addresses, and parts of addresses as names.
enum Slug {
    /// A topic's name as part of an address: lowercase letters and digits, words joined by `-`.
    static func make(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "tag" : slug
    }

    /// A person's name as part of an address (a candidate's page, an official's letter): made
    /// as a heading's id is, so `Ana O'Brien` is `ana-obrien`, as the town-hall kit promises.
    static func name(_ name: String) -> String {
        HeadingIDs.slug(name)
    }

    /// `know-your-rights` → `Know your rights`, for folders and files without a title.
    static func humanize(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
