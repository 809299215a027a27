import Broadside
import Foundation
import Synchronization

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
    let counts = BuildCounts()

    /// Builds, tells, and returns what the editor needs of the build.
    @discardableResult
    func rebuild(edited: Set<String>?) async -> BuildSnapshot {
        let start = Date()
        let (number, result) = await withCheckedContinuation { done in
            builds.async {
                cache.edited = edited
                let number = counts.start()
                done.resume(returning: (number, Build(options: options, cache: cache).run()))
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
        counts.told(number)
        return snapshot
    }

    /// The first build that starts after build `number` (`counts.started` just after a save):
    /// the watcher's, which sees the save within milliseconds; one of its own when the watcher
    /// has started none within a second. Waiting for the watcher's build, rather than building
    /// beside it, builds once per save and reloads open pages once.
    /// Nil when that build has not ended within `waitLimit`: the editor answers before the
    /// gate gives up on it (60 s without a byte).
    func build(after number: Int) async -> BuildSnapshot? {
        let deadline = Date().addingTimeInterval(1)
        while counts.started <= number && Date() < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        guard counts.started > number else { return await rebuild(edited: nil) }
        let limit = Date().addingTimeInterval(Self.waitLimit)
        while counts.toldUpTo <= number {
            guard Date() < limit else { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
        if let last = await state.last { return last }
        return await rebuild(edited: nil)
    }

    static let waitLimit: TimeInterval = 45
}

/// A build's site model and messages: what the editor lists pages and findings from.
struct BuildSnapshot: Sendable {
    var model: Site?
    var diagnostics: Diagnostics
}

/// Builds started, and the latest one whose outcome was told: a save waits for a build that
/// started after it.
final class BuildCounts: Sendable {
    private let counts = Mutex((started: 0, told: 0))

    /// The number of the build starting now.
    func start() -> Int {
        counts.withLock {
            $0.started += 1
            return $0.started
        }
    }

    func told(_ number: Int) {
        counts.withLock { $0.told = max($0.told, number) }
    }

    var started: Int { counts.withLock { $0.started } }
    var toldUpTo: Int { counts.withLock { $0.told } }
}
