import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A connection to 127.0.0.1 made by hand, to send what no well-behaved client sends: a
/// 100 KB request line, a foreign Host, a WebSocket upgrade from another origin. Every read
/// has a deadline.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32

    convenience init(port: UInt16) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        try self.init(AF_INET, address, "port \(port)")
    }

    /// A connection to a Unix socket: FlyingFox's own, which the gate passes requests to.
    convenience init(unixPath: String) throws {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(unixPath.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw ConnectionFailed(description: "too long for a socket's path: \(unixPath)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        try self.init(AF_UNIX, address, unixPath)
    }

    /// A stream socket of `family` connected to `address` (a `sockaddr_in` or `sockaddr_un`).
    private init<Address>(_ family: Int32, _ address: Address, _ name: String) throws {
        #if canImport(Glibc)
        fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(family, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ConnectionFailed(description: "no socket: \(String(cString: strerror(errno)))") }
        var address = address
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<Address>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw ConnectionFailed(description: "cannot connect to \(name): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    /// Sends all of `text`; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a closed connection is an answer here, not a reason to end the tests.
            let count = bytes[sent...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// What the server sends until it closes the connection, or until `until` holds for what
    /// came so far, `seconds` at most; nil when the deadline passed first.
    func read(within seconds: TimeInterval, until enough: (String) -> Bool = { _ in false }) -> String? {
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let deadline = Date().addingTimeInterval(seconds)
        while case let left = deadline.timeIntervalSinceNow, left > 0 {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(left * 1000) + 1) > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            // Closed (or reset, after the answer was read): what came is the answer.
            guard count > 0 else { return String(decoding: data, as: UTF8.self) }
            data += chunk[0..<count]
            if enough(String(decoding: data, as: UTF8.self)) { return String(decoding: data, as: UTF8.self) }
        }
        return nil
    }

    /// The status line's code of `answer` ("HTTP/1.1 414 URI Too Long" → 414), 0 for none.
    static func status(of answer: String?) -> Int {
        guard let answer, answer.hasPrefix("HTTP/1.") else { return 0 }
        return Int(answer.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

struct ConnectionFailed: Error, CustomStringConvertible {
    var description: String
}
