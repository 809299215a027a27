/// What a Markdown render produced: the body HTML and its headings in document order.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    public var headings: [Heading]
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    /// Line in the Markdown body (1-based).
    public var line: Int
}

/// A link or image destination as the author wrote it, with its place in the body.
public struct LinkDestination: Sendable, Equatable {
    public var url: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}
