import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
/// `broadside serve --edit`'s front door, attacked: the token and cookie, other spellings of
/// `/__edit/`, Origin and CSRF checks, bodies too large or without a length, FlyingFox's socket
/// reached directly; and a browser's client signing in and listing the pages.
final class EditAccessTests: EditServerTestCase {
    override var signsIn: Bool { false }

    func testWithoutEditTheEditorIsNotThere() throws {
        let plain = try EditServer(edit: false)
        defer { try? plain.stop() }
        XCTAssertEqual(try plain.send("GET", "/__edit/?token=\(server.token)").status, 404)
        XCTAssertEqual(try plain.send("GET", "/__edit/api/pages").status, 404)
        XCTAssertEqual(try plain.send("POST", "/__edit/api/file", ["Origin: \(plain.origin)"], body: "{}").status, 404)
    }

    /// The editor is an origin of its own: a script on a preview page (an author's, a
    /// template's) cannot read the editor's page for its CSRF token, nor be taken for it.
    func testTheEditorAndThePreviewAreTwoOrigins() throws {
        try server.signIn()
        XCTAssertNotEqual(server.port, server.previewPort)
        for target in ["/__edit/", "/__edit/api/pages", "/__edit/?token=\(server.token)"] {
            let answer = try server.send("GET", target, ["Cookie: \(server.cookie)"], to: server.previewPort)
            XCTAssertEqual(answer.status, 404, "the preview serves nothing of the editor: \(target)")
            XCTAssertTrue(answer.body.contains("open the link after `Editing at`"), answer.body)
        }
        XCTAssertEqual(try server.page("/about/").status, 200)
        let page = try server.get("/about/")
        XCTAssertEqual(page.status, 404, "the editor's port serves nothing of the site")
        XCTAssertTrue(page.body.contains("the site's preview is at the address after `Serving`"), page.body)
        XCTAssertEqual(try server.get("/__broadside/live").status, 404)
        let site = try server.get("/__edit/api/site").json
        XCTAssertEqual(site["preview"] as? String, "http://127.0.0.1:\(server.previewPort)", "where the pages' addresses are")
    }

