/// A topic's name as part of an address: lowercase letters and digits, words joined by `-`.
enum TagSlug {
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
}
