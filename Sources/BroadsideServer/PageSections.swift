import Foundation

/// A page's sections as a translator follows them: the words before the first heading, then
/// each `#` or `##` heading with what follows it (deeper headings stay inside), outside
/// fenced code and the front matter.
enum PageSections {
    struct Section: Equatable {
        var heading: String
        /// From 1, in the whole file.
        var line: Int
        var text: String
    }

    static func split(_ text: String) -> [Section] {
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var start = 0
        if let first = lines.first, first.hasPrefix("---"),
           let close = lines.indices.dropFirst().first(where: { lines[$0].hasPrefix("---") || lines[$0].hasPrefix("...") }) {
            start = close + 1
        }
        var sections = [Section(heading: "", line: start + 1, text: "")]
        var fence: String?
        for index in lines.indices.dropFirst(start) {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
            } else if line.hasPrefix("# ") || line.hasPrefix("## ") {
                let words = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                sections.append(Section(heading: words, line: index + 1, text: ""))
            }
            sections[sections.count - 1].text += line.trimmingCharacters(in: .whitespaces) + "\n"
        }
        return sections.filter { !$0.heading.isEmpty || !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The sections of `now` whose words differ from the section of `before` with the same
    /// heading (the first not yet paired, in order), or which `before` did not have.
    static func changed(from before: String, to now: String) -> [Section] {
        var old = split(before)
        return split(now).filter { section in
            guard let match = old.firstIndex(where: { $0.heading == section.heading }) else { return true }
            let same = old[match].text.trimmingCharacters(in: .whitespacesAndNewlines) == section.text.trimmingCharacters(in: .whitespacesAndNewlines)
            old.remove(at: match)
            return !same
        }
    }
}
