/// `/`-separated relative paths, split by hand: Foundation's NSString path methods trap on
/// some short paths on Linux, and these paths never need its platform rules. The slash is
/// found by its byte, as the file system separates names, not by comparing characters.
extension String {
    /// `guides/da-forum.md` → `guides`; a bare name → "".
    var parentPath: String {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(self[..<slash])
    }

    /// `guides/da-forum.md` → `da-forum.md`.
    var lastPathComponent: String {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return self }
        return String(self[utf8.index(after: slash)...])
    }

    func appendingPath(_ component: String) -> String {
        if component.isEmpty { return self }
        if isEmpty { return component }
        return hasSuffix("/") ? self + component : self + "/" + component
    }
}
