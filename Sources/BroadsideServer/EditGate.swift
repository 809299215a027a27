import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Requests under `/__edit/` at the gate, when `serve --edit` runs: admitted by
/// `EditSession`'s rules, their bodies read here within a limit and a deadline, and passed on
/// stamped.
extension Connection {
    /// How long a body may take to arrive once its head has.
    static let bodyTimeout: TimeInterval = 30

    func serveEdit(_ head: RequestHead, _ session: EditSession) {
        switch session.admit(head, port: port) {
        case .refuse(let status, let reason):
            refuse(status, reason, allow: head.path.hasPrefix("/__edit/api/") ? "GET, HEAD, POST" : "GET, HEAD")
        case .signIn:
            // 303: the token leaves the address bar; the cookie rides on every later request.
            let cookie = "\(EditSession.cookieName)=\(session.cookie); HttpOnly; SameSite=Strict; Path=/__edit"
            let headers = EditSession.answerHeaders.map { "\($0.0): \($0.1)\r\n" }.joined()
            let body = "Opening the editor.\n"
            // The full address, on the Host already checked: some clients resolve a bare path wrongly.
            let location = "http://\(head.values("host")[0].lowercased())/__edit/"
            _ = client.send(("HTTP/1.1 303 See Other\r\nLocation: \(location)\r\nSet-Cookie: \(cookie)\r\n\(headers)"
                             + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n"
                             + "Connection: close\r\n\r\n\(body)").utf8)
            lingeringClose()
        case .forward(let length):
            // A client that asks before sending its body (curl does, past 1 KB) is told to go on.
            if length > head.rest.count, head.values("expect").contains(where: { $0.lowercased() == "100-continue" }) {
                guard client.send("HTTP/1.1 100 Continue\r\n\r\n".utf8) else { return }
            }
            guard let body = readBody(length, after: head.rest) else {
                refuse(408, "The request's body did not arrive within \(Int(Self.bodyTimeout)) s.")
                return
            }
            forward(head, body: body, stamp: session.stamp)
        }
    }

    /// The body's `length` bytes, the first of them already read with the head; nil when they
    /// do not come within `bodyTimeout`. Anything sent after them is not read.
    private func readBody(_ length: Int, after rest: ArraySlice<UInt8>) -> [UInt8]? {
        var body = Array(rest.prefix(length))
        let deadline = Date().addingTimeInterval(Self.bodyTimeout)
        while body.count < length {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            client.setTimeout(SO_RCVTIMEO, seconds: left)
            switch client.receive(atMost: min(64 * 1024, length - body.count)) {
            case .bytes(let chunk): body += chunk
            case .nothing: continue
            case .end: return nil
            }
        }
        return body
    }
}
