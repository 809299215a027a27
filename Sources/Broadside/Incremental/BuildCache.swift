import Foundation
import Synchronization

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
/// One build at a time uses it; `serve` builds one after another, on a thread of their own.
public final class BuildCache: Sendable {
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
    public var edited: Set<String>? {
        get { self[\.edited, emptied: nil] }
        _modify { yield &self[\.edited, emptied: nil] }
    }
    /// The last build's sources, when reading them found no problem: patched with the edited files.
    var sources: SiteSources? {
        get { self[\.sources, emptied: nil] }
        _modify { yield &self[\.sources, emptied: nil] }
    }
    var files: [String: File] {
        get { self[\.files, emptied: [:]] }
        _modify { yield &self[\.files, emptied: [:]] }
    }
    var parsed: [String: Parsed] {
        get { self[\.parsed, emptied: [:]] }
        _modify { yield &self[\.parsed, emptied: [:]] }
    }
    /// The theme, with the site's own templates' texts it was made from and what it reported.
    var theme: (texts: [String: String], theme: Theme, problems: Diagnostics)? {
        get { self[\.theme, emptied: nil] }
        _modify { yield &self[\.theme, emptied: nil] }
    }
    /// The assembled site, with the shape of its sources and what assembling it reported.
    var site: (shape: Int, site: Site, problems: Diagnostics)? {
        get { self[\.site, emptied: nil] }
        _modify { yield &self[\.site, emptied: nil] }
    }
    /// The last build's output, with the shape of the site it was made from.
    var last: (shape: Int, site: RenderedSite)? {
        get { self[\.last, emptied: nil] }
        _modify { yield &self[\.last, emptied: nil] }
    }
    var written: Written? {
        get { self[\.written, emptied: nil] }
        _modify { yield &self[\.written, emptied: nil] }
    }

    private struct State {
        var edited: Set<String>?
        var sources: SiteSources?
        var files: [String: File] = [:]
        var parsed: [String: Parsed] = [:]
        var theme: (texts: [String: String], theme: Theme, problems: Diagnostics)?
        var site: (shape: Int, site: Site, problems: Diagnostics)?
        var last: (shape: Int, site: RenderedSite)?
        var written: Written?
    }

    private let state = Mutex(State())

    /// One kept value. A change moves it out of the lock and puts it back when done, leaving
    /// `emptied` meanwhile: so it is changed where it is, where a table of a large site's files
    /// that the lock still held would be copied whole to add one entry.
    private subscript<Value: Sendable>(field: WritableKeyPath<State, Value>, emptied empty: Value) -> Value {
        get { state.withLock { $0[keyPath: field] } }
        _modify {
            var value = state.withLock { state in
                defer { state[keyPath: field] = empty }
                return state[keyPath: field]
            }
            defer { state.withLock { $0[keyPath: field] = value } }
            yield &value
        }
    }
}
