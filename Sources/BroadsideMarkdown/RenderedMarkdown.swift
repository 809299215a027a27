/// What a Markdown render produced: the body HTML and its headings in document order.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The body HTML, as UTF-8.
    public var htmlBytes: [UInt8]
    public var headings: [Heading]
    /// With `numberLinks`: the address behind each link number, first is 1.
    public var linkNotes: [String] = []
    /// Every link and image as written, with the words a reader sees (an image's alt text).
    public var links: [LinkText] = []
    /// The text of every paragraph, for reading-level checks.
    public var paragraphs: [TextBlock] = []
    /// The words of each pipe-table row, cells joined by spaces: searched, not graded.
    public var tableRows: [TextBlock] = []
    /// Raw HTML blocks (only kept when the site allows raw HTML).
    public var htmlBlocks: [TextBlock] = []
    /// With `splitSections`: the HTML before the first top-level `#`/`##` heading, then each
    /// such heading with what follows it; joined, they are `html`.
    public var sections: [String] = []
    /// What the author wrote that does not show as written, in text order.
    public var notices: [MarkdownNotice] = []
}

public struct LinkText: Sendable, Equatable {
    public var destination: LinkDestination
    public var text: String
}

/// Plain text of a block, as UTF-8, and the body line it starts on. Kept as bytes: what reads
/// a page's paragraphs (its search entry, its reading level) reads bytes, and making each a
/// string first checked every byte of every page once more.
public struct TextBlock: Sendable, Equatable {
    public var utf8: [UInt8]
    public var line: Int

    public var text: String { String(decoding: utf8, as: UTF8.self) }
}

/// A piece of running text to turn into a link.
public struct AutoLink: Sendable, Equatable {
    public var range: Range<String.Index>
    public var url: String
    /// Shown as a tooltip; a glossary definition, or the citation's full name.
    public var title: String
    /// The link's words, when not the text it replaces.
    public var label: String?

    public init(range: Range<String.Index>, url: String, title: String) {
        self.range = range
        self.url = url
        self.title = title
    }
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    /// Line in the Markdown body (1-based).
    public var line: Int
    /// Column of its `#` (1-based).
    public var column = 1
    /// Not inside a list or quote: one of the sections a bilingual handout pairs.
    public var isTopLevel = true
}

/// A fenced code block: ```` ```table ```` and its body, with the place of its opening fence.
public struct FencedBlock: Sendable, Equatable {
    public var info: String
    public var literal: String
    public var line: Int
    public var column: Int
    /// Level of the last heading above the block (0 when none), so generated HTML can put
    /// its own headings one level below and keep the page's outline intact.
    public var sectionLevel: Int = 0
}

/// A link or image destination as the author wrote it, with its place in the body.
/// Where a link goes instead, and HTML to put right after it (a note such as "(in Spanish)").
public struct RewrittenLink: Sendable, Equatable {
    public var url: String
    public var after: String?

    public init(_ url: String, after: String? = nil) {
        self.url = url
        self.after = after
    }
}

public struct LinkDestination: Sendable, Equatable {
    public var url: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}