    func testTheEditorNeedsTheTokenThenItsCookie() throws {
        for path in ["/__edit/", "/__edit/api/pages", "/__edit/api/file?path=Content/about.md"] {
            let answer = try server.send("GET", path)
            XCTAssertEqual(answer.status, 403, "no cookie: \(path)")
            XCTAssertTrue(answer.body.contains("Open the editing link"), answer.body)
        }
        XCTAssertEqual(try server.send("GET", "/__edit/?token=" + String(repeating: "0", count: 64)).status, 403, "a wrong token")
        XCTAssertEqual(try server.send("GET", "/__edit/?token=").status, 403, "an empty token")
        XCTAssertEqual(try server.send("GET", "/__edit/", ["Cookie: broadside_edit=\(server.token)"]).status, 403, "the token is not the cookie")

        let signIn = try server.send("GET", "/__edit/?token=\(server.token)")
        XCTAssertEqual(signIn.status, 303)
        XCTAssertTrue(signIn.head.contains("\r\nlocation: http://127.0.0.1:\(server.port)/__edit/\r\n"), signIn.head)
        XCTAssertTrue(signIn.head.contains("; httponly; samesite=strict; path=/__edit\r\n"), signIn.head)
        XCTAssertTrue(signIn.head.contains("\r\nreferrer-policy: no-referrer\r\n"), "the token must not leak by Referer")
        try server.signIn()
        let page = try server.get("/__edit/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(server.csrf.count, 64, page.body)
        XCTAssertTrue(page.head.contains("content-security-policy: default-src 'self'"), page.head)
        XCTAssertEqual(try server.get("/__edit/api/pages").status, 200)
        XCTAssertEqual(try server.send("GET", "/__edit/api/pages", ["Cookie: broadside_edit=" + String(repeating: "a", count: 64)]).status, 403,
                       "a wrong cookie")
        let rebound = try RawConnection(port: server.port)
        rebound.send("GET /__edit/api/pages HTTP/1.1\r\nHost: evil.example:\(server.port)\r\nCookie: \(server.cookie)\r\n\r\n")
        XCTAssertEqual(RawConnection.status(of: rebound.read(within: 10)), 421, "another site's name pointed at 127.0.0.1")
        XCTAssertEqual(try server.send("GET", "/__edit/api/pages", ["Cookie: \(server.cookie); broadside_edit=x"]).status, 403, "two cookies")
        // The editor's paths are written one way only: another spelling could reach the API past the gate's checks.
        for path in ["/__EDIT/api/pages", "/__edit/./api/pages", "/%5f_edit/api/pages", "/x/../__edit/api/pages", "/__edit//api/pages"] {
            XCTAssertEqual(try server.get(path).status, 400, path)
        }
    }

    /// A request that reaches FlyingFox's Unix socket without the gate (a local program, or a
    /// path the gate read differently) gets nothing of the editor, cookie or not.
    func testTheAPIAnswersOnlyWhatTheGateLetThrough() throws {
        try server.signIn()
        let prefix = "broadside-\(server.process.processIdentifier)-"
        let socket = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .first { $0.hasPrefix(prefix) && $0.hasSuffix(".sock") }, "no socket \(prefix)*.sock")
        for (method, stamp) in [("GET", nil), ("GET", "X-Broadside-Gate: " + String(repeating: "0", count: 64)), ("POST", nil)] {
            let direct = try RawConnection(unixPath: NSTemporaryDirectory().appending("/" + socket))
            let body = method == "GET" ? "" : #"{"path":"Content/about.md","text":"x"}"#
            let path = method == "GET" ? "/__edit/api/pages" : "/__edit/api/file"
            var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nCookie: \(server.cookie)\r\n"
            text += "Origin: \(server.origin)\r\nX-Broadside-CSRF: \(server.csrf)\r\n"
            if let stamp { text += stamp + "\r\n" }
            direct.send(text + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body)
            let answer = direct.read(within: 10) { $0.contains("\r\n\r\n") && $0.contains("}") }
            XCTAssertEqual(RawConnection.status(of: answer), 403, "\(method) \(stamp ?? "unstamped"): \(answer ?? "no answer within 10 s")")
        }
        XCTAssertEqual(try String(contentsOf: server.root.appendingPathComponent("Content/about.md"), encoding: .utf8).prefix(4), "---\n")
        // A stamp sent by the client is dropped at the gate, not passed on.
        XCTAssertEqual(try server.send("GET", "/__edit/api/pages", ["X-Broadside-Gate: x"]).status, 403, "no cookie, a stamp of its own")
    }

