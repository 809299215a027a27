/// Renders templates into one buffer. The values in scope are a stack: a section pushes its
/// value, and a name is looked up from the innermost value out.
struct TemplateRenderer {
    let templates: [String: Template]
    private var output: [UInt8] = []
    /// The values in scope, the innermost last; the first is the values the rendering began with.
    private var scopes: [TemplateValue]
    /// Whether a `.template` value is being rendered.
    private var showingTemplate = false
    /// Whether a name was looked for in the values the rendering began with and was not
    /// there, or those values were taken whole: what values that only add names could change.
    private var reachedBeyond = false

    /// The room a page's output is given to begin with: a page's is a few kilobytes.
    static let pageCapacity = 16_384

    private init(templates: [String: Template], values: TemplateValue, capacity: Int) {
        self.templates = templates
        scopes = [values]
        output.reserveCapacity(capacity)
    }

    /// The named template rendered with the values, as UTF-8, or nothing when there is no
    /// such template. `capacity`: the room its output is likely to need.
    static func render(_ name: String, templates: [String: Template], values: TemplateValue, capacity: Int = pageCapacity) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(templates: templates, values: values, capacity: capacity)
        guard case .object(let fields) = values, let shared = fields.shared else {
            renderer.render(template, 0..<template.ops.count, indentation: [])
            return renderer.output
        }
        let prepared = shared.prepared(name) { prepare(template, templates: templates, shared: shared.fields) }
        for segment in prepared.segments {
            switch segment {
            case .bytes(let bytes): renderer.output.append(contentsOf: bytes)
            case .ops(let range): renderer.render(template, range, indentation: [])
            }
        }
        return renderer.output
    }

    /// `template` rendered ahead with `shared` values: each top-level piece that looks up no
    /// name they lack as its output, which values that add names to them do not change, and
    /// the others as ops. (At the top level nothing is indented, so pieces rendered apart
    /// make what the whole makes.)
    private static func prepare(_ template: Template, templates: [String: Template], shared: TemplateFields) -> PreparedTemplate {
        var prepared = PreparedTemplate()
        var index = 0
        while index < template.ops.count {
            let end = if case .section(_, let end, _) = template.ops[index] { end } else { index + 1 }
            var probe = TemplateRenderer(templates: templates, values: .object(shared), capacity: 256)
            probe.render(template, index..<end, indentation: [])
            switch (prepared.segments.last, probe.reachedBeyond) {
            case (.ops(let ops)?, true): prepared.segments[prepared.segments.count - 1] = .ops(ops.lowerBound..<end)
            case (_, true): prepared.segments.append(.ops(index..<end))
            case (.bytes(let bytes)?, false): prepared.segments[prepared.segments.count - 1] = .bytes(bytes + probe.output)
            case (_, false): prepared.segments.append(.bytes(probe.output))
            }
            index = end
        }
        return prepared
    }

    /// In a partial alone on an indented line, each piece that starts a new line of this
    /// call's output gets the indentation: the rule swift-mustache follows, kept so that
    /// themes written for it are indented the same. The pieces are the ops in `range` that
    /// are not inside a section's body, as they were the nodes of the template's tree.
    private mutating func render(_ template: Template, _ range: Range<Int>, indentation: [UInt8]) {
        let start = output.count
        var index = range.lowerBound
        while index < range.upperBound {
            let before = output.count
            let op = template.ops[index]
            index += 1
            switch op {
            case .text(let text):
                output.append(contentsOf: template.text[text])
            case .value(let name, let escaped):
                if let value = lookUp(template.names[name], parts: template.nameParts) { write(value, escaped: escaped) }
            case .section(let name, let end, let inverted):
                let body = index..<end
                index = end
                let value = lookUp(template.names[name], parts: template.nameParts)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(template, body, indentation: indentation) }
                } else if let value {
                    render(template, body, over: value, indentation: indentation)
                }
            case .partial(let name, let indent):
                if let partial = templates[template.partialNames[name]] {
                    let indented = indent.map { indentation + template.text[$0] } ?? indentation
                    render(partial, 0..<partial.ops.count, indentation: indented)
                }
            }
            // After "\n" but not "\r\n": swift-mustache compares whole characters.
            if !indentation.isEmpty, output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n"),
               !(before - 2 >= start && output[before - 2] == UInt8(ascii: "\r")) {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// A section's body for `value`: once for each item of a list, once for any other value
    /// but `false`, with the value (or item) innermost.
    private mutating func render(_ template: Template, _ body: Range<Int>, over value: TemplateValue, indentation: [UInt8]) {
        switch value {
        case .flag(let flag):
            if flag { render(template, body, indentation: indentation) }
        case .list(let items):
            for item in items {
                scopes.append(item)
                render(template, body, indentation: indentation)
                scopes.removeLast()
            }
        case .text, .html, .object, .template:
            scopes.append(value)
            render(template, body, indentation: indentation)
            scopes.removeLast()
        }
    }

    /// The first part of the name is looked for from the innermost value out; the rest inside it.
    private mutating func lookUp(_ name: Template.Name, parts: [TemplateFields.HashedName]) -> TemplateValue? {
        let (found, beyond) = find(name, parts: parts)
        if beyond { reachedBeyond = true }
        // Inside the template it names, a template value is not there, as when pages were made
        // on their own before `base`: `{{^main}}` in a page renders. (`.` is whatever is current.)
        if showingTemplate, !name.parts.isEmpty, case .template? = found { return nil }
        return found
    }

    /// The value named `name`, and whether finding it reached beyond the values the rendering
    /// began with: its first part is not among them, or it is `.` and they are the current value.
    /// The values in scope are read through a span: reading one out of the array would copy it.
    private func find(_ name: Template.Name, parts: [TemplateFields.HashedName]) -> (TemplateValue?, beyond: Bool) {
        let scopes = scopes.span, parts = parts.span
        guard let first = name.parts.first else { return (scopes[scopes.count - 1], scopes.count == 1) }
        var scope = scopes.count - 1
        var found: TemplateValue?
        while scope >= 0 {
            found = scopes[scope].field(parts[first])
            if found != nil || name.anchored { break }
            scope -= 1
        }
        let beyond = found == nil && scope <= 0
        for part in name.parts.dropFirst() {
            found = found?.field(parts[part])
        }
        return (found, beyond)
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .template(let name):
            // Not inside itself: it would never end. (Rendered on its own first, as pages
            // were, it could not see itself either.)
            guard !showingTemplate, let template = templates[name] else { return }
            let around = scopes
            scopes = [scopes[0]]  // the values the rendering began with
            showingTemplate = true
            let start = output.count
            render(template, 0..<template.ops.count, indentation: [])
            showingTemplate = false
            scopes = around
            if escaped {
                let html = String(decoding: output[start...], as: UTF8.self)
                output.removeSubrange(start...)
                appendEscapedHTML(html, to: &output)
            }
        case .text(let text):
            if escaped { appendEscapedHTML(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .html(let html):
            if escaped { appendEscapedHTML(html.span, to: &output) } else { output.append(contentsOf: html) }
        case .flag(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            break
        }
    }
}
