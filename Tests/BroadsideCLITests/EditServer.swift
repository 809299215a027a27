import BroadsideTestSupport
import Foundation
import XCTest

/// `broadside serve --edit` on a copy of the basic fixture site, spoken to over raw sockets:
/// every request's head is exactly what the test wrote, and every read has a deadline.
final class EditServer {
    let root: URL
    let process: Process
    /// The editor's port (the preview's without `--edit`), and the preview's.
    let port: UInt16
    let previewPort: UInt16
    let token: String
    private let printed: Collected
    private let errors: Collected
    /// Set by `signIn()`.
    private(set) var cookie = ""
    private(set) var csrf = ""

    /// A raw answer: status, head (lowercased), body.
    struct Answer {
        var status: Int
        var head: String
        var body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    /// `prepare` changes the copy before the server starts (a second language, a git repository).
    init(edit: Bool = true, prepare: (URL) throws -> Void = { _ in }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-edit-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.sites.appendingPathComponent("basic"), to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("expected"))
        try prepare(root)
        (process, printed, errors) = try launchServe(in: root, edit ? ["--edit"] : [])
        let wanted = edit ? "Editing at http://" : "Serving http://"
        let deadline = Date().addingTimeInterval(60)
        while !printed.text.contains(wanted) && process.isRunning && Date() < deadline { usleep(5_000) }
        let lines = printed.text.split(separator: "\n")
        guard let serving = lines.first(where: { $0.hasPrefix("Serving http://127.0.0.1:") }),
              let port = UInt16(serving.dropFirst("Serving http://127.0.0.1:".count).prefix { $0.isNumber }) else {
            throw DeadlineExceeded(description: "no `Serving` line within 60 s: \(printed.text) \(errors.text)")
        }
        previewPort = port
        let link = lines.first { $0.hasPrefix("Editing at ") }.map { String($0.dropFirst("Editing at ".count)) }
        token = link.map { String($0.split(separator: "=").last ?? "") } ?? ""
        // The editor has a port of its own: another origin than the preview's pages.
        let editorPort = link.flatMap { UInt16($0.dropFirst("http://127.0.0.1:".count).prefix { $0.isNumber }) }
        self.port = editorPort ?? port
        if edit && (link != "http://127.0.0.1:\(self.port)/__edit/?token=\(token)" || self.port == port) {
            throw DeadlineExceeded(description: "the editing line is not as documented: \(printed.text)")
        }
    }

    /// Ctrl-C, then the copy removed.
    func stop() throws {
        if process.isRunning { process.interrupt() }
        try process.waitUntilExit(within: 10, "broadside serve --edit, 10 s after Ctrl-C")
        try? FileManager.default.removeItem(at: root)
    }

    var origin: String { "http://127.0.0.1:\(port)" }

    /// Builds the server has told of so far (`Built …` and `Build failed…` lines).
    var buildsTold: Int {
        printed.text.split(separator: "\n").count { $0.hasPrefix("Built ") || $0.hasPrefix("Build failed") }
    }

    /// Sends one request as written (a `Content-Length` added for a body) and reads the whole answer.
    func send(_ method: String, _ target: String, _ headers: [String] = [], body: String? = nil, to port: UInt16? = nil) throws -> Answer {
        let port = port ?? self.port
        let client = try RawConnection(port: port)
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        text += headers.map { $0 + "\r\n" }.joined()
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        client.send(text + "\r\n" + (body ?? ""))
        guard let answer = client.read(within: 20) else {
            throw DeadlineExceeded(description: "no answer to \(method) \(target) within 20 s")
        }
        let parts = answer.components(separatedBy: "\r\n\r\n")
        return Answer(status: RawConnection.status(of: answer), head: parts[0].lowercased(), body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Trades the token for the cookie, then reads the CSRF token from the editor's page.
    func signIn() throws {
        let answer = try send("GET", "/__edit/?token=\(token)")
        guard answer.status == 303, let line = answer.head.split(separator: "\r\n").first(where: { $0.hasPrefix("set-cookie: broadside_edit=") }) else {
            throw DeadlineExceeded(description: "no cookie for the right token: \(answer.head)")
        }
        cookie = String(line.dropFirst("set-cookie: ".count).prefix { $0 != ";" })
        let page = try send("GET", "/__edit/", ["Cookie: \(cookie)"])
        guard let range = page.body.range(of: #"<meta name="broadside-csrf" content=""#) else {
            throw DeadlineExceeded(description: "no CSRF meta tag in the editor's page: \(page.body)")
        }
        csrf = String(page.body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A page of the preview.
    func page(_ target: String) throws -> Answer {
        try send("GET", target, to: previewPort)
    }

    /// A GET with the cookie.
    func get(_ target: String) throws -> Answer {
        try send("GET", target, ["Cookie: \(cookie)"])
    }

    /// A POST of `fields` as JSON, with the cookie, the editor's Origin and the CSRF header.
    func post(_ path: String, _ fields: [String: String]) throws -> Answer {
        try post(path, json: fields)
    }

    /// A POST of any JSON object (lists, numbers, nulls), as `post(_:_:)` sends it.
    func post(_ path: String, json: Any) throws -> Answer {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        return try send("POST", path, ["Cookie: \(cookie)", "Origin: \(origin)", "X-Broadside-CSRF: \(csrf)",
                                       "Content-Type: application/json"], body: body)
    }
}

/// Each test with a `serve --edit` of its own on a copy of the basic fixture (changed first by
/// `prepare`), signed in unless `signsIn` says not; stopped after the test.
class EditServerTestCase: XCTestCase {
    var server: EditServer!
    var signsIn: Bool { true }

    func prepare(_ root: URL) throws {}

    override func setUpWithError() throws {
        server = try EditServer(prepare: prepare)
        if signsIn { try server.signIn() }
    }

    override func tearDownWithError() throws {
        try server?.stop()
    }
}
