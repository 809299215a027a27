import Foundation

/// The secrets of one `serve --edit` run, and the gate's rules for requests under `/__edit/`.
///
/// - `token`: in the link printed in the terminal; traded once per browser for the cookie, so
///   it leaves the address bar (and the history) at once.
/// - `cookie`: `HttpOnly; SameSite=Strict; Path=/__edit`: a page of another site cannot read
///   it, and its requests do not carry it.
/// - `csrf`: the editor's page carries it in a meta tag and sends it as `X-Broadside-CSRF`
///   with every POST; a form of another site cannot set a header.
/// - `stamp`: added by the gate to each request it let through; the API answers nothing
///   without it, so a request that reached FlyingFox another way (a path the gate read
///   differently, a local program on the Unix socket) gets nothing.
public struct EditSession: Sendable {
    let token: String
    let cookie: String
    let csrf: String
    let stamp: String

    static let cookieName = "broadside_edit"
    static let csrfHeader = "x-broadside-csrf"
    static let stampHeader = "x-broadside-gate"
    /// Bodies of JSON requests; an uploaded image may be larger.
    static let maxBody = 2 * 1024 * 1024
    static let maxUpload = 8 * 1024 * 1024
    static let uploadPath = "/__edit/api/upload"

    public init() {
        token = Self.secret()
        cookie = Self.secret()
        csrf = Self.secret()
        stamp = Self.secret()
    }

    /// 32 random bytes from the system's generator, in hex.
    static func secret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// The link printed in the terminal.
    public func link(port: UInt16) -> String {
        "http://127.0.0.1:\(port)/__edit/?token=\(token)"
    }

    /// Equal strings, compared in a time that does not tell how much of a guess was right.
    static func same(_ given: some StringProtocol, _ secret: String) -> Bool {
        let (a, b) = (Array(given.utf8), Array(secret.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// What the gate does with a request under `/__edit/`.
    enum Admission: Equatable {
        case refuse(Int, String)
        /// The right token: the cookie is set and the browser sent to `/__edit/`.
        case signIn
        /// Let through, after a body of this many bytes is read (0 for a GET).
        case forward(body: Int)
    }

    /// Whether the path is the editor's: a segment `__edit` in any case or encoding. Such a
    /// path must be written plainly, so the gate and FlyingFox read it the same way.
    static func isEditorPath(_ path: Substring) -> Bool {
        let decoded = String(path).removingPercentEncoding ?? String(path)
        return decoded.split(separator: "/").contains { $0.lowercased() == "__edit" }
    }

    func admit(_ head: RequestHead, port: UInt16) -> Admission {
        let path = head.path
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.hasPrefix("/__edit/"),
              segments.dropLast().allSatisfy({ !$0.isEmpty }), segments.allSatisfy({ $0 != "." && $0 != ".." }),
              !path.contains("%"), !path.contains("\\") else {
            return .refuse(400, "Editor addresses are written plainly: /__edit/…, no dots, escapes or doubled slashes.")
        }
        guard head.values("upgrade").isEmpty else { return .refuse(400, "The editor does not upgrade connections.") }
        let isAPI = path.hasPrefix("/__edit/api/")
        switch head.method {
        case "GET", "HEAD":
            guard head.values("transfer-encoding").isEmpty, head.values("content-length").allSatisfy({ $0 == "0" }) else {
                return .refuse(400, "A GET has no body.")
            }
        case "POST" where isAPI:
            break
        default:
            return .refuse(405, "The editor takes GET, and POST for its API.")
        }
        if path == "/__edit/", let given = Self.query(head.target, "token") {
            guard head.method == "GET", Self.same(given, token) else {
                return .refuse(403, "This editing link is not the one `broadside serve --edit` printed: copy it again from the terminal.")
            }
            return .signIn
        }
        guard let given = Self.cookie(in: head.values("cookie")), Self.same(given, cookie) else {
            return .refuse(403, "Open the editing link that `broadside serve --edit` printed in the terminal.")
        }
        guard head.method == "POST" else { return .forward(body: 0) }
        let origins = ["http://127.0.0.1:\(port)", "http://localhost:\(port)"]
        let origin = head.values("origin")
        guard origin.count == 1, origins.contains(origin[0].lowercased()) else {
            return .refuse(403, "Changes are taken only from the editor's own pages.")
        }
        let check = head.values(Self.csrfHeader)
        guard check.count == 1, Self.same(check[0], csrf) else {
            return .refuse(403, "The request lacks the editor's check (X-Broadside-CSRF): reload the editor.")
        }
        return bodyLength(head, limit: path == Self.uploadPath ? Self.maxUpload : Self.maxBody)
    }

    private func bodyLength(_ head: RequestHead, limit: Int) -> Admission {
        guard head.values("transfer-encoding").isEmpty else {
            return .refuse(411, "Send the body with a Content-Length: chunked bodies are not taken.")
        }
        let lengths = head.values("content-length")
        guard !lengths.isEmpty else { return .refuse(411, "A POST needs a Content-Length.") }
        guard lengths.count == 1, !lengths[0].isEmpty, lengths[0].count <= 12, lengths[0].allSatisfy(\.isASCII),
              let length = Int(lengths[0]), length >= 0 else {
            return .refuse(400, "The Content-Length is not one number.")
        }
        guard length <= limit else { return .refuse(413, "The body is larger than \(limit / 1024 / 1024) MiB.") }
        return .forward(body: length)
    }

    /// The value of `name` in the query of `target`, as sent (the token is hex: nothing to decode).
    static func query(_ target: String, _ name: String) -> Substring? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return target[target.index(after: mark)...].split(separator: "&")
            .first { $0.hasPrefix(name + "=") }?.dropFirst(name.count + 1)
    }

    /// The editor's cookie among the `Cookie` headers' pairs.
    static func cookie(in headers: [String]) -> Substring? {
        let pairs = headers.flatMap { $0.split(separator: ";") }.map { $0.trimmingCharacters(in: .whitespaces) }
        let values = pairs.filter { $0.hasPrefix(cookieName + "=") }
        guard values.count == 1 else { return nil }
        return Substring(values[0].dropFirst(cookieName.count + 1))
    }

    /// Headers every answer under `/__edit/` carries: never cached, never framed by another
    /// page, no address sent on (the first one holds the token), nothing loaded from elsewhere.
    static let answerHeaders: [(String, String)] = [
        ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        // Images may come from the preview, another port, for the live preview of a page.
        ("Content-Security-Policy", "default-src 'self'; img-src 'self' http://127.0.0.1:*; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    ]
}
