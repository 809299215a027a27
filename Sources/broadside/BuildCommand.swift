import ArgumentParser
import Broadside
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "Reads Content/ and Site/, writes Output/. Errors are printed as path:line:col and leave Output/ as it was; "
            + "warnings are printed up to \(Diagnostics.warningsShownPerRule) of each rule (`broadside check` lists them all)."
    )

    @OptionGroup var folders: SiteOptions

    @Option(help: ArgumentHelp("Where the website is written (replaced whole on success).", valueName: "dir"))
    var output = "Output"

    @Flag(help: "Print each build step with its time.")
    var verbose = false

    @Option(help: ArgumentHelp("auto: make PDF handouts when WeasyPrint is installed; require: fail without it.", valueName: "auto|require"))
    var pdf: PDFMode = .auto

    @Flag(name: .customLong("no-pdf"), help: "Write the printable HTML handouts but no PDFs.")
    var noPDF = false

    func validate() throws {
        if pdf == .off { throw ValidationError("--pdf takes auto or require; use --no-pdf to skip PDFs") }
    }

    func run() throws {
        let options = try folders.writing(to: output, pdf: noPDF ? .off : pdf)
        let start = Date()
        let result = Build(options: options).run()
        let diagnostics = result.diagnostics
        // In one write: a large site can have thousands of messages.
        FileHandle.standardError.write(Data(diagnostics.printed(warningsPerRule: Diagnostics.warningsShownPerRule)))
        if verbose {
            for (index, step) in result.steps.enumerated() {
                print("[\(index + 1)/\(result.steps.count)] \(step.name) \(String(format: "%.3f", step.seconds)) s")
            }
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        let warnings = "\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")"
        if diagnostics.hasErrors {
            let errors = "\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s")"
            FileHandle.standardError.write(Data("Build failed: \(errors), \(warnings); \(options.folders.output.display("")) was not changed.\n".utf8))
            throw ExitCode.failure
        }
        let pdfs = result.pdfCount > 0 ? " (\(result.pdfCount) PDF\(result.pdfCount == 1 ? "" : "s"))" : ""
        print("Built \(result.pageCount) pages, \(result.fileCount) files\(pdfs), \(warnings) in \(seconds) s → \(options.folders.output.display(""))/index.html")
        // Done: the process's memory goes back whole. Returning would first free every page
        // the build holds, one by one, which on a large site takes a tenth of a second.
        Foundation.exit(EXIT_SUCCESS)
    }
}

extension PDFMode: ExpressibleByArgument {}
