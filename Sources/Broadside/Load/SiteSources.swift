import Foundation

/// Everything a build reads, before any of it is interpreted.
public struct SiteSources: Sendable {
    public var config: SourceFile?
    /// Every `*.md` under Content/.
    public var pages: [SourceFile]
    /// Everything else under Content/, copied beside the pages (relative paths).
    public var contentFiles: [String]
    /// The CSV files under Content/ and the YAML files that may describe them, as text.
    public var dataFiles: [SourceFile]
    /// `Site/templates/*.mustache`, by template name.
    public var templates: [String: SourceFile]
    /// Files under `Site/assets/` (relative paths), copied to `Output/assets/`.
    public var assets: [String]
    /// `Site/i18n/<code>.yml`: the interface's words, by language code.
    public var interfaceStrings: [String: SourceFile] = [:]
}

extension SiteSources {
    public static func load(_ folders: SiteFolders, io: FileIO, diagnostics: inout Diagnostics) -> SiteSources {
        load(folders, io: io, cache: nil, diagnostics: &diagnostics)
    }

    /// With a cache, a file whose stamp is unchanged since the last build is not read again;
    /// told which files were edited, only they are read, into the last build's sources.
    static func load(_ folders: SiteFolders, io: FileIO, cache: BuildCache?, diagnostics: inout Diagnostics) -> SiteSources {
        if let cache, let edited = cache.edited {
            // Taken out of the cache while patched, so that replacing one file does not copy
            // the list of thousands first.
            var last = cache.sources
            cache.sources = nil
            if last != nil, patch(&last!, edited: edited, folders: folders, io: io, cache: cache) {
                cache.edited = nil
                cache.sources = last
                return last!
            }
            // An edit it cannot place (a path written another way, a file gone since): every
            // folder is listed and every file looked at.
            cache.edited = nil
        }
        let problemsBefore = diagnostics.all.count
        let sources = scan(folders, io: io, cache: cache, diagnostics: &diagnostics)
        // Patched next time only if nothing went wrong: a file or folder that could not be
        // read must be reported again.
        cache?.sources = diagnostics.all.count == problemsBefore ? sources : nil
        return sources
    }

    /// Reads the edited files again into the last build's sources; false when an edited file
    /// is not one of them, or cannot be read now (then everything is looked at, and reported).
    private static func patch(_ sources: inout SiteSources, edited: Set<String>, folders: SiteFolders, io: FileIO,
                              cache: BuildCache) -> Bool {
        func inside(_ folder: SiteFolders.Folder, _ path: String) -> String? {
            let root = folder.root.hasSuffix("/") ? folder.root : folder.root + "/"
            return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : nil
        }
        func fresh(_ folder: SiteFolders.Folder, _ relativePath: String) -> SourceFile? {
            let path = folder.path(relativePath)
            let stamp = io.stamp(path), readAt = Date().timeIntervalSince1970
            guard let stamp, case .success(let file) = read(folder, relativePath, io: io) else { return nil }
            cache.files[path] = BuildCache.File(stamp: stamp, readAt: readAt, file: file)
            return file
        }
        for path in edited {
            if let relativePath = inside(folders.content, path) {
                if let index = sources.pages.firstIndex(where: { $0.relativePath == relativePath }) {
                    guard let file = fresh(folders.content, relativePath) else { return false }
                    sources.pages[index] = file
                } else if let index = sources.dataFiles.firstIndex(where: { $0.relativePath == relativePath }) {
                    guard let file = fresh(folders.content, relativePath) else { return false }
                    sources.dataFiles[index] = file
                } else if !sources.contentFiles.contains(relativePath) {
                    return false  // copied files are compared when written; anything else is news
                }
            } else if let relativePath = inside(folders.site, path) {
                if relativePath == "site.yml", sources.config != nil {
                    guard let file = fresh(folders.site, relativePath) else { return false }
                    sources.config = file
                } else if let name = sources.templates.first(where: { $0.value.relativePath == relativePath })?.key {
                    guard let file = fresh(folders.site, relativePath) else { return false }
                    sources.templates[name] = file
                } else if let code = sources.interfaceStrings.first(where: { $0.value.relativePath == relativePath })?.key {
                    guard let file = fresh(folders.site, relativePath) else { return false }
                    sources.interfaceStrings[code] = file
                } else if !relativePath.hasPrefix("assets/") || !sources.assets.contains(String(relativePath.dropFirst("assets/".count))) {
                    return false
                }
            } else {
                return false
            }
        }
        return true
    }

