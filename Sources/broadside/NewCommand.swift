import ArgumentParser
import Broadside
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new guide, law summary, chart, event or packet, or a new site.",
        discussion: """
            Writes the file (a chart also gets its CSV and description) with the right front matter, never over an existing one. \
            `new site NAME` makes the folder NAME with Site/site.yml, a home page and a GitHub Pages workflow.
            """
    )

    @Argument(help: ArgumentHelp("What to start: guide, law, chart, event, packet or site.", valueName: "kind"))
    var kind: Scaffold.Kind

    @Argument(help: ArgumentHelp("Its file name: lowercase letters, digits and hyphens, like pc-1203-4.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("Project folder the content folder is relative to.", valueName: "dir"))
    var root = "."

    @Option(help: ArgumentHelp("Markdown pages and their files.", valueName: "dir"))
    var content = "Content"

    func run() throws {
        // A new site is a folder of its own; anything else goes into the content folder.
        let folder = kind == .site ? SiteFolders.Folder(URL(fileURLWithPath: root).appendingPathComponent(name).relativePath) : SiteFolders(root: root, content: content).content
        let files: [Scaffold.File]
        do {
            files = try Scaffold.files(kind, name: name, today: .today(), handouts: kind == .packet ? Scaffold.handoutPages(in: folder) : [])
        } catch {
            throw ValidationError("\(error)")
        }
        do {
            try Scaffold.write(files, under: folder)
        } catch let problem as Scaffold.Problem {
            FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            throw ExitCode.failure
        }
        for file in files { print("Created \(folder.display(file.path))") }
        if kind == .site {
            print("""
                Next: `cd \(folder.display(""))`, then `broadside build` and open Output/index.html.
                To publish: on GitHub, push the folder and follow the notes at the top of \(PublishingFiles.pagesWorkflowPath); \
                on Netlify, the build command is `broadside build` and the publish directory `Output`; \
                on any other host, or a USB stick, copy what is in Output/.
                """)
        } else {
            print("Fill in the words, then run `make site` (or `broadside build`) to see it.")
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
