import Foundation
import XCTest

/// `broadside serve --edit` and CSV tables: the list, a table opened as a grid with its
/// legend's words, and rows written back as CSV with the build's messages on their cells.
final class EditTableTests: EditServerTestCase {
    private let sidecar = """
        title: Bars to relief
        legend:
          bar: {label: Bars it, symbol: "✖", style: bar}
          no bar: {label: No bar, symbol: "✓", style: ok}
        """ + "\n"

    func testATableOpensAsAGridWithItsLegendAndRowsAreCheckedCellByCell() throws {
        let csv = server.root.appendingPathComponent("Content/laws/bars.csv")
        let original = try Data(contentsOf: csv)
        XCTAssertEqual(try server.post("/__edit/api/file", ["path": "Content/laws/bars.yml", "text": sidecar]).json["built"] as? Bool, true)
        let tables = try server.get("/__edit/api/tables")
        XCTAssertEqual(tables.status, 200, tables.body)
        XCTAssertEqual(tables.body, #"{"tables":[{"findings":0,"path":"Content\/laws\/bars.csv","title":"Bars to relief"}]}"#)

        let table = try server.get("/__edit/api/table?path=Content/laws/bars.csv")
        XCTAssertEqual(table.status, 200, table.body)
        XCTAssertEqual(table.json["rows"] as? [[String]], [["Form of relief", "Aggravated felony"], ["Asylum", "bar"]])
        XCTAssertEqual((table.json["findings"] as? [Any])?.count, 0, table.body)
        let columns = table.json["columns"] as? [[String: Any]] ?? []
        XCTAssertEqual(columns.map { $0["name"] as? String }, ["Form of relief", "Aggravated felony"])
        XCTAssertNil(columns.first?["codes"], "the column that names the rows is not coded")
        XCTAssertEqual(columns.last?["codes"] as? [[String: String]], [["code": "bar", "label": "Bars it"], ["code": "no bar", "label": "No bar"]])

        let rows = [["Form of relief", "Aggravated felony"], ["Asylum", "bar"], ["Cancellation, LPR", "maybe"], ["Asylum", "no bar"]]
        let checked = try server.post("/__edit/api/table", json: ["path": "Content/laws/bars.csv", "rows": rows])
        XCTAssertEqual(checked.status, 200, checked.body)
        XCTAssertEqual(checked.json["text"] as? String, "Form of relief,Aggravated felony\nAsylum,bar\n\"Cancellation, LPR\",maybe\nAsylum,no bar\n")
        let findings = checked.json["findings"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.map { "\($0["row"] ?? "-"):\($0["cell"] ?? "-") \($0["line"] ?? "-"):\($0["column"] ?? "-") \($0["message"] ?? "")" }, [
            "2:1 3:21 'maybe' matches no legend entry: start the cell with one of bar, no bar",
            "3:0 4:1 'Asylum' names two rows (the first is on line 2): each row needs its own name in 'Form of relief'",
        ])
        XCTAssertNil(findings.first?["path"], "messages about the CSV itself carry no path")
        XCTAssertEqual(try Data(contentsOf: csv), original, "checking saves nothing")

        // Saved as the grid's text, the table is what the build reads; a broken one is counted in the list.
        let saved = try server.post("/__edit/api/file", ["path": "Content/laws/bars.csv", "text": checked.json["text"] as? String ?? ""])
        XCTAssertEqual(saved.json["built"] as? Bool, false)
        XCTAssertEqual(try server.get("/__edit/api/tables").body, #"{"tables":[{"findings":2,"path":"Content\/laws\/bars.csv","title":"Bars to relief"}]}"#)
        let fixed = try server.post("/__edit/api/table", json: ["path": "Content/laws/bars.csv", "rows": [rows[0], rows[1], ["Cancellation, LPR", "no bar"]]])
        XCTAssertEqual((fixed.json["findings"] as? [Any])?.count, 0, fixed.body)
        XCTAssertEqual(try server.post("/__edit/api/file", ["path": "Content/laws/bars.csv", "text": fixed.json["text"] as? String ?? ""]).json["built"] as? Bool, true)
        XCTAssertTrue(try server.get("/__edit/api/table?path=Content/laws/bars.csv").body.contains(#"["Cancellation, LPR","no bar"]"#))
    }

    /// What a chart checks in the table it draws is the build's to say: after a save, and when
    /// the grid opens, its messages are placed on their cells too.
    func testTheChecksOfAChartUsingTheTableArePlacedOnItsCells() throws {
        try FileManager.default.createDirectory(at: server.root.appendingPathComponent("Content/charts"), withIntermediateDirectories: true)
        XCTAssertEqual(try server.post("/__edit/api/file", ["path": "Content/charts/removals.csv", "text": "Year,Removals\n2020,100\n"]).status, 200)
        let chart = "---\ntitle: Removals\nsummary: Removals by year.\n---\n```chart\nsrc: removals.csv\ntype: bar\nx: Year\ny: Removals\n```\n"
        XCTAssertEqual(try server.post("/__edit/api/file", ["path": "Content/charts/removals.md", "text": chart]).json["built"] as? Bool, true)
        let saved = try server.post("/__edit/api/file", ["path": "Content/charts/removals.csv", "text": "Year,Removals\n2020,100\n2021,abc\n"])
        XCTAssertEqual(saved.json["built"] as? Bool, false, saved.body)
        let message = "'abc' in the column 'Removals' is not a number: write digits like 1,234 or 12.5, or leave the cell empty when there is no number"
        for findings in [saved.json["findings"], try server.get("/__edit/api/table?path=Content/charts/removals.csv").json["findings"]] {
            let placed = try XCTUnwrap(findings as? [[String: Any]])
            XCTAssertEqual(placed.map { "\($0["row"] ?? "-"):\($0["cell"] ?? "-") \($0["message"] ?? "")" }, ["2:1 \(message)"])
        }
    }

    func testAQuestionnairesAnswersAreReadOnlyAsCSV() throws {
        let laws = server.root.appendingPathComponent("Content/laws")
        try "title: DA\nanswers: da-answers.csv\n".write(to: laws.appendingPathComponent("da.questionnaire.yml"), atomically: true, encoding: .utf8)
        try "candidate,question,answer\nAna,q1,yes\nAna,q2,no\n".write(to: laws.appendingPathComponent("da-answers.csv"), atomically: true, encoding: .utf8)
        let answers = try server.get("/__edit/api/table?path=Content/laws/da-answers.csv")
        XCTAssertEqual(answers.body, #"{"columns":[{"name":"candidate"},{"name":"question"},{"name":"answer"}],"findings":[],"path":"Content\/laws\/da-answers.csv","rows":[["candidate","question","answer"],["Ana","q1","yes"],["Ana","q2","no"]]}"#,
                       "not a table: Ana may answer twice")
        let unclosed = try server.post("/__edit/api/table", json: ["path": "Content/laws/da-answers.csv", "rows": [["candidate", "question"], ["Ana", "said \"hi"]]])
        XCTAssertEqual((unclosed.json["findings"] as? [[String: Any]])?.count, 0, "quotes in a cell are written doubled: \(unclosed.body)")
    }

    func testRaggedRowsAndPathsThatAreNotTablesAreRefused() throws {
        let ragged = try server.post("/__edit/api/table", json: ["path": "Content/laws/bars.csv", "rows": [["a", "b"], ["c"]]])
        XCTAssertEqual(ragged.status, 400)
        XCTAssertEqual(ragged.json["error"] as? String, "Content/laws/bars.csv: row 1 has 1 cell but the header has 2: every row needs one cell per column")
        XCTAssertEqual(try server.post("/__edit/api/table", json: ["path": "Content/laws/bars.csv", "rows": [[String]]()]).status, 400)
        XCTAssertEqual(try server.post("/__edit/api/table", json: ["path": "Content/laws/bars.csv", "rows": "a,b"]).status, 400)
        for (path, status) in [("Content/about.md", 400), ("Site/x.csv", 403), ("Content/../Site/x.csv", 400), ("Content/laws/none.csv", 404)] {
            XCTAssertEqual(try server.get("/__edit/api/table?path=\(path)").status, status, path)
        }
        XCTAssertEqual(try server.post("/__edit/api/table", json: ["path": "Content/../x.csv", "rows": [["a"]]]).status, 400)
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.root.appendingPathComponent("x.csv").path))
    }
}
