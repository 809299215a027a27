import Broadside
import Foundation

/// `POST /__edit/api/new`: the files `broadside new KIND NAME` makes, written as the editor
/// writes any file (checked, atomic), never over one that exists, then the site rebuilt.
extension EditDesk {
    /// The content folder as the API names it: `Content`.
    nonisolated var contentPath: String { folders.allowed[0].joined(separator: "/") }

    func new(_ request: EditMessages.New) async throws(EditRefusal) -> EditMessages.Made {
        let kinds = Scaffold.Kind.allCases.filter { $0 != .site }
        guard let kind = Scaffold.Kind(rawValue: request.kind), kinds.contains(kind) else {
            throw EditRefusal(status: 400, message: "'\(request.kind)' is not a kind of page: choose \(kinds.map(\.rawValue).joined(separator: ", "))")
        }
        let content = SiteFolders.Folder(folders.fullPath(contentPath))
        let files: [Scaffold.File]
        do {
            files = try Scaffold.files(kind, name: request.name, today: .today(), handouts: kind == .packet ? Scaffold.handoutPages(in: content) : [])
        } catch Scaffold.Problem.badName(let name) {
            throw EditRefusal(400, .badName(name))
        } catch {
            throw EditRefusal(status: 400, message: "\(error)")
        }
        let suffix = try await languageSuffix(request.language)
        var places: [(SafePath, Data)] = []
        for file in files {
            // A page in another language than the site's first is named as its translations are.
            let path = contentPath + "/" + (file.path.hasSuffix(".md") ? file.path.dropLast(".md".count) + suffix + ".md" : file.path)
            let place = try checkMakingSection(path)
            guard !place.exists else { throw EditRefusal(409, .exists(path)) }
            places.append((place, Data(try Self.titled(file, request.title).utf8)))
        }
        for (place, data) in places {
            guard try place.create(with: data) else { throw EditRefusal(409, .exists(place.path)) }
        }
        let started = builder.counts.started
        let paths = places.map(\.0.path)
        return EditMessages.Made(paths: paths, path: paths.first { $0.hasSuffix(".md") } ?? paths[0], errors: await errors(after: started).1)
    }

    /// `.es` for a page in Spanish on a site whose first language is English; nothing for the first.
    private func languageSuffix(_ code: String?) async throws(EditRefusal) -> String {
        guard let code else { return "" }
        let codes = await state.last?.model?.editions.map(\.language.code) ?? []
        guard let index = codes.firstIndex(of: code) else {
            throw EditRefusal(status: 400, message: "'\(code)' is not one of the site's languages (\(codes.joined(separator: ", "))): add it under `languages:` in Site/site.yml first")
        }
        return index == 0 ? "" : "." + code
    }

    /// A new page's text with the title typed (`broadside new` makes one from the name alone).
    private static func titled(_ file: Scaffold.File, _ title: String?) throws(EditRefusal) -> String {
        guard let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty, file.path.hasSuffix(".md") else { return file.text }
        do {
            return try FrontMatterEdit.apply(["title": .text(title)], to: file.text)
        } catch {
            throw EditRefusal(status: 400, message: "\(file.path): \(error)")
        }
    }

    /// `check`, after making the section's folder (`Content/charts/`) when it is the one part
    /// missing, as `broadside new` does; deeper folders are never made.
    private func checkMakingSection(_ path: String) throws(EditRefusal) -> SafePath {
        do throws(EditRefusal) {
            return try folders.check(path)
        } catch where error.status == 404 {
            let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
            guard folder.split(separator: "/").count == folders.allowed[0].count + 1 else { throw error }
            do {
                try FileManager.default.createDirectory(atPath: folders.fullPath(folder), withIntermediateDirectories: false)
            } catch {
                throw EditRefusal(status: 500, message: "\(folder) could not be made: \(error.localizedDescription)")
            }
            return try folders.check(path)
        }
    }
}
