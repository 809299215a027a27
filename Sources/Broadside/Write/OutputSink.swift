import Foundation

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
