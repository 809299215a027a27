import Foundation

/// Where a file lands in Output/, relative to it (`guides/da-forum/index.html`). Every link the
/// site emits is made relative from one route to another, so Output/ works from file://, under
/// any sub-path and from a USB stick; links name `index.html` because file:// has no directory index.
public struct Route: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String

    public init(_ path: String) {
        self.path = path
    }

    /// `Content/a/b.md` → `a/b/index.html`; `index.md` and `_index.md` stand for their folder.
    public init(page relativePath: String) {
        let withoutExtension = String(relativePath.dropLast(".md".count))
        let folder = withoutExtension.parentPath
        let name = withoutExtension.lastPathComponent
        let directory = (name == "index" || name == "_index") ? folder : withoutExtension
        self.path = directory.isEmpty ? "index.html" : directory + "/index.html"
    }

    /// `../` as many times as this route is deep: the way back to Output/. Paths are read as
    /// bytes where they are (here and in `encodedPath`): every link a page shows is made here.
    public var toRoot: String {
        let bytes = path.utf8.span
        var depth = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "/") { depth += 1 }
        return String(repeating: "../", count: depth)
    }

    public func link(to target: Route) -> String {
        toRoot + target.encodedPath
    }

    var encodedPath: String {
        // Most paths are letters, digits, `-`, `.`, `_` and `/`, which stay as they are: a page
        // links to dozens of others, and asking Foundation each time shows in a large build.
        let bytes = path.utf8.span
        let plain = bytes.indices.allSatisfy { index in
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
            default: false
            }
        }
        return plain ? path : path.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? path
    }

    /// `:` is encoded too: a page at the top named `javascript:alert(1).md` is linked as
    /// `javascript%3Aalert(1)/index.html`, a path, where `javascript:…` would be run as script.
    private static let pathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#;:"))

    public var description: String { path }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}
