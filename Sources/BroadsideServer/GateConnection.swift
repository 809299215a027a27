import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client connection through the gate: its head read within the limits, then refused with
/// a reason or passed to FlyingFox.
struct Connection {
    let client: Socket
    let port: UInt16
    let backend: String
    /// The editor's secrets, when this is the editor's gate.
    let edit: EditSession?

    func serve() {
        // A client that stops reading an answer must not hold this thread for ever.
        client.setTimeout(SO_SNDTIMEO, seconds: 30)
        switch readHead() {
        case .gone:
            return
        case .refused(let status, let reason):
            refuse(status, reason)
        case .head(let head):
            if let (status, reason) = refusal(of: head) {
                refuse(status, reason)
            } else if let edit {
                serveEdit(head, edit)
            } else {
                forward(head)
            }
        }
    }

    /// Why `head` is not served, or nil when it is.
    func refusal(of head: RequestHead) -> (Int, String)? {
        let hosts = ["127.0.0.1:\(port)", "localhost:\(port)"] + (port == 80 ? ["127.0.0.1", "localhost"] : [])
        let host = head.values("host")
        guard host.count == 1, hosts.contains(host[0].lowercased()) else {
            return (421, "This preview answers only to http://127.0.0.1:\(port)/ and http://localhost:\(port)/.")
        }
        // The editor is an origin of its own, so no script a preview page carries can read it
        // or send it changes: its gate serves nothing else, the preview's nothing of it.
        switch (edit != nil, EditSession.isEditorPath(head.path)) {
        case (true, true): return nil  // the editor's rules (`EditSession.admit`)
        case (true, false): return (404, "This address serves only the editor: the site's preview is at the address after `Serving`.")
        case (false, true): return (404, "The editor is not here: open the link after `Editing at` that `broadside serve --edit` printed.")
        case (false, false): break
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

    /// `body`: a POST's, read by the gate. `stamp`: tells FlyingFox the editor's rules were met.
    func forward(_ head: RequestHead, body: [UInt8] = [], stamp: String? = nil) {
        guard let backend = connectBackend() else {
            refuse(503, "The preview is not ready.")
            return
        }
        defer { try? backend.close() }
        let upgrade = !head.values("upgrade").isEmpty  // to the live socket from its own page, as checked
        var text = "\(head.method) \(head.target) \(head.version)\r\n"
        for (name, value) in head.headers {
            // The gate decides how long a connection lasts, so its headers are its own.
            let lower = name.lowercased()
            if !upgrade && (lower == "connection" || lower == "keep-alive" || lower == "proxy-connection") { continue }
            // Only the gate stamps a request; a body is already read, so nothing is to be continued.
            if lower == EditSession.stampHeader || lower == "expect" { continue }
            text += "\(name): \(value)\r\n"
        }
        if let stamp { text += "X-Broadside-Gate: \(stamp)\r\n" }
        text += upgrade ? "\r\n" : "Connection: close\r\n\r\n"
        guard backend.send(text.utf8), backend.send(body) else { return }
        if upgrade {
            guard backend.send(head.rest) else { return }
            relayBothWays(backend)
        } else {
            // Anything after the request (another one, pipelined) is not passed: the answer
            // says the connection closes, and the client asks again on a new one.
            relayAnswer(backend)
            lingeringClose()
        }
    }

    /// `allow`: with a 405, the methods the address takes.
    func refuse(_ status: Int, _ reason: String, allow methods: String = "GET, HEAD") {
        let phrases = [400: "Bad Request", 403: "Forbidden", 405: "Method Not Allowed", 408: "Request Timeout",
                       411: "Length Required", 413: "Content Too Large", 414: "URI Too Long", 421: "Misdirected Request", 431: "Request Header Fields Too Large",
                       503: "Service Unavailable"]
        let body = reason + "\n"
        let allow = status == 405 ? "Allow: \(methods)\r\n" : ""
        let text = "HTTP/1.1 \(status) \(phrases[status] ?? "Error")\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\(allow)Connection: close\r\n\r\n\(body)"
        _ = client.send(text.utf8)
        lingeringClose()
    }
}
