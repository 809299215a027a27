import Broadside
import Foundation

/// `GET /__edit/api/pages`: every Markdown page of Content/ with its state, from the last
/// build's site. Drafts, which the preview leaves out, are read from their files.
enum EditPages {
    static func list(_ snapshot: BuildSnapshot?, folders: EditFolders, content: String) -> [EditMessages.Page] {
        var counts: [String: Int] = [:]
        for diagnostic in snapshot?.diagnostics.all ?? [] {
            if let path = diagnostic.location?.path { counts[path, default: 0] += 1 }
        }
        guard let site = snapshot?.model else { return [] }
        let languages = site.editions.map(\.language.code)
        var pages = site.pages.map { page in
            let display = page.source.file.displayPath
            let present = Set(site.translations(of: page).keys)
            return EditMessages.Page(
                path: folders.apiPath(display: display), title: page.title, url: address(page.route), section: page.section, language: page.language,
                draft: page.frontMatter.draft, reviewed: page.frontMatter.reviewed?.description,
                stale: page.frontMatter.reviewed.map { $0.days(until: site.today) > site.config.reviewIntervalDays } ?? false,
                translations: EditMessages.Translations(present: languages.filter(present.contains), missing: languages.filter { !present.contains($0) }),
                findings: counts[display] ?? 0)
        }
        let listed = Set(pages.map(\.path))
        for relative in ContentFiles.named(endingIn: ".md", under: content) {
            let display = (content.hasPrefix("./") ? String(content.dropFirst(2)) : content) + "/" + relative
            let path = folders.apiPath(display: display)
            // Read as the editor opens it: never through a link.
            guard !listed.contains(path), let file = try? folders.check(path), let text = try? EditDesk.text(of: file) else { continue }
            var ignored = Diagnostics()
            let source = PageSource.parse(SourceFile(relativePath: relative, displayPath: display, text: text),
                                          timeZone: site.config.timeZone, diagnostics: &ignored)
            let parts = relative.split(separator: "/")
            let code = parts.last.map { $0.split(separator: ".") }.flatMap { $0.count == 3 ? String($0[1]) : nil }
            let language = code.flatMap { languages.contains($0) ? $0 : nil } ?? languages[0]
            pages.append(EditMessages.Page(
                path: path, title: source.frontMatter.title ?? String(parts.last ?? ""), url: nil,
                section: parts.count > 1 ? String(parts[0]) : nil, language: language, draft: source.frontMatter.draft,
                reviewed: source.frontMatter.reviewed?.description, stale: false,
                translations: EditMessages.Translations(present: [language], missing: []), findings: counts[display] ?? 0))
        }
        return pages.sorted { $0.path < $1.path }
    }

    /// `guides/da-forum/index.html` → `/guides/da-forum/`: the address the preview serves it at.
    static func address(_ route: Route) -> String {
        "/" + (route.path.hasSuffix("index.html") ? String(route.path.dropLast("index.html".count)) : route.path)
    }
}
