import Foundation
import XCTest

/// The editor's front-matter form over the real server: fields read and written back in
/// place, a wrong value refused by its key, the live preview, page addresses and site info.
final class EditFormTests: XCTestCase {
    private var server: EditServer!

    override func setUpWithError() throws {
        server = try EditServer()
        try server.signIn()
    }

    override func tearDownWithError() throws {
        try server?.stop()
    }

    func testTheFormChangesTitleAndTagsKeepingEveryOtherLine() throws {
        let page = server.root.appendingPathComponent("Content/laws/pc-18-5.md")
        let original = try String(contentsOf: page, encoding: .utf8)
        try original.replacingOccurrences(of: "weight: 2\n", with: "weight: 2  # keep near the top\n# Checked by the legal team.\n")
            .write(to: page, atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 0.5)
        let opened = try server.get("/__edit/api/file?path=Content/laws/pc-18-5.md")
        let form = try XCTUnwrap(opened.json["form"] as? [String: Any], opened.body)
        let fields = try XCTUnwrap(form["fields"] as? [String: Any])
        XCTAssertEqual(fields["title"] as? String, "Penal Code § 18.5")
        XCTAssertEqual(fields["date"] as? String, "2026-04-01")
        XCTAssertEqual(fields["tags"] as? [String], ["sentencing", "town-hall"])
        XCTAssertEqual(fields["weight"] as? Int, 2)
        XCTAssertTrue((form["body"] as? String)?.hasPrefix("- **Code section:** Penal Code § 18.5\n") == true)

        let saved = try server.post("/__edit/api/file", json: [
            "path": "Content/laws/pc-18-5.md", "body": form["body"] as? String ?? "",
            "fields": ["title": "Código Penal § 18.5: \"364 días\"", "tags": ["sentencing", "a: b"], "handout": true] as [String: Any],
        ])
        XCTAssertEqual(saved.status, 200, saved.body)
        XCTAssertEqual(saved.json["built"] as? Bool, true, saved.body)
        let written = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("""
            ---
            title: "Código Penal § 18.5: \\"364 días\\""
            summary: The 364-day misdemeanor.
            date: 2026-04-01
            reviewed: 2026-11-20
            tags: [sentencing, "a: b"]
            weight: 2  # keep near the top
            # Checked by the legal team.
            handout: true
            ---
            - **Code section:** Penal Code § 18.5
            """), written)
        XCTAssertTrue(try server.send("GET", "/laws/pc-18-5/").body.contains("<title>Código Penal § 18.5: &quot;364 días&quot; · "),
                      "the rebuilt page shows the new title")
    }

    func testAWrongValueIsRefusedNamingItsKeyAndNothingIsWritten() throws {
        let page = server.root.appendingPathComponent("Content/about.md")
        let before = try String(contentsOf: page, encoding: .utf8)
        let cases: [([String: Any], String)] = [
            (["reviewed": "last week"], "Content/about.md: 'reviewed': must be a date written YYYY-MM-DD, like 2026-03-02"),
            (["draft": "yes"], "Content/about.md: 'draft': must be true or false"),
            (["event": ["starts": "2026-01-01"]], "Content/about.md: 'event': the form writes text, true or false, whole numbers and lists of text: edit this key in the page's text"),
        ]
        for (fields, message) in cases {
            let answer = try server.post("/__edit/api/file", json: ["path": "Content/about.md", "fields": fields])
            XCTAssertEqual(answer.status, 400, answer.body)
            XCTAssertEqual(answer.json["error"] as? String, message)
        }
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), before)
    }

    func testPreviewRendersAsTheBuildAndLeavesOutAuthorHTML() throws {
        let answer = try server.post("/__edit/api/preview", json: [
            "path": "Content/guides/forum.md",
            "body": "## Plan\n\nSee [the law](../laws/pc-18-5.md).\n\n<script>alert(1)</script>\n",
        ])
        XCTAssertEqual(answer.status, 200, answer.body)
        let html = try XCTUnwrap(answer.json["html"] as? String)
        XCTAssertTrue(html.contains(#"<h2 id="plan""#), html)
        XCTAssertTrue(html.contains(#"href="../../laws/pc-18-5/index.html""#), html)
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertTrue(html.contains("<!-- raw HTML omitted -->"), "left out as the build leaves it out: \(html)")
        XCTAssertEqual(try server.post("/__edit/api/preview", json: ["path": "Site/site.yml", "body": "x"]).status, 400)
    }

    func testPreviewKeepsAuthorHTMLWhereTheSiteAllowsIt() throws {
        try server.stop()
        server = try EditServer { root in
            let settings = root.appendingPathComponent("Site/site.yml")
            try (try String(contentsOf: settings, encoding: .utf8) + "raw_html: true\n").write(to: settings, atomically: true, encoding: .utf8)
        }
        try server.signIn()
        let answer = try server.post("/__edit/api/preview", json: ["path": "Content/about.md", "body": "Hi <mark>there</mark>\n"])
        XCTAssertEqual(answer.json["html"] as? String, "<p>Hi <mark>there</mark></p>\n")
    }

    func testPagesCarryTheirAddressAndTheSiteItsLists() throws {
        let pages = try XCTUnwrap(try server.get("/__edit/api/pages").json["pages"] as? [[String: Any]])
        let addresses = Dictionary(uniqueKeysWithValues: pages.map { ($0["path"] as? String ?? "", $0["url"] as? String ?? "none") })
        XCTAssertEqual(addresses["Content/guides/forum.md"], "/guides/forum/")
        XCTAssertEqual(addresses["Content/guides/_index.md"], "/guides/")
        XCTAssertEqual(addresses["Content/index.md"], "/")
        XCTAssertEqual(addresses["Content/laws/secret.md"], "none", "a draft is not in the preview")

        let site = try server.get("/__edit/api/site").json
        XCTAssertEqual((site["languages"] as? [[String: String]])?.first?["code"], "en")
        XCTAssertEqual(site["kinds"] as? [String], ["guide", "law", "chart", "event", "packet"])
        XCTAssertEqual(site["sections"] as? [String], ["guides", "laws"])
        XCTAssertEqual(site["reviewIntervalDays"] as? Int, 365)
        XCTAssertEqual(site["git"] as? Bool, false)
        XCTAssertTrue((site["tags"] as? [String])?.contains("town-hall") == true, "\(site)")
        let today = try XCTUnwrap(site["today"] as? String)
        XCTAssertNotNil(today.wholeMatch(of: /\d{4}-\d{2}-\d{2}/), today)
    }
}
