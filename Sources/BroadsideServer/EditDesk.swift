import Broadside
import Foundation

/// Opens, saves and undoes files for the editor, one save at a time: a save is kept in the
/// history, written atomically, then the site is built again and the answer tells how the
/// build went. A save that makes the build fail stays written: the person editing sees the
/// errors with their lines and fixes them, as after a save in a text editor.
actor EditDesk {
    nonisolated let folders: EditFolders
    // Read by the desk's other files (new pages, translations).
    let history: SaveHistory
    let builder: Rebuilder
    let state: PreviewState
    let translations: TranslationRecords

    init(folders: EditFolders, builder: Rebuilder, state: PreviewState) {
        self.folders = folders
        history = SaveHistory(root: folders.root)
        translations = TranslationRecords(root: folders.root)
        self.builder = builder
        self.state = state
    }

    func open(_ path: String) async throws(EditRefusal) -> EditMessages.File {
        let text = try Self.text(of: try folders.check(path))
        let form = path.hasSuffix(".md") ? FrontMatterEdit.form(of: text) : nil
        return EditMessages.File(path: path, text: text, findings: EditMessages.findings(of: path, in: await state.last, folders: folders),
                                 form: form.map { EditMessages.Form(fields: $0.fields, others: $0.others.isEmpty ? nil : $0.others, body: $0.body) })
    }

    /// A save of the whole text, or of the form's fields and body written into the page's text.
    func save(_ save: EditMessages.Save) async throws(EditRefusal) -> EditMessages.Saved {
        if let text = save.text { return try await self.save(save.path, text: text) }
        guard save.fields != nil || save.body != nil else {
            throw EditRefusal(status: 400, message: "\(save.path): send the page's `text`, or its `fields` and `body`")
        }
        guard save.path.hasSuffix(".md") else { throw EditRefusal(status: 400, message: "\(save.path): only a .md page has front matter to fill in") }
        let file = try folders.check(save.path)
        let old = file.exists ? try Self.text(of: file) : ""
        let text: String
        do {
            text = try FrontMatterEdit.apply(save.fields ?? [:], body: save.body, to: old)
        } catch {
            throw EditRefusal(status: 400, message: "\(save.path): \(error)")
        }
        return try await self.save(save.path, text: text)
    }

    func save(_ path: String, text: String) async throws(EditRefusal) -> EditMessages.Saved {
        let file = try folders.check(path)
        try folders.checkSavable(path)
        let data = Data(text.utf8)
        guard data.count <= EditFolders.maxFileBytes else {
            throw EditRefusal(status: 413, message: "\(path): the text is larger than the editor saves (1 MiB)")
        }
        if file.exists {
            try history.keep(try file.read(), of: path)
            history.forgetUndone(of: path)
        }
        try file.replace(with: data)
        let started = builder.counts.started
        await recordOriginal(of: path, text: text)
        return await rebuilt(path, after: started)
    }

    func undo(_ path: String) async throws(EditRefusal) -> EditMessages.Saved {
        let file = try folders.check(path)
        guard try history.restoreNewest(of: path, current: try file.read(), { (data) throws(EditRefusal) in try file.replace(with: data) }) else {
            throw EditRefusal(status: 409, message: "\(path): there is no earlier save to go back to")
        }
        return await rebuilt(path, after: builder.counts.started)
    }

    /// Takes back the last undo: the version it replaced is written again.
    func redo(_ path: String) async throws(EditRefusal) -> EditMessages.Saved {
        let file = try folders.check(path)
        guard try history.restoreUndone(of: path, current: try file.read(), { (data) throws(EditRefusal) in try file.replace(with: data) }) else {
            throw EditRefusal(status: 409, message: "\(path): there is no undo to take back since the last save")
        }
        return await rebuilt(path, after: builder.counts.started)
    }

    /// A file's text; a file that is not UTF-8 is not the editor's to rewrite.
    static func text(of file: SafePath) throws(EditRefusal) -> String {
        guard let text = String(validating: try file.read(), as: UTF8.self) else {
            throw EditRefusal(status: 415, message: "\(file.path) is not UTF-8 text, which the editor does not open")
        }
        return text
    }

    /// The first build that read the save, as the preview builds after any save.
    func rebuilt(_ path: String, after build: Int) async -> EditMessages.Saved {
        let (snapshot, errors) = await errors(after: build)
        // A table's messages are placed on its cells, for the grid.
        let text = path.hasSuffix(".csv") ? (try? folders.check(path)).flatMap { try? Self.text(of: $0) } : nil
        return EditMessages.Saved(path: path, built: errors.isEmpty,
                                  findings: text.map { EditTables.built(path, text: $0, in: snapshot, folders: folders) }
                                      ?? EditMessages.findings(of: path, in: snapshot, folders: folders),
                                  errors: errors, undoable: history.count(of: path), redoable: history.canRedo(path))
    }

    /// The first build after build `number`, and its errors in any file; one saying so when it
    /// takes longer than the editor waits (the file is saved, and the preview shows it when built).
    func errors(after number: Int) async -> (BuildSnapshot?, [EditMessages.Finding]) {
        guard let snapshot = await builder.build(after: number) else {
            return (nil, [EditMessages.Finding(severity: "error", message: "The site is still being built after \(Int(Rebuilder.waitLimit)) s: the file is saved, and the preview will show it once the build ends.")])
        }
        let errors = snapshot.diagnostics.sorted.filter { $0.severity == .error }
        return (snapshot, errors.map { EditMessages.finding($0, folders: folders, withPath: true) })
    }
}
