import FlyingSocks
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The preview's front door on 127.0.0.1:PORT. FlyingFox 0.27.1 reads a request's line and
/// headers with no limit, byte by byte into an array it searches again on every byte, so a
/// long request takes time that grows with the square of its length (a 1 MB line holds a
/// thread of the task pool for minutes), and it has no way to bound it. So each connection is
/// read here first, on a thread of its own, by a reader that looks at each byte once:
///
/// - a request line over 8 KiB is answered 414, headers over 16 KiB 431, a request not
///   complete within 10 s 408, something that is not HTTP/1.x 400; then the connection closes;
/// - a `Host` other than 127.0.0.1:PORT or localhost:PORT is answered 421: a page of another
///   web site whose name was pointed at 127.0.0.1 (DNS rebinding) reads nothing;
/// - `/__broadside/live`, which tells a build's errors, is refused (403) to a page of any
///   origin but the preview's own;
/// - only GET and HEAD without a body pass (405, 400 otherwise): the preview serves files;
///   `serve --edit` opens a second gate, on a port of its own, for the editor: only requests
///   under `/__edit/` pass it, by the editor's rules (`EditSession`), and none pass the preview's.
///
/// A request that passes goes alone (`Connection: close`) to FlyingFox, which listens on a
/// Unix socket no browser can reach, and its answer is copied back. The live-reload WebSocket
/// stays open through the gate, both ways.
final class RequestGate: Sendable {
    static let maxRequestLine = 8 * 1024
    static let maxHeaders = 16 * 1024
    static let headTimeout: TimeInterval = 10
    /// Connections served at once; more are closed at once, so a flood costs no threads.
    static let maxConnections = 256
    static let livePath = "/__broadside/live"

    /// The port it listens on: the one asked for, or the one the system chose for 0.
    let port: UInt16
    private let listener: Socket
    private let state = Mutex((open: 0, stopped: false))
    /// The editor's secrets, when this is the editor's gate.
    private let edit: EditSession?

    /// Listens on 127.0.0.1:`port` (0: any free one). Throws when the port is taken.
    init(port: UInt16, edit: EditSession? = nil) throws {
        self.edit = edit
        let listener: Socket
        do {
            listener = try Socket(domain: AF_INET, type: .stream)
        } catch {
            throw GateError("cannot open a socket: \(Self.reason(error))")
        }
        listener.closeOnExec()
        do {
            try? listener.setValue(true, for: .localAddressReuse)
            try listener.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
        } catch {
            try? listener.close()
            throw GateError(Self.reason(error))
        }
        do {
            // A listen that fails closes the socket itself.
            try listener.listen(maxPendingConnection: 128)
        } catch {
            throw GateError(Self.reason(error))
        }
        guard case .ip4(_, let actual)? = try? listener.sockname() else {
            try? listener.close()
            throw GateError("cannot tell which port was given")
        }
        self.listener = listener
        self.port = actual
    }

    /// Accepts connections on a thread of its own, each passed to FlyingFox at `backend` (a
    /// Unix socket's path) once it is read and found right.
    func start(backend: String) {
        let thread = Thread { [self] in
            while true {
                let client: Socket
                do {
                    client = Socket(file: try listener.accept().file)
                } catch {
                    if state.withLock({ $0.stopped }) { return }
                    // Out of files for a moment: wait rather than spin.
                    if case SocketError.failed(_, let code, _) = error, code == EMFILE || code == ENFILE { usleep(10_000) }
                    continue
                }
                client.closeOnExec()
                let admitted = state.withLock {
                    guard $0.open < Self.maxConnections else { return false }
                    $0.open += 1
                    return true
                }
                guard admitted else { try? client.close(); continue }
                let connection = Thread { [self] in
                    Connection(client: client, port: port, backend: backend, edit: edit).serve()
                    try? client.close()
                    state.withLock { $0.open -= 1 }
                }
                connection.stackSize = 512 * 1024
                connection.start()
            }
        }
        thread.stackSize = 256 * 1024
        thread.start()
    }

    /// Stops accepting: the waiting `accept` returns, the listening port is closed.
    func stop() {
        state.withLock { $0.stopped = true }
        listener.shutdown(Int32(SHUT_RDWR))
        try? listener.close()
    }

    /// The system's words for why a socket call failed.
    private static func reason(_ error: any Error) -> String {
        if case SocketError.failed(_, _, let message) = error { return message }
        return "\(error)"
    }

    struct GateError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
