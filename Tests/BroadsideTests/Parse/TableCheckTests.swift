@testable import Broadside
import XCTest

/// The editor's grid checks a CSV as the build does: the same messages, and the legend's
/// words for the columns the sidecar codes.
final class TableCheckTests: XCTestCase {
    private let sidecar = SourceFile(relativePath: "charts/bars.yml", displayPath: "Content/charts/bars.yml", text: """
        title: Bars
        key: Relief
        text: [Law]
        legend:
          bar: {label: Bars it, symbol: "✖", style: bar}
          no bar: {label: No bar, symbol: "✓", style: ok}
        """)

    private func csv(_ text: String) -> SourceFile {
        SourceFile(relativePath: "charts/bars.csv", displayPath: "Content/charts/bars.csv", text: text)
    }

    func testCodedColumnsOfferTheLegendAndMessagesAreTheBuilds() {
        let check = TableCheck(csv: csv("Relief,Law,Felony\nAsylum,INA 208,bar\nCAT,INA 241,maybe\n"), describedBy: [sidecar], languages: [], isTable: true)
        XCTAssertEqual(check.title, "Bars")
        XCTAssertEqual(check.columns.map(\.name), ["Relief", "Law", "Felony"])
        XCTAssertEqual(check.columns.map { $0.codes?.map(\.keyword) }, [nil, nil, ["bar", "no bar"]])
        XCTAssertEqual(check.columns[2].codes?.map(\.label), ["Bars it", "No bar"])
        XCTAssertEqual(check.diagnostics.all.map(\.description),
                       ["Content/charts/bars.csv:3:13: error: 'maybe' matches no legend entry: start the cell with one of bar, no bar"])
        XCTAssertEqual(check.records.map { $0.map(\.text) }, [["Relief", "Law", "Felony"], ["Asylum", "INA 208", "bar"], ["CAT", "INA 241", "maybe"]])
    }

    func testAnAnswersCSVIsOnlyReadAsCSV() {
        let questionnaire = SourceFile(relativePath: "events/da.questionnaire.yml", displayPath: "Content/events/da.questionnaire.yml",
                                       text: "title: DA\nanswers: da-answers.csv\n")
        XCTAssertTrue(TableCheck.isAnswers("events/da-answers.csv", questionnaires: [questionnaire]))
        XCTAssertFalse(TableCheck.isAnswers("events/other.csv", questionnaires: [questionnaire]))
        let repeated = "candidate,question,answer\nAna,q1,yes\nAna,q2,no\n"
        XCTAssertEqual(TableCheck(csv: csv(repeated), describedBy: [], languages: [], isTable: false).diagnostics.all.map(\.description), [],
                       "a candidate's name repeats on every row of answers")
        XCTAssertEqual(TableCheck(csv: csv(repeated), describedBy: [], languages: [], isTable: true).diagnostics.errorCount, 1, "as a table, Ana names two rows")
        XCTAssertEqual(TableCheck(csv: csv("a,\"b\n"), describedBy: [], languages: [], isTable: false).diagnostics.all.map(\.description),
                       ["Content/charts/bars.csv:1:3: error: this quoted field is never closed: add the missing \" before the end of the file"])
    }

    func testTheTablesWordsInAnotherLanguageAreCheckedAgainstIt() {
        let spanish = SourceFile(relativePath: "charts/bars.es.yml", displayPath: "Content/charts/bars.es.yml", text: "columns:\n  Felonía: Delito grave\n")
        let check = TableCheck(csv: csv("Relief,Law,Felony\nAsylum,INA 208,bar\n"), describedBy: [sidecar, spanish],
                               languages: [Language(code: "en"), Language(code: "es")], isTable: true)
        XCTAssertEqual(check.diagnostics.all.first?.description,
                       "Content/charts/bars.es.yml:2:3: warning: 'Felonía' is not a column of Content/charts/bars.csv, so it translates nothing: copy it exactly from the data")
        XCTAssertEqual(check.diagnostics.all.map { $0.location?.path }, ["Content/charts/bars.es.yml", "Content/charts/bars.es.yml"])
        XCTAssertEqual(TableCheck(csv: csv("Relief,Law,Felony\nAsylum,INA 208,bar\n"), describedBy: [sidecar, spanish],
                                  languages: [Language(code: "en")], isTable: true).diagnostics.all.count, 0, "a language the site does not have is not read")
    }

    func testAControlCharacterIsRefusedAsTheBuildRefusesIt() {
        let check = TableCheck(csv: csv("a,b\nx,\u{7}\n"), describedBy: [], languages: [], isTable: true)
        XCTAssertEqual(check.records.count, 0)
        XCTAssertEqual(check.diagnostics.all.map { $0.location?.description }, ["Content/charts/bars.csv:2:3"])
    }
}
