import Broadside
import FlyingFox
import Foundation

/// What open pages need to hear: each build's outcome. A new page hears the current one, so a
/// page opened while the site is broken shows the errors at once.
actor PreviewState {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    private var errors: [[String: String]] = []
    /// Good builds so far, for `/__broadside/status`.
    private(set) var builds = 0
    /// The last build's, finished or failed: what the editor shows.
    private(set) var last: BuildSnapshot?

    func keep(_ snapshot: BuildSnapshot) {
        last = snapshot
    }

    func subscribe(_ continuation: AsyncStream<WSMessage>.Continuation) -> UUID {
        let id = UUID()
        clients[id] = continuation
        if !errors.isEmpty { continuation.yield(.text(Self.json(["errors": errors]))) }
        return id
    }

    func unsubscribe(_ id: UUID) {
        clients[id] = nil
    }

    /// After a good build: every open page reloads.
    func built() {
        builds += 1
        errors = []
        broadcast(Self.json(["reload": true]))
    }

    /// After a failed build: every open page shows what to fix, over the last good site.
    func failed(_ diagnostics: [Diagnostic], root: String) {
        errors = diagnostics.filter { $0.severity == .error }.map { Self.describe($0, root: root) }
        broadcast(Self.json(["errors": errors]))
    }

    var status: String { Self.json(["builds": builds, "errors": errors]) }

    private func broadcast(_ text: String) {
        for client in clients.values { client.yield(.text(text)) }
    }

    /// `path:line:col`, the message, and the line of the file it points at.
    private static func describe(_ diagnostic: Diagnostic, root: String) -> [String: String] {
        var entry = ["location": diagnostic.location.map(\.description) ?? "site", "message": diagnostic.message]
        if let location = diagnostic.location {
            let path = location.path.hasPrefix("/") ? location.path : root + "/" + location.path
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if location.line >= 1 && location.line <= lines.count { entry["source"] = String(lines[location.line - 1]) }
            }
        }
        return entry
    }

    private static func json(_ value: [String: Any]) -> String {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// The live-reload socket: each connection hears the builds until the page goes away.
struct LiveReload: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
        let id = await state.subscribe(continuation)
        Task {
            for await _ in client {}  // the page says nothing; its end is the end of the stream
            await state.unsubscribe(id)
            continuation.finish()
        }
        return messages
    }
}
