import CCMark
#if canImport(Glibc)
import Glibc
#endif

/// Small tree edits the GitHub passes share. cmark renders a custom node's `on_enter`, its
/// children, then its `on_exit` verbatim: that is how generated HTML joins the tree while the
/// author's text inside stays escaped.
enum CMarkNodes {
    static func customInline(_ enter: String, _ exit: String = "") -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    static func customBlock(_ enter: String, _ exit: String = "") -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    static func text(_ literal: some StringProtocol) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, String(literal))
        return node
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// Moves every child of `source` to the end of `target`.
    static func moveChildren(of source: OpaquePointer, to target: OpaquePointer) {
        while let child = cmark_node_first_child(source) {
            cmark_node_unlink(child)
            cmark_node_append_child(target, child)
        }
    }

    /// Every node of `root` (itself included) whose type is in `types`, in document order.
    static func nodes(in root: OpaquePointer, ofType types: Set<UInt32>) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  types.contains(cmark_node_get_type(node).rawValue) else { continue }
            found.append(node)
        }
        return found
    }

    /// The line a node was written on: its own, or its nearest ancestor's when it was made by a
    /// pass (cmark gives new nodes none).
    static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let found = current {
            let line = Int(cmark_node_get_start_line(found))
            if line > 0 { return line }
            current = cmark_node_parent(found)
        }
        return 1
    }

    static func column(of node: OpaquePointer) -> Int {
        max(Int(cmark_node_get_start_column(node)), 1)
    }

    /// Inside a link or an image's words: a footnote reference there is left as written.
    static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }
}

/// A text's lines by number (1-based), for passes that read what the author wrote where cmark
/// kept only the result (a table's rows were one paragraph to it).
struct SourceLines {
    let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
    }

    var count: Int { starts.count }

    /// Line `number` without its line ending; empty past the end.
    subscript(number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<max(start, end)]
    }
}
