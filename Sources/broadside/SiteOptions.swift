import ArgumentParser

/// Where a site's folders are: shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Project folder the other folders are relative to.", valueName: "dir"))
    var root = "."

    @Option(help: ArgumentHelp("Markdown pages and their files.", valueName: "dir"))
    var content = "Content"

    @Option(help: ArgumentHelp("site.yml, templates/ and assets/.", valueName: "dir"))
    var site = "Site"

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false
}
