import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request's line and headers, once read.
struct RequestHead {
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

/// How reading a request's head ended.
enum Reading {
    case head(RequestHead)
    case refused(Int, String)
    case gone
}

extension Connection {
    /// Reads up to the blank line that ends the head, each byte looked at once, within the limits.
    func readHead() -> Reading {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2048)
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
            client.setTimeout(SO_RCVTIMEO, seconds: left)
            switch client.receive(atMost: 4096) {
            case .bytes(let chunk): buffer.append(contentsOf: chunk)
            case .nothing: continue
            case .end: return .gone
            }
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
        return .head(RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers, rest: rest))
    }
}
