/// A Mustache template, read once (`TemplateParser`) and rendered many times (`TemplateRenderer`).
///
/// Broadside reads templates itself rather than through a general Mustache library: a page is
/// rendered from a `TemplateValue` tree, names are split into parts once when the template is
/// read, and output goes into one buffer. A library that looks names up through `Any` and
/// protocol casts spends most of a large site's rendering on those casts.
///
/// What it reads is Mustache as themes write it: `{{name}}` (escaped), `{{{name}}}` and
/// `{{& name}}` (not escaped), dotted names, `{{.}}`, sections `{{#name}}…{{/name}}`,
/// inverted sections `{{^name}}…{{/name}}`, partials `{{> name}}`, comments `{{! … }}` and
/// `{{=<% %>=}}` to change the delimiters. A tag alone on its line (sections, partials,
/// comments, delimiters) renders nothing, not even its line, and a partial alone on an
/// indented line is indented as a whole. Lines are handled as swift-mustache, the library
/// themes were first written for, handles them, so a theme written for one renders the same.
///
/// A class: the renderer looks partials up by name in a dictionary of templates, and handing
/// out one reference is cheaper than copying four arrays.
final class Template: Sendable {
    /// One step of rendering. The template's tree is laid out flat: a section's body is the ops
    /// right after it, and text and names are positions in the template's own arrays, so that
    /// rendering walks one array of plain numbers.
    enum Op: Sendable {
        /// `text[range]`, as it is.
        case text(Range<Int>)
        /// `names[name]`'s value, HTML-escaped or not.
        case value(name: Int, escaped: Bool)
        /// The ops after this one, up to `end`, rendered for `names[name]`'s value (or, inverted,
        /// when there is none).
        case section(name: Int, end: Int, inverted: Bool)
        /// The template named `partialNames[name]`. `indentation` (a range of `text`) is set
        /// when the tag is alone on an indented line: every line the partial makes gets it.
        case partial(name: Int, indentation: Range<Int>?)
    }

    /// `a.b.c`: its parts are `nameParts[parts]`, and no parts is `.`, the current value. A
    /// name that starts with a dot is looked up in the current value only, not in the values
    /// around it.
    struct Name: Sendable {
        let parts: Range<Int>
        let anchored: Bool
    }

    let ops: [Op]
    let text: [UInt8]
    let names: [Name]
    let nameParts: [TemplateFields.HashedName]
    let partialNames: [String]
    /// Every `{{> name}}`, with where it is, for the check that the template exists.
    let partials: [(name: String, line: Int, column: Int)]

    init(_ text: String) throws(TemplateError) {
        var parser = TemplateParser(bytes: Array(text.utf8))
        let nodes: [TemplateParser.Node]
        do {
            nodes = try parser.nodes(closing: nil)
        } catch {
            throw TemplateError(message: error.message, line: error.line, column: error.column, partials: parser.placedPartials)
        }
        partials = parser.placedPartials
        var flat = Flattened()
        flat.add(nodes)
        (ops, self.text, names, nameParts, partialNames) = (flat.ops, flat.text, flat.names, flat.nameParts, flat.partialNames)
    }
}

/// Why a template could not be read, and where (1-based line and column).
struct TemplateError: Error {
    let message: String
    let line: Int
    let column: Int
    /// The partials named before the error, so that they are checked all the same.
    var partials: [(name: String, line: Int, column: Int)] = []
}

/// Lays a template's tree out flat (see `Template.Op`).
private struct Flattened {
    var ops: [Template.Op] = []
    var text: [UInt8] = []
    var names: [Template.Name] = []
    var nameParts: [TemplateFields.HashedName] = []
    var partialNames: [String] = []

    mutating func add(_ nodes: [TemplateParser.Node]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                ops.append(.text(append(bytes)))
            case .value(let name, let escaped):
                ops.append(.value(name: add(name), escaped: escaped))
            case .section(let name, let body, let inverted):
                let named = add(name), at = ops.count
                ops.append(.text(0..<0))  // replaced below, once the body's end is known
                add(body)
                ops[at] = .section(name: named, end: ops.count, inverted: inverted)
            case .partial(let name, let indentation):
                partialNames.append(name)
                ops.append(.partial(name: partialNames.count - 1, indentation: indentation.map { append($0) }))
            }
        }
    }

    private mutating func add(_ name: TemplateParser.Name) -> Int {
        let start = nameParts.count
        nameParts += name.parts.map(TemplateFields.HashedName.init)
        names.append(Template.Name(parts: start..<nameParts.count, anchored: name.anchored))
        return names.count - 1
    }

    private mutating func append(_ bytes: [UInt8]) -> Range<Int> {
        let start = text.count
        text += bytes
        return start..<text.count
    }
}
