import Foundation
import BroadsideMarkdown

/// The checks of a built site: content, freshness, readability, accessibility, each finding
/// with its rule, so site.yml can turn it off or make it an error. Most read one page and run
/// with it (`PageChecks`); this one compares pages.
enum SiteChecks {
    static let vagueLinkText: Set<String> = ["click here", "here", "read more", "more", "link", "this link", "this page",
                                             "aquí", "haga clic aquí", "clic aquí", "más", "leer más", "este enlace"]

    /// The checks across pages: two pages of one language with the same title.
    static func run(_ site: Site, diagnostics: inout Diagnostics) {
        // Within one language: a translation may keep a name that is the same in both.
        for edition in site.editions {
            var titles: [String: String] = [:]
            titles.reserveCapacity(edition.pages.count)
            for page in edition.pages {
                let title = page.title.lowercased()
                if let first = titles[title] {
                    diagnostics.report(.finding(.duplicateTitle, "'\(page.title)' is also the title of \(first): readers cannot tell them apart",
                                                at: SourceLocation(path: page.source.file.displayPath)))
                } else {
                    titles[title] = page.source.file.displayPath
                }
            }
        }
    }
}

/// The checks that read one page and its rendered body: run with the page, across the cores,
/// and kept with it for the next build.
struct PageChecks: Sendable {
    let site: Site
    /// `language/section` of every section whose pages are legal information.
    let legalSections: Set<String>

    init(site: Site) {
        self.site = site
        legalSections = Set(site.editions.flatMap { edition in edition.sections.filter(\.legal).map { "\(edition.language.code)/\($0.name)" } })
    }

    func run(_ page: ContentPage, body: PageBody, diagnostics: inout Diagnostics) {
        let file = page.source.file
        let start = SourceLocation(path: file.displayPath)
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
            SourceLocation(path: file.displayPath, line: line + page.source.bodyLineOffset, column: column)
        }
        let fm = page.frontMatter

        if fm.summary == nil && page.kind != .home && page.source.frontMatterIsReadable {
            diagnostics.report(.finding(.missingSummary, "this page has no summary: add `summary:` with one plain sentence for lists and search", at: start))
        }
        if let date = fm.date, date > site.today {
            diagnostics.report(.finding(.futureDate, "the date \(date) is in the future", at: fm.dateLocation))
        }
        if let reviewed = fm.reviewed {
            let days = reviewed.days(until: site.today)
            if reviewed > site.today {
                diagnostics.report(.finding(.futureDate, "the review date \(reviewed) is in the future", at: fm.reviewedLocation))
            } else if days > site.config.reviewIntervalDays {
                diagnostics.report(.finding(.stale, "last reviewed \(days) days ago, more than the \(site.config.reviewIntervalDays) the site allows: review it and update `reviewed:`",
                                            at: fm.reviewedLocation))
            }
        } else if let folder = page.folder, legalSections.contains("\(page.language)/\(folder)"), page.kind == .page {
            diagnostics.report(.finding(.unreviewed, "this legal page has no `reviewed:` date: add the day a lawyer or advocate last checked it", at: start))
        }

        let markdown = body.rendered
        readability(markdown, page: page, at: start, diagnostics: &diagnostics)

