import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if os(Linux)
import CoreFoundation
#endif

/// Writes a build into a fresh folder beside Output/ and swaps it in only when complete, so a
/// failed or interrupted build leaves the previous Output/ exactly as it was. A rebuild in
/// `serve` brings the Output/ it wrote up to date in place instead (`update`).
public struct OutputWriter {
    /// The file that marks a folder as Broadside's own, so a rebuild may replace it.
    public static let marker = ".broadside-output"

    public let output: URL

    public init(output: String) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
    }

    public enum Refusal: Error, CustomStringConvertible {
        case unsafe(String)

        public var description: String {
            switch self { case .unsafe(let reason): reason }
        }
    }

    /// Refuses output folders whose replacement would destroy the site's own sources or
    /// somebody else's files.
    public func checkSafe(folders: SiteFolders, root: String) throws {
        let fm = FileManager.default
        func real(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        // A folder not made yet resolves no links: its parent's are resolved instead, so that
        // `Content/out` is seen inside Content/ even when the project is reached by a link.
        let out = fm.fileExists(atPath: output.path) ? real(output.path)
            : (real(output.deletingLastPathComponent().path) as NSString).appendingPathComponent(output.lastPathComponent)
        let protected = [("the content folder", real(folders.content.root)), ("the site folder", real(folders.site.root)),
                         ("the project root", real(root)), ("the current folder", real(fm.currentDirectoryPath))]
        if out == "/" || out == real(NSHomeDirectory()) {
            throw Refusal.unsafe("refusing to write the site to \(out): choose a folder of its own, like Output")
        }
        for (name, path) in protected {
            if path == out || path.hasPrefix(out + "/") {
                throw Refusal.unsafe("refusing to write the site to \(out): it is or contains \(name); choose a folder of its own, like Output")
            }
        }
        // Inside Content/ or Site/, each build would read the last one's output as sources:
        // the site copies itself into itself, and `serve` rebuilds on its own writes forever.
        for (name, path) in protected.prefix(2) where out.hasPrefix(path + "/") {
            throw Refusal.unsafe("refusing to write the site to \(out): it is inside \(name), whose files are the site's sources; choose a folder outside it, like Output")
        }
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: out, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw Refusal.unsafe("refusing to write the site to \(out): it is a file, not a folder")
        }
        let contents = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        if !contents.isEmpty && !contents.contains(Self.marker) {
            throw Refusal.unsafe("refusing to replace \(out): it holds files that Broadside did not write; empty it or choose another --output")
        }
    }

    /// A new, empty staging folder beside Output/, for `stage` to fill; `publish` swaps it in,
    /// `discard` throws it away.
    public func openStaging() throws -> URL {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        // Leftovers of a build that was killed are removed first; they are never Output/ itself,
        // nor the folders of another build of the same site still running.
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where isLeftover(name) {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(getpid())")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    /// `.Output.building-PID` (or `.old-`, `.writing-`) of this process or of one that ended.
    private func isLeftover(_ name: String) -> Bool {
        guard let kind = [".building-", ".old-", ".writing-"].first(where: { name.hasPrefix(".\(output.lastPathComponent)" + $0) }) else {
            return false
        }
        guard let pid = pid_t(name.dropFirst(".\(output.lastPathComponent)".count + kind.count)), pid != getpid() else { return true }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Writes one file of the site into `staging` while the rest is still being made, from
    /// any thread. Its folder is made when it is not there yet. The
    /// staging folder itself never is: one that is gone is a failure, not a new, incomplete site.
    /// `staging` is the folder's path, worked out once for all pages, not once a page.
    public static func write(_ html: [UInt8], at route: Route, in staging: String) throws {
        let path = staging + "/" + route.path
        // A page (`…/index.html`) has a folder of its own, not there yet: made first, where
        // opening the file first would fail on every page.
        if route.path.hasSuffix("/index.html") {
            try makeFolder(String(path.dropLast("/index.html".count)), under: staging)
        }
        try write(html, to: path, makingFolderIn: staging)
    }

    /// Writes every file not yet written into `staging` (see `openStaging`), and the folder's
    /// marker; on failure the folder is thrown away.
    public func stage(_ site: RenderedSite, in staging: URL) throws {
        do {
            // Every page is a folder of its own: the folders first, then the files, each
            // across the cores, since a large site's thousands of small writes are mostly the
            // kernel's work.
            let root = staging.path + "/"
            let folders = Set(site.pages.keys.map(\.path.parentPath) + site.copies.keys.map(\.path.parentPath)).filter { !$0.isEmpty }
            for made in Array(folders).concurrentMap({ folder in Result { try Self.makeFolder(root + folder) } }) { try made.get() }
            for written in Array(site.pages).concurrentMap({ route, text in Result { try Self.write(text, to: root + route.path) } }) {
                try written.get()
            }
            for (route, source) in site.copies {
                try WriteFailure.copy(source, to: URL(fileURLWithPath: root + route.path))
            }
            try Data("This folder was written by Broadside; the next build replaces it.\n".utf8)
                .write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            discard(staging)
            throw error
        }
    }

    /// Writes a new file from the page's own bytes (through `Data` each page would be copied
    /// first, and a large site's search index is tens of megabytes), with permissions as the
    /// user's umask has them, as any program's new files. With `staging`, a folder of the
    /// file's that is not there is made (up to `staging`).
    private static func write(_ bytes: [UInt8], to path: String, makingFolderIn staging: String? = nil) throws {
        func create() -> Int32 { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666) }
        var file = create()
        if file < 0, errno == ENOENT, let staging, let slash = path.lastIndex(of: "/"), path[..<slash] != staging {
            try makeFolder(String(path[..<slash]), under: staging)
            file = create()
        }
        guard file >= 0 else { throw writeError(path) }
        let handle = FileHandle(fileDescriptor: file, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: bytes)
            // Some file systems report a full disk only when the file is closed.
            try handle.close()
        } catch {
            throw WriteFailure(path: path, kind: .write(DiskFiles.systemCode(of: error) ?? EIO))
        }
    }

    /// Makes the folder and any folder above it that is missing, up to `root`, which must be
    /// there. Another thread making the same one at the same time is no failure.
    private static func makeFolder(_ path: String, under root: String? = nil) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/") else { throw writeError(path) }
        let parent = String(path[..<slash])
        guard parent != root else { throw writeError(path) }
        try makeFolder(parent, under: root)
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw writeError(path) }
    }

    /// Why the last write to `path` failed, with the file named.
    private static func writeError(_ path: String) -> WriteFailure {
        WriteFailure(path: path, kind: .write(errno))
    }

    /// Whether Output/ is a folder this tool wrote, which a rebuild may change in place.
    var isOurs: Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(Self.marker).path)
    }

    /// What Output/ holds once `site` is written there, for the next `update`: `stamps` are
    /// the copied files' stamps, taken at `time`, before they were copied.
    func record(_ site: RenderedSite, pdfs: Set<Route>, stamps: [Route: FileStamp?], at time: Double) -> BuildCache.Written {
        BuildCache.Written(pages: site.pages, copies: Dictionary(uniqueKeysWithValues: site.copies.map { route, source in
            (route, BuildCache.Written.Copy(source: source, stamp: stamps[route] ?? nil, at: time))
        }), pdfs: pdfs)
    }

    /// Brings Output/ from what the last build wrote (`written`) to `site` in place, as `serve`
    /// does after a good rebuild: removes what the site no longer has (with any folder left
    /// empty, which a clean build would not have), then writes only the files whose bytes
    /// changed and copies only the files whose source changed. Each file is written whole
    /// before it replaces the old one, so the preview never serves half a page.
    func update(_ site: RenderedSite, from written: BuildCache.Written, stamp: (String) -> FileStamp?) throws -> BuildCache.Written {
        let fm = FileManager.default
        // Looked up one by one, in place: sets or lists of every route, made on each save, cost
        // more than the rest.
        func isGone(_ route: Route) -> Bool { site.pages[route] == nil && site.copies[route] == nil }
        let gone = written.pages.keys.filter(isGone) + written.copies.keys.filter(isGone) + written.pdfs.filter(isGone)
        for route in Set(gone).sorted(by: { $0.path > $1.path }) {
            var url = output.appendingPathComponent(route.path)
            try? fm.removeItem(at: url)
            url.deleteLastPathComponent()
            while url.path.count > output.path.count, rmdir(url.path) == 0 { url.deleteLastPathComponent() }
        }
        func place(_ route: Route) throws -> URL {
            let url = output.appendingPathComponent(route.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return url
        }
        for (route, text) in site.pages where written.pages[route] != text {
            let path = try place(route).path
            let whole = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).writing-\(getpid())").path
            do {
                try Self.write(text, to: whole)
                guard rename(whole, path) == 0 else { throw Self.writeError(path) }
            } catch {
                unlink(whole)
                throw error
            }
        }
        let now = Date().timeIntervalSince1970
        let stamps = site.copies.mapValues { stamp($0) }
        for (route, source) in site.copies {
            // As with the files a build reads: a file changed just before it was copied is
            // copied again, since a second change in the same tick would not show in its stamp.
            if let before = written.copies[route], before.source == source, let old = before.stamp, old == stamps[route],
               old.changed < before.at - 2 { continue }
            let url = try place(route)
            try? fm.removeItem(at: url)
            try WriteFailure.copy(source, to: url)
        }
        return record(site, pdfs: [], stamps: stamps, at: now)
    }

    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Makes the staged build the new Output/.
    public func publish(_ staging: URL) throws {
        do {
            try swap(staging)
        } catch {
            discard(staging)
            throw error
        }
    }

    /// Exchanges the two folders in one step where Linux allows it, else moves the old folder
    /// aside first.
    private func swap(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if Self.exchange(staging.path, output.path) {
            try fm.removeItem(at: staging)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try fm.moveItem(at: output, to: old)
        try fm.moveItem(at: staging, to: output)
        try fm.removeItem(at: old)
    }

    /// renameat2 with RENAME_EXCHANGE, through Foundation's own wrapper of the system call:
    /// Swift's Glibc module leaves renameat2 out, and Foundation's `replaceItemAt` does not
    /// exchange folders. False where the kernel or file system cannot.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        return _CF_renameat2(AT_FDCWD, a, AT_FDCWD, b, _CF_renameat2_RENAME_EXCHANGE) == 0
        #else
        return false
        #endif
    }
}
