import Foundation

/// Files under Content/, for the editor's lists (pages the last build left out, tables,
/// questionnaires).
enum ContentFiles {
    /// Those whose names end in `suffix`, relative to `folder`; hidden files and folders left
    /// out, as the build leaves them.
    static func named(endingIn suffix: String, under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").last?.hasPrefix(".") == true {
                walker.skipDescendants()
                continue
            }
            if relative.hasSuffix(suffix) { found.append(relative) }
        }
        return found
    }
}
