import Foundation
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
/// - only GET and HEAD without a body pass (405, 400 otherwise): the preview serves files.
///
/// A request that passes goes alone (`Connection: close`) to FlyingFox, which listens on a
/// Unix socket no browser can reach, and its answer is copied back. The live-reload WebSocket
/// stays open through the gate, both ways.
final class RequestGate: @unchecked Sendable {
    static let maxRequestLine = 8 * 1024
    static let maxHeaders = 16 * 1024
    static let headTimeout: TimeInterval = 10
    /// Connections served at once; more are closed at once, so a flood costs no threads.
    static let maxConnections = 256
    static let livePath = "/__broadside/live"

    /// The port it listens on: the one asked for, or the one the system chose for 0.
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var open = 0
    private var stopped = false

    /// Listens on 127.0.0.1:`port` (0: any free one). Throws when the port is taken.
    init(port: UInt16) throws {
        let listener = socket(AF_INET, Self.stream, 0)
        guard listener >= 0 else { throw GateError("cannot open a socket: \(String(cString: strerror(errno)))") }
        _ = fcntl(listener, F_SETFD, FD_CLOEXEC)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw GateError(reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Accepts connections on a thread of its own, each passed to FlyingFox at `backend` (a
    /// Unix socket's path) once it is read and found right.
    func start(backend: String) {
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if lock.withLock({ stopped }) { return }
                    // Out of files for a moment: wait rather than spin.
                    if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                    continue
                }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                let admitted = lock.withLock {
                    guard open < Self.maxConnections else { return false }
                    open += 1
                    return true
                }
                guard admitted else { close(client); continue }
                let connection = Thread { [self] in
                    Connection(client: client, port: port, backend: backend).serve()
                    close(client)
                    lock.withLock { open -= 1 }
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
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    #if canImport(Glibc)
    static let stream = Int32(SOCK_STREAM.rawValue)
    #else
    static let stream = SOCK_STREAM
    #endif

    struct GateError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// One client connection through the gate.
private struct Connection {
    let client: Int32
    let port: UInt16
    let backend: String

    /// What a request is, once its head is read.
    struct Head {
        var method: String
        var target: String
        var version: String
        /// Names as sent; compare them lowercased.
        var headers: [(name: String, value: String)]
        /// Bytes that came after the head: a WebSocket's first frames.
        var rest: ArraySlice<UInt8>

        func values(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name }.map(\.value)
        }

        var path: Substring { target.prefix { $0 != "?" } }
    }

    enum Reading {
        case head(Head)
        case refused(Int, String)
        case gone
    }

    func serve() {
        // A client that stops reading an answer must not hold this thread for ever.
        setTimeout(client, SO_SNDTIMEO, seconds: 30)
        switch readHead() {
        case .gone:
            return
        case .refused(let status, let reason):
            refuse(status, reason)
        case .head(let head):
            if let (status, reason) = refusal(of: head) {
                refuse(status, reason)
            } else {
                forward(head)
            }
        }
    }

    /// Reads up to the blank line that ends the head, each byte looked at once, within the limits.
    func readHead() -> Reading {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2048)
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(RequestGate.headTimeout)
        var requestLineEnd: Int?  // index of the request line's \n
        var lineStart = 0  // where the header line being read starts
        var scanned = 0  // bytes already looked at for a \n
        var lines: [ArraySlice<UInt8>] = []
        while true {
            while let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                scanned = newline + 1
                var line = buffer[lineStart..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                lineStart = newline + 1
                if requestLineEnd == nil {
                    // Blank lines before a request are allowed (RFC 9112 §2.2).
                    if line.isEmpty && lines.isEmpty { continue }
                    guard line.count <= RequestGate.maxRequestLine else { return .refused(414, "The request line is longer than 8 KiB.") }
                    requestLineEnd = newline
                    lines.append(line)
                    continue
                }
                if line.isEmpty {
                    return parse(lines, rest: buffer[(newline + 1)...])
                }
                lines.append(line)
                guard newline - requestLineEnd! <= RequestGate.maxHeaders else {
                    return .refused(431, "The request's headers are longer than 16 KiB.")
                }
            }
            scanned = buffer.count
            if let requestLineEnd {
                guard buffer.count - requestLineEnd <= RequestGate.maxHeaders + 2 else {
                    return .refused(431, "The request's headers are longer than 16 KiB.")
                }
            } else if buffer.count - lineStart > RequestGate.maxRequestLine + 1 {
                return .refused(414, "The request line is longer than 8 KiB.")
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return buffer.isEmpty ? .gone : .refused(408, "The request did not arrive within 10 s.") }
            var ready = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, Int32(left * 1000) + 1)
            if polled < 0 && errno == EINTR { continue }
            guard polled > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return .gone }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private func parse(_ lines: [ArraySlice<UInt8>], rest: ArraySlice<UInt8>) -> Reading {
        let parts = String(decoding: lines[0], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return .refused(400, "The request line is not METHOD TARGET HTTP/1.1.") }
        guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else { return .refused(400, "Only HTTP/1.1 is served.") }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                  !text[..<colon].contains(where: { $0 == " " || $0 == "\t" }) else {
                return .refused(400, "A header line is not NAME: VALUE.")
            }
            headers.append((String(text[..<colon]), text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return .head(Head(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers, rest: rest))
    }

    /// Why `head` is not served, or nil when it is.
    func refusal(of head: Head) -> (Int, String)? {
        let hosts = ["127.0.0.1:\(port)", "localhost:\(port)"] + (port == 80 ? ["127.0.0.1", "localhost"] : [])
        let host = head.values("host")
        guard host.count == 1, hosts.contains(host[0].lowercased()) else {
            return (421, "This preview answers only to http://127.0.0.1:\(port)/ and http://localhost:\(port)/.")
        }
        guard head.method == "GET" || head.method == "HEAD" else { return (405, "The preview serves GET and HEAD only.") }
        guard head.values("transfer-encoding").isEmpty, head.values("content-length").allSatisfy({ $0 == "0" }) else {
            return (400, "A request to the preview has no body.")
        }
        // A WebSocket is the one request a page of any site may send to any address with its
        // answer readable (browsers check nothing, the server must): only the live-reload socket
        // upgrades, and only for the preview's own pages. (`/__broadside/./live` would reach it too.)
        let upgrades = !head.values("upgrade").isEmpty
        if upgrades && head.path != RequestGate.livePath { return (400, "Only \(RequestGate.livePath) upgrades.") }
        if upgrades || head.path == RequestGate.livePath {
            let origins = ["http://127.0.0.1:\(port)", "http://localhost:\(port)"]
            let origin = head.values("origin")
            guard origin.count == 1, origins.contains(origin[0].lowercased()) else {
                return (403, "Build news is only for the preview's own pages.")
            }
        }
        return nil
    }

    func forward(_ head: Head) {
        guard let backend = connectBackend() else {
            refuse(503, "The preview is not ready.")
            return
        }
        defer { close(backend) }
        let upgrade = !head.values("upgrade").isEmpty  // to the live socket from its own page, as checked
        var text = "\(head.method) \(head.target) \(head.version)\r\n"
        for (name, value) in head.headers {
            // The gate decides how long a connection lasts, so its headers are its own.
            let lower = name.lowercased()
            if !upgrade && (lower == "connection" || lower == "keep-alive" || lower == "proxy-connection") { continue }
            text += "\(name): \(value)\r\n"
        }
        text += upgrade ? "\r\n" : "Connection: close\r\n\r\n"
        guard writeAll(backend, Array(text.utf8)) else { return }
        if upgrade {
            guard writeAll(backend, Array(head.rest)) else { return }
            relayBothWays(backend)
        } else {
            // Anything after the request (another one, pipelined) is not passed: the answer
            // says the connection closes, and the client asks again on a new one.
            relayAnswer(backend)
            lingeringClose()
        }
    }

    /// Copies FlyingFox's answer to the client, its head saying `Connection: close`.
    private func relayAnswer(_ backend: Int32) {
        setTimeout(backend, SO_RCVTIMEO, seconds: 60)
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var headSent = false
        while true {
            let count = chunk.withUnsafeMutableBytes { read(backend, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            if headSent {
                guard writeAll(client, Array(chunk[0..<count])) else { return }
                continue
            }
            buffer.append(contentsOf: chunk[0..<count])
            let end = [UInt8]("\r\n\r\n".utf8)
            guard let found = buffer.indices.dropLast(3).first(where: { buffer[$0..<($0 + 4)].elementsEqual(end) }) else {
                if buffer.count > 64 * 1024 { return }
                continue
            }
            let lines = String(decoding: buffer[..<found], as: UTF8.self).components(separatedBy: "\r\n")
                .filter { !$0.lowercased().hasPrefix("connection:") }
            guard writeAll(client, Array((lines.joined(separator: "\r\n") + "\r\nConnection: close\r\n\r\n").utf8)),
                  writeAll(client, Array(buffer[(found + 4)...])) else { return }
            headSent = true
        }
        if !headSent && !buffer.isEmpty { _ = writeAll(client, buffer) }
    }

    /// The live-reload WebSocket: bytes both ways until either side closes.
    private func relayBothWays(_ backend: Int32) {
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: backend, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let polled = poll(&fds, 2, -1)
            if polled < 0 { if errno == EINTR { continue } else { return } }
            for index in 0..<2 where fds[index].revents != 0 {
                let from = fds[index].fd, to = index == 0 ? backend : client
                let count = chunk.withUnsafeMutableBytes { read(from, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    // The page went away: FlyingFox hears the end and closes its side.
                    if index == 0 { shutdown(backend, Int32(SHUT_WR)); fds[0].fd = -1; continue }
                    return
                }
                guard writeAll(to, Array(chunk[0..<count])) else { return }
            }
        }
    }

    private func refuse(_ status: Int, _ reason: String) {
        let phrases = [400: "Bad Request", 403: "Forbidden", 405: "Method Not Allowed", 408: "Request Timeout",
                       414: "URI Too Long", 421: "Misdirected Request", 431: "Request Header Fields Too Large",
                       503: "Service Unavailable"]
        let body = reason + "\n"
        let allow = status == 405 ? "Allow: GET, HEAD\r\n" : ""
        let text = "HTTP/1.1 \(status) \(phrases[status] ?? "Error")\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\(allow)Connection: close\r\n\r\n\(body)"
        _ = writeAll(client, Array(text.utf8))
        lingeringClose()
    }

    /// Closing a socket with unread bytes in it (the rest of a 100 KB line) resets the
    /// connection, and the client may lose the answer before reading it. So: no more writing,
    /// then read and drop what the client still sends, for a second or 1 MB at most.
    private func lingeringClose() {
        shutdown(client, Int32(SHUT_WR))
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let deadline = Date().addingTimeInterval(1)
        var dropped = 0
        while dropped < 1 << 20, case let left = deadline.timeIntervalSinceNow, left > 0 {
            var ready = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(left * 1000) + 1) > 0 else { return }
            let count = chunk.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            dropped += count
        }
    }

    private func connectBackend() -> Int32? {
        let fd = socket(AF_UNIX, RequestGate.stream, 0)
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(backend.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { close(fd); return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
            raw[path.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        return fd
    }
}

/// Writes all of `bytes`; false when the other side is gone or stopped reading for 30 s.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        sent += count
    }
    return true
}

private func setTimeout(_ fd: Int32, _ option: Int32, seconds: Int) {
    var time = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, option, &time, socklen_t(MemoryLayout<timeval>.size))
}
