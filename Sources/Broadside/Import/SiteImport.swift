import Foundation

/// `broadside import jekyll|hugo SOURCE --into DIR`: a Broadside project made from a Jekyll or
/// Hugo site. SOURCE is only read; everything is written under DIR, with a report of what was
/// converted and of every place that needs a person.
public enum SiteImport {
    public enum Generator: String, CaseIterable, Sendable { case jekyll, hugo }

    /// Extensions of files a browser runs script in: an error in Content/ without `raw_html: true`.
    static let scriptExtensions: Set<String> = ["html", "htm", "xhtml", "svg", "js", "mjs", "xml", "xsl"]

    static func isScriptFile(_ path: String) -> Bool {
        path.lastPathComponent.split(separator: ".").last.map { scriptExtensions.contains($0.lowercased()) } ?? false
    }

    /// Reads SOURCE and writes the project into `into`. Throws `ImportFailure` (its text says
    /// why) when SOURCE is not such a site or `into` already holds a project, and the file
    /// system's error when a file cannot be written.
    public static func run(_ generator: Generator, source: String, into: String) throws -> ImportReport {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath()
        let intoURL = URL(fileURLWithPath: into).standardizedFileURL.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ImportFailure("error: \(source) is not a folder: give the folder of the \(generator.name) site")
        }
        guard intoURL.path != sourceURL.path else {
            throw ImportFailure("error: --into is the \(generator.name) site's own folder: choose a new folder, like --into ../\(sourceURL.lastPathComponent)-broadside")
        }
        let content = intoURL.appendingPathComponent("Content")
        if let inside = try? FileManager.default.contentsOfDirectory(atPath: content.path), !inside.isEmpty {
            throw ImportFailure("error: \(into)/Content already has files: import into a new folder with --into DIR")
        }
        if FileManager.default.fileExists(atPath: intoURL.appendingPathComponent("Site/site.yml").path) {
            throw ImportFailure("error: \(into)/Site/site.yml already exists: import into a new folder with --into DIR")
        }
        let skipping = intoURL.path.hasPrefix(sourceURL.path + "/") ? String(intoURL.path.dropFirst(sourceURL.path.count + 1)) : nil
        if sourceURL.path.hasPrefix(intoURL.path + "/"),
           let written = sourceURL.path.dropFirst(intoURL.path.count + 1).split(separator: "/").first,
           ["Content", "Site", "Data", ".github", ImportReport.fileName].contains(String(written)) {
            throw ImportFailure("error: the \(generator.name) site is inside \(into)/\(written), which the import writes: choose another folder with --into DIR")
        }

