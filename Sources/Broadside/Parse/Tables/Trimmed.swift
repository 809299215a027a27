extension StringProtocol {
    /// Without leading and trailing white space (line breaks included). Native Swift, because
    /// Foundation's `trimmingCharacters` goes through UTF-16 and dominated the parse of large CSVs.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
