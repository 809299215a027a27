@testable import BroadsideMarkdown
import Foundation
import XCTest

/// cmark-gfm's own examples of GitHub's extensions, rendered by Broadside and compared with
/// cmark-gfm's HTML by structure and text: Broadside may add accessible extras (a table's
/// `scope`, a task's `<label>`, a heading over the footnotes, `aria-` names) and writes ids and
/// alignment its own way, which the comparison reads past.
final class GFMExamplesTests: XCTestCase {
    struct Example {
        var file: String
        var line: Int
        var markdown: String
        var html: String
    }

    static func examples(in file: String) throws -> [Example] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/gfm/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var examples: [Example] = []
        var index = 0
        let fence = String(repeating: "`", count: 32)
        while index < lines.count {
            guard lines[index].hasPrefix(fence + " example") else { index += 1; continue }
            let start = index + 1
            var markdown: [String] = [], html: [String] = []
            index += 1
            while lines[index] != "." { markdown.append(lines[index]); index += 1 }
            index += 1
            while lines[index] != fence { html.append(lines[index]); index += 1 }
            examples.append(Example(file: file, line: start,
                                    markdown: markdown.map { $0.replacingOccurrences(of: "→", with: "\t") + "\n" }.joined(),
                                    html: html.map { $0.replacingOccurrences(of: "→", with: "\t") + "\n" }.joined()))
            index += 1
        }
        return examples
    }

    /// Where Broadside means to differ: `ftp://` addresses stay text, since Broadside links only
    /// what a reader's browser opens (`AuthorURL`: https, http, mailto, tel).
    static let deviations: [String: [(String, String)]] = [
        "spec-extensions.txt:244": [(#"<a href="ftp://foo.bar.baz">ftp://foo.bar.baz</a>"#, "ftp://foo.bar.baz")],
    ]

    func testEveryExampleOfGitHubsExtensionsRendersTheSameContent() throws {
        let examples = try Self.examples(in: "extensions.txt") + Self.examples(in: "spec-extensions.txt")
        XCTAssertEqual(examples.count, 50)
        // GitHub's own tests run with raw HTML allowed and no smart punctuation.
        let markdown = Markdown(options: MarkdownOptions(allowRawHTML: true, smartPunctuation: false))
        var failures: [String] = []
        for example in examples {
            let html = markdown.render(example.markdown).html
            guard example.html != "<IGNORE>\n" else { continue }
            var expectedHTML = example.html
            for (from, to) in Self.deviations["\(example.file):\(example.line)"] ?? [] {
                XCTAssertNotNil(expectedHTML.range(of: from), "\(example.file):\(example.line) no longer holds \(from)")
                expectedHTML = expectedHTML.replacingOccurrences(of: from, with: to)
            }
            let expected = HTMLShape(expectedHTML), actual = HTMLShape(html)
            if expected != actual {
                failures.append("\(example.file):\(example.line)\n--- markdown\n\(example.markdown)--- expected\n\(expected)\n--- got\n\(actual)\n--- html\n\(html)")
            }
        }
        XCTAssertEqual(failures.count, 0, "\(failures.count) of \(examples.count) examples differ:\n\n" + failures.joined(separator: "\n\n"))
    }
}

/// HTML as a list of tags (with the attributes that carry meaning) and texts, white space
/// between tags and Broadside's accessible extras left out.
struct HTMLShape: Equatable, CustomStringConvertible {
    var tokens: [String] = []

    init(_ html: String) {
        var html = html
        // The visible heading over the footnotes is Broadside's.
        if let heading = html.range(of: #"<h2 id="footnotes-title">[^<]*</h2>"#, options: .regularExpression) { html.removeSubrange(heading) }
        var text = ""
        func flushText() {
            let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !collapsed.isEmpty { tokens.append("text:" + Self.decode(collapsed)) }
            text = ""
        }
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let end = html[index...].firstIndex(of: ">"),
               let tag = Self.tag(String(html[html.index(after: index)..<end])) {
                flushText()
                if !["label", "/label"].contains(tag.split(separator: " ").first.map(String.init) ?? "") { tokens.append(tag) }
                index = html.index(after: end)
            } else {
                text.append(character)
                index = html.index(after: index)
            }
        }
        flushText()
    }

    /// `th class="align-left" scope="col"` → `th align=left`; ids, in-page addresses, classes,
    /// `aria-`, `data-` and `scope` go. Nil for what is not a tag (a comment is kept whole).
    static func tag(_ inside: String) -> String? {
        if inside.hasPrefix("!--") { return "<" + inside + ">" }
        guard let first = inside.first, first.isLetter || first == "/" else { return nil }
        var parts = inside.trimmingCharacters(in: CharacterSet(charactersIn: "/ ").union(.whitespaces)).split(separator: " ").map(String.init)
        if inside.hasPrefix("/") { parts[0] = "/" + parts[0] }
        let name = parts.removeFirst().lowercased()
        var attributes: [String] = []
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            let key = pair[0], value = pair.count > 1 ? pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : ""
            switch key {
            case "class" where value.hasPrefix("align-"): attributes.append("align=" + value.dropFirst("align-".count))
            case "align", "type", "checked", "disabled", "src", "alt", "title": attributes.append(key + "=" + value)
            case "href" where !value.hasPrefix("#"): attributes.append(key + "=" + value)
            default: break
            }
        }
        return ([name] + attributes.sorted()).joined(separator: " ")
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    var description: String { tokens.joined(separator: "\n") }
}
