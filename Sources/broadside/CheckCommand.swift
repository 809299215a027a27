import ArgumentParser
import Broadside
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site before publishing or printing: links, freshness, readability, accessibility.",
        discussion: "Builds the site in memory (Output/ is not touched) and reports every finding as path:line:col with its rule id. Rules are set to off, warning or error under `checks:` in site.yml."
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var folders: SiteOptions

    @Option(help: "text, or json for other tools.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Also list every link to another site, for a separate check (no network is used).")
    var external = false

    func run() throws {
        let options = BuildOptions(root: folders.root, content: folders.content, site: folders.site,
                                   includeDrafts: folders.drafts, pdf: .off)
        let result = Build(options: options).run(write: false)
        let diagnostics = result.diagnostics
        let links = external ? ((result.site?.externalLinks ?? []) + (result.model?.tableLinks ?? [])).sorted { $0.location < $1.location } : []
        switch format {
        case .text:
            for diagnostic in diagnostics.sorted { print(diagnostic) }
            for link in links { print("\(link.location): external link: \(link.url)") }
            let pages = result.site?.pages.keys.filter { $0.path.hasSuffix(".html") }.count ?? 0
            print("\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), \(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s") in \(pages) pages"
                  + (external ? "; \(links.count) external links listed, not checked" : ""))
        case .json:
            struct Finding: Encodable {
                var path: String?, line: Int?, column: Int?, severity: String, message: String, rule: String?
            }
            struct Link: Encodable {
                var path: String, line: Int, column: Int, url: String
            }
            struct Report: Encodable {
                var findings: [Finding], errors: Int, warnings: Int, external: [Link]?
            }
            let findings = diagnostics.sorted.map {
                Finding(path: $0.location?.path, line: $0.location?.line, column: $0.location?.column,
                        severity: $0.severity.rawValue, message: $0.message, rule: $0.rule?.rawValue)
            }
            let report = Report(findings: findings, errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                                external: external ? links.map { Link(path: $0.location.path, line: $0.location.line,
                                                                      column: $0.location.column, url: $0.url) } : nil)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) {
            throw ExitCode.failure
        }
    }
}