    /// A browser's own client, following the redirect and keeping the cookie, then reading the list of pages.
    func testABrowserSignsInWithTheLinkAndListsThePages() throws {
        let session = URLSession(configuration: .ephemeral)
        func fetch(_ address: String) throws -> (Int, Data) {
            let done = DispatchSemaphore(value: 0)
            let result = Collected()
            nonisolated(unsafe) var status = 0
            session.dataTask(with: try XCTUnwrap(URL(string: address))) { data, response, _ in
                status = (response as? HTTPURLResponse)?.statusCode ?? 0
                result.add(data ?? Data())
                done.signal()
            }.resume()
            guard done.wait(timeout: .now() + 20) == .success else { throw DeadlineExceeded(description: "no answer for \(address) within 20 s") }
            return (status, Data(result.text.utf8))
        }
        let (status, page) = try fetch("\(server.origin)/__edit/?token=\(server.token)")
        XCTAssertEqual(status, 200, String(decoding: page, as: UTF8.self))
        XCTAssertFalse(String(decoding: page, as: UTF8.self).contains(server.token), "the page does not hold the token")
        let (listed, json) = try fetch("\(server.origin)/__edit/api/pages")
        XCTAssertEqual(listed, 200)
        let pages = try XCTUnwrap((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["pages"] as? [[String: Any]])
        let forum = try XCTUnwrap(pages.first { $0["path"] as? String == "Content/guides/forum.md" }, "\(pages)")
        XCTAssertEqual(forum["title"] as? String, #"Planning a forum: the "basics" & <more>"#)
        XCTAssertEqual(forum["section"] as? String, "guides")
        XCTAssertEqual(forum["reviewed"] as? String, "2026-11-20")
        XCTAssertEqual(forum["draft"] as? Bool, false)
        XCTAssertEqual((forum["translations"] as? [String: [String]])?["present"], ["en"])
        let secret = try XCTUnwrap(pages.first { $0["path"] as? String == "Content/laws/secret.md" }, "a draft is listed too: \(pages)")
        XCTAssertEqual(secret["draft"] as? Bool, true)
    }

    func testAPostNeedsTheEditorsOriginAndItsCSRFHeader() throws {
        try server.signIn()
        let page = server.root.appendingPathComponent("Content/about.md")
        let before = try Data(contentsOf: page)
        let body = #"{"path":"Content/about.md","text":"---\ntitle: Changed\n---\n"}"#
        let cookie = "Cookie: \(server.cookie)", csrf = "X-Broadside-CSRF: \(server.csrf)"
        for (headers, what) in [([cookie, "Origin: http://evil.example", csrf], "a page of another site"),
                                ([cookie, "Origin: http://127.0.0.1:\(server.previewPort)", csrf], "a page of the preview, whatever script it carries"),
                                ([cookie, "Origin: http://127.0.0.1:\(server.port &+ 1)", csrf], "another local program's page"),
                                ([cookie, "Origin: null", csrf], "a file opened in the browser"),
                                ([cookie, csrf], "no Origin"),
                                ([cookie, "Origin: \(server.origin)"], "no CSRF header"),
                                ([cookie, "Origin: \(server.origin)", "X-Broadside-CSRF: " + String(repeating: "0", count: 64)], "a wrong CSRF header"),
                                (["Origin: \(server.origin)", csrf], "no cookie")] {
            XCTAssertEqual(try server.send("POST", "/__edit/api/file", headers, body: body).status, 403, what)
        }
        XCTAssertEqual(try Data(contentsOf: page), before, "nothing was written")
        XCTAssertEqual(try server.send("POST", "/about/", ["Origin: http://127.0.0.1:\(server.previewPort)"], body: "{}", to: server.previewPort).status, 405,
                       "the preview takes no POST")
    }

    func testBodiesWithoutALengthOrTooLargeAreRefusedUnread() throws {
        try server.signIn()
        let headers = "POST /__edit/api/file HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nCookie: \(server.cookie)\r\n"
            + "Origin: \(server.origin)\r\nX-Broadside-CSRF: \(server.csrf)\r\n"
        // 100 MB announced, 100 KB sent: the answer comes at once, from the length alone.
        let huge = try RawConnection(port: server.port)
        huge.send(headers + "Content-Length: 100000000\r\n\r\n")
        huge.send(String(repeating: "x", count: 100_000))
        let answer = huge.read(within: 10)
        XCTAssertEqual(RawConnection.status(of: answer), 413, answer ?? "no answer within 10 s")
        let chunked = try RawConnection(port: server.port)
        chunked.send(headers + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        XCTAssertEqual(RawConnection.status(of: chunked.read(within: 10)), 411, "chunked")
        let none = try RawConnection(port: server.port)
        none.send(headers + "\r\n")
        XCTAssertEqual(RawConnection.status(of: none.read(within: 10)), 411, "no length")
        let two = try RawConnection(port: server.port)
        two.send(headers + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}")
        XCTAssertEqual(RawConnection.status(of: two.read(within: 10)), 400, "two lengths")

        // A client that waits to be told to send its body (curl, past 1 KB) is told at once.
        let body = #"{"path":"Content/about.md","text":"---\ntitle: Asked first\n---\n"}"#
        let asking = try RawConnection(port: server.port)
        asking.send(headers + "Expect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
        let goOn = asking.read(within: 10) { $0.contains("\r\n\r\n") }
        XCTAssertTrue(goOn?.hasPrefix("HTTP/1.1 100 Continue\r\n\r\n") == true, goOn ?? "no answer within 10 s")
        asking.send(body)
        XCTAssertTrue(asking.read(within: 20)?.contains("HTTP/1.1 200 OK\r\n") == true, "the save after 100 Continue")

        let page = server.root.appendingPathComponent("Content/about.md")
        let before = try Data(contentsOf: page)
        let large = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": String(repeating: "a", count: 1_100_000)])
        XCTAssertEqual(large.status, 413, "a file over 1 MiB")
        var bytes = Array(#"{"path":"Content/about.md","text":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        let latin1 = try RawConnection(port: server.port)
        latin1.send(Array((headers + "Content-Length: \(bytes.count)\r\n\r\n").utf8) + bytes)
        bytes = []
        XCTAssertEqual(RawConnection.status(of: latin1.read(within: 10)), 400, "a body that is not UTF-8")
        XCTAssertEqual(try Data(contentsOf: page), before, "nothing was written")
    }
}
