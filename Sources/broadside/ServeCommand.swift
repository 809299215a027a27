import ArgumentParser
import BroadsideServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this computer, and rebuild and reload on every save.",
        discussion: "Serves the output folder at http://127.0.0.1:PORT/. A failed build shows its errors over the page while the last good site stays up. Ctrl-C stops."
    )

    @OptionGroup var folders: SiteOptions

    @Option(help: ArgumentHelp("Where the website is written.", valueName: "dir"))
    var output = "Output"

    @Option(help: ArgumentHelp("The port to serve on (0: any free one).", valueName: "port"))
    var port: UInt16 = 8000

    @Flag(help: "Also make PDF handouts on every build (slower).")
    var pdf = false

    @Flag(help: "Print each build step with its time.")
    var verbose = false

    @Flag(help: "Also serve an editor for the site's pages under /__edit/, opened by a link with a secret token printed at start.")
    var edit = false

    func run() async throws {
        // First thing: from here on Ctrl-C ends `serve` with 0, whatever it is doing.
        let stops = StopSignals()
        stops.install()
        let options = try folders.writing(to: output, pdf: pdf ? .auto : .off)
        do {
            try await PreviewServer(options: options, port: port, verbose: verbose, edit: edit).run(stops: stops)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
