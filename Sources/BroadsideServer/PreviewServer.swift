import Broadside
import FlyingFox
import Foundation

/// `broadside serve`: builds the site, serves it on 127.0.0.1, and on every save builds again
/// and tells open pages to reload (or shows them the errors over the last good site).
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    /// 0: any free port.
    public var port: UInt16
    /// Prints each build step with its time.
    public var verbose: Bool
    /// Also serves the editor under `/__edit/`, behind a link with a token printed at start.
    public var edit: Bool

    public init(options: BuildOptions, port: UInt16, verbose: Bool = false, edit: Bool = false) {
        self.options = options
        self.port = port
        self.verbose = verbose
        self.edit = edit
    }

    /// Why the preview cannot serve, in words for the person who started it.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Serves until `stops` says stop, then returns. Install `stops` first, so that a Ctrl-C
    /// during the first build is heard.
    public func run(stops: StopSignals) async throws(Failure) {
        let editing: (EditSession, EditFolders)?
        if edit {
            guard let folders = EditFolders(options) else {
                throw Failure(description: "--edit saves only inside the project folder: give --content and --site as folders inside --root")
            }
            editing = (EditSession(), folders)
        } else {
            editing = nil
        }
        let state = PreviewState()
        // Watching starts before the first build, so that a save made while it runs, or just
        // after, is not missed.
        let builder = Rebuilder(options: options, verbose: verbose, state: state)
        let (watched, watchesSet) = AsyncStream.makeStream(of: Void.self)
        let watching = Task {
            await SourceWatcher(folders: [options.folders.content.root, options.folders.site.root])
                .watch(ready: { watchesSet.finish() }) { await builder.rebuild(edited: $0) }
        }
        defer { watching.cancel() }
        for await _ in watched {}
        if stops.isStopping { return }
        // A Ctrl-C during the first build lets it finish within StopSignals' grace (Output/
        // whole, nothing left beside it), and ends here.
        await builder.rebuild(edited: nil)
        if stops.isStopping { return }

        // Browsers reach the gate; the gate reaches FlyingFox on a Unix socket of this process.
        let gate: RequestGate
        let editorGate: RequestGate?
        do {
            gate = try RequestGate(port: port)
        } catch {
            // Most often the port is taken: another preview, or another program.
            throw Failure(description: "cannot serve on port \(port): \(error)\nChoose another port with --port, like --port 8001.")
        }
        do {
            // Another port is another origin: a script on a preview page cannot read the editor.
            editorGate = try editing.map { try RequestGate(port: 0, edit: $0.0) }
        } catch {
            throw Failure(description: "cannot open a port for the editor: \(error)")
        }
        let backend = FileManager.default.temporaryDirectory
            .appendingPathComponent("broadside-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).sock").path
        stops.atForcedExit { try? FileManager.default.removeItem(atPath: backend) }
        defer { try? FileManager.default.removeItem(atPath: backend) }
        let server = HTTPServer(address: sockaddr_un.unix(path: backend), logger: .disabled)
        if let (session, folders) = editing {
            let desk = EditDesk(folders: folders, builder: builder, state: state)
            let api = EditAPI(session: session, desk: desk, state: state, content: options.folders.content.root,
                              preview: "http://127.0.0.1:\(gate.port)")
            await server.appendRoute("/__edit/", to: api)
            await server.appendRoute("/__edit/*", to: api)
        }
        await routes(server, state: state)

        // Stopping ends the server however it ends: that is success. A stop asked before
        // FlyingFox started is caught once it listens; one that hangs, by StopSignals' grace.
        stops.onStop {
            gate.stop()
            editorGate?.stop()
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
                    editorGate?.start(backend: backend)
                    say("Serving http://127.0.0.1:\(gate.port)/ (Ctrl-C stops)")
                    if let (session, _) = editing, let editorGate { say("Editing at \(session.link(port: editorGate.port))") }
                }
                try await group.waitForAll()
            }
        } catch {
            if stops.isStopping { return }
            throw Failure(description: "the preview server stopped: \(error)")
        }
    }

    private func routes(_ server: HTTPServer, state: PreviewState) async {
        await server.appendRoute("GET /__broadside/live", to: WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: LiveReload(state: state))))
        await server.appendRoute(HTTPRoute(method: .GET, path: PreviewFiles.script)) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: Data(PackageResources.live_reload_js))
        }
        await server.appendRoute("GET /__broadside/status") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data(await state.status.utf8))
        }
        await server.appendRoute("GET *", to: PreviewFiles(output: URL(fileURLWithPath: options.folders.output.root, isDirectory: true)))
    }
}

/// A line on standard output at once, unbuffered: a program reading the preview's output (an
/// editor, a test) sees each build as it ends.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
