import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What passes between the client and FlyingFox once a request is let through, and how a
/// connection ends.
extension Connection {
    /// Copies FlyingFox's answer to the client, its head saying `Connection: close`.
    func relayAnswer(_ backend: Socket) {
        backend.setTimeout(SO_RCVTIMEO, seconds: 60)
        var buffer: [UInt8] = []
        var headSent = false
        while case .bytes(let chunk) = backend.receive(atMost: 16 * 1024) {
            if headSent {
                guard client.send(chunk) else { return }
                continue
            }
            buffer.append(contentsOf: chunk)
            let end = [UInt8]("\r\n\r\n".utf8)
            guard let found = buffer.indices.dropLast(3).first(where: { buffer[$0..<($0 + 4)].elementsEqual(end) }) else {
                if buffer.count > 64 * 1024 { return }
                continue
            }
            let lines = String(decoding: buffer[..<found], as: UTF8.self).components(separatedBy: "\r\n")
                .filter { !$0.lowercased().hasPrefix("connection:") }
            guard client.send((lines.joined(separator: "\r\n") + "\r\nConnection: close\r\n\r\n").utf8),
                  client.send(buffer[(found + 4)...]) else { return }
            headSent = true
        }
        if !headSent && !buffer.isEmpty { _ = client.send(buffer) }
    }

    /// The live-reload WebSocket: bytes both ways until either side closes.
    func relayBothWays(_ backend: Socket) {
        let sockets = [client, backend]
        var fds = sockets.map { pollfd(fd: $0.file.rawValue, events: Int16(POLLIN), revents: 0) }
        while true {
            let polled = poll(&fds, nfds_t(fds.count), -1)
            if polled < 0 { if errno == EINTR { continue } else { return } }
            for index in sockets.indices where fds[index].revents != 0 {
                switch sockets[index].receive(atMost: 16 * 1024) {
                case .bytes(let chunk):
                    guard sockets[1 - index].send(chunk) else { return }
                case .nothing:
                    continue
                case .end:
                    // The page went away: FlyingFox hears the end and closes its side.
                    guard index == 0 else { return }
                    backend.shutdown(Int32(SHUT_WR))
                    fds[0].fd = -1
                }
            }
        }
    }

    /// Closing a socket with unread bytes in it (the rest of a 100 KB line) resets the
    /// connection, and the client may lose the answer before reading it. So: no more writing,
    /// then read and drop what the client still sends, for a second or 1 MB at most.
    func lingeringClose() {
        client.shutdown(Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(1)
        var dropped = 0
        while dropped < 1 << 20, case let left = deadline.timeIntervalSinceNow, left > 0 {
            client.setTimeout(SO_RCVTIMEO, seconds: left)
            guard case .bytes(let chunk) = client.receive(atMost: 16 * 1024) else { return }
            dropped += chunk.count
        }
    }

    /// FlyingFox's Unix socket, or nil when it does not answer.
    func connectBackend() -> Socket? {
        guard backend.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path),
              let socket = try? Socket(domain: AF_UNIX, type: .stream) else { return nil }
        socket.closeOnExec()
        do {
            try socket.connect(to: sockaddr_un.unix(path: backend))
            return socket
        } catch {
            try? socket.close()
            return nil
        }
    }
}
