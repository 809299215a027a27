/// Template values that many pages' values begin with (a section's chrome: nav, header and
/// footer words, links to the stylesheet), and the templates rendered with them ahead: each
/// page then renders only the pieces that look up names of its own. A page's values keep
/// these as their `shared` while they only add names; one that changes a name renders whole.
final class SharedFields: Sendable {
    let fields: TemplateFields
    private let prepared = MadeOnce<String, PreparedTemplate>()

    init(_ fields: TemplateFields) {
        self.fields = fields
    }

    /// The template named `name` rendered ahead with these values, made by `make` once.
    func prepared(_ name: String, _ make: () -> PreparedTemplate) -> PreparedTemplate {
        prepared.value(for: name, make)
    }
}

/// A template's top-level pieces in order: the output of those that depend on shared values
/// alone, and the ranges of ops that each page renders with its own.
struct PreparedTemplate: Sendable {
    enum Segment: Sendable {
        case bytes([UInt8])
        case ops(Range<Int>)
    }

    var segments: [Segment] = []
}
