import ArgumentParser
import Broadside
import FlyingFox
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this computer, and rebuild and reload on every save.",
        discussion: "Serves the output folder at http://127.0.0.1:PORT/. A failed build shows its errors over the page while the last good site stays up. Ctrl-C stops."
    )

    @OptionGroup var folders: SiteOptions

    @Option(help: ArgumentHelp("Where the website is written.", valueName: "dir"))
    var output = "Output"

    @Option(help: ArgumentHelp("The port to serve on (0: any free one).", valueName: "port"))
    var port: UInt16 = 8000

    @Flag(help: "Also make PDF handouts on every build (slower).")
    var pdf = false

    @Flag(help: "Print each build step with its time.")
    var verbose = false

    func run() async throws {
        // First thing: from here on Ctrl-C ends `serve` with 0, whatever it is doing.
        let stops = StopSignals()
        stops.install()
        let options = try folders.writing(to: output, pdf: pdf ? .auto : .off)
        let outputRoot = URL(fileURLWithPath: options.folders.output.root, isDirectory: true)
        let state = PreviewState()
        let root = FileManager.default.currentDirectoryPath
        // Kept from build to build: a save redoes only what it touched.
        let cache = BuildCache()
        let shown = Shown()
        // One build at a time, on a thread of its own: the few threads of Swift's task pool
        // keep serving pages.
        let builds = DispatchQueue(label: "broadside.builds", qos: .userInitiated)
        @Sendable func rebuild(edited: Set<String>?) async {
            let start = Date()
            let result = await withCheckedContinuation { done in
                builds.async {
                    cache.edited = edited
                    done.resume(returning: Build(options: options, cache: cache).run())
                }
            }
            // After the first build, only what a save brought: a long list again on every
            // save would bury it. Like `build`, ten warnings of a rule at most.
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
        }
        // Watching starts before the first build, so that a save made while it runs, or just
        // after, is not missed.
        let (watched, watchesSet) = AsyncStream.makeStream(of: Void.self)
        let watching = Task {
            await SourceWatcher(folders: [options.folders.content.root, options.folders.site.root])
                .watch(ready: { watchesSet.finish() }) { await rebuild(edited: $0) }
        }
        defer { watching.cancel() }
        for await _ in watched {}
        if stops.isStopping { return }
        // A Ctrl-C during the first build lets it finish within StopSignals' grace (Output/
        // whole, nothing left beside it), and ends here.
        await rebuild(edited: nil)
        if stops.isStopping { return }

        // Browsers reach the gate; the gate reaches FlyingFox on a Unix socket of this process.
        let gate: RequestGate
        do {
            gate = try RequestGate(port: port)
        } catch {
            // Most often the port is taken: another preview, or another program.
            FileHandle.standardError.write(Data("error: cannot serve on port \(port): \(error)\nChoose another port with --port, like --port 8001.\n".utf8))
            throw ExitCode.failure
        }
        let backend = FileManager.default.temporaryDirectory
            .appendingPathComponent("broadside-\(getpid())-\(UUID().uuidString.prefix(8)).sock").path
        stops.atForcedExit { unlink(backend) }
        defer { unlink(backend) }
        let server = HTTPServer(address: sockaddr_un.unix(path: backend), logger: .disabled)
        await server.appendRoute("GET /__broadside/live", to: WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: LiveReload(state: state))))
        await server.appendRoute(HTTPRoute(method: .GET, path: PreviewFiles.script)) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: Data(PackageResources.live_reload_js))
        }
        await server.appendRoute("GET /__broadside/status") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data(await state.status.utf8))
        }
        await server.appendRoute("GET *", to: PreviewFiles(output: outputRoot))

        // Stopping ends the server however it ends: that is success. A stop asked before
        // FlyingFox started is caught once it listens; one that hangs, by StopSignals' grace.
        stops.onStop {
            gate.stop()
            Task { await server.stop(timeout: 0.5) }
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    try await server.waitUntilListening()
                    if stops.isStopping {
                        await server.stop(timeout: 0)
                        return
                    }
                    gate.start(backend: backend)
                    say("Serving http://127.0.0.1:\(gate.port)/ (Ctrl-C stops)")
                }
                try await group.waitForAll()
            }
        } catch {
            if stops.isStopping { return }
            FileHandle.standardError.write(Data("error: the preview server stopped: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// The messages printed so far, so each build prints only those it adds.
private final class Shown: @unchecked Sendable {
    private let lock = NSLock()
    private var printed: [Diagnostic] = []

    /// `diagnostics` in `Diagnostics.sorted` order. Both lists are in that order, so one walk
    /// through them finds what is new: a large site's thousands of messages, compared in a
    /// moment (messages of a page that was not made again are the same strings).
    func new(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        lock.withLock {
            // Read through a local: each element read from the property itself is copied first.
            let before = printed
            printed = diagnostics
            var old = before.startIndex
            return diagnostics.filter { diagnostic in
                while old < before.endIndex, Diagnostics.inOrder(before[old], diagnostic) { old += 1 }
                return old == before.endIndex || before[old] != diagnostic
            }
        }
    }
}

/// A line on standard output at once, unbuffered: a program reading the preview's output (an
/// editor, a test) sees each build as it ends.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
