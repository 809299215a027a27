public struct MarkdownOptions: Sendable {
    /// Let author HTML and every URL scheme through. Off unless a site opts in.
    public var allowRawHTML: Bool
    /// Curly quotes and dashes.
    public var smartPunctuation: Bool
    /// Ids the page template already uses; headings never take them.
    public var reservedIDs: Set<String>
    /// Put before every heading id, so several pages can share one document (a packet).
    public var idPrefix = ""
    /// Also return the body cut into sections at its top-level headings, to set beside a
    /// translation section by section (bilingual handouts).
    public var splitSections = false
    /// A text of at least this many bytes is parsed part by part (see `LargeDocument`).
    public var largeDocumentBytes = LargeDocument.threshold
    /// Words of generated parts (the list of footnotes), in the page's language.
    public var labels = MarkdownLabels()

    public init(allowRawHTML: Bool = false, smartPunctuation: Bool = true, reservedIDs: Set<String> = []) {
        self.allowRawHTML = allowRawHTML
        self.smartPunctuation = smartPunctuation
        self.reservedIDs = reservedIDs
    }
}
