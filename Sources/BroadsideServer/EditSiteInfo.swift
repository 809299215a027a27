import Broadside
import Foundation

/// `GET /__edit/api/site`: the site's languages, tags, sections and kinds of new page, for the
/// editor's lists, from the last build.
enum EditSiteInfo {
    static func info(_ snapshot: BuildSnapshot?, content: String, root: String) -> EditMessages.SiteInfo {
        let config = snapshot?.model?.config ?? SiteConfig()
        let languages = snapshot?.model?.editions.map(\.language) ?? config.languages
        let tags = Set((snapshot?.model?.pages ?? []).flatMap(\.frontMatter.tags))
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: content)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: content + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }
        let zone = TimeZone(identifier: config.timeZone) ?? .current
        return EditMessages.SiteInfo(
            languages: languages.map { EditMessages.SiteInfo.Language(code: $0.code, name: $0.name) },
            tags: tags.sorted(), sections: folders.sorted(),
            kinds: Scaffold.Kind.allCases.filter { $0 != .site }.map(\.rawValue),
            today: Day(Day.now(), in: zone).description, reviewIntervalDays: config.reviewIntervalDays,
            git: EditGit.isWorkTree(root))
    }
}
