import ArgumentParser
import Broadside
import Foundation

/// Where a site's folders are: shared by `build`, `check` and `serve`.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Project folder the other folders are relative to.", valueName: "dir"))
    var root = "."

    @Option(help: ArgumentHelp("Markdown pages and their files.", valueName: "dir"))
    var content = "Content"

    @Option(help: ArgumentHelp("site.yml, templates/ and assets/.", valueName: "dir"))
    var site = "Site"

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    /// What a build that writes `output` needs, once the output folder is known to be safe to
    /// replace: a refusal is a usage error (exit 2) and nothing is touched.
    func writing(to output: String, pdf: PDFMode) throws -> BuildOptions {
        let options = BuildOptions(root: root, content: content, site: site, output: output, includeDrafts: drafts, pdf: pdf)
        do {
            try OutputWriter(output: options.folders.output.root).checkSafe(folders: options.folders, root: root)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        return options
    }
}