        let site: SourceSite
        switch generator {
        case .jekyll:
            guard FileManager.default.fileExists(atPath: sourceURL.appendingPathComponent("_config.yml").path) else {
                throw ImportFailure("error: \(source) is not a Jekyll site: it has no _config.yml")
            }
            site = JekyllSite.read(sourceURL, config: try ConfigFile.read(sourceURL, "_config.yml").get(), skipping: skipping)
        case .hugo:
            let exists = { (path: String) in FileManager.default.fileExists(atPath: sourceURL.appendingPathComponent(path).path) }
            let config: ConfigFile
            if let name = HugoSite.configNames.first(where: exists) {
                config = try ConfigFile.read(sourceURL, name).get()
            } else if exists(HugoSite.configFolder) {
                config = try ConfigFile.readFolder(sourceURL, HugoSite.configFolder).get()
            } else {
                throw ImportFailure("error: \(source) is not a Hugo site: it has none of \(HugoSite.configNames.joined(separator: ", ")) or \(HugoSite.configFolder)/")
            }
            site = HugoSite.read(sourceURL, config: config, skipping: skipping)
        }
        var project = convert(site)
        project.report.source = source
        // Content/ is empty and there is no site.yml; the folder's other files are kept too.
        let writes = project.interfaceFiles.map(\.path) + project.files.map(\.to)
        if let existing = writes.first(where: { FileManager.default.fileExists(atPath: intoURL.appendingPathComponent($0).path) }) {
            throw ImportFailure("error: \(into)/\(existing) already exists: import into a new folder with --into DIR")
        }
        try write(project, from: sourceURL, into: intoURL)
        return project.report
    }

    /// The new project's files, as text, and the report.
    struct Project {
        var pages: [(path: String, text: String)] = []
        var siteConfig = ""
        /// `Site/i18n/<code>.yml` for languages with a site title of their own.
        var interfaceFiles: [(path: String, text: String)] = []
        var files: [(from: String, to: String)] = []
        var report = ImportReport()
    }

    static func convert(_ read: SourceSite) -> Project {
        var site = Placement.settingAsideBroadsidePages(read)
        var project = Project()
        project.report.generator = site.generator.rawValue
        project.report.leftBehind = site.leftBehind
        let placement = Placement(site)
        // The same bundle file in several language folders is copied once.
        var places = Set<String>()
        let unique = site.files.filter { places.insert($0.to).inserted && !OldAddresses.broadsideFiles.contains($0.to) }
        project.report.items += site.files.filter { OldAddresses.broadsideFiles.contains($0.to) }
            .map { ImportItem(kind: .generatedFile, source: SourceLocation(path: $0.from), text: "") }
        let (copied, yamlFiles) = (unique.filter { !LinkTargets.isYAML($0.to) }, unique.filter { LinkTargets.isYAML($0.to) })
        var targets = LinkTargets(site, placement: placement)
        // A redirect page's address becomes an alias of the page it sent readers to, and links to it lead there.
        for stub in site.redirectStubs {
            // `redirect_to:` often gives the full address, on the site's own host.
            let to = targets.siteURL.flatMap { stub.to.hasPrefix($0 + "/") ? String(stub.to.dropFirst($0.count)) : nil } ?? stub.to
            if let target = targets.page(atURL: to), let index = placement.paths.firstIndex(of: target) {
                site.pages[index].movedHere.append(stub.from)
                targets.byURL[LinkTargets.normalize(stub.from)] = target
                project.report.redirectsMerged += 1
            } else {
                project.report.items.append(ImportItem(kind: .oldAddress, source: SourceLocation(path: stub.path),
                                                       text: "\(stub.from) sent readers to \(stub.to), which is no page of the new site: add \(stub.from) to the `aliases:` of the page that replaces it"))
            }
        }
        let rewriter = LinkRewriter(targets: targets)
        var sections = Set<String>()
        var aliasOwners: [String: String] = [:]
        for (index, page) in site.pages.enumerated() {
            let path = placement.paths[index]
            let display = "Content/" + path
            var front = MappedFrontMatter(page, splitWords: site.generator == .jekyll)
            if !front.draft {
                let old = OldAddresses.aliases(of: page, site: site, newAddress: OldAddresses.address(of: path, language: page.language, site: site))
                // An old site may give two pages one old address (one redirect won there, unseen):
                // the first page keeps it, and the other is listed.
                front.aliases = old.aliases.filter { alias in
                    guard let first = aliasOwners[LinkTargets.normalize(alias)] else {
                        aliasOwners[LinkTargets.normalize(alias)] = display
                        return true
                    }
                    project.report.items.append(ImportItem(kind: .oldAddress, new: SourceLocation(path: display), source: SourceLocation(path: page.path),
                                                           text: "\(alias) is also an old address of \(first), which keeps it: move it to this page's `aliases:` if readers should land here"))
                    return false
                }
                project.report.items += old.skipped.map {
                    ImportItem(kind: .oldAddress, new: SourceLocation(path: display), source: SourceLocation(path: page.path), text: "\($0): not made an alias (a pattern, or an address Broadside uses)")
                }
            }
            let converted = BodyConversion.converted(page.body) { site.value(of: $0, on: page) }
            let links = rewriter.rewrite(converted.body, page: page, newPath: path)
            let body = links.body
            let yaml = front.yaml
            let frontLines = yaml.split(separator: "\n").count
            func new(_ line: Int) -> SourceLocation { SourceLocation(path: display, line: frontLines + line + 1) }
            func old(_ line: Int) -> SourceLocation { SourceLocation(path: page.path, line: page.bodyLine + line) }
            project.pages.append((path, yaml + body))
            project.report.pages += 1
            project.report.posts += page.isPost ? 1 : 0
            project.report.translations += placement.isTranslation[index] ? 1 : 0
            project.report.linksRewritten += links.rewritten
            project.report.codeBlocks += converted.codeBlocks
            project.report.summaryMarks += converted.summaryMarks
            project.report.valuesFilledIn += converted.values
            project.report.shortcodesConverted += converted.shortcodes
            project.report.aliases += front.aliases.count
            project.report.keysMapped += front.mappedKeys
            project.report.themeKeysDropped += front.themeKeys
            project.report.items += front.dropped.map { ImportItem(kind: $0.kind, new: SourceLocation(path: display, line: 1), source: $0.source, text: $0.text) }
            project.report.items += links.unresolved.map { ImportItem(kind: .unresolvedLink, new: new($0.line), source: old($0.line), text: $0.text) }
            project.report.items += links.refused.map { ImportItem(kind: .refusedLink, new: new($0.line), source: old($0.line), text: $0.text) }
            // A link tag that leads nowhere is listed once, as a link.
            project.report.items += Unconverted.find(in: body, literalLines: converted.literalLines).filter { found in !links.unresolved.contains { $0.line == found.line && $0.text == found.text } }
                .map { ImportItem(kind: $0.kind, new: new($0.line), source: old($0.line), text: $0.text) }
            if let wanted = placement.renamed[index] {
                project.report.items.append(ImportItem(kind: .renamed, new: SourceLocation(path: display, line: 1), source: SourceLocation(path: page.path),
                                                       text: "\(wanted) → \(path): another page of the old site has that name"))
            }
            if let why = placement.alone[index] {
                project.report.items.append(ImportItem(kind: .translation, new: SourceLocation(path: display, line: 1), source: SourceLocation(path: page.path), text: why))
            }
            // As Broadside reads folders: one with a page besides `index.md` (or an `_index.md`) is a
            // section, and so is each folder around it; an `index.md` alone is a page.
            let name = path.lastPathComponent
            var folder = name.hasPrefix("index.") ? path.parentPath.parentPath : path.parentPath
            if name.hasPrefix("_index.") { folder = path.parentPath }
            while !folder.isEmpty, sections.insert(folder).inserted { folder = folder.parentPath }
        }
        project.report.sections = sections.count
        for note in site.notes {
            let index = site.pages.firstIndex { $0.path == note.source.path }
            project.report.items.append(ImportItem(kind: note.kind, new: index.map { SourceLocation(path: "Content/" + placement.paths[$0], line: 1) },
                                                   source: note.source, text: note.text))
        }
        project.report.items += site.scriptFiles.map { ImportItem(kind: .scriptFile, source: SourceLocation(path: $0), text: "") }
        project.files = copied.map { ($0.from, "Content/" + $0.to) } + site.dataFiles + yamlFiles.map { ($0.from, "Data/" + $0.to) }
        project.report.staticFiles = copied.count
        project.report.dataFiles = site.dataFiles.count + yamlFiles.count
        project.siteConfig = SiteSettings.siteConfig(site)
        project.interfaceFiles = SiteSettings.interfaceFiles(site)
        if site.baseURL == nil {
            project.report.items.append(ImportItem(kind: .siteSetting, new: SourceLocation(path: "Site/site.yml"), source: SourceLocation(path: site.config.path),
                                                   text: "base_url: the old site's config gives no full address; add the site's, like base_url: https://example.org/"))
        }
        return project
    }

    private static func write(_ project: Project, from source: URL, into: URL) throws {
        let manager = FileManager.default
        func put(_ data: Data, _ path: String) throws {
            let url = into.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        var written = Set<String>()
        for page in project.pages {
            try put(Data(page.text.utf8), "Content/" + page.path)
            written.insert("Content/" + page.path)
        }
        // A page keeps its place over a file of the same name.
        for file in project.files where written.insert(file.to).inserted {
            guard let data = manager.contents(atPath: source.appendingPathComponent(file.from).path) else { continue }
            try put(data, file.to)
        }
        try put(Data(project.siteConfig.utf8), "Site/site.yml")
        for file in project.interfaceFiles { try put(Data(file.text.utf8), file.path) }
        try PublishingFiles.writePagesWorkflow(into: into)
        try put(Data(project.report.markdown.utf8), ImportReport.fileName)
    }
}

extension SiteImport.Generator {
    var name: String { self == .jekyll ? "Jekyll" : "Hugo" }
}
