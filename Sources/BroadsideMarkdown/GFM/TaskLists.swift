import CCMark

/// GitHub task lists: a list item that starts `[ ]` or `[x]` shows a checkbox, read-only,
/// labelled by the item's words so a screen reader says "checkbox, checked, Bring your ID".
enum TaskLists {
    static func apply(to document: OpaquePointer) {
        for item in CMarkNodes.nodes(in: document, ofType: [CMARK_NODE_ITEM.rawValue]) {
            guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT else { continue }
            let literal = CMarkNodes.literal(text)
            let marker = literal.prefix(3)
            guard marker == "[ ]" || marker == "[x]" || marker == "[X]" else { continue }
            let rest = literal.dropFirst(3)
            // The marker must be followed by a space, or end the line with more lines after it.
            guard rest.first == " " || (rest.isEmpty && cmark_node_next(text) != nil) else { continue }
            let checked = marker != "[ ]"
            guard let label = CMarkNodes.customInline(
                "<label class=\"task\"><input type=\"checkbox\" class=\"task-box\" disabled=\"\"\(checked ? " checked=\"\"" : "") /> ",
                "</label>") else { continue }
            let words = rest.drop { $0 == " " }
            if words.isEmpty {
                cmark_node_free(text)
            } else {
                cmark_node_set_literal(text, String(words))
            }
            CMarkNodes.moveChildren(of: paragraph, to: label)
            cmark_node_append_child(paragraph, label)
        }
    }
}
