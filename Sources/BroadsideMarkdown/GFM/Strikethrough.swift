import CCMark
#if canImport(Glibc)
import Glibc
#endif

/// GitHub strikethrough: `~gone~` or `~~gone~~`. cmark leaves tildes in the text; this pass
/// pairs them as GitHub does (same length, one or two, flanking as for `*`) within each
/// run of inline siblings, and puts what is between in a `<del>`.
enum Strikethrough {
    static func apply(to document: OpaquePointer) {
        var containers: [OpaquePointer] = []
        var seen: Set<OpaquePointer> = []
        for text in CMarkNodes.nodes(in: document, ofType: [CMARK_NODE_TEXT.rawValue]) {
            guard let literal = cmark_node_get_literal(text), strchr(literal, Int32(UInt8(ascii: "~"))) != nil,
                  let parent = cmark_node_parent(text), seen.insert(parent).inserted else { continue }
            containers.append(parent)
        }
        for container in containers { strike(in: container) }
    }

    private enum Token {
        case node(OpaquePointer)
        case text(Substring)
    }

    private static func strike(in container: OpaquePointer) {
        var tokens: [Token] = []
        var runs: [(token: Int, length: Int, canOpen: Bool, canClose: Bool)] = []
        let children = CMarkNodes.children(of: container)
        for (position, child) in children.enumerated() {
            guard cmark_node_get_type(child) == CMARK_NODE_TEXT else {
                tokens.append(.node(child))
                continue
            }
            let literal = CMarkNodes.literal(child)
            let before: Character? = position > 0 ? "a" : nil
            let after: Character? = position + 1 < children.count ? "a" : nil
            var index = literal.startIndex
            var textStart = index
            while index < literal.endIndex {
                guard literal[index] == "~" else {
                    index = literal.index(after: index)
                    continue
                }
                var end = index
                while end < literal.endIndex, literal[end] == "~" { end = literal.index(after: end) }
                if textStart < index { tokens.append(.text(literal[textStart..<index])) }
                let length = literal.distance(from: index, to: end)
                let previous = index > literal.startIndex ? literal[literal.index(before: index)] : before
                let next = end < literal.endIndex ? literal[end] : after
                if length <= 2 {
                    runs.append((tokens.count, length, leftFlanking(previous, next), leftFlanking(next, previous)))
                }
                tokens.append(.text(literal[index..<end]))
                textStart = end
                index = end
            }
            if textStart < literal.endIndex { tokens.append(.text(literal[textStart...])) }
        }

        // Pairs, as cmark pairs emphasis: a closer takes the nearest opener of its length.
        var openers: [Int] = []
        var pairs: [Int: Int] = [:]  // token of opener → token of closer
        var closers: Set<Int> = []
        for (index, run) in runs.enumerated() {
            if run.canClose, let match = openers.lastIndex(where: { runs[$0].length == run.length }) {
                pairs[runs[openers[match]].token] = run.token
                closers.insert(run.token)
                openers.removeSubrange(match...)
            } else if run.canOpen {
                openers.append(index)
            }
        }
        guard !pairs.isEmpty else { return }

        for child in children { cmark_node_unlink(child) }
        var parents = [container]
        var pending = ""
        func flush() {
            if !pending.isEmpty, let text = CMarkNodes.text(pending) { cmark_node_append_child(parents[parents.count - 1], text) }
            pending = ""
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case .node(let node):
                flush()
                cmark_node_append_child(parents[parents.count - 1], node)
            case .text where pairs[index] != nil:
                flush()
                if let del = CMarkNodes.customInline("<del>", "</del>") {
                    cmark_node_append_child(parents[parents.count - 1], del)
                    parents.append(del)
                }
            case .text where closers.contains(index):
                flush()
                if parents.count > 1 { parents.removeLast() }
            case .text(let text):
                pending += text
            }
        }
        flush()
        // The text nodes were read into tokens and replaced: free them.
        for child in children where cmark_node_get_type(child) == CMARK_NODE_TEXT { cmark_node_free(child) }
    }

    /// CommonMark's left-flanking test for a delimiter run between `previous` and `next` (nil:
    /// the edge of the text, which counts as white space). Right-flanking is the same with the
    /// two swapped.
    private static func leftFlanking(_ previous: Character?, _ next: Character?) -> Bool {
        guard let next, !next.isWhitespace else { return false }
        guard next.isPunctuation || next.isSymbol else { return true }
        guard let previous else { return true }
        return previous.isWhitespace || previous.isPunctuation || previous.isSymbol
    }
}
