import ArgumentParser
import Broadside
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a Broadside project from a Jekyll or Hugo site.",
        discussion: "Reads SOURCE without changing it and writes Content/, Site/site.yml, a publishing workflow and IMPORT-REPORT.md into DIR."
    )

    @Argument(help: ArgumentHelp("The generator the site was made for: jekyll or hugo.", valueName: "generator"))
    var generator: SiteImport.Generator

    @Argument(help: ArgumentHelp("The folder of the Jekyll or Hugo site.", valueName: "source"))
    var source: String

    @Option(help: ArgumentHelp("Folder to write the new project into.", valueName: "dir"))
    var into = "."

    func run() throws {
        let report: ImportReport
        do {
            report = try SiteImport.run(generator, source: source, into: into)
        } catch let refusal as ImportFailure {
            FileHandle.standardError.write(Data("\(refusal)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("error: the project could not be written into \(into): \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
        print(report.summary)
        print("Report: \(URL(fileURLWithPath: into).appendingPathComponent(ImportReport.fileName).path)")
        print("Next: `broadside build --root \(into)`, then open \(into)/Output/index.html.")
    }
}

extension SiteImport.Generator: ExpressibleByArgument {}
