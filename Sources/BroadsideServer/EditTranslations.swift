import Broadside
import Foundation

/// Translations in the editor: starting one from a page (`POST /__edit/api/translate`), and
/// which sections of its original changed since it was last saved (`GET /__edit/api/translation`).
extension EditDesk {
    func translate(_ request: EditMessages.Translate) async throws(EditRefusal) -> EditMessages.Started {
        let path = request.path
        guard path.hasSuffix(".md") else { throw EditRefusal(status: 400, message: "\(path): only a .md page can be translated") }
        let text = try pageText(path)
        guard let site = await state.last?.model else {
            throw EditRefusal(status: 409, message: "the site has not been built yet: fix the errors the preview shows, then start the translation")
        }
        let codes = site.editions.map(\.language.code)
        guard codes.contains(request.language) else {
            throw EditRefusal(status: 400, message: "'\(request.language)' is not one of the site's languages (\(codes.joined(separator: ", "))): add it under `languages:` in Site/site.yml first")
        }
        if let original = await originalPath(of: path, text: text) {
            throw EditRefusal(status: 400, message: "\(path) is itself a translation of \(original): start a translation from \(original)")
        }
        let relative = String(path.dropFirst(contentPath.count + 1))
        guard site.pageLanguage(of: relative)?.code != request.language else {
            throw EditRefusal(status: 400, message: "\(path) is already in '\(request.language)'")
        }
        let made = contentPath + "/" + relative.dropLast(".md".count) + "." + request.language + ".md"
        let file = try folders.check(made)
        guard !file.exists else { throw EditRefusal(409, .translationExists(made)) }
        let translation: String
        do {
            // A translation is reviewed when its own words are.
            // Old addresses stay the original's: two pages cannot answer one. A draft until the
            // translator says it is done: until then it would show the original's words as its own.
            translation = try FrontMatterEdit.apply(["translation_of": .text(relative), "reviewed": .none, "aliases": .none, "redirect_from": .none,
                                                     "draft": .flag(true)], to: text)
        } catch {
            throw EditRefusal(status: 400, message: "\(path): \(error)")
        }
        try file.replace(with: Data(translation.utf8))
        let started = builder.counts.started
        try translations.keep(text, for: made)
        return EditMessages.Started(path: made, errors: await errors(after: started).1)
    }

    func translation(_ path: String) async throws(EditRefusal) -> EditMessages.Translation {
        let text = try pageText(path)
        guard let original = await originalPath(of: path, text: text) else {
            throw EditRefusal(status: 400, message: "\(path) is not a translation: it has no `translation_of:`, and no page has its name without a language code")
        }
        let now = try pageText(original)
        var basis = "none"
        var before: String?
        if let kept = translations.read(for: path) {
            (basis, before) = ("editor", kept)
        } else if let hash = await EditGit.output(["log", "-1", "--format=%H", "--", path], in: folders.root)
                    .map({ String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }), !hash.isEmpty,
                  let then = await EditGit.output(["show", "\(hash):./\(original)"], in: folders.root) {
            (basis, before) = ("git", String(decoding: then, as: UTF8.self))
        }
        let changed = before.map { PageSections.changed(from: $0, to: now) } ?? []
        return EditMessages.Translation(path: path, original: .init(path: original, text: now),
                                        changed: changed.map { .init(heading: $0.heading, line: $0.line) }, basis: basis)
    }

    /// After a translation is saved: what its original says now, to compare with later.
    func recordOriginal(of path: String, text: String) async {
        guard path.hasSuffix(".md"), let original = await originalPath(of: path, text: text),
              let words = try? pageText(original) else { return }
        try? translations.keep(words, for: path)
    }

    /// The page `path` translates, as the API names it: its `translation_of:` (a page's path
    /// under Content/), else its name without the language code (`forum.es.md` → `forum.md`)
    /// when that page exists; nil for a page that translates none.
    func originalPath(of path: String, text: String) async -> String? {
        let prefix = contentPath + "/"
        guard path.hasPrefix(prefix) else { return nil }
        if let written = FrontMatterEdit.form(of: text)?.fields["translation_of"], case .text(let target) = written, target.hasSuffix(".md") {
            let original = prefix + target.drop { $0 == "/" }
            if (try? folders.check(original))?.exists == true { return original }
        }
        guard let site = await state.last?.model, let named = site.pageLanguage(of: String(path.dropFirst(prefix.count))),
              prefix + named.original != path, (try? folders.check(prefix + named.original))?.exists == true else { return nil }
        return prefix + named.original
    }

    private func pageText(_ path: String) throws(EditRefusal) -> String {
        String(decoding: try folders.check(path).read(), as: UTF8.self)
    }
}
