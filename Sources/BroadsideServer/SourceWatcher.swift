import Broadside
import FlyingSocks
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Notices a saved file under Content/ or Site/. On Linux the kernel says so the moment it
/// happens (inotify, one watch per folder, and a watch on the parent of a folder not made
/// yet); where it cannot, the folders are looked at every quarter second. Saves that come in a
/// burst (an editor writing a backup, then the file) make one rebuild, and saves during a
/// rebuild make one more after it.
struct SourceWatcher: Sendable {
    let folders: [String]
    /// How long a burst of saves may last: one rebuild follows the last of them.
    var settle: Duration = .milliseconds(20)
    var interval: Duration = .milliseconds(250)

    /// Calls `changed` after each change, one at a time, until the task is cancelled, with
    /// the files whose contents changed since the last call; nil when files may also have
    /// been added or removed, or when the watcher cannot tell.
    /// `ready` is called once the folders are watched: a save from then on is not missed.
    func watch(ready: @escaping @Sendable () -> Void, _ changed: @Sendable (_ edited: Set<String>?) async -> Void) async {
        let (changes, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let stop = StopFlag()
        let edited = EditedFiles(ready: ready)
        // Its own thread: waiting on the kernel must not hold one of the few threads that
        // serve pages and run builds.
        let thread = Thread {
            var kernel = watchWithKernel(signal, edited: edited, stop: stop, announce: false)
            while kernel == .rewatch { kernel = watchWithKernel(signal, edited: edited, stop: stop, announce: true) }
            if kernel == .unavailable { poll(signal, edited: edited, stop: stop) }
            signal.finish()
        }
        thread.start()
        await withTaskCancellationHandler {
            for await _ in changes { await changed(edited.take()) }
        } onCancel: {
            stop.set()
        }
    }

    private enum Kernel {
        case stopped
        /// Another system, or no watches left: looking every quarter second takes over.
        case unavailable
        /// A watched folder appeared or went away: watch the folders as they are now.
        case rewatch
    }

    /// `announce`: tell of a change once the watches are set, for what changed while they were not.
    private func watchWithKernel(_ signal: AsyncStream<Void>.Continuation, edited: EditedFiles, stop: StopFlag, announce: Bool) -> Kernel {
        #if os(Linux)
        let inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { return .unavailable }
        defer { close(inotify) }
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        var folderOf: [Int32: String] = [:]
        func add(_ folder: String) -> Bool {
            let watch = inotify_add_watch(inotify, folder, mask)
            guard watch >= 0 else { return errno == ENOENT || errno == ENOTDIR }
            folderOf[watch] = folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                    guard add(joined(folder, name)) else { return false }
                }
            }
            return true
        }
        // A folder not there yet (a site with no Site/): its parent says when it appears.
        var awaited: [Int32: String] = [:]
        for folder in folders {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
                guard add(folder) else { return .unavailable }
            } else {
                let url = URL(fileURLWithPath: folder)
                let watch = inotify_add_watch(inotify, url.deletingLastPathComponent().path, UInt32(IN_CREATE | IN_MOVED_TO))
                guard watch >= 0 else { return .unavailable }
                awaited[watch] = url.lastPathComponent
            }
        }
        let roots = Set(folderOf.filter { folders.contains($0.value) }.keys)
        // What changed before the watches were set is not known: the next build looks at everything.
        edited.unknown()
        edited.watching()
        if announce { signal.yield() }
        let events = Socket(file: .init(rawValue: inotify))
        var pending = false
        while !stop.isSet {
            var waiting = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
            // A burst is over when nothing more comes within `settle`.
            let ready = Glibc.poll(&waiting, 1, pending ? Int32(settle.milliseconds) : 200)
            if ready <= 0 {
                if pending {
                    pending = false
                    signal.yield()
                }
                continue
            }
            // Non-blocking, and said to be ready: an empty or failed read is retried after the next poll.
            guard let buffer = try? events.read(atMost: 64 * 1024) else { continue }
            for event in InotifyEvent.all(in: buffer) {
                let name = event.name
                if let folder = awaited[event.wd] {
                    guard name == folder else { continue }
                    signal.yield()
                    return .rewatch
                }
                let inPlace = event.mask & UInt32(IN_ISDIR) == 0 && event.mask & UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB) != 0
                // Editors' swap files (hidden: a build skips them) are not the site's, nor are
                // writes to backups (`page.md~`): never read, and copied again by the next rebuild.
                if name.hasPrefix(".") || (inPlace && name.hasSuffix("~")) { continue }
                // A file written in place is named; anything else (a file or folder added,
                // removed or renamed, events lost) changes what there is, and the next build
                // looks at everything again.
                if inPlace, let folder = folderOf[event.wd] {
                    edited.add(joined(folder, name))
                } else {
                    edited.unknown()
                }
                if event.mask & UInt32(IN_IGNORED) != 0 && roots.contains(event.wd) {
                    signal.yield()
                    return .rewatch
                }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folderOf[event.wd],
                   !add(joined(parent, name)) {
                    signal.yield()
                    return .unavailable
                }
                pending = true
            }
        }
        return .stopped
        #else
        return .unavailable
        #endif
    }

    /// Every file's stamp, compared with the last look's.
    private func poll(_ signal: AsyncStream<Void>.Continuation, edited: EditedFiles, stop: StopFlag) {
        func snapshot() -> [String: FileStamp?] {
            var files: [String: FileStamp?] = [:]
            for folder in folders {
                for path in (try? FileIO.disk.listFiles(folder)) ?? [] {
                    files[folder + "/" + path] = FileIO.disk.stamp(folder + "/" + path)
                }
            }
            return files
        }
        var last = snapshot()
        edited.watching()
        while !stop.isSet {
            Thread.sleep(forTimeInterval: Double(interval.milliseconds) / 1000)
            let now = snapshot()
            if now != last {
                last = now
                edited.unknown()
                signal.yield()
            }
        }
    }
}

/// `folder/name`, written as a build writes paths (`Content/` and `Content` give the same).
private func joined(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

/// The files written since a build last asked, gathered by the watcher's thread.
private final class EditedFiles: Sendable {
    /// nil: not known (files added or removed, events lost, or no watches yet).
    private let paths = Mutex<Set<String>?>(nil)
    private let ready: Mutex<(@Sendable () -> Void)?>

    init(ready: @escaping @Sendable () -> Void) {
        self.ready = Mutex(ready)
    }

    /// The folders are watched: says so the first time.
    func watching() {
        let first = ready.withLock { ready in
            defer { ready = nil }
            return ready
        }
        first?()
    }

    func add(_ path: String) {
        paths.withLock { _ = $0?.insert(path) }
    }

    func unknown() {
        paths.withLock { $0 = nil }
    }

    /// What changed, and a fresh start for the next build.
    func take() -> Set<String>? {
        paths.withLock { paths in
            defer { paths = [] }
            return paths
        }
    }
}

/// A flag one thread sets and another reads.
private final class StopFlag: Sendable {
    private let value = Atomic(false)

    func set() {
        value.store(true, ordering: .releasing)
    }

    var isSet: Bool {
        value.load(ordering: .acquiring)
    }
}

extension Duration {
    var milliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
