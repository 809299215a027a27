/// `/`-separated relative paths, split by hand: Foundation's NSString path methods trap on
/// some short paths on Linux, and these paths never need its platform rules.
extension String {
    /// `guides/da-forum.md` → `guides`; a bare name → "".
    var parentPath: String {
        guard let slash = lastIndex(of: "/") else { return "" }
        return String(self[..<slash])
    }

    /// `guides/da-forum.md` → `da-forum.md`.
    var lastPathComponent: String {
        guard let slash = lastIndex(of: "/") else { return self }
        return String(self[index(after: slash)...])
    }

    func appendingPath(_ component: String) -> String {
        if component.isEmpty { return self }
        if isEmpty { return component }
        return hasSuffix("/") ? self + component : self + "/" + component
    }
}
