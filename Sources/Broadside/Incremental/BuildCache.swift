import Foundation

/// What a build keeps for the next one in the same process (`broadside serve`), so a rebuild
/// redoes only what its changes touch. Every entry is kept with what it was made from, and
/// reused only when that is unchanged: a rebuild writes what a clean build would.
///
/// - the sources as read: told by `serve`'s watcher which files were written in place, a
///   rebuild reads only those into them;
/// - a source file, with its stamp: not read again while the stamp is the same;
/// - a page's front matter, with its file's text: not parsed again; the theme, with the
///   site's templates;
/// - the assembled site, with the shape of the sources: when only pages' words changed, it
///   is reused with those pages put in;
/// - the last build's output (each page's HTML, search entry and findings, the generated
///   pages, the search index's parts), with the site's shape (`SiteShape`): while the shape
///   is the same, a rebuild takes it whole and makes again, in place, only the pages whose
///   words changed, and the parts of the search index that hold them;
/// - what Output/ holds: a rebuild writes only the files whose bytes changed.
///
/// One build at a time uses it; `serve` builds one after another.
public final class BuildCache: @unchecked Sendable {
    public init() {}

    struct File: Sendable {
        var stamp: FileStamp
        /// When it was read, by the wall clock: see `reusable`.
        var readAt: Double
        var file: SourceFile

        /// A file changed just before it was read could change again within the same tick of
        /// the file system's clock without its stamp showing it (git calls this "racy"): such
        /// a file is read again until its change is a few seconds older than the reading.
        func reusable(now stamp: FileStamp?) -> Bool {
            stamp == self.stamp && stamp!.changed < readAt - 2
        }
    }

    /// Shared, never changed, like `PageOutput`.
    final class Parsed: Sendable {
        let text: String
        let timeZone: String
        let page: PageSource
        let problems: Diagnostics
        /// Its part of the site's shape (`SiteShape.head`), worked out once.
        let head: Int

        init(text: String, timeZone: String, page: PageSource, problems: Diagnostics, head: Int) {
            self.text = text
            self.timeZone = timeZone
            self.page = page
            self.problems = problems
            self.head = head
        }
    }

    /// What Output/ holds, as this process wrote it.
    struct Written {
        /// A copied file: where from, its stamp, and when the stamp was taken.
        struct Copy {
            var source: String
            var stamp: FileStamp?
            var at: Double
        }

        var pages: [Route: [UInt8]]
        var copies: [Route: Copy]
        var pdfs: Set<Route>
    }

    /// What the watcher saw change since the last build: files written in place, by path.
    /// nil when it cannot tell (a file added or removed, or no watcher): every file is looked at.
    public var edited: Set<String>?
    /// The last build's sources, when reading them found no problem: patched with the edited files.
    var sources: SiteSources?
    var files: [String: File] = [:]
    var parsed: [String: Parsed] = [:]
    /// The theme, with the site's own templates' texts it was made from and what it reported.
    var theme: (texts: [String: String], theme: Theme, problems: Diagnostics)?
    /// The assembled site, with the shape of its sources and what assembling it reported.
    var site: (shape: Int, site: Site, problems: Diagnostics)?
    /// What `SiteChecks` found in the site of that shape.
    var siteChecks: (shape: Int, found: Diagnostics)?
    /// The last build's output, with the shape of the site it was made from.
    var last: (shape: Int, site: RenderedSite)?
    var written: Written?
}

/// What tells a file's version apart without reading it: which file it is, its size, and
/// when it last changed.
public struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970 of its last modification and its last change (contents or
    /// metadata), as the file system keeps them.
    var modifiedNanoseconds: Int64
    var changedNanoseconds: Int64

    /// Seconds since 1970 of its last change.
    var changed: Double { Double(changedNanoseconds) / 1e9 }
}

extension String {
    /// Byte for byte. `==` counts canonically equivalent text as equal ("é" as one code point
    /// or as "e" and an accent), but a file saved the other way is a change to make.
    func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        guard !isEmpty else { return true }
        return withBytes { x in other.withBytes { y in x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}

extension Hasher {
    /// The text's bytes and their count: unlike `combine(String)`, two spellings of one
    /// character hash apart, and no two texts in a row run together.
    mutating func combineBytes(_ text: String) {
        text.withBytes { combine(utf8: $0) }
    }

    /// The same for part of a text, read where it is rather than copied out first.
    mutating func combineBytes(_ text: Substring) {
        var text = text
        text.withUTF8 { combine(utf8: $0) }
    }

    private mutating func combine(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        combine(bytes.count)
        combine(bytes: UnsafeRawBufferPointer(bytes))
    }
}
