import Foundation

/// One step of a build: load, parse, assemble, render, check, write, print or publish. Each
/// lives in its stage's folder, takes what the steps before it made, and returns its own.
protocol BuildStep {
    associatedtype Output
    /// What it throws: most steps throw nothing; writing and publishing throw file-system errors.
    associatedtype Failure: Error = Never
    /// Its name in the `[i/n] name` lines a build prints.
    static var name: String { get }
    func run(_ build: inout BuildRun) throws(Failure) -> Output
}

/// What every step of one build shares: its options, files, cache and findings, and the
/// steps' timings in the order they ran. One step runs at a time, so no two timings overlap.
struct BuildRun {
    let options: BuildOptions
    let io: FileIO
    /// What the last build in this process left for this one; nil: a clean build.
    let cache: BuildCache?
    var diagnostics = Diagnostics()
    private(set) var steps: [Build.Step] = []

    init(options: BuildOptions, io: FileIO, cache: BuildCache?) {
        self.options = options
        self.io = io
        self.cache = cache
    }

    var folders: SiteFolders { options.folders }

    /// `<root>/.broadside-cache`: kept between builds, outside Output/ (PDFs, the PDF engine's fonts).
    var cacheFolder: URL {
        URL(fileURLWithPath: options.root).appendingPathComponent(".broadside-cache")
    }

    /// Runs `step`, timed.
    mutating func run<Step: BuildStep>(_ step: Step) throws(Step.Failure) -> Step.Output {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { steps.append(Build.Step(name: Step.name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try step.run(&self)
    }

    /// Reports a failure to write Output/ (or its staging folder) as an error on the folder.
    mutating func writeFailed(_ error: any Error) {
        diagnostics.error("could not write the site: \(error.localizedDescription)", at: SourceLocation(path: folders.output.display("")))
    }
}
