/// Renders templates into one buffer, with the values in scope as a stack: a section pushes
/// its value, and a name is looked up from the innermost value out.
struct TemplateRenderer {
    let templates: [String: Template]
    private var output: [UInt8] = []
    private var stack: [TemplateValue]

    init(templates: [String: Template], values: TemplateValue) {
        self.templates = templates
        stack = [values]
        output.reserveCapacity(16_384)
    }

    /// The named template rendered with the values, or "" when there is no such template.
    static func render(_ name: String, templates: [String: Template], values: TemplateValue) -> String {
        guard let template = templates[name] else { return "" }
        var renderer = TemplateRenderer(templates: templates, values: values)
        renderer.render(template.nodes, indentation: [])
        return String(decoding: renderer.output, as: UTF8.self)
    }

    /// In a partial alone on an indented line, each piece that starts a new line of this
    /// call's output gets the indentation: the rule swift-mustache follows, kept so that
    /// themes written for it are indented the same.
    private mutating func render(_ nodes: [Template.Node], indentation: [UInt8]) {
        let start = output.count
        for node in nodes {
            let before = output.count
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .value(let name, let escaped):
                if let value = lookUp(name) { write(value, escaped: escaped) }
            case .section(let name, let body, inverted: true):
                if !(lookUp(name)?.isTruthy ?? false) { render(body, indentation: indentation) }
            case .section(let name, let body, inverted: false):
                switch lookUp(name) {
                case .flag(true)?:
                    render(body, indentation: indentation)
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(body, indentation: indentation)
                        stack.removeLast()
                    }
                case let value? where value.isTruthy:
                    stack.append(value)
                    render(body, indentation: indentation)
                    stack.removeLast()
                default:
                    break
                }
            case .partial(let name, let indented):
                if let partial = templates[name] {
                    render(partial.nodes, indentation: indented.map { indentation + $0 } ?? indentation)
                }
            }
            // After "\n" but not "\r\n": swift-mustache compares whole characters.
            if !indentation.isEmpty, output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n"),
               !(before - 2 >= start && output[before - 2] == UInt8(ascii: "\r")) {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// The first part of a name is looked for from the innermost value out; the rest inside it.
    private func lookUp(_ name: Template.Name) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        if name.anchored {
            if case .object(let values) = stack[stack.count - 1] { found = values[first] }
        } else {
            for value in stack.reversed() {
                if case .object(let values) = value, let child = values[first] {
                    found = child
                    break
                }
            }
        }
        for part in name.parts.dropFirst() {
            guard case .object(let values)? = found else { return nil }
            found = values[part]
        }
        return found
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { appendEscapedHTML(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .flag(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            break
        }
    }
}