    private static func scan(_ folders: SiteFolders, io: FileIO, cache: BuildCache?, diagnostics: inout Diagnostics) -> SiteSources {
        let known = cache?.files ?? [:]
        // Only this build's files stay in the cache: a deleted file's entry goes with it.
        var kept: [String: BuildCache.File] = [:]
        defer { cache?.files = kept }
        /// Many files at once, across the cores; problems reported in path order.
        func texts(_ folder: SiteFolders.Folder, _ relativePaths: [String]) -> [SourceFile] {
            let loaded = relativePaths.concurrentMap { relativePath -> (Result<SourceFile, Diagnostic>, BuildCache.File?) in
                let path = folder.path(relativePath)
                let stamp = cache == nil ? nil : io.stamp(path)
                if let kept = known[path], kept.reusable(now: stamp) { return (.success(kept.file), kept) }
                let readAt = Date().timeIntervalSince1970
                let result = read(folder, relativePath, io: io)
                guard let stamp, case .success(var file) = result else { return (result, nil) }
                // Read again but the same (a file changed just before the last reading): the
                // text already held is kept, so later steps see it is the same at a glance.
                if let kept = known[path], kept.file.text.hasSameBytes(as: file.text) { file = kept.file }
                return (.success(file), BuildCache.File(stamp: stamp, readAt: readAt, file: file))
            }
            return zip(relativePaths, loaded).compactMap { relativePath, loaded in
                if let file = loaded.1 { kept[folder.path(relativePath)] = file }
                switch loaded.0 {
                case .success(let file): return file
                case .failure(let diagnostic):
                    diagnostics.report(diagnostic)
                    return nil
                }
            }
        }
        func text(_ folder: SiteFolders.Folder, _ relativePath: String) -> SourceFile? {
            texts(folder, [relativePath]).first
        }
        func list(_ folder: SiteFolders.Folder) -> [String] {
            do {
                return try io.listFiles(folder.path(""))
            } catch {
                diagnostics.error("cannot list this folder: \(error.localizedDescription)", at: SourceLocation(path: folder.display("")))
                return []
            }
        }

        let siteFiles = list(folders.site)
        let contentPaths = list(folders.content)
        if contentPaths.isEmpty {
            diagnostics.error("no content found: put Markdown pages in this folder (or pass --content DIR)",
                              at: SourceLocation(path: folders.content.display("")))
        }
        var templates: [String: SourceFile] = [:]
        for path in siteFiles where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            templates[name] = text(folders.site, path)
        }
        var interfaceStrings: [String: SourceFile] = [:]
        for path in siteFiles where path.hasPrefix("i18n/") && path.hasSuffix(".yml") {
            interfaceStrings[String(path.dropFirst("i18n/".count).dropLast(".yml".count))] = text(folders.site, path)
        }
        return SiteSources(
            config: siteFiles.contains("site.yml") ? text(folders.site, "site.yml") : nil,
            pages: texts(folders.content, contentPaths.filter { $0.hasSuffix(".md") }),
            // YAML under Content/ describes other files (table sidecars); it is not published.
            contentFiles: contentPaths.filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".yml") },
            dataFiles: texts(folders.content, contentPaths.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".yml") }),
            templates: templates,
            assets: siteFiles.filter { $0.hasPrefix("assets/") }.map { String($0.dropFirst("assets/".count)) },
            interfaceStrings: interfaceStrings
        )
    }

    private static func read(_ folder: SiteFolders.Folder, _ relativePath: String, io: FileIO) -> Result<SourceFile, Diagnostic> {
        let display = folder.display(relativePath)
        do {
            let path = folder.path(relativePath)
            if let text = try io.readText(path) { return SourceFile.checked(text, relativePath: relativePath, displayPath: display) }
            return SourceFile.decode(try io.read(path), relativePath: relativePath, displayPath: display)
        } catch {
            return .failure(.error("cannot read this file: \(error.localizedDescription)", at: SourceLocation(path: display)))
        }
    }
}