        // The body's first `#` heading saying the title again: one finding, not also a heading-order one.
        // (Compared only when there is a `#` heading: most pages have none.)
        let repeatsTitle = markdown.headings.first { $0.level == 1 }.map { heading in
            let title = fm.title.map(Self.comparable) ?? ""
            return !title.isEmpty && Self.comparable(heading.text) == title
        } ?? false
        var previousLevel = 1
        for (index, heading) in markdown.headings.enumerated() {
            if heading.level == 1, repeatsTitle, !markdown.headings[..<index].contains(where: { $0.level == 1 }) {
                diagnostics.report(.finding(.repeatedTitle, "this heading repeats the page's title, which the page shows above it already: remove the `#` line, or change it to say something new",
                                            at: at(heading.line, heading.column)))
            } else if heading.level == 1 {
                diagnostics.report(.finding(.headingOrder, "the page title is already the top heading: start headings in the text at ##", at: at(heading.line)))
            } else if heading.level > previousLevel + 1 {
                diagnostics.report(.finding(.headingOrder, "this heading skips from level \(previousLevel) to \(heading.level): use \(String(repeating: "#", count: previousLevel + 1))",
                                            at: at(heading.line)))
            }
            previousLevel = heading.level
        }
        for link in markdown.links {
            let place = at(link.destination.line, link.destination.column)
            let words = link.text.trimmed
            if link.destination.isImage {
                if words.isEmpty {
                    diagnostics.report(.finding(.imageAlt, "this image has no alt text: describe it in the brackets, ![like this](\(link.destination.url))", at: place))
                }
            } else if words.isEmpty {
                diagnostics.report(.finding(.emptyLinkText, "this link has no words: a screen reader would only say its address", at: place))
            } else if SiteChecks.vagueLinkText.contains(Self.phrase(words)) {
                diagnostics.report(.finding(.vagueLinkText, "'\(words)' does not say where the link goes: name the page or what it offers", at: place))
            }
        }
        for leftover in Leftovers.find(in: page.source.body) {
            diagnostics.report(.finding(leftover.rule, leftover.message, at: at(leftover.line, leftover.column)))
        }
        for block in markdown.htmlBlocks where block.text.contains("<table") && !block.text.contains("<th") {
            diagnostics.report(.finding(.tableHeaders, "this table has no header cells (<th>): screen readers cannot say what each column means", at: at(block.line)))
        }
    }

    private func readability(_ markdown: RenderedMarkdown, page: ContentPage, at start: SourceLocation,
                             diagnostics: inout Diagnostics) {
        let language = page.language
        let blocks = markdown.paragraphs.map { (utf8: $0.utf8, line: $0.line + page.source.bodyLineOffset) }
        guard let measured = Readability.measure(blocks, language: language),
              measured.grade > site.config.readingGradeTarget else { return }
        // Written as bytes and made a string once: a page that reads hard is no rarity, and
        // the message made of two dozen joined strings took a third as long as measuring.
        var message: [UInt8] = []
        message.reserveCapacity(512)
        message += "reads at grade ".utf8
        Self.appendOneDecimal(measured.grade, to: &message)
        message += ", above the target of ".utf8
        Self.appendOneDecimal(site.config.readingGradeTarget, to: &message)
        message += "; hardest sentences: ".utf8
        for (index, sentence) in measured.sentences.enumerated() {
            if index > 0 { message += "; ".utf8 }
            message += "line ".utf8
            message += String(sentence.line).utf8
            message += " (grade ".utf8
            Self.appendOneDecimal(sentence.grade, to: &message)
            message += "): “".utf8
            Self.appendExcerpt(sentence.text[...], to: &message)
            message += "”".utf8
        }
        diagnostics.report(.finding(.readability, String(decoding: message, as: UTF8.self), at: start))
    }

    /// A sentence as a message quotes it: at most 70 characters, or its first 67 and "…".
    static func appendExcerpt(_ sentence: Substring, to text: inout [UInt8]) {
        let cutByBytes = sentence.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            switch cut(bytes) {
            case .whole: text.append(contentsOf: bytes)
            case .after(let end): text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<end])); text += "…".utf8
            case .unknown: return false
            }
            return true
        }
        if cutByBytes == true { return }
        if sentence.dropFirst(70).isEmpty {
            text += sentence.utf8
        } else {
            text += sentence.prefix(67).utf8
            text += "…".utf8
        }
    }

    private enum Cut {
        case whole, after(bytes: Int), unknown
    }

    /// Counting characters finds where each one ends, for the whole sentence. A scalar below
    /// U+0300 (but a carriage return, which may pair with a line feed), or one of the dashes,
    /// quotes and marks of U+2010–U+205E, is a character of its own whatever is next to it:
    /// while the first 71 scalars are such, they are the first 71 characters, and are counted
    /// by their UTF-8 bytes. Other text is `unknown` here.
    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> Cut {
        var count = 0, index = 0, end67 = 0
        while index < bytes.count {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0, third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch bytes[index] {
            case 0x0D: return .unknown
            case ..<0x80: index += 1
            case 0xC2...0xCB: index += 2  // U+0080–U+02FF
            case 0xE2 where (next == 0x80 && third >= 0x90) || (next == 0x81 && third <= 0x9E): index += 3
            default: return .unknown
            }
            count += 1
            if count == 67 { end67 = index }
            if count == 71 { return .after(bytes: end67) }
        }
        return .whole
    }

    /// Link words as the vague phrases are listed: lowercased, without punctuation (Unicode's
    /// P* categories) at either end. Plain ASCII, most links, is done byte by byte: Foundation's
    /// character sets went through UTF-16 for every link of every page.
    static func phrase(_ words: String) -> String {
        guard words.utf8.allSatisfy({ $0 < 0x80 }) else { return words.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        let bytes = Array(words.utf8)
        guard let first = bytes.firstIndex(where: { !isPunctuation($0) }), let last = bytes.lastIndex(where: { !isPunctuation($0) }) else {
            return ""
        }
        return String(decoding: bytes[first...last].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The ASCII characters in Unicode's punctuation categories: `!"#%&'()*,-./:;?@[\]_{}`,
    /// not the symbols `$+<=>^`|~`.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!")...UInt8(ascii: "#"), UInt8(ascii: "%")...UInt8(ascii: "*"), UInt8(ascii: ",")...UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "[")...UInt8(ascii: "]"),
             UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            true
        default:
            false
        }
    }

    /// `21.4`, `8.0`: as `String(Double)` writes a value rounded to tenths, which takes
    /// longer to find the shortest digits than writing tenths out as whole numbers does.
    static func appendOneDecimal(_ value: Double, to text: inout [UInt8]) {
        let tenths = (value * 10).rounded()
        guard tenths.magnitude < 1e15 else {
            text += String(tenths / 10).utf8
            return
        }
        let whole = Int(tenths)
        if tenths.sign == .minus { text.append(UInt8(ascii: "-")) }
        text += String(whole.magnitude / 10).utf8
        text += [UInt8(ascii: "."), UInt8(ascii: "0") + UInt8(whole.magnitude % 10)]
    }
}

extension PageChecks {
    /// A heading or title as a reader sees it: without Markdown's emphasis and closing `#`s,
    /// case and spacing aside.
    static func comparable(_ text: some StringProtocol) -> String {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        if let last = words.last, last.allSatisfy({ $0 == "#" }) { words.removeLast() }
        return words.joined(separator: " ").filter { !"*_`\\".contains($0) }
    }
}
