import Foundation

/// Step 8: the staging folder takes Output/'s place in one swap, so Output/ is only ever a
/// complete site; in `serve`, what it now holds is kept for the next rebuild's update.
struct PublishStep: BuildStep {
    static let name = "publish"
    let writer: OutputWriter
    let staging: StagingFolder
    let rendered: RenderedSite
    let pdfs: Set<Route>
    let stamps: [Route: FileStamp?]
    let copiedAt: Double

    func run(_ build: inout BuildRun) throws {
        try writer.publish(staging.url)
        build.cache?.written = writer.record(rendered, pdfs: pdfs, stamps: stamps, at: copiedAt)
    }
}
