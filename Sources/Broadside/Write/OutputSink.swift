import Foundation
import Synchronization

/// Where a build's files go as they are made, from any core: a large site's pages are written
/// as soon as each is made, so the site is never all in memory at once.
protocol OutputSink: Sendable {
    func write(_ bytes: [UInt8], at route: Route) throws
}

/// The folder beside Output/ that a build fills and `publish` swaps in whole, so that Output/
/// only ever holds a complete site: a failed build throws it away.
struct StagingFolder: OutputSink {
    let url: URL
    /// Worked out once for all files, not once a file.
    private let path: String

    init(_ url: URL) {
        self.url = url
        path = url.path
    }

    func write(_ bytes: [UInt8], at route: Route) throws {
        try OutputWriter.write(bytes, at: route, in: path)
    }
}

/// Files kept in memory as they arrive, from any core: what a build streams, seen without a
/// disk (`StreamedOutputTests` renders into one).
final class MemoryOutput: OutputSink {
    private let received = Mutex<[Route: [UInt8]]>([:])

    func write(_ bytes: [UInt8], at route: Route) throws {
        received.withLock { $0[route] = bytes }
    }

    var files: [Route: [UInt8]] { received.withLock { $0 } }
}
