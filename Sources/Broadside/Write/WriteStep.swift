import Foundation

/// Step 6: what render did not write as it went (generated pages, handouts, the theme's files,
/// copies of pictures and documents) goes into the staging folder, with the folder's marker.
/// A rebuild in a process that wrote Output/ updates it in place instead: only changed files.
/// Not with PDFs, whose failure must leave Output/ as it was.
struct WriteStep: BuildStep {
    static let name = "write"
    let rendered: RenderedSite
    let writer: OutputWriter
    /// The staging folder render wrote into, if it did.
    let staging: StagingFolder?
    let printsPDFs: Bool

    enum Written {
        /// Output/ is up to date: nothing left to print or publish.
        case inPlace
        /// The staging folder holds the site, to print into and then publish, with the copied
        /// files' stamps taken before copying: an edit made while the site is written shows next time.
        case staged(StagingFolder, stamps: [Route: FileStamp?], at: Double)
    }

    func run(_ build: inout BuildRun) throws -> Written {
        if let cache = build.cache, let written = cache.written, !printsPDFs, writer.isOurs {
            do {
                cache.written = try writer.update(rendered, from: written, stamp: build.io.stamp)
            } catch {
                cache.written = nil  // what Output/ holds is no longer known: the next build writes it whole
                throw error
            }
            return .inPlace
        }
        let copiedAt = Date().timeIntervalSince1970
        let stamps = build.cache == nil ? [:] : rendered.copies.mapValues { build.io.stamp($0) }
        let staging = try staging ?? StagingFolder(writer.openStaging())
        try writer.stage(rendered, in: staging.url)
        return .staged(staging, stamps: stamps, at: copiedAt)
    }
}
