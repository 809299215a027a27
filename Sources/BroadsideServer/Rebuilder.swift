import Broadside
import Foundation

/// Builds the site when asked, one build at a time, and tells the terminal and open pages.
struct Rebuilder: Sendable {
    let options: BuildOptions
    let verbose: Bool
    let state: PreviewState
    let root = FileManager.default.currentDirectoryPath
    /// Kept from build to build: a save redoes only what it touched.
    let cache = BuildCache()
    let shown = NewDiagnostics()
    /// One build at a time, on a thread of its own: the few threads of Swift's task pool keep
    /// serving pages.
    let builds = DispatchQueue(label: "broadside.builds", qos: .userInitiated)

    /// Builds, tells, and returns what the editor needs of the build.
    @discardableResult
    func rebuild(edited: Set<String>?) async -> BuildSnapshot {
        let start = Date()
        let result = await withCheckedContinuation { done in
            builds.async {
                cache.edited = edited
                done.resume(returning: Build(options: options, cache: cache).run())
            }
        }
        // After the first build, only what a save brought: a long list again on every save
        // would bury it. Like `build`, ten warnings of a rule at most.
        FileHandle.standardError.write(Data(Diagnostics.printed(shown.new(result.diagnostics.sorted),
                                                                warningsPerRule: Diagnostics.warningsShownPerRule)))
        if result.diagnostics.hasErrors {
            await state.failed(result.diagnostics.all, root: root)
            say("Build failed: the errors show in the browser; the last good site is still served.")
        } else {
            await state.built()
            let made = result.reusedPages > 0 ? " (\(result.madePages) of \(result.madePages + result.reusedPages) pages made again)" : ""
            say("Built \(result.pageCount) pages\(made) in \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
            if verbose {
                say(result.steps.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", "))
            }
        }
        let snapshot = BuildSnapshot(model: result.model, diagnostics: result.diagnostics)
        await state.keep(snapshot)
        return snapshot
    }
}

/// A build's site model and messages: what the editor lists pages and findings from.
struct BuildSnapshot: Sendable {
    var model: Site?
    var diagnostics: Diagnostics
}
