/// What a template reads: the values a page hands its Mustache templates. A closed set of
/// cases rather than `Any`, so a lookup is a `switch` and a read of `TemplateFields`, not a
/// chain of dynamic casts.
enum TemplateValue: Sendable {
    /// Shown by `{{name}}`; a section over it renders once, with the text as `{{.}}`.
    case text(String)
    /// HTML Broadside made (a page's body), as UTF-8: shown as `text` is. Kept as bytes: made
    /// a string, a page's body would be checked once more for valid UTF-8.
    case html([UInt8])
    /// A section over `true` renders once, over `false` not at all; shown as `true`/`false`.
    case flag(Bool)
    /// A section renders once for each item, with the item on top of the context.
    case list([TemplateValue])
    /// Names inside a section over it are looked up here first, then outside.
    case object(TemplateFields)
    /// The named template, rendered where it is shown with the values the rendering began
    /// with: how `base` shows a page's `main` without the page being made and copied first.
    case template(String)

    /// Text, or `false` when there is none. Mustache looks a missing name up in the enclosing
    /// contexts, so an entry without a summary would show the page's own; an explicit `false`
    /// stops the lookup and renders nothing.
    static func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .flag(false)
    }

    /// The value, or `false` when there is none (see `optional(_:)`).
    static func optional(_ value: TemplateValue?) -> TemplateValue {
        value ?? .flag(false)
    }

    static func number(_ number: Int) -> TemplateValue {
        .text(String(number))
    }

    /// The value named `key`, when this is an object that has one.
    @inline(__always)
    func field(_ key: TemplateFields.HashedName) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }

    /// Whether a section over this value renders (an inverted section renders when it does not).
    var isTruthy: Bool {
        switch self {
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        case .text, .html, .object, .template: true
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral text: String) { self = .text(text) }
    init(booleanLiteral flag: Bool) { self = .flag(flag) }
    init(arrayLiteral items: TemplateValue...) { self = .list(items) }
    init(dictionaryLiteral entries: (String, TemplateValue)...) {
        var fields = TemplateFields(capacity: entries.count)
        for (name, value) in entries { fields[name] = value }
        self = .object(fields)
    }
}
