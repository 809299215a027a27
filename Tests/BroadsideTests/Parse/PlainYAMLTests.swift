@testable import Broadside
import XCTest
import Yams

/// `PlainYAML` stands in for Yams on the simplest front matter: wherever it reads a text at
/// all, it must read exactly what Yams reads, at the same lines and columns.
final class PlainYAMLTests: XCTestCase {
    /// Values an author might write after `key: `, plain and tricky.
    private static let values = [
        "Plain words here", "yes", "No", "~", "null", "true", "-1", "+3", "0x1F", "2024-05-21", "10:30", "a:b", "http://x.org/a#b",
        "a: b", "a:", "a #b", "a# b", "a, b", "Don't panic", "say \"hi\"", "trailing   ", "ünïcödé § 1473.7", "中文 标题",
        "'single'", "'it''s'", "'  spaced  '", "\"double\"", "\"with: colon # and hash\"", "\"esc\\n\"", "\"x\" # c", "\"x\" y", "'x",
        "[a, b]", "[ reform-law , relief ]", "[]", "[ ]", "[a,,b]", "[a, b,]", "[a, 'b']", "[a: b]", "[é, 中文]", "[a] # c", "[a, [b]]",
        "{a: b}", "&anchor x", "*alias", "!tag x", "|", ">", "%x", "@x", "`x`", "- a", "-a", "? x", ":x", "#x", ",x", "x ]", "[x",
        "tab\there", "nel\u{85}here", "line\u{2028}sep", "\u{FEFF}bom", "del\u{7F}", "a\u{A0}b",
    ]
    /// Lines around the key line: comments, blanks, nesting, odd keys.
    private static let lines = [
        "", "   ", "# a comment", "  indented: x", "key : x", "key:x", "snake_key: v", "kebab-key: v", "9key: v", "\"quoted\": v",
        "title: again", "event:", "  starts: 2026-01-01", "list:", "  - item", "---", "...", "multi: first", "  second line",
    ]

    func testReadsWhatYamsReadsWhereverItReadsAtAll() throws {
        var read = 0, compared = 0
        var documents: [String] = []
        for value in Self.values {
            documents.append("title: \(value)")
            documents.append("title: \(value)\r\ntags: [a, b]\r\n")
            for line in Self.lines {
                documents.append("title: \(value)\n\(line)")
                documents.append("\(line)\ntitle: \(value)\nsummary: Two words")
            }
        }
        for document in documents {
            compared += 1
            guard let plain = PlainYAML.entries(document) else { continue }
            read += 1
            let node = try XCTUnwrap(try Yams.compose(yaml: document, .basic, .default, .utf8), document)
            var budget = YAMLBudget(for: document)
            let yams = try XCTUnwrap(YAMLValue(node, budget: &budget)?.mapping, document)
            XCTAssertEqual(plain.map { describe($0.key) + " = " + describe($0.value) },
                           yams.map { describe($0.key) + " = " + describe($0.value) }, document.debugDescription)
        }
        // The common shapes are read here, not all left to Yams.
        XCTAssertGreaterThan(read, compared / 8, "read \(read) of \(compared)")
    }

    func testReadsTheFrontMatterMostPagesHave() throws {
        let yaml = """
        title: "Vacating a conviction: PC § 1473.7"
        summary: A motion to erase a conviction.
        date: 2026-03-02
        tags: [vacatur, motions]
        draft: false
        """
        let entries = try XCTUnwrap(PlainYAML.entries(yaml))
        XCTAssertEqual(entries.map { describe($0.key) + " = " + describe($0.value) }, [
            "1:1 plain 'title' = 1:8 quoted 'Vacating a conviction: PC § 1473.7'",
            "2:1 plain 'summary' = 2:10 plain 'A motion to erase a conviction.'",
            "3:1 plain 'date' = 3:7 plain '2026-03-02'",
            "4:1 plain 'tags' = 4:7 [4:8 plain 'vacatur', 4:17 plain 'motions']",
            "5:1 plain 'draft' = 5:8 plain 'false'",
        ])
    }

    /// The built-in interface words are read at every start: plainly, not by Yams, and as
    /// Yams would read them.
    func testTheBuiltInInterfaceWordsAreReadPlainlyAsYamsReadsThem() throws {
        for (code, bytes) in InterfaceStrings.builtIn {
            let yaml = String(decoding: bytes, as: UTF8.self)
            XCTAssertNotNil(PlainYAML.entries(yaml), "\(code).yml: one `key: text` a line, so that start-up needs no Yams")
            let mapping = try XCTUnwrap(Yams.compose(yaml: yaml)?.mapping)
            let byYams = Dictionary(uniqueKeysWithValues: mapping.map { ($0.key.string ?? "", $0.value.string ?? "") })
            XCTAssertEqual(InterfaceStrings.table(bytes), byYams, code)
            XCTAssertGreaterThan(byYams.count, 100)
        }
    }

    func testLeavesToYamsWhatItCannotReadPlainly() {
        for yaml in ["title: a: b", "title: 'it''s'", "title: \"a\\tb\"", "title: x # note", "title: x\ntitle: y", "event:\n  starts: x",
                     "title:", "tags: [a, [b]]", "title: |\n  text", "- a\n- b", "title: x\n  more"] {
            XCTAssertNil(PlainYAML.entries(yaml), yaml)
        }
    }

    private func describe(_ value: YAMLValue) -> String {
        let at = value.position.map { "\($0.line):\($0.column) " } ?? "?:? "
        switch value.shape {
        case .text(let text, let plain): return at + (plain ? "plain" : "quoted") + " '\(text)'"
        case .list(let items): return at + "[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs): return at + "{" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        case .other: return at + "other"
        }
    }
}
