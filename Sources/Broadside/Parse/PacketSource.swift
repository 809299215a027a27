/// `Content/packets/NAME.yml`, read but not yet matched to pages.
public struct PacketSource: Sendable {
    public var name: String
    /// The YAML file as the user would type its path, for messages.
    public var displayPath: String
    public var title: String
    public var subtitle: String?
    /// The packet's language: its words, and which translation of each listed page it prints.
    public var lang: String?
    public var langLocation: SourceLocation?
    /// A second language printed beside the first, two columns side by side.
    public var bilingual: String?
    public var bilingualLocation: SourceLocation?
    public var cover: String?
    /// Printed on both sides: each handout starts on a right-hand page.
    public var duplex: Bool
    /// Paths under Content/, in order, each with where it is written.
    public var pages: [(path: String, location: SourceLocation)]

    static func parseAll(_ files: [SourceFile], diagnostics: inout Diagnostics) -> [PacketSource] {
        files.filter { $0.relativePath.hasPrefix("packets/") && $0.relativePath.hasSuffix(".yml")
            && !$0.relativePath.hasSuffix(QuestionnaireSource.suffix) }
            .compactMap { parse($0, diagnostics: &diagnostics) }
    }

    static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> PacketSource? {
        guard let read = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "packet",
                                    diagnostics: &diagnostics) else { return nil }
        // Every key is read before any is judged; in the order an unknown key's warning lists them.
        var fields = YAMLReader(read)
        let title = fields.string("title", diagnostics: &diagnostics)
        let subtitle = fields.string("subtitle", diagnostics: &diagnostics)
        let lang = fields.string("lang", diagnostics: &diagnostics)
        let listed = fields.entry("pages")?.value.list
        let cover = fields.string("cover", diagnostics: &diagnostics)
        let duplex = fields.bool("duplex", diagnostics: &diagnostics) ?? false
        let bilingual = fields.string("bilingual", diagnostics: &diagnostics)
        fields.finish(what: "packet", diagnostics: &diagnostics)
        let start = SourceLocation(path: file.displayPath)
        guard let title else {
            diagnostics.error("this packet has no title: add `title: …`", at: start)
            return nil
        }
        var pages: [(String, SourceLocation)] = []
        for item in listed ?? [] {
            guard let path = item.text else {
                diagnostics.error("each item of 'pages' must be a path under Content/, like laws/pc-18-5.md", at: fields.location(of: item))
                continue
            }
            pages.append((path, fields.location(of: item)))
        }
        if pages.isEmpty {
            diagnostics.error("this packet lists no pages: add `pages:` with paths under Content/, like `- laws/pc-18-5.md`",
                              at: fields.location(ofValue: "pages") ?? start)
            return nil
        }
        return PacketSource(
            name: String(file.relativePath.dropFirst("packets/".count).dropLast(".yml".count)),
            displayPath: file.displayPath,
            title: title,
            subtitle: subtitle,
            lang: lang,
            langLocation: fields.location(ofValue: "lang"),
            bilingual: bilingual,
            bilingualLocation: fields.location(ofValue: "bilingual"),
            cover: cover,
            duplex: duplex,
            pages: pages
        )
    }
}
