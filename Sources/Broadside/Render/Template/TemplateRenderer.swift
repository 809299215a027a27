/// Renders templates into one buffer, with the values in scope as a stack: a section pushes
/// its value, and a name is looked up from the innermost value out. The values are read
/// where they are, through pointers, and never changed or copied: a lookup that copied the
/// values it went through counted references, two cores counting the same ones (a section's
/// shared chrome), and that was about a twentieth of a large site's build. The values the rendering
/// began with hold every value on the stack, so these pointers stay good throughout.
struct TemplateRenderer {
    /// A value in scope, with its names when it is an object.
    private struct Scope {
        let value: UnsafePointer<TemplateValue>
        let fields: Unmanaged<TemplateFields.Storage>?

        init(_ value: UnsafePointer<TemplateValue>) {
            self.value = value
            if case .object(let object) = value.pointee { fields = .passUnretained(object.storage) } else { fields = nil }
        }
    }

    let templates: [String: Template]
    private var output: [UInt8] = []
    private var stack: [Scope]
    /// Whether a `.template` value is being rendered.
    private var showingTemplate = false
    /// Whether a name was looked for in the values the rendering began with and was not
    /// there, or those values were taken whole: what values that only add names could change.
    private var reachedBeyond = false

    /// The room a page's output is given to begin with: a page's is a few kilobytes.
    static let pageCapacity = 16_384

    /// `root` must stay where it is, unchanged, while this renders.
    private init(templates: [String: Template], root: UnsafePointer<TemplateValue>, capacity: Int) {
        self.templates = templates
        stack = [Scope(root)]
        output.reserveCapacity(capacity)
    }

    /// The named template rendered with the values, as UTF-8, or nothing when there is no
    /// such template. `capacity`: the room its output is likely to need.
    static func render(_ name: String, templates: [String: Template], values: TemplateValue, capacity: Int = pageCapacity) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        return withUnsafePointer(to: values) { root in
            var renderer = TemplateRenderer(templates: templates, root: root, capacity: capacity)
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
    }

    /// `template` rendered ahead with `shared` values: each top-level piece that looks up no
    /// name they lack as its output, which values that add names to them do not change, and
    /// the others as ops. (At the top level nothing is indented, so pieces rendered apart
    /// make what the whole makes.)
    private static func prepare(_ template: Template, templates: [String: Template], shared: TemplateFields) -> PreparedTemplate {
        var prepared = PreparedTemplate()
        var index = 0
        withUnsafePointer(to: TemplateValue.object(shared)) { root in
            while index < template.ops.count {
                let op = template.ops[index]
                let end = op.kind == .section || op.kind == .inverted ? Int(op.b) : index + 1
                var probe = TemplateRenderer(templates: templates, root: root, capacity: 256)
                probe.render(template, index..<end, indentation: [])
                switch (prepared.segments.last, probe.reachedBeyond) {
                case (.ops(let ops)?, true): prepared.segments[prepared.segments.count - 1] = .ops(ops.lowerBound..<end)
                case (_, true): prepared.segments.append(.ops(index..<end))
                case (.bytes(let bytes)?, false): prepared.segments[prepared.segments.count - 1] = .bytes(bytes + probe.output)
                case (_, false): prepared.segments.append(.bytes(probe.output))
                }
                index = end
            }
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
            let op = template.ops[index]
            let before = output.count
            index += 1
            switch op.kind {
            case .text:
                template.text.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[Int(op.a)..<Int(op.b)])) }
            case .value, .rawValue:
                if let value = lookUp(Int(op.a), in: template) { write(value, escaped: op.kind == .value) }
            case .inverted:
                if !(lookUp(Int(op.a), in: template)?.pointee.isTruthy ?? false) { render(template, index..<Int(op.b), indentation: indentation) }
                index = Int(op.b)
            case .section:
                let body = index..<Int(op.b)
                index = Int(op.b)
                guard let value = lookUp(Int(op.a), in: template) else { break }
                switch value.pointee {
                case .flag(let flag):
                    if flag { render(template, body, indentation: indentation) }
                case .list(let items):
                    items.withUnsafeBufferPointer { items in
                        for item in items.indices {
                            stack.append(Scope(items.baseAddress! + item))
                            render(template, body, indentation: indentation)
                            stack.removeLast()
                        }
                    }
                case .text, .html, .object, .template:
                    stack.append(Scope(value))
                    render(template, body, indentation: indentation)
                    stack.removeLast()
                }
            case .partial:
                if let partial = templates[template.partialNames[Int(op.a)]] {
                    let indented = op.b <= op.c ? indentation + template.text[Int(op.b)..<Int(op.c)] : indentation
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

    /// The first part of the template's name `at` is looked for from the innermost value out;
    /// the rest inside it. The name too is read where it is: copying it counted references.
    private mutating func lookUp(_ at: Int, in template: Template) -> UnsafePointer<TemplateValue>? {
        template.names.withUnsafeBufferPointer { names in
            let name = names.baseAddress! + at
            guard let first = name.pointee.first else {
                if stack.count == 1 { reachedBeyond = true }  // they themselves, as in `{{#.}}{{.name}}{{/.}}`
                return stack.last?.value
            }
            var found: UnsafePointer<TemplateValue>?
            var index = stack.count - 1
            while index >= 0 {
                if let fields = stack[index].fields, let value = fields._withUnsafeGuaranteedRef({ $0.value(for: first) }) {
                    found = value
                    break
                }
                if name.pointee.anchored { break }
                index -= 1
            }
            if found == nil && index <= 0 { reachedBeyond = true }
            if !name.pointee.rest.isEmpty {
                for part in name.pointee.rest {
                    guard let value = found, let fields = Scope(value).fields else { return nil }
                    found = fields._withUnsafeGuaranteedRef { $0.value(for: part) }
                }
            }
            // Inside the template it names, a template value is not there, as when pages were made
            // on their own before `base`: `{{^main}}` in a page renders.
            if showingTemplate, let value = found, case .template = value.pointee { return nil }
            return found
        }
    }

    private mutating func write(_ value: UnsafePointer<TemplateValue>, escaped: Bool) {
        switch value.pointee {
        case .template(let name):
            // Not inside itself: it would never end. (Rendered on its own first, as pages
            // were, it could not see itself either.)
            guard !showingTemplate, let template = templates[name] else { return }
            let around = stack
            stack = [stack[0]]  // the values the rendering began with
            showingTemplate = true
            let start = output.count
            render(template, 0..<template.ops.count, indentation: [])
            showingTemplate = false
            stack = around
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
